/**
 * Each machine-transcript format, read from a hand-written file (tests/fixtures/transcripts/) into
 * the interview the import preview shows: who says what, in which turn and paragraph, from when to
 * when, and what the importer reports. The expectations are written out by hand from the files.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportFindingKind } from '../../../../../shared/import/findings';
import { importTranscriptOrText, type ImportedFile } from '../../../../../shared/import/transcripts/import-transcript';
import type { Block } from '../../../../../shared/model/schema';
import { validateInterview } from '../../../../../shared/model/validate';
import { normalizeInterview } from '../../../../../shared/model/normalize';
import { REPO_ROOT } from '../../../../helpers/material';

const fixture = (name: string) => resolve(REPO_ROOT, 'tests/fixtures/transcripts', name);
const load = (name: string): ImportedFile => importTranscriptOrText(name, readFileSync(fixture(name), 'utf8'));

/** A paragraph as `[speaker label] start–end text`, the intro's as `[] …`, times in ms. */
function lines(result: ImportedFile): string[] {
  const label = (id: string) => result.doc.participants.find((p) => p.id === id)?.label ?? '?';
  const paragraph = (who: string, b: Block) => {
    if (b.type !== 'paragraph') return `[${who}] photo`;
    const time = b.time ? `${b.time.startMs}–${b.time.endMs ?? ''}` : 'untimed';
    return `[${who}] ${time} ${b.children.map((l) => l.text).join('')}`;
  };
  return result.doc.body.flatMap((b) => (b.type === 'turn' ? b.children.map((c) => paragraph(label(b.speakerId), c)) : [paragraph('', b)]));
}
const turnSpeakers = (result: ImportedFile) => result.doc.body.flatMap((b) => (b.type === 'turn' ? [result.doc.participants.find((p) => p.id === b.speakerId)!.label] : []));
const roles = (result: ImportedFile) => Object.fromEntries(result.doc.participants.map((p) => [p.label, p.role]));
const kinds = (result: ImportedFile) => result.report.findings.map((f): [number, ImportFindingKind] => [f.line, f.kind]);

/** What every import must be: a document the library admits as it is. */
function expectStorable(result: ImportedFile) {
  const checked = validateInterview(normalizeInterview(result.doc));
  expect(checked.ok, checked.ok ? '' : JSON.stringify(checked.problems)).toBe(true);
}

describe('WebVTT', () => {
  it('reads voices (with classes, without </v>), skips STYLE, REGION and NOTE, times with and without hours, entities', () => {
    const r = load('vi-interview.vtt');
    expect(r.transcript?.format).toBe('webvtt');
    expect(lines(r)).toEqual([
      '[Phóng viên] 0–4200 Thưa ông, năm nay nước về sớm hơn mọi năm phải không?',
      // One voice over two cues, lines of a cue joined; the 3.2 s gap after 12.8 s starts a paragraph.
      '[Ông Minh] 4500–12800 Đúng vậy. Nước về sớm gần nửa tháng, bà con chưa kịp thu hoạch lúa. Cá linh năm nay cũng nhiều hơn & to hơn.',
      '[Ông Minh] 16000–19500 Tôi nghĩ đó là tín hiệu <tốt> cho vùng này.',
      // Two voices in one cue: two turns, each with the cue's time.
      '[Phóng viên] 20000–23000 Ông có lo ngại gì không?',
      '[Ông Minh] 20000–23000 Có chứ.',
    ]);
    expect(turnSpeakers(r)).toEqual(['Phóng viên', 'Ông Minh', 'Phóng viên', 'Ông Minh']);
    expect(roles(r)).toEqual({ 'Phóng viên': 'interviewer', 'Ông Minh': 'interviewee' });
    expect(r.doc.meta.language).toBe('vi');
    expect(r.transcript?.timedParagraphs).toBe(5);
    expect(r.report.findings).toEqual([]);
    expectStorable(r);
  });

  it("names whisper.cpp's numbered voices, and keeps a cue of an unknown voice in the turn before, reported", () => {
    const r = load('en-interview.vtt');
    expect(lines(r)).toEqual([
      '[Speaker 1] 0–3000 Thanks for joining us. How long have you been farming here?',
      '[Speaker 2] 3400–13000 Almost thirty years. My father farmed this land before me. And the floods?',
      '[Speaker 1] 13200–16000 What changed after the dam was built?',
      // `&nbsp;` is a space like any other.
      '[Speaker 2] 16500–20000 The water comes later now, and there is less silt.',
    ]);
    expect(roles(r)).toEqual({ 'Speaker 1': 'interviewer', 'Speaker 2': 'interviewee' });
    expect(r.doc.meta.language).toBe('en');
    expect(kinds(r)).toEqual([
      [4, 'transcript-speaker-named'],
      [4, 'interviewer-guessed'],
      [7, 'transcript-speaker-named'],
      [13, 'transcript-no-speaker'],
    ]);
    expect(r.report.findings.find((f) => f.kind === 'interviewer-guessed')?.detail).toBe('2');
    expect(r.report.findings.find((f) => f.kind === 'transcript-no-speaker')?.detail).toBe('Speaker 2');
    expectStorable(r);
  });
});

