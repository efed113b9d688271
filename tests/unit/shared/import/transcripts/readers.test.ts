/**
 * The small pieces the transcript readers share, and the cases the fixtures do not show: times as
 * files write them, markup read as tokens (never as HTML), whisper.cpp's speaker turns without
 * names, speakers beyond what a document holds, and the findings in both languages.
 */
import { describe, expect, it } from 'vitest';
import { describeImportFinding } from '../../../../../shared/import/findings';
import { decodeEntities, stripTags, tokenizeMarkup } from '../../../../../shared/import/transcripts/markup';
import { parseOtr } from '../../../../../shared/import/transcripts/otr';
import { parseSrt } from '../../../../../shared/import/transcripts/srt';
import { parseTimecode } from '../../../../../shared/import/transcripts/timecode';
import { transcriptToImport } from '../../../../../shared/import/transcripts/transcript-turns';
import { parseWhisperJson } from '../../../../../shared/import/transcripts/whisper-json';
import { LIMITS } from '../../../../../shared/model/schema';

describe('timecodes', () => {
  it('reads the ways transcripts write a time, in milliseconds', () => {
    expect(parseTimecode('01:02:03.456')).toBe(3_723_456);
    expect(parseTimecode('01:02:03,456')).toBe(3_723_456);
    expect(parseTimecode('02:03.456')).toBe(123_456);
    expect(parseTimecode('1:23')).toBe(83_000);
    expect(parseTimecode('1:02:03')).toBe(3_723_000);
    expect(parseTimecode('00:00:01.5')).toBe(1_500);
    expect(parseTimecode('00:00:01.05')).toBe(1_050);
    expect(parseTimecode('100:00:00.000')).toBe(360_000_000);
  });

  it('refuses what is not a time', () => {
    for (const bad of ['1:75', '01:60:00', '12', 'ab:cd', '', '1:2', '99999999999:00', '00:00:01.2345']) expect(parseTimecode(bad)).toBeNull();
  });
});

describe('markup', () => {
  it('decodes the entities subtitle files use, and keeps a malformed one as written', () => {
    expect(decodeEntities('a &amp; b &lt;c&gt; &nbsp;&lrm;&#7843;&#x1EA1; &bogus; &#xD800; &#0;')).toBe('a & b <c> \u00A0\u200Eảạ &bogus; &#xD800; &#0;');
  });

  it('reads tags as tokens: a stray < is text, an unclosed tag is text', () => {
    expect(tokenizeMarkup('<v.loud Lan Anh>x < y</v> <3 <b')).toEqual([
      { kind: 'tag', name: 'v', raw: 'v.loud Lan Anh' },
      { kind: 'text', text: 'x < y' },
      { kind: 'tag', name: '/v', raw: '/v' },
      { kind: 'text', text: ' <3 <b' },
    ]);
    expect(stripTags('{\\an8}<i>Xin</i> <font color="#fff">chào</font>')).toBe('Xin chào');
  });
});

describe('readers', () => {
  it("whisper.cpp's speaker turns (-tdrz) without names: two numbered speakers taking turns, each change reported", () => {
    const t = parseWhisperJson(
      JSON.stringify({
        transcription: [
          { offsets: { from: 0, to: 1000 }, text: ' Where were you?', speaker_turn_next: true },
          { offsets: { from: 1200, to: 2000 }, text: ' At the market.', speaker_turn_next: false },
          { offsets: { from: 2100, to: 3000 }, text: ' Then the rain came.', speaker_turn_next: true },
          { offsets: { from: 3500, to: 4000 }, text: ' And then?' },
        ],
      }),
    )!;
    const r = transcriptToImport(t);
    const labels = r.doc.body.flatMap((b) => (b.type === 'turn' ? [[r.doc.participants.find((p) => p.id === b.speakerId)!.label, b.children.map((c) => (c.type === 'paragraph' ? c.children[0]!.text : '')).join(' / ')]] : []));
    expect(labels).toEqual([
      ['Speaker 1', 'Where were you?'],
      ['Speaker 2', 'At the market. Then the rain came.'],
      ['Speaker 1', 'And then?'],
    ]);
    expect(r.report.findings.filter((f) => f.kind === 'placeholder-speaker').map((f) => f.line)).toEqual([1, 2, 4]);
  });

  it('an .otr whose stamps cannot be read keeps what they display as text; a file without `text` is not oTranscribe', () => {
    const t = parseOtr(JSON.stringify({ text: '<p><span class="timestamp" data-timestamp="soon">00:07</span> Xin chào.</p>' }))!;
    expect(t.segments.map((s) => [s.startMs, s.text])).toEqual([[null, '00:07 Xin chào.']]);
    expect(parseOtr('{"media":"a.mp3"}')).toBeNull();
    expect(parseOtr('not json')).toBeNull();
  });

  it('SRT text before the first cue is kept, untimed, and reported', () => {
    const t = parseSrt('Bản chép lời buổi họp\n\n1\n00:00:01,000 --> 00:00:02,000\nXin chào.\n');
    expect(t.segments.map((s) => [s.startMs, s.text])).toEqual([
      [null, 'Bản chép lời buổi họp'],
      [1000, 'Xin chào.'],
    ]);
    expect(t.findings.map((f) => [f.line, f.kind])).toEqual([[1, 'transcript-untimed']]);
  });
});

