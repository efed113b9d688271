/**
 * The Vietnamese syllables a document may use, in its house style, and suggestions for a
 * syllable that is not one of them.
 *
 * The list comes from `@cspell/dict-vi-vn` (MIT): about 6,600 syllables, written in the modern
 * style (`hoà`, `thuỷ`; tests/unit/shared/vietnamese/dictionary.test.ts checks that every one is where
 * the modern rules put it). Each is moved to the house style here, so a traditional document
 * accepts `hòa` and not `hoà`; the tone check reports the other style, not the spelling check.
 *
 * Suggestions: candidates are syllables whose letters, with every mark removed, are at most one
 * edit away (an index of single deletions, so a lookup is a few map reads); they are ranked by
 * an edit distance in which a letter that differs only by a mark (a/â, o/ơ, d/đ) costs 0.3, and
 * a different tone 0.1, or 0.05 between hỏi and ngã, the tones writers most often confuse (a word
 * typed without marks is closer to its marked forms than to another word).
 */
import { COMMON_SYLLABLES } from './common-syllables';
import { composeWord, foldMarks, splitLetters, type Letter, type Tone } from './letters';
import { parseSyllable } from './syllable';
import { normalizeTone, toneIndex, type HouseStyle } from './tone-placement';
import { isAcronym } from './words';

const MAX_SUGGESTIONS = 5;
/** A letter left out is the commonest typo: `trườg` is nearer `trường` than `trừng`. */
const OMISSION_BONUS = 0.2;
/** Between equally near syllables, the common one (COMMON_SYLLABLES) first. */
const COMMON_BONUS = 0.04;
/** Telex keys for the tones, typed while the input method was off: `bôj` for `bộ`. */
const TELEX_TONES: Readonly<Record<string, Tone>> = { s: 'acute', f: 'grave', r: 'hook', x: 'tilde', j: 'dot' };

export class SyllableDictionary {
  private readonly words: ReadonlySet<string>;
  /** Folded form, and each folded form with one letter deleted → syllables. */
  private readonly near = new Map<string, string[]>();
  private readonly common: ReadonlySet<string>;

  /**
   * From a word list (one syllable each, any tone style). Entries starting with `~` or `!`
   * (cspell's folded copies and forbidden words) and acronyms (`UBND`) are left out.
   */
  constructor(
    entries: Iterable<string>,
    readonly style: HouseStyle,
  ) {
    const words = new Set<string>();
    for (const entry of entries) {
      if (entry === '' || entry.startsWith('~') || entry.startsWith('!') || isAcronym(entry)) continue;
      words.add(normalizeTone(entry.normalize('NFC').toLowerCase(), style));
    }
    this.words = words;
    this.common = new Set(COMMON_SYLLABLES.map((w) => normalizeTone(w, style)));
    for (const word of words) {
      const folded = foldMarks(word);
      for (const key of new Set([folded, ...deletions(folded)])) {
        const list = this.near.get(key);
        if (list) list.push(word);
        else this.near.set(key, [word]);
      }
    }
  }

  get size(): number {
    return this.words.size;
  }

  /** Whether the word (any case) is a syllable of the list, written in the house style. */
  has(word: string): boolean {
    return this.words.has(word.normalize('NFC').toLowerCase());
  }

  /** Syllables close to `word`, best first, in its case (`Nghành` → `Ngành`). */
  suggest(word: string, max = MAX_SUGGESTIONS): string[] {
    const lower = word.normalize('NFC').toLowerCase();
    const query = splitLetters(lower);
    if (!query) return [];
    const folded = foldMarks(lower);
    const candidates = new Set<string>();
    for (const key of [folded, ...deletions(folded)]) for (const w of this.near.get(key) ?? []) candidates.add(w);
    candidates.delete(lower);
    const cost = (w: string) => {
      const f = foldMarks(w);
      const omission = f.length === folded.length + 1 && deletions(f).includes(folded);
      return distance(query, splitLetters(w)!) - (omission ? OMISSION_BONUS : 0) - (this.common.has(w) ? COMMON_BONUS : 0);
    };
    const ranked = [...candidates]
      .map((w) => ({ w, cost: cost(w) }))
      .filter((c) => c.cost <= 2)
      .sort((a, b) => a.cost - b.cost || a.w.localeCompare(b.w, 'vi'))
      .map((c) => c.w);
    const telex = this.telexReading(lower);
    const ordered = telex === null ? ranked : [telex, ...ranked.filter((w) => w !== telex)];
    return ordered.slice(0, max).map((w) => inCaseOf(word, w));
  }

  /** The syllable meant when a Telex tone key was typed as a letter (`bôj` → `bộ`), if it is one. */
  private telexReading(lower: string): string | null {
    const tone = TELEX_TONES[lower.slice(-1)];
    const syllable = tone && lower.length > 1 ? parseSyllable(lower.slice(0, -1)) : null;
    if (!tone || !syllable || syllable.toneAt !== null) return null;
    const letters = syllable.letters.map((l) => ({ ...l }));
    letters[toneIndex(syllable, this.style)]!.tone = tone;
    const meant = composeWord(letters);
    return this.words.has(meant) ? meant : null;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

const toneOf = (letters: readonly Letter[]) => letters.find((l) => l.tone !== 'level')?.tone ?? 'level';

/** Edit distance over letters: a letter differing only by its vowel mark or đ costs 0.3. */
function distance(a: readonly Letter[], b: readonly Letter[]): number {
  const sub = (x: Letter, y: Letter) => (x.base === y.base ? 0 : foldMarks(x.base) === foldMarks(y.base) ? 0.3 : 1);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + sub(a[i - 1]!, b[j - 1]!));
    previous = row;
  }
  return previous[b.length]! + toneCost(toneOf(a), toneOf(b));
}

/** Hỏi for ngã and back is the classic Vietnamese spelling slip (`triễn` for `triển`): cheapest. */
function toneCost(a: Tone, b: Tone): number {
  if (a === b) return 0;
  return (a === 'hook' && b === 'tilde') || (a === 'tilde' && b === 'hook') ? 0.05 : 0.1;
}

/** `suggestion` written in the case of `original`: all capitals, capitalised, or lower case. */
export function inCaseOf(original: string, suggestion: string): string {
  if (isAcronym(original)) return suggestion.toUpperCase();
  const first = original[0] ?? '';
  if (first !== first.toLowerCase()) return suggestion.charAt(0).toUpperCase() + suggestion.slice(1);
  return suggestion;
}
