/**
 * The importer reads a megabyte in well under the time a user notices (BENCHMARKS.md, import), by
 * taking shortcuts where the plain reading would repeat work: a line already in NFC is not
 * normalised again, the hard wrap is read off the lines without building blocks, a label's
 * separator is looked for with one search, a line is glanced at before it is read as a dateline,
 * how a line ends is read at its end, words are matched rather than split out. Each shortcut must
 * give exactly what the plain reading gives, on any text: here each is checked against that plain
 * reading written out in full, or, for a glance before a full reading, shown never to turn away
 * what the full reading accepts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATELINE, mayBeDateline, parseDateline } from '../../../../shared/import/dateline';
import { looksMisdecoded } from '../../../../shared/import/encoding';
import { FLAT_BY_LENGTH, splitAtFormerBreaks } from '../../../../shared/import/flatten';
import { endsMidSentence } from '../../../../shared/import/hard-wrap';
import { endsQuestion, separatorNearStart } from '../../../../shared/import/labels/shape';
import { WORD } from '../../../../shared/import/language';
import { cleanImportLine, isHardWrapped, joinWrapped, linesAreHardWrapped, prepareText, splitOverlong, toBlocks, type Line } from '../../../../shared/import/lines';

const RUNS = { seed: 20261207, numRuns: 300 };

describe('reading lines', () => {
  /** The plain reading of one line: normalised and cleaned in full, piece by piece when it was flattened. */
  function cleanedInFull(raw: string, n: number): Line[] {
    const line = raw.normalize('NFC');
    const pieces = splitAtFormerBreaks(line);
    if (pieces === null && line.length < FLAT_BY_LENGTH) return [{ n, text: cleanImportLine(line) }];
    return (pieces ?? [line]).flatMap((piece) => splitOverlong(cleanImportLine(piece)).map((text) => ({ n, text, flat: true })));
  }

  /**
   * What trips normalisation and splitting: Vietnamese decomposed (as macOS and PDFs give it) and
   * composed, combining marks on their own, Hangul jamo and Tamil vowel signs that compose with
   * what precedes them, invisible and control characters, and words long enough to make a line
   * overlong.
   */
  const word = fc.constantFrom(
    'Phóng', 'Pho\u0301ng', 'viên', 'vie\u0302n', 'Nguyễn', 'Nguye\u0302\u0303n', 'lãnh', 'la\u0303nh', 'đạo', 'đa\u0323o', 'e', 'O', 'PV:', 'Ông', 'TP.', 'Dr.',
    '\u0301', '\u0323', '\u0302e', '\u0303\u0301', '\u1100', '\u1161', '\u11A8', '\uAC00\u11A8', '\u0BC6', '\u0BBE', 'Ảnh:', 'Minh', 'Đức/TTXVN',
    '\u200B', '\u00AD', 'a\u2060b', '\t', '\u0007', '\uFEFF', '\u3000', '😀', 'x'.repeat(400),
  );
  const sentence = fc
    .tuple(fc.array(word, { minLength: 1, maxLength: 16 }), fc.constantFrom('.', '?', '!', '…', '."', '”', ''))
    .map(([words, end]) => words.join(' ') + end);
  // Between sentences: an ordinary space, or the no-break spaces a flattened text has where its breaks were.
  const between = fc.constantFrom(' ', '\u00A0', '\u00A0\u00A0', '\u202F', '\u2007', '\u00A0* ', ' \u00A0', '\u00A0\u0301');
  const rawLine = fc
    .array(fc.tuple(sentence, between), { maxLength: 24 })
    .map((parts) => parts.map(([s, b]) => s + b).join(''))
    .filter((line) => !looksMisdecoded(line));
  // A line too long to be one paragraph, with no no-break space to split it at.
  const longLine = fc
    .array(sentence, { minLength: 20, maxLength: 40 })
    .map((sentences) => sentences.join(' '))
    .filter((line) => !looksMisdecoded(line));

  it('a line (or a flattened line’s piece) not normalised again reads as one normalised and cleaned in full', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(rawLine, longLine), { minLength: 1, maxLength: 6 }), (lines) => {
        const expected = lines.flatMap((line, i) => cleanedInFull(line, i + 1));
        expect(prepareText(lines.join('\n')).lines).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('a flattened text is split into its paragraphs, each in NFC', () => {
    const asked = 'Phóng viên đã hỏi rất nhiều điều về chuyện đó, từ những ngày đầu tiên cho đến tận bây giờ, và còn hỏi thêm nữa.';
    const answered = 'Ông Hải trả lời ngay lập tức, không chần chừ gì cả, rằng mọi việc đều đã được chuẩn bị kỹ lưỡng từ trước.';
    const next = 'Câu hỏi tiếp theo là gì, thưa ông, khi mà mọi người ai cũng đang chờ đợi một câu trả lời thật rõ ràng?';
    // Decomposed, as macOS gives it: each piece is in NFC only because the whole text was normalised first.
    const flat = `${asked.normalize('NFD')}\u00A0${answered}\u00A0\u00A0${next}`;
    expect(prepareText(flat).lines).toEqual([
      { n: 1, text: asked, flat: true },
      { n: 1, text: answered, flat: true },
      { n: 1, text: next, flat: true },
    ]);
  });
});

