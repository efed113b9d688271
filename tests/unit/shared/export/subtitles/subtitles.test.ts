/**
 * Subtitles from the paragraphs' times (shared/export/subtitles/): the cues a video tool reads, with
 * the right words under the right speaker at the right moment, written out by hand here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatByName, FORMATS } from '../../../../../shared/export/formats';
import { runExport } from '../../../../../shared/export/run-export';
import { clockStamp, subtitleCues } from '../../../../../shared/export/subtitles/cues';
import { exportSrt } from '../../../../../shared/export/subtitles/srt';
import { exportWebVtt } from '../../../../../shared/export/subtitles/webvtt';
import { newInterview } from '../../../../../shared/model/factory';
import type { Block, Interview } from '../../../../../shared/model/schema';
import { optionsFor } from '../../../../helpers/export-fixtures';
import { para } from '../../../../helpers/timed-paragraphs';

function interview(body: Block[], language: 'vi' | 'en' = 'vi'): Interview {
  const doc = newInterview('doc-1', language);
  doc.participants = [
    { id: 'p1', label: 'Phóng viên', fullName: '', title: '', role: 'interviewer' },
    { id: 'p2', label: 'Bà Lan <R&D>', fullName: '', title: '', role: 'interviewee' },
  ];
  doc.body = body;
  return doc;
}

const dialogue = () =>
  interview([
    para('TTXVN - Lời dẫn chưa có mốc.'),
    { type: 'turn', speakerId: 'p1', children: [para('Thưa bà, dự án ra sao?', { startMs: 1500, endMs: 4200 })] },
    {
      type: 'turn',
      speakerId: 'p2',
      children: [para('Rất tốt & đúng hạn.', { startMs: 4200 }), para('Chúng tôi <đã> xong.'), para('Năm sau mở rộng.', { startMs: 3_725_010 })],
    },
    { type: 'turn', speakerId: 'p1', children: [para('Cảm ơn bà!')] },
  ]);

describe('WebVTT', () => {
  it('writes one cue per timed paragraph with voice tags, escaped text and the known or next start as end', () => {
    expect(exportWebVtt(dialogue())).toBe(
      [
        'WEBVTT',
        '',
        'NOTE language: vi',
        '',
        '1',
        '00:00:01.500 --> 00:00:04.200',
        '<v Phóng viên>Thưa bà, dự án ra sao?',
        '',
        '2',
        '00:00:04.200 --> 01:02:05.010',
        '<v Bà Lan &lt;R&amp;D&gt;>Rất tốt &amp; đúng hạn.',
        '<v Bà Lan &lt;R&amp;D&gt;>Chúng tôi &lt;đã&gt; xong.',
        '',
        '3',
        // the last cue has no end and no next start: as long as reading its 26 characters takes
        '01:02:05.010 --> 01:02:06.752',
        '<v Bà Lan &lt;R&amp;D&gt;>Năm sau mở rộng.</v>',
        '<v Phóng viên>Cảm ơn bà!</v>',
        '',
      ].join('\n'),
    );
  });

  it('a document without times gives a header and no cues', () => {
    expect(exportWebVtt(interview([para('Chưa có mốc.')], 'en'))).toBe('WEBVTT\n\nNOTE language: en\n');
  });
});

describe('SRT', () => {
  it('numbers the cues, writes HH:MM:SS,mmm and names a speaker where their turn opens', () => {
    expect(exportSrt(dialogue())).toBe(
      [
        '1',
        '00:00:01,500 --> 00:00:04,200',
        'Phóng viên: Thưa bà, dự án ra sao?',
        '',
        '2',
        '00:00:04,200 --> 01:02:05,010',
        'Bà Lan <R&D>: Rất tốt & đúng hạn.',
        'Chúng tôi <đã> xong.',
        '',
        '3',
        '01:02:05,010 --> 01:02:06,752',
        'Năm sau mở rộng.',
        'Phóng viên: Cảm ơn bà!',
        '',
        '',
      ].join('\n'),
    );
  });
});

describe('cues', () => {
  it('counts the text before the first time as left out, and skips empty timed paragraphs', () => {
    const doc = interview([para('Một.'), para(''), para('Hai.'), para('', { startMs: 0 }), para('Ba.', { startMs: 2000, endMs: 2000 })]);
    const { cues, leftOut } = subtitleCues(doc);
    expect(leftOut).toBe(2);
    // An end equal to the start would be an invalid cue: it lasts the reading time (at least a second).
    expect(cues).toEqual([{ startMs: 2000, endMs: 3000, segments: [{ speaker: null, opensTurn: false, lines: ['Ba.'] }] }]);
  });

  it('writes times as the formats spell them', () => {
    expect(clockStamp(0, '.')).toBe('00:00:00.000');
    expect(clockStamp(86_399_999, ',')).toBe('23:59:59,999');
  });

  it('every cue ends after it starts, and every timed paragraph with text is a cue', () => {
    const item = fc.record({ text: fc.constantFrom('', 'Câu.', 'a <b> & c'), start: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }), length: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), (items) => {
        const doc = interview(items.map(({ text, start, length }) => para(text, start === undefined ? undefined : { startMs: start, ...(length === undefined ? {} : { endMs: start + length }) })));
        const { cues } = subtitleCues(doc);
        // A timed paragraph with text is a cue; an empty one is when untimed text follows it.
        const timed = items.filter((i) => i.start !== undefined);
        expect(cues.length).toBeGreaterThanOrEqual(timed.filter((i) => i.text !== '').length);
        expect(cues.length).toBeLessThanOrEqual(timed.length);
        for (const c of cues) expect(c.endMs).toBeGreaterThan(c.startMs);
        const vtt = exportWebVtt(doc);
        // No cue text can hold a blank line or a timing arrow.
        expect(vtt.split('\n').filter((l) => l.includes('-->')).length).toBe(cues.length);
      }),
    );
  });
});

describe('the registry and the export path', () => {
  it('offers WebVTT and SRT by their command-line names, for people, not destinations', () => {
    expect(formatByName('vtt')).toBe('webvtt');
    expect(formatByName('srt')).toBe('srt');
    for (const f of ['webvtt', 'srt'] as const) {
      expect(FORMATS[f]).toMatchObject({ view: 'accepted', pictures: false, readBy: [], inDialog: true, forDestinations: false });
    }
  });

  it('runExport produces them without a headline once the left-out intro is acknowledged', () => {
    const doc = dialogue();
    doc.meta.headline = '';
    const unacknowledged = runExport(doc, { format: 'webvtt', options: optionsFor(doc) });
    expect(unacknowledged.ok).toBe(false);
    expect(unacknowledged.preflight).toEqual({
      errors: [],
      warnings: [{ code: 'subtitles.untimed-start', severity: 'warning', message: '1 paragraph(s) before the first time are not in the subtitles.', params: { count: 1 }, path: null, field: null, key: 'subtitles.untimed-start@' }],
    });
    const vtt = runExport(doc, { format: 'webvtt', options: optionsFor(doc), acceptWarnings: new Set(['subtitles.untimed-start@']) });
    expect(vtt.ok && vtt.content).toBe(exportWebVtt(doc));
    const srt = runExport(doc, { format: 'srt', options: optionsFor(doc), acceptWarnings: true });
    expect(srt.ok && srt.content).toBe(exportSrt(doc));
  });

  it('refuses subtitles of a document without times, and says why', () => {
    const doc = interview([para('Chưa có mốc.')]);
    const outcome = runExport(doc, { format: 'srt', options: optionsFor(doc), acceptWarnings: true });
    expect(outcome.ok).toBe(false);
    expect(outcome.preflight.errors.map((e) => e.code)).toEqual(['subtitles.no-times']);
  });

  it('a fully timed document exports with nothing to acknowledge', () => {
    const doc = interview([{ type: 'turn', speakerId: 'p1', children: [para('Chào bà.', { startMs: 0 })] }]);
    const outcome = runExport(doc, { format: 'webvtt', options: optionsFor(doc) });
    expect(outcome.ok && outcome.content).toBe('WEBVTT\n\nNOTE language: vi\n\n1\n00:00:00.000 --> 00:00:01.000\n<v Phóng viên>Chào bà.\n');
  });
});
