/**
 * The suggestion ids each top-level block uses, kept per block object. Slate never changes a node
 * in place (an edit replaces the node and its ancestors), so a block object's ids never change:
 * after a keystroke only the edited block is looked at again, not the whole body, so what is
 * derived from the ids (the records a save carries, the pending count) costs the same however long
 * the interview is.
 */
import type { Block, Interview, MetaChange } from '../../../shared/model/schema';
import { forEachBlockUsage, forEachMetaUsage } from '../../../shared/review/usages';

const NONE: readonly string[] = Object.freeze([]);

const idsByBlock = new WeakMap<Block, readonly string[]>();

/** The ids `block` uses, in the order `forEachBlockUsage` visits them (repeats kept). */
export function blockIds(block: Block): readonly string[] {
  let ids = idsByBlock.get(block);
  if (!ids) {
    const found: string[] = [];
    forEachBlockUsage(block, 0, (id) => found.push(id));
    ids = found.length > 0 ? found : NONE;
    idsByBlock.set(block, ids);
  }
  return ids;
}

/**
 * The last answer, kept by the identity of its inputs: a keystroke asks twice for the same body
 * (the records a save carries, then the pending count).
 */
let last: { body: readonly Block[]; metaChanges: readonly MetaChange[]; used: ReadonlySet<string> } | null = null;

/** `usedIds` (shared/review/usages.ts) of a document with this body and these meta changes. */
export function usedIdsOf(body: readonly Block[], metaChanges: readonly MetaChange[]): ReadonlySet<string> {
  if (last && last.body === body && last.metaChanges === metaChanges) return last.used;
  const used = new Set<string>();
  forEachMetaUsage(metaChanges, (id) => used.add(id));
  // Index loops: this runs over every top-level block on every keystroke while suggesting.
  for (let b = 0; b < body.length; b++) {
    const ids = blockIds(body[b]!);
    for (let i = 0; i < ids.length; i++) used.add(ids[i]!);
  }
  last = { body, metaChanges, used };
  return used;
}

/**
 * How many suggestions are pending: `listPending(doc).length` (shared/review/pending.ts lists one
 * item per id used), counted from the per-block ids instead of describing every suggestion.
 */
export function pendingCountOf(doc: Interview): number {
  return usedIdsOf(doc.body, doc.review?.metaChanges ?? []).size;
}
