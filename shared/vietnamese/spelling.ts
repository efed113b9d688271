/**
 * The spelling check, by the document's language.
 *
 * Vietnamese: a word is checked against the syllable list in the house style. Left alone are
 * words the tone check reports (a misplaced mark is a tone finding, not a spelling one),
 * acronyms (`TTXVN`, `XIII`), words touching digits (`21-NQ`), web and e-mail addresses, names
 * (capitalised without a Vietnamese mark: `Long Cang`, `London`) and English loanwords (`online`,
 * when an English speller is given; without one, only words shaped like a Vietnamese syllable
 * are judged, so `trog` for `trong` goes unnoticed).
 *
 * English: a word is checked with a hunspell-style speller (nspell with dictionary-en). Vietnamese
 * names in English copy (`Nguyễn`, `Thanh`) are accepted when they are Vietnamese syllables and
 * capitalised or marked.
 */
import type { SpellingFinding } from './findings';
import { hasVietnameseMarks } from './letters';
import { parseSyllable } from './syllable';
import type { SyllableDictionary } from './syllable-dictionary';
import { checkWordTone } from './tone-check';
import type { HouseStyle } from './tone-placement';
import { isAcronym, wordsOf, type WordSpan } from './words';

/** What the spelling check needs of an English speller; an nspell instance is one. */
export interface WordSpeller {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

export type CheckLanguage = 'vi' | 'en';

export interface SpellingOptions {
  language: CheckLanguage;
  style: HouseStyle;
  /** Without it, Vietnamese is not spell-checked (tone marks still are). */
  vietnamese?: SyllableDictionary;
  /** Without it, English is not spell-checked, nor are English loanwords told from typos in Vietnamese. */
  english?: WordSpeller;
  /** Work out English suggestions now; otherwise they are null until asked for (nspell takes ~10 ms a word). */
  suggestEnglish?: boolean;
}

const isCapitalised = (word: string) => word[0] !== undefined && word[0] !== word[0].toLowerCase();

/** Whether the spelling check looks at this word at all. */
function isCheckable(w: WordSpan, style: HouseStyle): boolean {
  return !w.nextToDigit && !w.inAddress && !isAcronym(w.text) && checkWordTone(w.text, style) === null;
}

function isVietnameseMisspelling(word: string, dictionary: SyllableDictionary, english: WordSpeller | undefined): boolean {
  if (dictionary.has(word)) return false;
  if (hasVietnameseMarks(word)) return true;
  if (isCapitalised(word)) return false; // a name: `Long Cang`, `London`
  if (english?.correct(word)) return false; // a loanword: `online`, `startup`
  // Without an English dictionary, only words shaped like Vietnamese syllables are judged.
  return english !== undefined || parseSyllable(word) !== null;
}

function isEnglishMisspelling(word: string, speller: WordSpeller, vietnamese: SyllableDictionary | undefined): boolean {
  if (word.length < 2 || speller.correct(word)) return false;
  const name = word.replace(/['’]s$/u, ''); // Mr Hải's
  if (isCapitalised(name) || hasVietnameseMarks(name)) {
    if (vietnamese ? vietnamese.has(name) : hasVietnameseMarks(name) && parseSyllable(name) !== null) return false;
  }
  return true;
}

export function checkSpelling(text: string, options: SpellingOptions, words: readonly WordSpan[] = wordsOf(text)): SpellingFinding[] {
  const { language, style, vietnamese, english } = options;
  // Nothing to check this language against (the export preflight runs without dictionaries).
  if (language === 'vi' ? !vietnamese : !english) return [];
  const findings: SpellingFinding[] = [];
  for (const w of words) {
    if (!isCheckable(w, style)) continue;
    if (language === 'vi' && vietnamese && isVietnameseMisspelling(w.text, vietnamese, english)) {
      findings.push({ start: w.start, end: w.end, kind: 'spelling', found: w.text, suggestions: vietnamese.suggest(w.text) });
    } else if (language === 'en' && english && isEnglishMisspelling(w.text, english, vietnamese)) {
      findings.push({ start: w.start, end: w.end, kind: 'spelling', found: w.text, suggestions: options.suggestEnglish ? english.suggest(w.text) : null });
    }
  }
  return findings;
}
