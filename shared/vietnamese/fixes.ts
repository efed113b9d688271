/**
 * Fixing findings as plain text edits: "fix one" and "fix all". The editor applies the same
 * replacements through Slate (so marks and undo work); these are for text outside the editor
 * (the CLI, tests) and say what the editor's result must be.
 */
import { suggestionsOf, type TextFinding } from './findings';

/**
 * The text with one finding replaced by `replacement` (by default its first suggestion). The text
 * is returned unchanged when the finding no longer matches it (the text changed since the check)
 * or offers nothing to write.
 */
export function applyFix(text: string, finding: TextFinding, replacement?: string): string {
  const write = replacement ?? suggestionsOf(finding)?.[0];
  if (write === undefined || text.slice(finding.start, finding.end) !== finding.found) return text;
  return text.slice(0, finding.start) + write + text.slice(finding.end);
}

/**
 * The text with every finding that has a suggestion replaced by its first one. Findings are
 * applied from the last to the first, so each one's offsets are still right when it is applied;
 * a finding that overlaps one already applied is skipped.
 */
export function applyAllFixes(text: string, findings: readonly TextFinding[]): string {
  const ordered = [...findings].sort((a, b) => b.start - a.start);
  let out = text;
  let limit = Infinity;
  for (const f of ordered) {
    if (f.end > limit) continue;
    const next = applyFix(out, f);
    if (next !== out) limit = f.start;
    out = next;
  }
  return out;
}