describe('SRT', () => {
  it('reads a BOM, CRLF, wrong and missing counters, "." for ",", position data, tags; speakers from `Name:` and `[Name]`', () => {
    const r = load('vi-interview.srt');
    expect(r.transcript?.format).toBe('srt');
    expect(lines(r)).toEqual([
      '[Phóng viên] 1000–4000 Chào ông. Ông làm nghề chài lưới bao lâu rồi?',
      '[Ông Tư] 4500–11000 Hơn hai mươi năm rồi, từ hồi còn nhỏ. Nghề này cực nhưng vui.',
      '[Phóng viên] 15000–18000 Còn con cháu ông thì sao?',
      // `Long An:` is printed once: not a speaker, kept as text in the turn it is in.
      '[Ông Tư] 18400–27000 Tụi nhỏ lên thành phố hết rồi. Chỉ còn hai vợ chồng già. Long An: nước cũng về sớm.',
    ]);
    expect(roles(r)).toEqual({ 'Phóng viên': 'interviewer', 'Ông Tư': 'interviewee' });
    expect(kinds(r)).toEqual([[27, 'unproven-label']]);
    expectStorable(r);
  });

  it('reads leading dashes as changes of speaker, given two placeholder speakers and reported', () => {
    const r = load('en-dashes.srt');
    expect(lines(r)).toEqual([
      '[Speaker 1] 1000– Did you see the river rise?',
      '[Speaker 2] untimed Yes, overnight.',
      '[Speaker 1] 3500– Were you afraid?',
      '[Speaker 2] untimed Not really.',
    ]);
    expect(kinds(r).filter(([, k]) => k === 'placeholder-speaker').map(([line]) => line)).toEqual([3, 4, 8, 9]);
    expectStorable(r);
  });
});

describe('whisper JSON', () => {
  it('openai-whisper (diarised): seconds to ms, leading spaces gone, numbered speakers named, doubtful and speakerless segments reported', () => {
    const r = load('vi-whisperx.json');
    expect(r.transcript?.format).toBe('whisper-json');
    expect(lines(r)).toEqual([
      '[Người nói 1] 0–3500 Thưa bà, bà bắt đầu làm gốm từ khi nào?',
      '[Người nói 2] 3900–10000 Từ năm mười lăm tuổi. Mẹ tôi dạy tôi nặn cái bình đầu tiên.',
      // A 3 s pause; the next segment has no speaker and stays with the one before.
      '[Người nói 2] 13000–19000 Xuân nay làng gốm còn bao nhiêu hộ? Còn khoảng ba mươi hộ thôi.',
    ]);
    expect(kinds(r)).toEqual([
      [1, 'transcript-speaker-named'],
      [1, 'interviewer-guessed'],
      [2, 'transcript-speaker-named'],
      [4, 'transcript-doubtful'],
      [4, 'transcript-no-speaker'],
    ]);
    expectStorable(r);
  });

  it('whisper.cpp: offsets in ms (timestamps when offsets are missing), speakers 0/1/?, U+FFFD reported', () => {
    const r = load('vi-whisper-cpp.json');
    expect(r.transcript?.format).toBe('whisper-cpp-json');
    expect(lines(r)).toEqual([
      '[Người nói 1] 0–3200 Chị mở quán cà phê sách này được bao lâu rồi?',
      '[Người nói 2] 3600–9400 Được năm năm rồi em. Lúc đầu chỉ có hai k\uFFFD sách cũ.',
      '[Người nói 1] 12000–18000 Bây giờ thì sao ạ? Hơn ba nghìn cuốn.',
    ]);
    expect(kinds(r)).toEqual([
      [1, 'transcript-speaker-named'],
      [1, 'interviewer-guessed'],
      [2, 'transcript-speaker-named'],
      [3, 'transcript-garbled'],
      [5, 'transcript-no-speaker'],
    ]);
    expectStorable(r);
  });

  it('openai-whisper without speakers: timed paragraphs, and a finding that there are no speakers', () => {
    const json = JSON.stringify({
      text: ' Hello. Welcome.',
      segments: [
        { id: 0, start: 0, end: 1.5, text: ' Hello.' },
        { id: 1, start: 1.6, end: 2.4, text: ' Welcome.', words: [{ word: ' Welcome.', start: 1.6, end: 2.4, probability: 0.9 }] },
        { id: 2, start: 5, end: 6.25, text: ' Let us begin.' },
      ],
      language: 'en',
    });
    const r = importTranscriptOrText('talk.json', json);
    expect(lines(r)).toEqual(['[] 0–2400 Hello. Welcome.', '[] 5000–6250 Let us begin.']);
    expect(kinds(r)).toEqual([[1, 'no-speaker']]);
  });
});