describe('reading a hard wrap', () => {
  /** The plain reading: blocks built, then their run-on lines counted (before the one-pass reading). */
  function readFromBlocks(blocks: readonly Line[][], isBoundary: (line: Line) => boolean): boolean {
    if (blocks.length < 2) return false;
    const width = blocks.flat().reduce((max, l) => Math.max(max, l.text.length), 0);
    if (width > 100 || width < 30) return false;
    let runOn = 0;
    let nearWidth = 0;
    for (const block of blocks) {
      for (let i = 0; i + 1 < block.length; i++) {
        if (isBoundary(block[i + 1]!)) continue;
        runOn++;
        if (block[i]!.text.length >= width * 0.7) nearWidth++;
      }
    }
    return nearWidth >= 2 && nearWidth >= runOn * 0.6;
  }

  // Lengths around the width a wrap leaves (60–72), blank lines, and the odd long or short line.
  const length = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 5, arbitrary: fc.integer({ min: 55, max: 72 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 110 }) });
  const wrapped = fc.array(fc.tuple(length, fc.integer({ min: 0, max: 4 }).map((k) => k === 0)), { maxLength: 40 }).map((rows) => ({
    lines: rows.map(([n], i): Line => ({ n: i + 1, text: 'x'.repeat(n) })),
    startsAt: rows.map(([n, starts]) => n > 0 && starts),
  }));

  it('read off the lines in one pass, it says what reading the blocks says', () => {
    fc.assert(
      fc.property(wrapped, ({ lines, startsAt }) => {
        const boundary = (line: Line) => startsAt[line.n - 1]!;
        const expected = readFromBlocks(toBlocks(lines), boundary);
        expect(linesAreHardWrapped(lines, startsAt)).toBe(expected);
        expect(isHardWrapped(toBlocks(lines), boundary)).toBe(expected);
      }),
      { ...RUNS, numRuns: 1000 },
    );
  });

  it('decides both ways on a real wrap and on one paragraph a line', () => {
    const line = (n: number, length: number): Line => ({ n, text: 'x'.repeat(length) });
    // Two blocks of lines cut near 70 characters: wrapped.
    const wrap = [line(1, 70), line(2, 68), line(3, 30), line(4, 0), line(5, 69), line(6, 70), line(7, 12)];
    expect(linesAreHardWrapped(wrap, wrap.map(() => false))).toBe(true);
    // The same with every line starting something of its own (a label each): nothing runs on.
    expect(linesAreHardWrapped(wrap, wrap.map(() => true))).toBe(false);
    // One block only: no evidence.
    expect(linesAreHardWrapped(wrap.slice(0, 3), [false, false, false])).toBe(false);
  });

  it('rejoins a word broken at its hyphen without a space, and only after a letter', () => {
    const joinedPlainly = (parts: readonly string[]) => parts.reduce((out, part, i) => (i === 0 ? part : out + (/\p{L}-$/u.test(parts[i - 1]!.slice(-2)) ? '' : ' ') + part), '');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'ệ', '-', ' ', '1', '–') }), { maxLength: 8 }), (parts) => {
        expect(joinWrapped(parts)).toBe(joinedPlainly(parts));
      }),
      RUNS,
    );
    expect(joinWrapped(['chương trình hợp-', 'tác quốc tế', 'năm 2020 -', 'nay'])).toBe('chương trình hợp-tác quốc tế năm 2020 - nay');
  });
});

