/**
 * The agency-text importer on arbitrary input, so that no pasted or imported text can break it: whatever text it is given —
 * random strings, random bytes decoded as UTF-8 or Latin-1, agency-shaped lines in random order,
 * or the agency-style interview, the real seed (where present) and the hand-written fixtures
 * mutated — it never throws, and the document it
 * returns, once normalised as the backend normalises every stored document, passes the schema.
 *
 * The runs are seeded from the clock; a failure prints the seed and the shrunk input, and
 * `fc.assert(…, { seed, path })` replays it. Found failures are pinned as plain tests at the end.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importAgencyText } from '../../../../shared/import/agency-text';
import { normalizeInterview } from '../../../../shared/model/normalize';
import { LIMITS } from '../../../../shared/model/schema';
import { validateInterview } from '../../../../shared/model/validate';
import { fixtureInterviewText, has, realSeedText } from '../../../helpers/material';

const FIXTURES_DIR = new URL('../../../fixtures/import/', import.meta.url);
const FIXTURES = readdirSync(FIXTURES_DIR)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(new URL(name, FIXTURES_DIR), 'utf8'));
// The real seed joins the corpus where it is present; the fixtures alone imitate its layout.
const CORPUS = [fixtureInterviewText(), ...(has('seed') ? [realSeedText()] : []), ...FIXTURES];

/** The property: no exception, and a document the schema accepts after normalisation. */
function importsToValidDocument(text: string): void {
  const result = importAgencyText(text, { id: 'fuzz' });
  const checked = validateInterview(normalizeInterview(result.doc));
  if (!checked.ok) throw new Error(`invalid document: ${JSON.stringify(checked.problems)}`);
}

const RUNS = 200;

/** Any UTF-16 code unit, lone surrogates included: what a JS string can hold. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Pieces of the agency layout and its variants, and the characters that trip text code. */
const TOKENS = [
  '* Phóng viên:', '* Ông Nguyễn Thanh Hải:', 'Phóng viên:', 'PV:', 'PV:\u00a0', 'Q:', 'A:', 'GEORGE SMITH:', 'GEORGE SMITH - ',
  'Hoàng Anh Tuấn (HAT):', 'HAT:', 'CS:', 'BBC:', 'VOA:', '- ', '– Bà Lan:', '• ', 'TTXVN - ', 'Hà Nội, 12/5 (TTXVN) - ',
  'Ảnh: Thanh Hải/TTXVN', '(Ảnh: TTXVN)', 'Photo: Reuters', 'Ảnh:', 'Tin liên quan', 'Xem thêm', 'Read more',
  'Thanh Bình', 'Xây dựng Đảng', 'Long An', 'thưa ông?', 'Trân trọng cảm ơn ông!', 'Ông Nguyễn Thanh Hải',
  'Phong vie\u0302n', 'lãnh đaọ', '(', ')', ':', '?', '.', ' ', '\u00a0', '\u200b', '\t', '\u0000', '\u0007', '\ufeff',
  '\ud800', '\udfff', '😀', '👩‍💻', 'שלום', '&', '<', ']]>', 'x'.repeat(300),
  // The conventions of other newsrooms (tests/fixtures/import/*.expected.json).
  'VTV:Thưa ông', '– Lê Thị Hoa, 45 tuổi:', 'JOHN SMITH, KXYZ:', 'Minh Anh – RFA:', 'Thông tấn xã Việt Nam:', 'Giáo viên (GV):', 'GV:',
  'JANE DOE:', 'Doe:', 'Ông Hùng:', 'Đại sứ Nguyễn Văn Hùng:', '-Dự án', '– ', '—', 'Image copyright Getty Images', 'Image caption',
  'Bản quyền hình ảnh', '[Ảnh]', 'anh-1.jpg', '| ', ' |', 'Xem thêm: ', 'Chia sẻ Facebook Zalo', 'Minh Châu (thực hiện)', '(Thực hiện)',
  'WASHINGTON (Reuters) - ', 'HÀ NỘI (TTXVN) –', 'Thứ Hai, 12/5/2025 - 08:30', 'Trang chủ > Tin tức', 'PhÃ³ng viÃªn', 'Ã', 'á»',
  '\u00a0\u00a0', 'Phong vin:', 'GS', 'Dr.', 'By Jane Doe', '(Reporting by Anna Lee)', 'Xin cảm ơn bà!', 'Advertisement',
];
const token = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 }), fc.string({ unit: codeUnit, maxLength: 4 }));
const agencyLine = fc.array(token, { maxLength: 8 }).map((parts) => parts.join(' '));
const lineBreak = fc.constantFrom('\n', '\n\n', '\r\n', '\r', '\u2028', '\n\n\n');
const agencyShaped = fc
  .array(fc.tuple(agencyLine, lineBreak), { maxLength: 60 })
  .map((lines) => lines.map(([line, br]) => line + br).join(''));