describe('speakers beyond what a document holds', () => {
  it('keeps their words, printed with their name, in the turn before, and reports them', () => {
    const segments = Array.from({ length: LIMITS.participants + 2 }, (_, i) => ({ speaker: `Người ${i}`, startMs: i * 1000, text: `Câu ${i}.`, line: i + 1 }));
    const r = transcriptToImport({ format: 'webvtt', segments, findings: [] });
    expect(r.doc.participants).toHaveLength(LIMITS.participants);
    const last = r.doc.body[r.doc.body.length - 1]!;
    expect(last.type === 'turn' && r.doc.participants.find((p) => p.id === last.speakerId)!.label).toBe(`Người ${LIMITS.participants - 1}`);
    expect(last.type === 'turn' && last.children.map((c) => (c.type === 'paragraph' ? c.children[0]!.text : ''))).toEqual([`Câu ${LIMITS.participants - 1}. Người 200: Câu 200. Người 201: Câu 201.`]);
    expect(r.report.findings.filter((f) => f.kind === 'transcript-speaker-limit').map((f) => f.text)).toEqual(['Người 200', 'Người 201']);
  });
});

describe('findings of transcripts, in both languages', () => {
  it('says what the reporter should check, with the line', () => {
    const garbled = { kind: 'transcript-garbled' as const, line: 3, text: 'hai k\uFFFD sách' };
    expect(describeImportFinding(garbled, 'en')).toBe('Line 3: "hai k\uFFFD sách" holds characters that could not be read (�); check it against the recording');
    expect(describeImportFinding(garbled, 'vi')).toBe('Dòng 3: "hai k\uFFFD sách" có ký tự không đọc được (�); hãy đối chiếu với bản ghi âm');
    const guessed = { kind: 'interviewer-guessed' as const, line: 1, text: 'Người nói 1', detail: '4' };
    expect(describeImportFinding(guessed, 'vi')).toBe('Dòng 1: Người nói 1 hỏi nhiều câu nhất (4): được coi là người phỏng vấn');
    expect(describeImportFinding({ ...guessed, detail: '' }, 'en')).toBe('Line 1: no one asks a question: Người nói 1, who speaks first, is taken as the interviewer');
  });
});

describe('SRT counters', () => {
  it('a number said alone inside a cue is words, not the next counter', () => {
    const t = parseSrt('1\n00:00:01,000 --> 00:00:03,000\nNăm nào?\n2019\n\n2\n00:00:04,000 --> 00:00:05,000\nĐúng.\n');
    expect(t.segments.map((s) => s.text)).toEqual(['Năm nào? 2019', 'Đúng.']);
  });

  it('without blank lines between cues, the next number is still the counter', () => {
    const t = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nMột.\n2\n00:00:02,500 --> 00:00:03,000\nHai.\n');
    expect(t.segments.map((s) => [s.startMs, s.text])).toEqual([
      [1000, 'Một.'],
      [2500, 'Hai.'],
    ]);
  });
});