describe('looking for a label’s separator', () => {
  const separatorByLoop = (text: string): boolean => {
    for (let i = 0; i < Math.min(text.length, 91); i++) if (':：-–—'.includes(text[i]!)) return true;
    return false;
  };

  it('a colon or a dash within the first 91 characters, found as a loop over them finds it', () => {
    const unit = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('a', ' ', 'ệ', 'Đ', '\uD83D', '\uDE00', '\u0301') }, fc.constantFrom(':', '：', '-', '–', '—'));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 200 }), (text) => {
        expect(separatorNearStart(text)).toBe(separatorByLoop(text));
      }),
      { ...RUNS, numRuns: 1000 },
    );
    expect(separatorNearStart(`${'a'.repeat(90)}:`)).toBe(true);
    expect(separatorNearStart(`${'a'.repeat(91)}:`)).toBe(false);
  });
});

describe('looking for a dateline', () => {
  it('the glance at a line never turns away a line the full pattern reads as a dateline', () => {
    const token = fc.constantFrom('HÀ NỘI', 'Hà Nội', 'WASHINGTON', 'TTXVN', 'Reuters', 'VNA', '(', ')', ' ', ', ', '12/5', '-', '–', '—', 'É', 'a', 'Đ', 'x'.repeat(70), '\t');
    const words = fc.array(token, { maxLength: 5 }).map((t) => t.join(''));
    // Shaped like a dateline (a place, an agency, a dash, the story) with every part possibly off.
    const line = fc
      .tuple(words, fc.constantFrom('', '(TTXVN)', '( Reuters )', '(VNA)', 'TTXVN', 'VN', '(', ')'), fc.constantFrom(' - ', '–', ' — ', '-', ' ', ''), words)
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(line, words), (text) => {
        if (DATELINE.exec(text) !== null) expect(mayBeDateline(text)).toBe(true);
      }),
      { ...RUNS, numRuns: 2000 },
    );
  });

  it('reads the agency and the place, and nothing from a sentence', () => {
    expect(parseDateline('HÀ NỘI (TTXVN) – Sáng nay, hội nghị khai mạc.')).toEqual({ source: 'TTXVN', location: 'HÀ NỘI', alone: false });
    expect(parseDateline('TTXVN - Sáng nay, hội nghị khai mạc.')).toEqual({ source: 'TTXVN', location: '', alone: false });
    expect(parseDateline('Hà Nội, 12/5 (TTXVN) -')).toEqual({ source: 'TTXVN', location: 'Hà Nội', alone: true });
    expect(parseDateline('Sáng nay - hội nghị khai mạc.')).toBeNull();
  });
});

describe('reading how a line ends', () => {
  // The stops, closers and what is neither, including a surrogate pair's halves and a line break.
  const ending = fc.string({ unit: fc.constantFrom('?', '.', '!', '…', ':', ';', '"', '”', '»', '’', "'", ')', ']', '“', '(', 'a', 'ệ', ' ', '\n', '\uD83D', '\uDE00'), maxLength: 12 });

  it('a question mark, closing quotes and brackets allowed after it: read from the end as the pattern reads it', () => {
    fc.assert(
      fc.property(ending, (text) => {
        expect(endsQuestion(text)).toBe(/\?["”»’')\]]*$/.test(text));
      }),
      { ...RUNS, numRuns: 2000 },
    );
    expect(endsQuestion('Thưa ông, vì sao?”)')).toBe(true);
    expect(endsQuestion('Ông hỏi: “Vì sao?” rồi đi.')).toBe(false);
  });

  it('a line stopping mid-sentence: read at its last character as the pattern reads it', () => {
    fc.assert(
      fc.property(ending, (text) => {
        expect(endsMidSentence(text)).toBe(/[^.?!…:;"”»)\]]$/.test(text));
      }),
      { ...RUNS, numRuns: 2000 },
    );
    expect(endsMidSentence('những ngày đầu tiên cho đến')).toBe(true);
    expect(endsMidSentence('và còn hỏi thêm nữa.')).toBe(false);
  });
});

describe('reading words', () => {
  it('the words matched are the pieces splitting at everything else gives, empty ones aside', () => {
    // Letters (astral ones too), apostrophes, combining marks (not letters), lone surrogates, digits, spaces.
    const unit = fc.constantFrom('a', 'Đ', 'ệ', 'e\u0301', '\u0301', "'", '’', '𝐀', '\uD835', '\uDC00', '가', '1', ' ', '-', '.', '\u00A0');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        expect(text.match(WORD) ?? []).toEqual(text.split(/[^\p{L}'’]+/u).filter((w) => w !== ''));
      }),
      { ...RUNS, numRuns: 2000 },
    );
    expect('Anh’s e\u0301-mail: 12 từ.'.match(WORD)).toEqual(['Anh’s', 'e', 'mail', 'từ']);
  });
});