/** One edit of a text: delete, duplicate, move or replace a stretch, insert noise, or cut it short. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(token, fc.string({ unit: codeUnit, maxLength: 20 })) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('join-lines' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  const pos = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (m.kind) {
    case 'delete':
      return text.slice(0, pos(m.at)) + text.slice(pos(m.at) + m.length);
    case 'duplicate':
      return text.slice(0, pos(m.at) + m.length) + text.slice(pos(m.at));
    case 'insert':
      return text.slice(0, pos(m.at)) + m.text + text.slice(pos(m.at));
    case 'truncate':
      return text.slice(0, pos(m.at));
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'join-lines': {
      const at = text.indexOf('\n', pos(m.at));
      return at < 0 ? text : text.slice(0, at) + ' ' + text.slice(at + 1);
    }
  }
}

const mutatedCorpus = fc
  .tuple(fc.constantFrom(...CORPUS), fc.array(mutation, { minLength: 1, maxLength: 12 }))
  .map(([text, edits]) => edits.reduce(mutate, text));

describe('the agency-text importer on arbitrary input', () => {
  it('copes with random strings of any UTF-16 code units, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: codeUnit, maxLength: 2000 }), importsToValidDocument), { numRuns: RUNS });
  });

  it('copes with random Unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 500 }), importsToValidDocument), { numRuns: RUNS });
  });

  it('copes with random bytes decoded as UTF-8 and as Latin-1', () => {
    const utf8 = new TextDecoder('utf-8'); // not fatal: broken sequences become U+FFFD, as a file reader does
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
        importsToValidDocument(utf8.decode(bytes));
        importsToValidDocument(Buffer.from(bytes).toString('latin1'));
      }),
      { numRuns: RUNS },
    );
  });

  it('copes with agency-shaped lines in random order', () => {
    fc.assert(fc.property(agencyShaped, importsToValidDocument), { numRuns: RUNS * 2 });
  });

  it('copes with the agency articles and the fixtures mutated', () => {
    fc.assert(fc.property(mutatedCorpus, importsToValidDocument), { numRuns: RUNS * 2 });
  });
});

describe('inputs larger than the document model allows', () => {
  it('keeps at most the model’s number of speakers; the labels of the others stay text and are reported', () => {
    // 250 speakers, each proven by a repeated label: more than LIMITS.participants (200).
    const name = (i: number) => `Speaker ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`;
    const text = Array.from({ length: 250 }, (_, i) => `${name(i)}: First words of ${i}.\n\n${name(i)}: More words of ${i}.`).join('\n\n');
    const { doc, report } = importAgencyText(text, { id: 'many' });
    expect(validateInterview(normalizeInterview(doc)).ok).toBe(true);
    expect(doc.participants).toHaveLength(LIMITS.participants);
    expect(doc.participants[LIMITS.participants - 1]!.label).toBe(name(LIMITS.participants - 1));
    // Speaker 201's first turn is on line 801 (4 lines per speaker); it is kept as text and listed.
    const paragraphs = doc.body.flatMap((b) => (b.type === 'turn' ? b.children : [b])).map((b) => (b.type === 'paragraph' ? b.children[0]!.text : ''));
    expect(paragraphs).toContain(`${name(200)}: First words of 200.`);
    expect(report.unplaced).toContainEqual({ line: 801, text: `${name(200)}: First words of 200.`, reason: 'unproven-label' });
  });

  it('continues an answer longer than a turn may hold in a new turn by the same speaker', () => {
    const text = `* Phóng viên: Ông nghĩ sao?\n\n* Ông A: Mở đầu.\n\n${Array.from({ length: 2500 }, (_, i) => `Đoạn ${i + 1}.`).join('\n\n')}\n`;
    const { doc } = importAgencyText(text, { id: 'long-answer' });
    expect(validateInterview(normalizeInterview(doc)).ok).toBe(true);
    const turns = doc.body.filter((b) => b.type === 'turn');
    expect(turns.map((t) => t.speakerId)).toEqual(['p1', 'p2', 'p2']);
    expect(turns.reduce((n, t) => n + t.children.length, 0)).toBe(1 + 2501);
    const last = turns[2]!.children[turns[2]!.children.length - 1]!;
    expect(last.type === 'paragraph' && last.children[0]!.text).toBe('Đoạn 2500.');
  });

  it('imports a text of 200,000 lines without overflowing the stack', () => {
    // Found by the CLI on a 7 MB text: Math.max(...lines) with one argument per line threw RangeError.
    const text = Array.from({ length: 200_000 }, (_, i) => (i % 2 === 0 ? '* PV: Ông nghĩ sao?' : '* Ông A: Tôi nghĩ vậy.')).join('\n\n');
    const { doc, report } = importAgencyText(text, { id: 'long' });
    expect(validateInterview(normalizeInterview(doc)).ok).toBe(true);
    expect(report.turns[0]).toEqual({ line: 1, matched: '* PV:', label: 'PV', speakerId: 'p1' });
    expect(report.omittedFromLine).not.toBeNull();
  });

  it('cuts a hard-wrapped paragraph longer than the model allows, when the wrap hides every break', () => {
    // Found by a pathological input: 60,000 full lines joined into one 4 MB paragraph.
    const text = Array.from({ length: 60_000 }, (_, i) => `word${i} lorem ipsum dolor sit amet consectetur adipiscing elit sed do`).join('\n');
    const { doc } = importAgencyText(text, { id: 'wrapped' });
    expect(validateInterview(normalizeInterview(doc)).ok).toBe(true);
  });

  it('reads 30,000 different one-off labels in linear time', () => {
    // Found the same way: comparing every label with every other took 24 s.
    const text = Array.from({ length: 30_000 }, (_, i) => `Speaker ${i} Name: Hello there friend.`).join('\n\n');
    const { doc, report } = importAgencyText(text, { id: 'labels' });
    expect(validateInterview(normalizeInterview(doc)).ok).toBe(true);
    expect(report.findings.map((f) => f.kind)).toEqual(['no-speaker']);
  });

  it('imports no more blocks than a document may hold, and says from which line the text was left out', () => {
    const text = Array.from({ length: 60_000 }, (_, i) => `Dòng ${i + 1}.`).join('\n\n');
    const { doc, report } = importAgencyText(text, { id: 'huge' });
    expect(validateInterview(normalizeInterview(doc)).ok).toBe(true);
    expect(doc.body.length).toBeLessThan(LIMITS.bodyBlocks);
    // Paragraph k is on line 2k - 1; the first one left out is the one after the last kept.
    const kept = doc.body.length;
    expect(report.omittedFromLine).toBe(2 * (kept + 1) - 1);
  });
});
