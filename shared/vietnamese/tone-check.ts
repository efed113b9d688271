/**
 * The tone-mark check: every word of a text that is a Vietnamese syllable with its tone mark on
 * another vowel than the house style puts it. A word that is not one syllable (a foreign word,
 * a name in another language, a typo of another kind) is left to the spelling check.
 */
import type { ToneFinding } from './findings';
import { parseSyllable } from './syllable';
import { otherStyle, placeTone, toneIndex, type HouseStyle } from './tone-placement';
import { WORD_PATTERN, type WordSpan } from './words';

const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/;

type WordTone = Readonly<Omit<ToneFinding, 'start' | 'end'>> | null;

/**
 * Results per house style and word. A long interview repeats a few thousand distinct syllables
 * ~100,000 times, and parsing each occurrence cost ~0.7 s per export preflight at 2,000
 * paragraphs; the answer depends only on the word and the style. Cleared when it grows past
 * CACHE_LIMIT (a text of random words must not grow it without bound).
 */
const CACHE_LIMIT = 50_000;
const cache: Record<HouseStyle, Map<string, WordTone>> = { traditional: new Map(), modern: new Map() };

/** The tone finding for one word, or null when its mark is where `style` puts it (or it has none). */
export function checkWordTone(word: string, style: HouseStyle): WordTone {
  const known = cache[style];
  const hit = known.get(word);
  if (hit !== undefined) return hit;
  if (known.size >= CACHE_LIMIT) known.clear();
  const result = wordTone(word, style);
  const kept = result === null ? null : Object.freeze(result);
  known.set(word, kept);
  return kept;
}

function wordTone(word: string, style: HouseStyle): Omit<ToneFinding, 'start' | 'end'> | null {
  if (!TONE_MARK.test(word.normalize('NFD'))) return null;
  const syllable = parseSyllable(word);
  if (!syllable || syllable.toneAt === null) return null;
  if (syllable.toneAt === toneIndex(syllable, style)) return null;
  const kind = syllable.toneAt === toneIndex(syllable, otherStyle(style)) ? 'house-style' : 'misplaced-tone';
  return { kind, found: word, suggestion: placeTone(syllable, style) };
}

export function checkTones(text: string, style: HouseStyle, words?: readonly WordSpan[]): ToneFinding[] {
  const findings: ToneFinding[] = [];
  if (words) {
    for (const w of words) {
      const finding = checkWordTone(w.text, style);
      if (finding) findings.push({ start: w.start, end: w.end, ...finding });
    }
    return findings;
  }
  // The words alone, without what the spelling check also needs of each (neighbouring digits,
  // addresses): a long interview has ~100,000 of them.
  const word = new RegExp(WORD_PATTERN);
  for (let m = word.exec(text); m !== null; m = word.exec(text)) {
    const finding = checkWordTone(m[0], style);
    if (finding) findings.push({ start: m.index, end: m.index + m[0].length, ...finding });
  }
  return findings;
}
