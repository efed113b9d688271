import { describe, expect, it } from 'vitest';
import { foldMarks, hasVietnameseMarks, splitLetters } from '../../../../shared/vietnamese/letters';
import { parseSyllable } from '../../../../shared/vietnamese/syllable';

const parts = (word: string) => {
  const s = parseSyllable(word);
  return s && [s.onset, s.medial, s.nucleus, s.coda, s.tone, s.toneAt];
};

describe('letters', () => {
  it('splits a letter into its base (vowel marks kept) and its tone', () => {
    expect(splitLetters('Ước')).toEqual([
      { base: 'ư', upper: true, tone: 'level' },
      { base: 'ơ', upper: false, tone: 'acute' },
      { base: 'c', upper: false, tone: 'level' },
    ]);
    expect(splitLetters('đạo')!.map((l) => [l.base, l.tone])).toEqual([['đ', 'level'], ['a', 'dot'], ['o', 'level']]);
  });

  it('reads decomposed (NFD) text as its composed form', () => {
    expect(splitLetters('người'.normalize('NFD'))).toEqual(splitLetters('người'));
  });

  it('refuses two tones on one letter and a mark with no letter', () => {
    expect(splitLetters('a\u0301\u0300')).toBeNull();
    expect(splitLetters('\u0301a')).toBeNull();
  });

  it('knows Vietnamese marks, and folds them away', () => {
    expect(hasVietnameseMarks('Đà')).toBe(true);
    expect(hasVietnameseMarks('dong')).toBe(false);
    expect(foldMarks('Đường Hồ Chí Minh')).toBe('duong ho chi minh');
  });
});

describe('parseSyllable: onset, medial, nucleus, coda, tone', () => {
  it.each([
    ['đạo', ['đ', '', 'a', 'o', 'dot', 1]],
    ['nước', ['n', '', 'ươ', 'c', 'acute', 2]],
    ['người', ['ng', '', 'ươ', 'i', 'grave', 3]],
    ['nghiêng', ['ngh', '', 'iê', 'ng', 'level', null]],
    ['toán', ['t', 'o', 'a', 'n', 'acute', 2]],
    ['hòa', ['h', 'o', 'a', '', 'grave', 1]],
    ['khoẻ', ['kh', 'o', 'e', '', 'hook', 3]],
    ['thủy', ['th', 'u', 'y', '', 'hook', 2]],
    ['ủy', ['', 'u', 'y', '', 'hook', 0]],
    ['huỳnh', ['h', 'u', 'y', 'nh', 'grave', 2]],
    ['thuyền', ['th', 'u', 'yê', 'n', 'grave', 4]],
    ['khuỷu', ['kh', 'u', 'y', 'u', 'hook', 3]],
    ['khuya', ['kh', 'u', 'ya', '', 'level', null]],
    ['thuở', ['th', 'u', 'ơ', '', 'hook', 3]],
    ['tuần', ['t', 'u', 'â', 'n', 'grave', 2]],
    ['hoặc', ['h', 'o', 'ă', 'c', 'dot', 2]],
    ['ngoài', ['ng', 'o', 'a', 'i', 'grave', 3]],
    ['của', ['c', '', 'ua', '', 'hook', 1]],
    ['muốn', ['m', '', 'uô', 'n', 'acute', 2]],
    ['mía', ['m', '', 'ia', '', 'acute', 1]],
    ['tiếng', ['t', '', 'iê', 'ng', 'acute', 2]],
    ['yếu', ['', '', 'yê', 'u', 'acute', 1]],
    ['rượu', ['r', '', 'ươ', 'u', 'dot', 2]],
    ['xoong', ['x', '', 'oo', 'ng', 'level', null]],
  ])('%s', (word, expected) => {
    expect(parts(word)).toEqual(expected);
  });

  it('takes qu and gi (before a vowel) as onsets: their u and i are no vowels of the rhyme', () => {
    expect(parts('quý')).toEqual(['qu', '', 'y', '', 'acute', 2]);
    expect(parts('quốc')).toEqual(['qu', '', 'ô', 'c', 'acute', 2]);
    expect(parts('quyển')).toEqual(['qu', '', 'yê', 'n', 'hook', 3]);
    expect(parts('giá')).toEqual(['gi', '', 'a', '', 'acute', 2]);
    expect(parts('giữa')).toEqual(['gi', '', 'ưa', '', 'tilde', 2]);
    expect(parts('giường')).toEqual(['gi', '', 'ươ', 'ng', 'grave', 3]);
    // gi before a consonant or at the end: g, then i is the vowel
    expect(parts('gìn')).toEqual(['g', '', 'i', 'n', 'grave', 1]);
    expect(parts('gì')).toEqual(['g', '', 'i', '', 'grave', 1]);
  });

  it('records where a misplaced mark is written', () => {
    expect(parts('đaọ')).toEqual(['đ', '', 'a', 'o', 'dot', 2]);
    expect(parts('qúy')).toEqual(['qu', '', 'y', '', 'acute', 1]);
  });

  it.each(['Facebook', 'London', 'trog', 'ASCII', 'q', 'quy-', 'ưo', 'iêm-', 'mia-', 'tiê', 'mưan', 'đạọ', 'a1', ''])('is no syllable: %s', (word) => {
    expect(parseSyllable(word)).toBeNull();
  });
});
