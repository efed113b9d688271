/**
 * The words for a decision on suggestions: what a button will decide ("Accept 2 changes: 1 deletion,
 * 1 speaker change"), and what was decided ("Accepted 1 deletion", "Nothing to accept at the
 * caret"). Said by kind, with the kinds named as the Changes panel names them (change-label.ts,
 * `review.kinds`), so the user can check a decision against the cards before and after it.
 */
import type { TFunction } from 'i18next';
import type { Decision, KindCount } from '../../../shared/review';

/** Where "accept/reject here" looked: a collapsed caret or a selection. */
export type Pointed = 'caret' | 'selection';

/** What the status says after a decision; `seq` tells two equal messages apart, so each is announced. */
export interface DecisionNote {
  decision: Decision;
  tally: readonly KindCount[];
  /** Set for "here" (the shortcut, the panel's selection buttons): an empty one then names where it looked. */
  where?: Pointed;
  seq: number;
}

/** "1 deletion, 2 speaker changes". */
export function kindList(t: TFunction, tally: readonly KindCount[]): string {
  return tally.map(({ kind, count }) => t(`review.counted.${kind}`, { count })).join(', ');
}

const total = (tally: readonly KindCount[]) => tally.reduce((n, k) => n + k.count, 0);

/** One kind is named with its count ("Accept 2 deletions"); several after the total ("Accept 3 changes: …"). */
function phrase(t: TFunction, group: 'will' | 'did', decision: Decision, tally: readonly KindCount[]): string {
  const list = kindList(t, tally);
  return tally.length === 1 ? t(`review.${group}.${decision}`, { list }) : t(`review.${group}.${decision}Many`, { list, count: total(tally) });
}

/** A button's label: what pressing it will decide. */
export function intentText(t: TFunction, decision: Decision, tally: readonly KindCount[]): string {
  return phrase(t, 'will', decision, tally);
}

/** The status after a decision: what it took, or that there was nothing where it looked. */
export function decisionText(t: TFunction, note: DecisionNote): string {
  if (note.tally.length === 0) return t(`review.nothing.${note.decision}.${note.where ?? 'selection'}`);
  return phrase(t, 'did', note.decision, note.tally);
}
