/**
 * Keeping underlines through an edit until the paragraph is checked again: the findings of the
 * paragraph's text before the edit, on the words the edit did not touch, moved with the text.
 * Without this, typing anywhere in a paragraph would make its underlines blink off and on.
 *
 * Each finding is about one word on its own (a tone mark, a spelling), so a word the edit did not
 * touch still has the same finding. The edit is taken as the span between the longest common
 * start and end of the two texts; a finding that overlaps it is dropped, and a kept one must
 * still be a whole word of the new text (`đaọ` that became `đaọx` is not).
 */
import type { TextFinding } from '../../../shared/vietnamese/findings';

const WORD_CHAR = /[\p{L}\p{M}'’]/u;

export function carryFindings(before: string, findings: readonly TextFinding[], after: string): TextFinding[] {
  if (findings.length === 0) return [];
  const shorter = Math.min(before.length, after.length);
  let head = 0;
  while (head < shorter && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < shorter - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const shift = after.length - before.length;
  const out: TextFinding[] = [];
  for (const f of findings) {
    let moved: TextFinding | null = null;
    if (f.end <= head) moved = f;
    else if (f.start >= before.length - tail) moved = { ...f, start: f.start + shift, end: f.end + shift };
    if (moved && isWholeWord(after, moved)) out.push(moved);
  }
  return out;
}

function isWholeWord(text: string, f: TextFinding): boolean {
  return text.slice(f.start, f.end) === f.found && !WORD_CHAR.test(text[f.start - 1] ?? '') && !WORD_CHAR.test(text[f.end] ?? '');
}
