/** Decisions on suggestions, and what they do to a node marked as inserted or removed. */

export type Decision = 'accept' | 'reject';

/** The decision on a suggestion id; `undefined` leaves it pending. */
export type Decide = (id: string) => Decision | undefined;

export const acceptEverything: Decide = () => 'accept';
export const rejectEverything: Decide = () => 'reject';

export function decideFrom(decisions: ReadonlyMap<string, Decision>): Decide {
  return (id) => decisions.get(id);
}

export function decideFor(ids: Iterable<string>, decision: Decision): Decide {
  const set = new Set(ids);
  return (id) => (set.has(id) ? decision : undefined);
}

export interface Marked {
  ins?: string;
  del?: string;
}

/**
 * Whether a node (text or block) is still there after the decisions: an insertion is gone once
 * rejected, a removal once accepted. A node can carry both (one reviewer struck text another
 * typed); it stays only if neither takes it away, which does not depend on the order of decisions.
 */
export function survives(node: Marked, decide: Decide): boolean {
  return !(node.ins !== undefined && decide(node.ins) === 'reject') && !(node.del !== undefined && decide(node.del) === 'accept');
}

/** A copy of a surviving node without the marks the decisions settled. */
export function settleMarks<T extends Marked>(node: T, decide: Decide): T {
  const out = { ...node };
  if (out.ins !== undefined && decide(out.ins) !== undefined) delete out.ins;
  if (out.del !== undefined && decide(out.del) !== undefined) delete out.del;
  return out;
}

/** Whether a node may still disappear: it carries a pending insertion or removal. */
export function mayGo(node: Marked): boolean {
  return node.ins !== undefined || node.del !== undefined;
}
