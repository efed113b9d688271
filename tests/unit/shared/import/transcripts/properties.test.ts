/**
 * The trust rules of a transcript made into turns (shared/import/transcripts/transcript-turns.ts),
 * over any list of segments: every character of every segment is in the document once and in
 * order, each paragraph's time lies within the times of the segments it holds, no segment changes
 * speaker, and the document is one the library admits. Hostile files (random bytes, huge or
 * backwards times, one enormous segment, more turns than a document holds) give findings, never an
 * exception or a document the library would refuse.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importTranscriptOrText } from '../../../../../shared/import/transcripts/import-transcript';
import type { Transcript, TranscriptSegment } from '../../../../../shared/import/transcripts/transcript';
import { transcriptToImport } from '../../../../../shared/import/transcripts/transcript-turns';
import { normalizeInterview } from '../../../../../shared/model/normalize';
import { LIMITS, MAX_MEDIA_MS, type Interview, type Paragraph } from '../../../../../shared/model/schema';
import { validateInterview } from '../../../../../shared/model/validate';

const SPEAKERS = ['Lan', 'Ông Minh', 'Bà Hà'];

/** Words from an alphabet whose cleaning is known: NFC, spaces collapsed (decomposed Vietnamese included). */
const word = fc.constantFrom('mưa', 'nước', 've\u0302\u0300', 'Hà', 'sớm', 'why?', 'ok.', 'đ', '"quoted"', 'x', 'Tôi', 'phải không?');
const segmentText = fc.array(fc.tuple(word, fc.constantFrom(' ', '  ', '\t', ' \u00A0')), { maxLength: 8 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
const ms = fc.oneof(fc.integer({ min: 0, max: 7_200_000 }), fc.constant(null), fc.integer({ min: -5, max: MAX_MEDIA_MS + 10 }));

const arbitrarySegments = fc.array(
  fc.record({
    speaker: fc.oneof(fc.constantFrom(...SPEAKERS), fc.constant(null)),
    startMs: ms,
    length: fc.option(fc.integer({ min: -3000, max: 5000 }), { nil: undefined }),
    text: segmentText,
    newParagraph: fc.boolean(),
  }),
  { maxLength: 40 },
);

/** Each segment's text is led by a marker word of its own (`§7`), so its paragraph can be found. */
function transcriptOf(raw: ReadonlyArray<{ speaker: string | null; startMs: number | null; length?: number; text: string; newParagraph: boolean }>): Transcript {
  const segments: TranscriptSegment[] = raw.map((r, i) => ({
    speaker: r.speaker,
    startMs: r.startMs,
    ...(r.startMs !== null && r.length !== undefined ? { endMs: r.startMs + r.length } : {}),
    text: `§${i} ${r.text}`,
    newParagraph: r.newParagraph,
    line: i + 1,
  }));
  return { format: 'webvtt', segments, findings: [] };
}

/** The cleaning the importer promises, written independently: NFC, one space between words, no ends. */
const cleaned = (text: string) => text.normalize('NFC').replace(/[\s\u00A0]+/g, ' ').trim();

interface Located {
  paragraph: Paragraph;
  speaker: string | null;
}

/** Every paragraph of the body with the label of the turn it is in (null: the intro). */
function paragraphs(doc: Interview): Located[] {
  const label = (id: string) => doc.participants.find((p) => p.id === id)!.label;
  return doc.body.flatMap((b): Located[] => {
    if (b.type === 'paragraph') return [{ paragraph: b, speaker: null }];
    if (b.type === 'turn') return b.children.flatMap((c) => (c.type === 'paragraph' ? [{ paragraph: c, speaker: label(b.speakerId) }] : []));
    return [];
  });
}
const textOf = (p: Paragraph) => p.children.map((l) => l.text).join('');

const storable = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_MEDIA_MS;

describe('a transcript made into turns', () => {
  it('keeps every character of every segment, once and in order', () => {
    fc.assert(
      fc.property(arbitrarySegments, (raw) => {
        const t = transcriptOf(raw);
        const { doc } = transcriptToImport(t);
        const expected = t.segments.map((s) => cleaned(s.text)).join(' ');
        const got = paragraphs(doc)
          .map((p) => textOf(p.paragraph))
          .filter((x) => x !== '')
          .join(' ');
        expect(got).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("gives each paragraph a time within its segments' times, and never an end before the start", () => {
    fc.assert(
      fc.property(arbitrarySegments, (raw) => {
        const t = transcriptOf(raw);
        const { doc } = transcriptToImport(t);
        for (const { paragraph } of paragraphs(doc)) {
          const held = [...textOf(paragraph).matchAll(/§(\d+)/g)].map((m) => t.segments[Number(m[1])]!);
          const starts = held.map((s) => s.startMs).filter(storable);
          const ends = held.flatMap((s) => (storable(s.startMs) && storable(s.endMs) && s.endMs >= s.startMs ? [s.endMs] : []));
          if (!paragraph.time) {
            // Untimed only when none of its segments has a usable start.
            expect(starts).toEqual([]);
            continue;
          }
          expect(starts).toContain(paragraph.time.startMs);
          if (paragraph.time.endMs !== undefined) {
            expect(ends).toContain(paragraph.time.endMs);
            expect(paragraph.time.endMs).toBeGreaterThanOrEqual(paragraph.time.startMs);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('puts each segment in the turn of its own speaker, or of the speaker before it when it names none', () => {
    fc.assert(
      fc.property(arbitrarySegments, (raw) => {
        const t = transcriptOf(raw);
        const { doc } = transcriptToImport(t);
        const speakerOfSegment = new Map<number, string | null>();
        for (const p of paragraphs(doc)) for (const m of textOf(p.paragraph).matchAll(/§(\d+)/g)) speakerOfSegment.set(Number(m[1]), p.speaker);
        let current: string | null = null;
        t.segments.forEach((s, i) => {
          current = s.speaker ?? current;
          expect(speakerOfSegment.get(i)).toBe(current);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('makes a document the library admits, every time', () => {
    fc.assert(
      fc.property(arbitrarySegments, (raw) => {
        const checked = validateInterview(normalizeInterview(transcriptToImport(transcriptOf(raw)).doc));
        expect(checked.ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('hostile transcript files', () => {
  const NAMES = ['x.vtt', 'x.srt', 'x.json', 'x.otr', 'x.txt'];

  it('random text under any transcript name imports without throwing, as a document the library admits', () => {
    const pieces = fc.constantFrom('WEBVTT\n\n', '00:01.000 --> 00:02.000\n', '1\n', '<v Lan>', '</v>', '\n\n', '[00:00:05] Lan: ', '{"segments":[', '{"start":', '1e308', '-1', '"text":"', '}', ']', '<span class="timestamp" data-timestamp="', '&#xD800;', '&amp', '\uFFFD', 'Lan  1:23\n', '(99:99)');
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.array(fc.oneof(pieces, fc.string({ maxLength: 10 })), { maxLength: 60 }).map((p) => p.join('')));
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), text, (name, t) => {
        const result = importTranscriptOrText(name, t);
        expect(validateInterview(normalizeInterview(result.doc)).ok).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('huge, negative and backwards times are findings; the words stay', () => {
    const json = JSON.stringify({
      segments: [
        { start: 10, end: 12, text: ' Một.', speaker: 'A' },
        { start: 1e308, end: 1.5e308, text: ' Hai.', speaker: 'A' },
        { start: -4, end: 3, text: ' Ba.', speaker: 'B' },
        { start: 5, end: 6, text: ' Bốn.', speaker: 'B' },
        { start: 8, end: 7, text: ' Năm.', speaker: 'B' },
        { start: 'soon', text: ' Sáu.', speaker: 'A' },
      ],
    });
    const r = importTranscriptOrText('hostile.json', json);
    const all = paragraphs(r.doc).map((p) => textOf(p.paragraph)).join(' ');
    expect(all).toBe('Một. Hai. Ba. Bốn. Năm. Sáu.');
    const kinds = r.report.findings.map((f) => `${f.line} ${f.kind}`);
    // Segment 2 beyond 24 h, 3 negative, 6 not a number: no time; 4 earlier than 1; 5 ends before it starts.
    expect(kinds).toEqual(expect.arrayContaining(['2 transcript-bad-time', '3 transcript-bad-time', '6 transcript-bad-time', '4 transcript-time-order', '5 transcript-time-order']));
    expect(validateInterview(normalizeInterview(r.doc)).ok).toBe(true);
  });

  it('one segment longer than a paragraph holds is split into paragraphs of its time, nothing lost', () => {
    const text = Array.from({ length: 60_000 }, (_, i) => `từ${i}`).join(' ');
    const r = transcriptToImport({ format: 'srt', segments: [{ speaker: 'Lan', startMs: 1000, endMs: 9000, text, line: 1 }], findings: [] });
    const ps = paragraphs(r.doc);
    expect(ps.length).toBeGreaterThan(1);
    for (const p of ps) {
      expect(textOf(p.paragraph).length).toBeLessThanOrEqual(LIMITS.paragraphText);
      expect(p.paragraph.time).toEqual({ startMs: 1000, endMs: 9000 });
    }
    expect(ps.map((p) => textOf(p.paragraph)).join(' ')).toBe(text);
  });

  it('more turns than a document holds: the rest is left out with a finding at its line, never an invalid document', () => {
    const segments: TranscriptSegment[] = Array.from({ length: LIMITS.bodyBlocks + 10 }, (_, i) => ({ speaker: i % 2 === 0 ? 'Lan' : 'Minh', startMs: i * 1000, endMs: i * 1000 + 500, text: `câu ${i}`, line: i + 1 }));
    const r = transcriptToImport({ format: 'webvtt', segments, findings: [] });
    expect(r.doc.body.length).toBeLessThanOrEqual(LIMITS.bodyBlocks);
    const omitted = r.report.findings.find((f) => f.kind === 'text-omitted');
    expect(omitted?.line).toBe(LIMITS.bodyBlocks);
    expect(validateInterview(normalizeInterview(r.doc)).ok).toBe(true);
  });
});
