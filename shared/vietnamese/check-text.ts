/**
 * Check a text, list findings: the tone-mark check and the spelling check together, without the
 * exempt words (participants' names, the personal dictionary). This is what the editor's worker,
 * the export preflight and `interview-desk check` run.
 */
import type { WordExemptions } from './exemptions';
import { byPosition, suggestionsOf, type TextFinding } from './findings';
import { checkSpelling, type SpellingOptions } from './spelling';
import { checkTones } from './tone-check';
import { wordsOf } from './words';

export interface TextCheckOptions extends SpellingOptions {
  exempt?: WordExemptions;
}

export function checkText(text: string, options: TextCheckOptions): TextFinding[] {
  // Without a dictionary for the language (the export preflight) only the tone marks are checked,
  // and they need no more of a word than where it is.
  const spelled = options.language === 'vi' ? options.vietnamese !== undefined : options.english !== undefined;
  const words = spelled ? wordsOf(text) : undefined;
  // The house style of tone marks is a rule of Vietnamese copy: a Vietnamese name quoted in an
  // English story is spelled as its owner spells it (`Hoà`, `Thuỷ`), whichever style the library keeps.
  const tones = options.language === 'vi' ? checkTones(text, options.style, words) : [];
  const findings: TextFinding[] = [...tones, ...(words ? checkSpelling(text, options, words) : [])];
  const kept = options.exempt ? findings.filter((f) => !options.exempt!.has(f.found)) : findings;
  return kept.sort(byPosition);
}

/** A finding with its place as a reader counts it: line and column from 1, in characters. */
export type LocatedFinding = TextFinding & { line: number; column: number };

export function locateFindings(text: string, findings: readonly TextFinding[]): LocatedFinding[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  return findings.map((f) => {
    let line = lineStarts.length - 1;
    while (lineStarts[line]! > f.start) line--;
    // Columns count characters (code points), not UTF-16 units.
    const column = [...text.slice(lineStarts[line], f.start)].length + 1;
    return { ...f, line: line + 1, column };
  });
}

function fixOf(f: LocatedFinding): string {
  const suggestions = suggestionsOf(f);
  return suggestions && suggestions.length > 0 ? ` → ${suggestions.join(' | ')}` : '';
}

/** Where, what, and what instead: `12:34 đaọ → đạo` (suggestions separated by ` | `). */
export const describeFinding = (f: LocatedFinding): string => `${f.line}:${f.column} ${f.found}${fixOf(f)}`;

/** One line per finding: `12:34<TAB>misplaced-tone<TAB>đaọ → đạo`. */
export const formatFinding = (f: LocatedFinding): string => `${f.line}:${f.column}\t${f.kind}\t${f.found}${fixOf(f)}`;

/** Check a whole text (a file) and list its findings, one line each, in order. */
export function listTextFindings(text: string, options: TextCheckOptions): string[] {
  return locateFindings(text, checkText(text, options)).map(formatFinding);
}
