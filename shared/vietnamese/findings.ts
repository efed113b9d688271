/**
 * What the language checks report about a text: a range of it (UTF-16 offsets, end exclusive),
 * what is written there, and what to write instead.
 *
 *   misplaced-tone  the tone mark is on the wrong vowel in either style: `đaọ` → `đạo`
 *   house-style     right in the other house style, not in this one: `hoà` → `hòa` (traditional)
 *   spelling        not a word of the document's language (nor a name or a dictionary entry)
 */
export type ToneKind = 'misplaced-tone' | 'house-style';
export type FindingKind = ToneKind | 'spelling';

export interface ToneFinding {
  start: number;
  end: number;
  kind: ToneKind;
  found: string;
  suggestion: string;
}

export interface SpellingFinding {
  start: number;
  end: number;
  kind: 'spelling';
  found: string;
  /** Best first; null when not worked out yet (English suggestions are made when asked for). */
  suggestions: string[] | null;
}

export type TextFinding = ToneFinding | SpellingFinding;

/** The replacements a finding offers, best first (null: ask the speller). */
export function suggestionsOf(finding: TextFinding): string[] | null {
  return finding.kind === 'spelling' ? finding.suggestions : [finding.suggestion];
}

export const byPosition = (a: TextFinding, b: TextFinding): number => a.start - b.start || a.end - b.end;
