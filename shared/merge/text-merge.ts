/**
 * Three-way merge of one line of text (a caption, a headline, the sapo) by words and spaces, for
 * values that are set whole: the result is the value to suggest. Where only they changed words,
 * theirs; where both changed the same words (word-steps.ts), theirs too, and `conflict` says so
 * (the suggestion is then flagged, and rejecting it keeps ours whole).
 */
import { diff3Regions } from './diff3';
import { PIECES } from './tokens';
import { wordSteps } from './word-steps';

const pieces = (s: string) => s.match(PIECES) ?? [];

export function mergeText(base: string, ours: string, theirs: string): { text: string; conflict: boolean } {
  const o = pieces(base);
  const a = pieces(ours);
  const b = pieces(theirs);
  let conflict = false;
  const out: string[] = [];
  for (const r of diff3Regions(o, a, b)) {
    const A = a.slice(r.aStart, r.aEnd);
    const B = b.slice(r.bStart, r.bEnd);
    const O = o.slice(r.oStart, r.oEnd);
    if (r.kind === 'theirs') out.push(...B);
    else if (r.kind === 'both' && A.join('') !== B.join('')) {
      const steps = wordSteps(O, A, B, (w) => /\s$/.test(w));
      if (!steps) {
        conflict = true;
        out.push(...B);
        continue;
      }
      for (const step of steps) {
        if (step.kind === 'both' || step.kind === 'ours') out.push(A[step.a]!);
        else if (step.kind === 'add') out.push(B[step.b]!);
        if (step.kind !== 'both' && step.kind !== 'ours' && step.conflict) conflict = true;
      }
    } else out.push(...A);
  }
  return { text: out.join(''), conflict };
}
