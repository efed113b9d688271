/**
 * The tone-mark check: every word of a text that is a Vietnamese syllable with its tone mark on
 * another vowel than the house style puts it. A word that is not one syllable (a foreign word,
 * a name in another language, a typo of another kind) is left to the spelling check.
 */
import type { ToneFinding } from './findings';
import { parseSyllable } from './syllable';
import { otherStyle, placeTone, toneIndex, type HouseStyle } from './tone-placement';
import { wordsOf, type WordSpan } from './words';

const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/;

/** The tone finding for one word, or null when its mark is where `style` puts it (or it has none). */
export function checkWordTone(word: string, style: HouseStyle): Omit<ToneFinding, 'start' | 'end'> | null {
  if (!TONE_MARK.test(word.normalize('NFD'))) return null;
  const syllable = parseSyllable(word);
  if (!syllable || syllable.toneAt === null) return null;
  if (syllable.toneAt === toneIndex(syllable, style)) return null;
  const kind = syllable.toneAt === toneIndex(syllable, otherStyle(style)) ? 'house-style' : 'misplaced-tone';
  return { kind, found: word, suggestion: placeTone(syllable, style) };
}

export function checkTones(text: string, style: HouseStyle, words: readonly WordSpan[] = wordsOf(text)): ToneFinding[] {
  const findings: ToneFinding[] = [];
  for (const w of words) {
    const finding = checkWordTone(w.text, style);
    if (finding) findings.push({ start: w.start, end: w.end, ...finding });
  }
  return findings;
}
