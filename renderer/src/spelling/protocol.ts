/**
 * Messages between the editor and the spelling worker. The editor sends the text of paragraphs
 * that changed; the worker answers with the findings of each text. English suggestions are asked
 * for one word at a time, when the user opens the menu on it (nspell takes ~10 ms a word).
 */
import type { TextFinding } from '../../../shared/vietnamese/findings';
import type { CheckLanguage } from '../../../shared/vietnamese/spelling';
import type { HouseStyle } from '../../../shared/vietnamese/tone-placement';

export interface CheckSettings {
  language: CheckLanguage;
  style: HouseStyle;
}

export type SpellRequest =
  | { type: 'check'; id: number; settings: CheckSettings; texts: string[] }
  | { type: 'suggest'; id: number; settings: CheckSettings; word: string };

export type SpellResponse =
  | { type: 'checked'; id: number; findings: TextFinding[][] }
  | { type: 'suggestions'; id: number; suggestions: string[] }
  | { type: 'failed'; id: number; message: string };

/** What the editor needs of a checker: the worker in the app, the service itself in tests. */
export interface SpellChecker {
  check(settings: CheckSettings, texts: string[]): Promise<TextFinding[][]>;
  suggest(settings: CheckSettings, word: string): Promise<string[]>;
  dispose(): void;
}