describe('oTranscribe .otr', () => {
  it('reads the HTML as tokens: stamps in seconds and old mm:ss, a name before the stamp, script and handlers never text', () => {
    const r = load('vi-interview.otr');
    expect(r.transcript?.format).toBe('otr');
    expect(r.transcript?.mediaName).toBe('phong-van-anh-khoa.m4a');
    expect(lines(r)).toEqual([
      '[Phóng viên] 500– Anh học đàn bầu từ ai?',
      '[Anh Khoa] 4250– Từ ông nội tôi. Ông dạy tôi mỗi tối & mỗi sáng chủ nhật.',
      '[Phóng viên] 15800– Cây đàn này bao nhiêu tuổi?',
      '[Anh Khoa] 20000– Gần tám mươi năm.',
    ]);
    expect(JSON.stringify(r.doc)).not.toMatch(/alert|onerror|<img|script/);
    expect(r.report.findings).toEqual([]);
    expectStorable(r);
  });
});

describe('timed plain text', () => {
  it('Otter headers (`Name  m:ss`): title kept untimed and reported, a blank line in an answer starts a paragraph', () => {
    const r = load('vi-otter.txt');
    expect(r.transcript?.format).toBe('timed-text');
    expect(lines(r)).toEqual([
      '[] untimed Phỏng vấn nghệ nhân Lê Văn Hai - ghi âm ngày 12/3',
      '[Phóng viên] 2000– Thưa ông, nghề làm nón lá ở làng mình có từ bao giờ?',
      '[Ông Hai] 7000– Có từ đời ông cố tôi. Làng này trước kia nhà nào cũng làm nón.',
      '[Ông Hai] untimed Ngày nay thì ít hơn nhiều.',
      '[Phóng viên] 75000– Vì sao vậy ông?',
      '[Ông Hai] 79000– Vì nón làm bằng máy rẻ hơn.',
    ]);
    expect(kinds(r)).toEqual([[1, 'transcript-untimed']]);
    expectStorable(r);
  });

  it('`[hh:mm:ss] Name:` lines and `(mm:ss)` stamps inside a line', () => {
    const r = load('en-stamps.txt');
    expect(lines(r)).toEqual([
      '[] untimed Interview with Dr. Jane Park, hydrologist',
      '[Reporter] 5000– Why is the delta sinking?',
      '[Jane Park] 9000– Mostly groundwater pumping. And sand mining upstream makes it worse. We measured it for ten years.',
      '[Reporter] 30000– What can be done?',
      '[Jane Park] 34000– Stop pumping, and let the river bring silt again.',
    ]);
    expect(roles(r)).toEqual({ Reporter: 'interviewer', 'Jane Park': 'interviewee' });
    expectStorable(r);
  });
});

describe('choosing the reader', () => {
  it('a .txt that is WebVTT, SRT or a timed transcript is read as one; plain agency text is not', () => {
    const vtt = readFileSync(fixture('vi-interview.vtt'), 'utf8');
    expect(importTranscriptOrText('ghi-chu.txt', vtt).transcript?.format).toBe('webvtt');
    expect(importTranscriptOrText('ghi-chu.txt', readFileSync(fixture('en-dashes.srt'), 'utf8')).transcript?.format).toBe('srt');
    expect(importTranscriptOrText('notes.txt', readFileSync(fixture('en-stamps.txt'), 'utf8')).transcript?.format).toBe('timed-text');
    const agency = importTranscriptOrText('bai.txt', 'Phóng viên: Ông nghĩ sao?\n\nÔng Hải: Tôi đồng ý.\n\nPhóng viên: Cảm ơn ông.\n');
    expect(agency.transcript).toBeUndefined();
    expect(agency.report.turns.map((t) => t.label)).toEqual(['Phóng viên', 'Ông Hải', 'Phóng viên']);
  });

  it('a file named as a transcript that is none comes in as text, with a finding saying so', () => {
    const r = importTranscriptOrText('notes.vtt', 'Just some notes about the interview.');
    expect(r.transcript).toBeUndefined();
    expect(lines(r)).toEqual(['[] untimed Just some notes about the interview.']);
    expect(r.report.findings[0]).toEqual({ kind: 'transcript-unreadable', line: 1, text: 'notes.vtt' });
    const json = importTranscriptOrText('other.json', '{"hello": "world"}');
    expect(json.report.findings[0]?.kind).toBe('transcript-unreadable');
  });
});
