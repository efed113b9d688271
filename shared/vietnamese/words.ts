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

/** A word (global, Unicode): copy it with `new RegExp(WORD_PATTERN)` to get a fresh `lastIndex`. */
export const WORD_PATTERN = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const WORD = WORD_PATTERN;
const DIGIT = /\p{N}/u;
const ADDRESS = /\b(?:https?:\/\/|www\.)\S+|[^\s@]+@[^\s@]+\.[^\s@]+/giu;

/** Every address ADDRESS can match holds one of these; most texts hold none, and the search for one is slow. */
const MAY_HOLD_ADDRESS = /@|https?:\/\/|www\./i;

export function wordsOf(text: string): WordSpan[] {
  const addresses: [number, number][] = [];
  if (MAY_HOLD_ADDRESS.test(text)) for (const m of text.matchAll(ADDRESS)) addresses.push([m.index, m.index + m[0].length]);
  const words: WordSpan[] = [];
  const word = new RegExp(WORD); // its own lastIndex, so a nested call cannot disturb the loop
  for (let m = word.exec(text); m !== null; m = word.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    words.push({
      start,
      end,
      text: m[0],
      nextToDigit: isDigitAt(text, start - 1) || isDigitAt(text, end),
      inAddress: addresses.length > 0 && addresses.some(([from, to]) => start >= from && end <= to),
    });
  }
  return words;
}

/** DIGIT.test(text[i]), without the regex for ASCII (nearly every neighbour is a space or punctuation). */
function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i); // NaN outside the text: not a digit
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return c === c && DIGIT.test(text[i]!);
}

/** All upper case and at least two letters: an acronym (`TTXVN`, `UBND`, `THPT`, `XIII`). */
export function isAcronym(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}
