/**
 * The words of a text, with their places in it. Offsets are UTF-16 code units, like Slate's and
 * JavaScript's, so a finding's range can be used on the string or on a Slate text directly.
 *
 * A word is a run of letters and combining marks (so decomposed text keeps its marks), with
 * apostrophes inside it (`don't`, `O’Brien`). Vietnamese writes one word per syllable, so in
 * Vietnamese text a word is a syllable; hyphens and slashes separate words (`THCS-THPT`).
 */

export interface WordSpan {
  start: number;
  end: number;
  text: string;
  /**
   * Digits touch the word (`4G`, `H5N1`, `21-NQ`): part of a code or a number, not a word to
   * spell-check.
   */
  nextToDigit: boolean;
  /** The word is part of a web address or an e-mail address. */
  inAddress: boolean;
}

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const DIGIT = /\p{N}/u;
const ADDRESS = /\b(?:https?:\/\/|www\.)\S+|[^\s@]+@[^\s@]+\.[^\s@]+/giu;

export function wordsOf(text: string): WordSpan[] {
  const addresses: [number, number][] = [];
  for (const m of text.matchAll(ADDRESS)) addresses.push([m.index, m.index + m[0].length]);
  const words: WordSpan[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    words.push({
      start,
      end,
      text: m[0],
      nextToDigit: DIGIT.test(text[start - 1] ?? '') || DIGIT.test(text[end] ?? ''),
      inAddress: addresses.some(([from, to]) => start >= from && end <= to),
    });
  }
  return words;
}

/** All upper case and at least two letters: an acronym (`TTXVN`, `UBND`, `THPT`, `XIII`). */
export function isAcronym(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}
