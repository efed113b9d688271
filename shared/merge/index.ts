/**
 * Merging a returned review file into this copy of an interview: pure, no I/O.
 *
 *  - merge:     mergeReturned(base, ours, theirs, { author, at })    (merge.ts: the laws it keeps)
 *  - body:      tokens, identity, diff3 regions → operations            (tokens.ts, identity.ts, diff3.ts, merge-body.ts)
 *  - edits:     operations → review-algebra edits                        (plan.ts)
 *  - the rest:  metadata, participants, threads, comment anchors        (merge-values.ts, merge-comments.ts, anchors.ts)
 *  - after:     the conflicts still open, dismissing one                 (conflicts.ts)
 */
export { keepUnmerged, mergeReturned, type MergeOptions, type MergeResult } from './merge';
export { dismissConflict, openConflicts } from './conflicts';
