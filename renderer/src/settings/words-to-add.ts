/**
 * What the "Add word" box adds: each word typed (a space separates words, since the checks look at
 * one word at a time), as the library stores it, and why any of it cannot be added.
 */
import { MAX_PERSONAL_WORDS, MAX_WORD_LENGTH, personalWordSchema } from '../../../shared/api/spelling-settings';

export type AddProblem =
  | { key: 'settings.tooLong'; params: { max: number } }
  | { key: 'settings.invalid'; params: Record<string, never> }
  | { key: 'settings.already'; params: { word: string } }
  | { key: 'settings.full'; params: { max: number } };

export function wordsToAdd(typed: string, dictionary: readonly string[]): { words: string[]; problem: AddProblem | null } {
  const words: string[] = [];
  let problem: AddProblem | null = null;
  for (const raw of typed.normalize('NFC').split(/\s+/u)) {
    if (raw === '') continue;
    const parsed = personalWordSchema.safeParse(raw);
    if (!parsed.success) {
      problem ??= raw.length > MAX_WORD_LENGTH ? { key: 'settings.tooLong', params: { max: MAX_WORD_LENGTH } } : { key: 'settings.invalid', params: {} };
    } else if (dictionary.includes(parsed.data) || words.includes(parsed.data)) {
      problem ??= { key: 'settings.already', params: { word: parsed.data } };
    } else if (dictionary.length + words.length >= MAX_PERSONAL_WORDS) {
      problem ??= { key: 'settings.full', params: { max: MAX_PERSONAL_WORDS } };
    } else {
      words.push(parsed.data);
    }
  }
  return { words, problem };
}
