/**
 * A stretch of text both sides changed (a diff3 region), settled word by word where it can be.
 * Aligned against the base, the two sides' changes overlap; aligned with each other, much of that
 * overlap is the same change made twice (or merged in before), and the rest may still be separate
 * changes of different words. So:
 *
 * - as many words on all three sides: word by word (each word is ours, theirs, or a conflict where
 *   both changed it);
 * - otherwise the two sides are aligned with each other: what they share stays; between shared
 *   words, a base word one side dropped goes, and new words of one side come or stay; only where
 *   both sides have new words between the same shared words is it a conflict (their version of
 *   that stretch replaces ours, flagged).
 *
 * Only for text: structure (paragraph ends, photos, turns) is not rearranged word by word.
 */
import { commonPairs } from './diff3';

export type WordStep =
  /** The same word on both sides. */
  | { kind: 'both'; a: number; b: number }
  /** Ours stays. */
  | { kind: 'ours'; a: number }
  /** Ours goes: theirs removed or replaced it (in a conflict when `conflict`). */
  | { kind: 'drop'; a: number; conflict: boolean }
  /** Theirs comes. */
  | { kind: 'add'; b: number; conflict: boolean };

/**
 * The steps, or undefined when settling word by word would run two words together: a word from one
 * side put right after a word from the other (or after a word its own side had not there), with no
 * space between, would make a new word neither side wrote.
 */
export function wordSteps(O: readonly string[], A: readonly string[], B: readonly string[], spaced: (key: string) => boolean): WordStep[] | undefined {
  const steps = rawSteps(O, A, B);
  let last: { side: 'a' | 'b'; i: number } | undefined;
  for (const step of steps) {
    const at = step.kind === 'both' || step.kind === 'ours' ? { side: 'a' as const, i: step.a } : step.kind === 'add' ? { side: 'b' as const, i: step.b } : undefined;
    if (!at) continue;
    if (last && !(last.side === at.side && last.i + 1 === at.i) && !spaced((last.side === 'a' ? A : B)[last.i]!)) return undefined;
    // A word both sides have continues either side's text.
    last = step.kind === 'both' ? (last?.side === 'b' ? { side: 'b', i: step.b } : at) : at;
  }
  return steps;
}

function rawSteps(O: readonly string[], A: readonly string[], B: readonly string[]): WordStep[] {
  const steps: WordStep[] = [];
  if (O.length === A.length && A.length === B.length) {
    O.forEach((o, i) => {
      const [a, b] = [A[i]!, B[i]!];
      if (a === b) steps.push({ kind: 'both', a: i, b: i });
      else if (b === o) steps.push({ kind: 'ours', a: i });
      else {
        const conflict = a !== o;
        steps.push({ kind: 'drop', a: i, conflict }, { kind: 'add', b: i, conflict });
      }
    });
    return steps;
  }
  const inBase = new Set(O);
  let ai = 0;
  let bi = 0;
  for (const [x, y] of [...commonPairs(A, B), [A.length, B.length] as [number, number]]) {
    const oursNew = A.slice(ai, x).some((k) => !inBase.has(k));
    const theirsNew = B.slice(bi, y).some((k) => !inBase.has(k));
    const conflict = oursNew && theirsNew;
    for (; ai < x; ai++) steps.push(conflict || inBase.has(A[ai]!) ? { kind: 'drop', a: ai, conflict } : { kind: 'ours', a: ai });
    for (; bi < y; bi++) if (conflict || !inBase.has(B[bi]!)) steps.push({ kind: 'add', b: bi, conflict });
    if (x < A.length) steps.push({ kind: 'both', a: x, b: y });
    ai = x + 1;
    bi = y + 1;
  }
  return steps;
}
