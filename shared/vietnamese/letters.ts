/**
 * Vietnamese letters as the tone rules see them: a base letter (`a`, `ă`, `â`, `ư`, `đ`…, in
 * lower case), whether it was written in upper case, and the tone mark it carries, if any.
 *
 * Vietnamese writes two kinds of marks on vowels. The vowel marks (breve ă, circumflex â ê ô,
 * horn ơ ư) make different letters and stay where they are. The five tone marks (grave, acute,
 * hook above, tilde, dot below) belong to the whole syllable and sit on one of its vowels: which
 * one is what tone placement decides (tone-placement.ts). Unicode NFD separates the two kinds, so
 * a letter is split by decomposing it and taking the tone mark out.
 */

/** The six tones; `level` (ngang) is written without a mark. */
export type Tone = 'level' | 'grave' | 'acute' | 'hook' | 'tilde' | 'dot';

const TONE_OF_MARK: Readonly<Record<string, Tone>> = {
  '\u0300': 'grave', // huyền  à
  '\u0301': 'acute', // sắc    á
  '\u0309': 'hook', //  hỏi    ả
  '\u0303': 'tilde', // ngã    ã
  '\u0323': 'dot', //   nặng   ạ
};

const MARK_OF_TONE: Readonly<Record<Tone, string>> = {
  level: '',
  grave: '\u0300',
  acute: '\u0301',
  hook: '\u0309',
  tilde: '\u0303',
  dot: '\u0323',
};

export interface Letter {
  /** The letter without its tone mark, lower case, NFC: `a`, `ă`, `ư`, `đ`, `n`. */
  base: string;
  upper: boolean;
  tone: Tone;
}

/** The letters of the Vietnamese alphabet that are vowels (in lower case, without tone). */
export const VOWELS: ReadonlySet<string> = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);

/** Vowels that carry a vowel mark; the rules give them the tone first. */
export const MARKED_VOWELS: ReadonlySet<string> = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);

const isMark = (ch: string) => /\p{M}/u.test(ch);

/**
 * The letters of a word, or null when it is not a run of letters each carrying at most one tone
 * mark (a stray mark at the start, or two tones on one letter, make no Vietnamese letter).
 */
export function splitLetters(word: string): Letter[] | null {
  const letters: Letter[] = [];
  const chars = [...word.normalize('NFD')];
  let i = 0;
  while (i < chars.length) {
    const head = chars[i++]!;
    if (isMark(head) || !/\p{L}/u.test(head)) return null;
    let shape = head;
    let tone: Tone = 'level';
    while (i < chars.length && isMark(chars[i]!)) {
      const mark = chars[i++]!;
      const markTone = TONE_OF_MARK[mark];
      if (markTone === undefined) shape += mark;
      else if (tone !== 'level') return null;
      else tone = markTone;
    }
    const composed = shape.normalize('NFC');
    const base = composed.toLowerCase();
    letters.push({ base, upper: composed !== base, tone });
  }
  return letters;
}

/** One letter written out, NFC: `composeLetter({ base: 'ư', upper: true, tone: 'acute' })` is `Ứ`. */
export function composeLetter(letter: Letter): string {
  const base = letter.upper ? letter.base.toUpperCase() : letter.base;
  return (base + MARK_OF_TONE[letter.tone]).normalize('NFC');
}

export const composeWord = (letters: readonly Letter[]): string => letters.map(composeLetter).join('');

/** Whether a word has a Vietnamese tone mark or vowel mark, or đ: letters English does not have. */
export function hasVietnameseMarks(word: string): boolean {
  return /[\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B]/.test(word.normalize('NFD')) || /[đĐ]/.test(word);
}

/** The word with every mark removed and đ as d, lower case: `Đạo` → `dao`. */
export function foldMarks(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
