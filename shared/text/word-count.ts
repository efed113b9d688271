/**
 * Word and character counts, as a reporter and the copy desk count them.
 *
 * - A word is a run of non-space characters that holds at least one letter or digit. Vietnamese
 *   is written in syllables separated by spaces, and the newsroom counts those (`đảng viên` is two
 *   "chữ"); a dash or quotation mark standing alone between spaces is not a word.
 * - A character is what a reader sees as one (a grapheme): `ạ` typed decomposed is still one,
 *   an emoji with skin tone or a flag is one. Spaces count, as in "characters with spaces".
 */

export interface TextCounts {
  words: number;
  characters: number;
}

// Character classes of BMP code points, filled on first sight: 0 unknown, then one of these.
const SPACE = 1;
const WORDY = 2; // letters and digits
const MARK = 3; // combining marks: part of the character before them
const OTHER = 4; // punctuation, symbols
const classes = new Uint8Array(0x10000);

function classify(ch: string): number {
  if (/\s/u.test(ch)) return SPACE;
  if (/[\p{L}\p{N}]/u.test(ch)) return WORDY;
  if (/\p{M}/u.test(ch)) return MARK;
  return OTHER;
}

function classOf(cp: number): number {
  if (cp > 0xffff) return classify(String.fromCodePoint(cp));
  let c = classes[cp]!;
  if (c === 0) classes[cp] = c = classify(String.fromCharCode(cp));
  return c;
}

// Sequences whose characters join into one grapheme beyond "base + marks": ZWJ emoji, regional
// indicator flags, emoji modifiers and tags, Hangul jamo. Rare in news copy; left to Intl.Segmenter.
const JOINING = /[\u200D\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF]|\uD83C[\uDDE6-\uDDFF\uDFFB-\uDFFF]|\uDB40[\uDC20-\uDC7F]/;
let segmenter: Intl.Segmenter | null = null;

/** Counts the words and characters of one paragraph's text. */
export function countText(text: string): TextCounts {
  let words = 0;
  let characters = 0;
  let inToken = false;
  let tokenIsWord = false;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    const c = cp < 0x80 ? asciiClass(cp) : classOf(cp);
    // A mark belongs to the character before it (a space too); only a leading one stands alone.
    if (c !== MARK || characters === 0) characters++;
    if (c === SPACE) {
      if (inToken && tokenIsWord) words++;
      inToken = false;
      tokenIsWord = false;
    } else {
      inToken = true;
      if (c === WORDY) tokenIsWord = true;
    }
  }
  if (inToken && tokenIsWord) words++;
  if (JOINING.test(text)) characters = countGraphemes(text);
  return { words, characters };
}

function asciiClass(cp: number): number {
  if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d)) return SPACE;
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return WORDY;
  return OTHER;
}

function countGraphemes(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

export function addCounts(a: TextCounts, b: TextCounts): TextCounts {
  return { words: a.words + b.words, characters: a.characters + b.characters };
}

export const NO_COUNTS: TextCounts = Object.freeze({ words: 0, characters: 0 });
