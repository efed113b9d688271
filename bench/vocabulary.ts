/**
 * The words the generated interviews are made of, read from an agency interview (SEED_TEXT): the
 * real article kept beside the checkout on the build machines, where the published benchmark runs
 * were measured, else the repository's own agency-style interview. Only single words are taken and
 * recombined at random, so no published sentence ends up in the inputs or in the repository.
 *
 * The seed has only ~360 distinct syllables, far fewer than real Vietnamese text (several
 * thousand), and with so few every word is in every interview: no query would be rarer than
 * "matches the whole library". So a tail of syllables is made by recombining the seed's onsets
 * and rhymes (`đ` + `ược`, `ng` + `ành`, …); text draws from it now and then, which gives the
 * search benchmark rare words as well as common ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const REAL_SEED = resolve(import.meta.dirname, '../../shared/seed/000_70cfa9748694c4ad.txt');
const OWN_ARTICLE = resolve(import.meta.dirname, '../tests/fixtures/agency-interview.txt');
export const SEED_TEXT = existsSync(REAL_SEED) ? REAL_SEED : OWN_ARTICLE;

export interface Vocabulary {
  /** Every seed word (lower case) as often as the seed uses it: picking from it follows the seed's word frequencies. */
  running: readonly string[];
  /** Syllables recombined from the seed's onsets and rhymes that the seed does not use. */
  synthetic: readonly string[];
  /** Each distinct word once, seed words and synthetic ones: picking from it gives rare words as often as common ones. */
  distinct: readonly string[];
}

/** Vietnamese initial consonants, longest first so `ngh` is not read as `ng` + `h`. */
const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x'];

function splitSyllable(word: string): [string, string] {
  const onset = ONSETS.find((o) => word.startsWith(o) && word.length > o.length) ?? '';
  return [onset, word.slice(onset.length)];
}

export function loadVocabulary(file = SEED_TEXT): Vocabulary {
  const text = readFileSync(file, 'utf8').normalize('NFC');
  // Words made of letters only: numbers, labels' punctuation and credits' slashes are left out.
  const running = (text.match(/\p{L}+/gu) ?? []).filter((w) => w.length <= 12).map((w) => w.toLocaleLowerCase('vi'));
  if (running.length < 200) throw new Error(`${file} has too few words (${running.length}) to build a vocabulary from.`);
  const seedWords = [...new Set(running)].sort();
  const onsets = new Set<string>();
  const rhymes = new Set<string>();
  // Syllables only: abbreviations and Roman numerals (`bcs`, `xiii`) would make odd rhymes.
  const hasVowel = (w: string) => /^[^aeiouy]*[aeiouy]{1,3}[^aeiouy]*$/.test(w.normalize('NFD').replace(/\p{M}/gu, ''));
  for (const word of seedWords.filter(hasVowel)) {
    const [onset, rhyme] = splitSyllable(word);
    onsets.add(onset);
    rhymes.add(rhyme);
  }
  const known = new Set(seedWords);
  const synthetic = [...onsets].flatMap((o) => [...rhymes].map((r) => o + r)).filter((w) => !known.has(w)).sort();
  return { running, synthetic, distinct: [...seedWords, ...synthetic] };
}
