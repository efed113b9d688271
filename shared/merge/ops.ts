/**
 * What the three-way merge decides, said relative to our copy: each of our tokens is kept or
 * deleted, and their new tokens are inserted among them. The planner (plan.ts) turns this into
 * edits of the review algebra. Every change carries a group: group 0 is their changes that meet
 * nothing of ours; every other group is one conflict, whose suggestions are listed with it.
 */
import type { MergeConflictKind, MergeConflict } from '../model/schema';
import type { PhotoTextField } from '../review/values';
import type { CommentSpan, Token } from './tokens';

/** One conflict as the merge finds it; its suggestions are known only once they are recorded. */
export interface ConflictDraft {
  kind: MergeConflictKind;
  /** What the place held in the version that was sent. */
  base: string;
  theirs?: string;
  field?: NonNullable<MergeConflict['field']>;
  participantId?: string;
}

/** A value to set, by a group. */
export interface ValueChange<V> {
  to: V;
  group: number;
}

export interface PhotoChange {
  fields: (ValueChange<string> & { field: PhotoTextField })[];
}

export interface TurnChange {
  speaker?: ValueChange<string>;
  children: Op[];
}

export type Op =
  /** Our token stays. For a turn or photo, with their changes inside it; for a word, their comment anchors on it. */
  | { op: 'keep'; tok: Token; theirsComments?: CommentSpan[]; photo?: PhotoChange; turn?: TurnChange }
  /** Our token goes. `move`: a photo that goes somewhere else (the `ins` with the same number). */
  | { op: 'del'; tok: Token; group: number; move?: number }
  /**
   * Their token comes in. A turn comes with its children (all `ins`); a moved photo with the changes
   * of its text that apply after the move.
   */
  | { op: 'ins'; tok: Token; group: number; move?: number; photo?: PhotoChange; children?: Op[] };

export type KeepOp = Extract<Op, { op: 'keep' }>;
export type DelOp = Extract<Op, { op: 'del' }>;
export type InsOp = Extract<Op, { op: 'ins' }>;

/** The group of their changes that meet nothing of ours. */
export const PLAIN = 0;

/** Groups and the conflicts they stand for. */
export class Groups {
  readonly drafts = new Map<number, ConflictDraft>();
  private next = 1;

  conflict(draft: ConflictDraft): number {
    const g = this.next++;
    this.drafts.set(g, draft);
    return g;
  }

  isConflict(group: number): boolean {
    return this.drafts.has(group);
  }
}

/** Every op of a list and of the turns in it, depth first, with the list it is in. */
export function* walkOps(ops: Op[]): Generator<{ op: Op; list: Op[]; index: number }> {
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    yield { op, list: ops, index: i };
    if (op.op === 'keep' && op.turn) yield* walkOps(op.turn.children);
    if (op.op === 'ins' && op.children) yield* walkOps(op.children);
  }
}
