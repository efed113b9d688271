/**
 * The written Vietnamese syllable: (onset) (medial) nucleus (coda) + tone.
 *
 *   onset    the initial consonant as written: b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r
 *            s t th tr v x, or none. `qu` and `gi` are taken as onsets when a vowel follows, as
 *            the spelling treats them: their u and i never carry the tone (`quý`, `giá`).
 *   medial   the glide o or u before the main vowel (`hoa`, `khoẻ`, `thuỷ`, `tuần`, `thuế`).
 *   nucleus  the main vowel: one letter, or a diphthong written iê/yê/ia/ya, uô/ua, ươ/ưa (and
 *            the long oo of `xoong`). The same diphthong is written iê before a coda and ia
 *            without one (`tiếng`, `tía`), which is why the rules look at the coda.
 *   coda     the final consonant (c ch m n ng nh p t) or semivowel (i y o u), or none.
 *
 * The parse is about the written form, and only as strict as tone placement needs: it accepts
 * every syllable of the language, and some combinations the language does not use (the
 * dictionary, not the parser, decides whether a syllable exists).
 */
import { splitLetters, VOWELS, type Letter, type Tone } from './letters';

export interface Syllable {
  letters: Letter[];
  onset: string;
  medial: '' | 'o' | 'u';
  nucleus: string;
  coda: string;
  tone: Tone;
  /** Index in `letters` of the letter that carries the tone mark as written; null for level tone. */
  toneAt: number | null;
}

// Longest first, so `ngh` is tried before `ng` and `n`.
const ONSETS = ['ngh', 'ch', 'gh', 'kh', 'ng', 'nh', 'ph', 'th', 'tr', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x'];
const CONSONANT_CODAS: ReadonlySet<string> = new Set(['c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);

/** Diphthongs, as written; the first group only without a coda, the second only with one. */
export const OPEN_DIPHTHONGS: ReadonlySet<string> = new Set(['ia', 'ya', 'ua', 'ưa']);
const DIPHTHONGS: ReadonlySet<string> = new Set(['ia', 'ya', 'ua', 'ưa', 'iê', 'yê', 'uô', 'ươ', 'oo']);
const NEEDS_CODA: ReadonlySet<string> = new Set(['iê', 'yê', 'uô', 'oo', 'ă', 'â']);

/** Which semivowels may close which nucleus (`ai`, `ao`, `âu`, `iêu`, `ươu`, `uyu`…). */
const SEMIVOWEL_CODAS: Readonly<Record<string, string>> = {
  a: 'iouy',
  â: 'uy',
  e: 'o',
  ê: 'u',
  i: 'u',
  o: 'i',
  ô: 'i',
  ơ: 'i',
  u: 'i',
  ư: 'iu',
  y: 'u',
  iê: 'u',
  yê: 'u',
  uô: 'i',
  ươ: 'iu',
};

/** The glide o comes before a, ă, e; the glide u before â, ê, ơ and y (and ya, yê). */
const MEDIAL_BEFORE: Readonly<Record<'o' | 'u', string>> = { o: 'aăe', u: 'âêơy' };

/** Parses a word as one syllable; null when it is not one (a foreign word, a typo, two tones). */
export function parseSyllable(word: string): Syllable | null {
  const letters = splitLetters(word);
  if (!letters || letters.length === 0 || letters.length > 8) return null;
  let toneAt: number | null = null;
  let tone: Tone = 'level';
  for (let i = 0; i < letters.length; i++) {
    if (letters[i]!.tone === 'level') continue;
    if (toneAt !== null) return null;
    toneAt = i;
    tone = letters[i]!.tone;
  }
  const parts = parseBases(letters.map((l) => l.base));
  return parts && { letters, ...parts, tone, toneAt };
}

type Parts = Pick<Syllable, 'onset' | 'medial' | 'nucleus' | 'coda'>;

/** The parts of a syllable given its base letters (lower case, without tone). */
export function parseBases(bases: readonly string[]): Parts | null {
  const onset = readOnset(bases);
  if (onset === null) return null;
  // Each base letter is one UTF-16 unit (đ and ư included), so the onset's length counts letters.
  const i = onset.length;
  const isVowel = (k: number) => k < bases.length && VOWELS.has(bases[k]!);

  // The vowels, then the consonant coda.
  let end = i;
  while (isVowel(end)) end++;
  const vowels = bases.slice(i, end);
  const consonantCoda = bases.slice(end).join('');
  if (vowels.length === 0 || vowels.length > 3) return null;
  if (consonantCoda !== '' && !CONSONANT_CODAS.has(consonantCoda)) return null;

  let medial: Parts['medial'] = '';
  const first = vowels[0]!;
  if ((first === 'o' || first === 'u') && vowels.length > 1 && MEDIAL_BEFORE[first].includes(vowels[1]!)) medial = first;
  const rest = vowels.slice(medial === '' ? 0 : 1);
  const pair = rest.slice(0, 2).join('');
  const nucleus = rest.length >= 2 && DIPHTHONGS.has(pair) ? pair : rest[0]!;
  const after = rest.slice(nucleus.length).join('');
  if (after.length > 1) return null;
  if (after !== '' && (consonantCoda !== '' || !(SEMIVOWEL_CODAS[nucleus] ?? '').includes(after))) return null;
  const coda = after || consonantCoda;
  if (OPEN_DIPHTHONGS.has(nucleus) && coda !== '') return null;
  if (NEEDS_CODA.has(nucleus) && coda === '') return null;
  if (nucleus === 'ya' && medial !== 'u') return null; // khuya
  return { onset, medial, nucleus, coda };
}

/** The onset as written (`gi` only when a vowel follows: `gì` is g + i); null for a q without u. */
function readOnset(bases: readonly string[]): string | null {
  const word = bases.join('');
  if (word.startsWith('q')) return word.startsWith('qu') && bases.length > 2 && VOWELS.has(bases[2]!) ? 'qu' : null;
  if (word.startsWith('gi') && bases.length > 2 && VOWELS.has(bases[2]!)) return 'gi';
  for (const onset of ONSETS) if (word.startsWith(onset)) return onset;
  return '';
}
