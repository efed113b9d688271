/** The document's review records (who suggested what, when), kept in step with the tree. */
import type { Interview, MergeConflict, MetaChange, Suggestion } from '../model/schema';
import { usedIds } from './usages';

export function recordsById(doc: Interview): Map<string, Suggestion> {
  const map = new Map<string, Suggestion>();
  for (const s of doc.review?.suggestions ?? []) if (!map.has(s.id)) map.set(s.id, s);
  return map;
}

/**
 * A document with the given meta changes and the records of the suggestions it still uses. Records
 * nothing uses any more (settled, or undone by their author) are dropped, and with nothing pending
 * the `review` object goes too, so a fully resolved document is exactly a plain one.
 *
 * `used`, when given, must be what `usedIds` gives for the document with these meta changes (the
 * open editor keeps it per block, so a keystroke does not walk the whole body).
 */
export function withReview(doc: Interview, records: Iterable<Suggestion>, metaChanges: MetaChange[], used?: ReadonlySet<string>): Interview {
  const draft: Interview = { ...doc, review: { suggestions: [], metaChanges } };
  used ??= usedIds(draft);
  const seen = new Set<string>();
  const suggestions: Suggestion[] = [];
  for (const r of records) {
    if (used.has(r.id) && !seen.has(r.id)) suggestions.push(r);
    seen.add(r.id);
  }
  const conflicts = liveConflicts(doc.review?.conflicts, used);
  if (suggestions.length === 0 && metaChanges.length === 0 && conflicts.length === 0) delete draft.review;
  else draft.review = conflicts.length > 0 ? { suggestions, metaChanges, conflicts } : { suggestions, metaChanges };
  return draft;
}

/**
 * The merge conflicts still open (shared/merge/): one that names suggestions lasts while any of them
 * is pending, so deciding them settles it; one without suggestions lasts until it is dismissed.
 */
export function liveConflicts(conflicts: readonly MergeConflict[] | undefined, used: ReadonlySet<string>): MergeConflict[] {
  return (conflicts ?? []).filter((c) => c.suggestions.length === 0 || c.suggestions.some((id) => used.has(id)));
}
