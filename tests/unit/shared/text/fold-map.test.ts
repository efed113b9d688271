import { describe, expect, it } from 'vitest';
import { findAll, foldQuery, foldWithMap, type FoldOptions } from '../../../../shared/text/fold-map';
import { foldForSearch } from '../../../../shared/text/normalize-text';

const loose: FoldOptions = { ignoreDiacritics: true, matchCase: false };
const exact: FoldOptions = { ignoreDiacritics: false, matchCase: true };
const accents: FoldOptions = { ignoreDiacritics: false, matchCase: false };
const caseOnly: FoldOptions = { ignoreDiacritics: true, matchCase: true };

/** The original text of each match. */
const found = (text: string, query: string, options: FoldOptions) => findAll(text, query, options).map((m) => text.slice(m.start, m.end));

/** The fold with its map spelled out (a null map means every unit stayed in place). */
function folded(text: string, options: FoldOptions) {
  const f = foldWithMap(text, options);
  const starts = f.starts ? [...f.starts] : [...f.text].map((_, i) => i);
  const ends = f.ends ? [...f.ends] : [...f.text].map((_, i) => i + 1);
  return { text: f.text, starts, ends, inPlace: f.starts === null };
}

describe('foldWithMap', () => {
  it('folds Vietnamese like the search index does, đ/Đ included', () => {
    const text = 'Kết nạp Đảng viên, đảng bộ Long An';
    expect(foldWithMap(text, loose).text).toBe(foldForSearch(text));
  });

  it('keeps NFC Vietnamese in place: one folded unit for each original unit, no map needed', () => {
    expect(folded('Đảng ủy', loose)).toEqual({ text: 'dang uy', starts: [0, 1, 2, 3, 4, 5, 6], ends: [1, 2, 3, 4, 5, 6, 7], inPlace: true });
  });

  it('builds the map from the first unit that moves, with the units before it in place', () => {
    expect(folded('ab😀c', loose)).toEqual({ text: 'ab😀c', starts: [0, 1, 2, 2, 4], ends: [1, 2, 4, 4, 5], inPlace: false });
  });

  it('maps decomposed (NFD) input: a letter and its marks are one source cluster', () => {
    const nfd = 'Đảng'.normalize('NFD'); // Đ, a, U+0309 … : longer than the NFC form
    expect(nfd.length).toBeGreaterThan(4);
    const { text, starts, ends } = folded(nfd, loose);
    expect(text).toBe('dang');
    expect(starts[1]).toBe(1);
    expect(ends[1]).toBe(3); // a + combining hook above
    expect(ends[3]).toBe(nfd.length);
  });

  it('keeps astral characters whole (two UTF-16 units each)', () => {
    const { text, starts, ends } = folded('😀Đ𝐀', loose);
    expect(text).toBe('😀d𝐀');
    expect(starts).toEqual([0, 0, 2, 3, 3]);
    expect(ends).toEqual([2, 2, 3, 5, 5]);
  });

  it('handles a fold that grows: İ lower-cases to i + U+0307', () => {
    const withMarks = folded('İx', accents);
    expect(withMarks.text).toBe('i\u0307x');
    expect(withMarks.starts).toEqual([0, 0, 1]);
    expect(foldWithMap('İx', loose).text).toBe('ix');
  });

  it('folds every kind of space to a plain space', () => {
    expect(foldWithMap('a\u00A0b\tc\u202Fd', loose).text).toBe('a b c d');
  });

  it('holds its invariants on random text of every awkward kind', () => {
    const alphabet = ['a', 'D', 'đ', 'Đ', 'ạ', 'ấ', 'İ', 'ß', 'Σ', 'ς', ' ', '\u00A0', '\u0301', '\u0323', '\u20DD', '😀', '𝐀', 'ﬁ', 'Å', 'x'];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let round = 0; round < 300; round++) {
      let s = '';
      const n = Math.floor(rnd() * 12);
      for (let k = 0; k < n; k++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      for (const options of [loose, exact, accents, caseOnly]) {
        const { text, starts, ends } = folded(s, options);
        expect(starts).toHaveLength(text.length);
        expect(ends).toHaveLength(text.length);
        for (let i = 0; i < text.length; i++) {
          expect(starts[i]!).toBeLessThan(ends[i]!);
          expect(ends[i]!).toBeLessThanOrEqual(s.length);
          if (i > 0) expect(starts[i]!).toBeGreaterThanOrEqual(starts[i - 1]!);
        }
        // Every match's original text folds to the query itself.
        const query = s.slice(0, Math.max(1, Math.floor(s.length / 3)));
        for (const m of findAll(s, query, options)) expect(foldQuery(s.slice(m.start, m.end), options)).toBe(foldQuery(query, options));
      }
    }
  });
});

describe('findAll', () => {
  const text = 'Đảng bộ tỉnh có 15 đảng bộ; kết nạp 1.200 đảng viên. Dang vien moi.';

  it('finds Vietnamese words without their diacritics', () => {
    expect(found(text, 'dang', loose)).toEqual(['Đảng', 'đảng', 'đảng', 'Dang']);
    expect(found(text, 'Dang Vien', loose)).toEqual(['đảng viên', 'Dang vien']);
    expect(found(text, 'ĐẢNG VIÊN', loose)).toEqual(['đảng viên', 'Dang vien']);
  });

  it('with "Match case", case counts but diacritics still do not', () => {
    expect(found(text, 'Dang', caseOnly)).toEqual(['Đảng', 'Dang']);
    expect(found(text, 'dang', caseOnly)).toEqual(['đảng', 'đảng']);
  });

  it('with diacritics counting, `dang` is not `đảng`, but case still folds', () => {
    expect(found(text, 'dang', accents)).toEqual(['Dang']);
    expect(found(text, 'đảng', accents)).toEqual(['Đảng', 'đảng', 'đảng']);
    expect(found(text, 'đảng', exact)).toEqual(['đảng', 'đảng']);
  });

  it('matches NFD text with an NFC query and the other way round', () => {
    const nfd = text.normalize('NFD');
    expect(found(nfd, 'đảng viên', accents).map((s) => s.normalize('NFC'))).toEqual(['đảng viên']);
    expect(found(nfd, 'dang', loose).map((s) => s.normalize('NFC'))).toEqual(['Đảng', 'đảng', 'đảng', 'Dang']);
    expect(found(text, 'đảng viên'.normalize('NFD'), accents)).toEqual(['đảng viên']);
  });

  it('never splits a letter from its marks', () => {
    expect(findAll('a\u20DD b', 'a', accents)).toEqual([]); // a + combining enclosing circle
    expect(found('a\u20DD b', 'a', loose)).toEqual(['a\u20DD']);
    expect(findAll('ạ', 'a', accents)).toEqual([]);
    expect(findAll('a\u0323'.normalize('NFD'), 'a', accents)).toEqual([]);
  });

  it('reports offsets in UTF-16 units around astral characters', () => {
    const s = '😀 đảng 😀 Đảng';
    expect(findAll(s, 'dang', loose)).toEqual([
      { start: 3, end: 7 },
      { start: 11, end: 15 },
    ]);
  });

  it('Greek final sigma matches sigma when case is ignored', () => {
    expect(found('ΟΔΟΣ οδος', 'οδοσ', accents)).toEqual(['ΟΔΟΣ', 'οδος']);
  });

  it('finds non-overlapping matches from the left, and nothing for an empty query', () => {
    expect(findAll('aaaa', 'aa', loose)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(findAll('abc', '', loose)).toEqual([]);
    expect(findAll('abc', '\u0301', loose)).toEqual([]); // folds to nothing
  });
});
