/**
 * The merge conflicts of a document (schema.ts `mergeConflictSchema`) after the merge: the ones
 * still open, and dismissing one that no suggestion carries (its own value stays; the returned one
 * is let go). A conflict with suggestions is settled by deciding them, not dismissed.
 */
import type { Interview, MergeConflict } from '../model/schema';
import { liveConflicts } from '../review/records';
import { usedIds } from '../review/usages';

/** The conflicts still open: with a pending suggestion, or with none to decide. */
export function openConflicts(doc: Interview): MergeConflict[] {
  return liveConflicts(doc.review?.conflicts, usedIds(doc));
}

export function dismissConflict(doc: Interview, id: string): Interview {
  const review = doc.review;
  const conflict = review?.conflicts?.find((c) => c.id === id);
  if (!review || !conflict || conflict.suggestions.length > 0) return doc;
  const conflicts = review.conflicts!.filter((c) => c.id !== id);
  const { conflicts: _gone, ...rest } = review;
  if (conflicts.length > 0) return { ...doc, review: { ...rest, conflicts } };
  if (rest.suggestions.length === 0 && rest.metaChanges.length === 0) {
    const { review: _review, ...plain } = doc;
    return plain;
  }
  return { ...doc, review: rest };
}
