/**
 * Tracked changes: the review algebra, pure. The stored shape is in shared/model/schema.ts.
 *
 *  - record:   suggest(doc, edits, author, clock)            (suggest.ts; edits and positions: edits.ts)
 *  - locate:   acceptedPoint, acceptedPath                   (layout.ts: a Slate point or path → edit positions)
 *  - compare:  edit(doc, edits)                              (edit.ts: the same edits applied plainly)
 *  - decide:   accept, reject, resolve, acceptAll, rejectAll (resolve.ts)
 *  - views:    acceptedView (exports), originalView          (resolve.ts)
 *  - read:     listPending, pendingCount, byAuthor           (pending.ts)
 *  - point:    inRange                                       (in-range.ts: what a caret or selection takes)
 *  - count:    tallyKinds                                    (kind-tally.ts: what a decision takes, by kind)
 *  - repair:   findProblems, discard, salvageReview          (problems.ts, salvage.ts)
 */
export type { Decision } from './decisions';
export { edit } from './edit';
export { EditError, type BlockPath, type Edit, type EditType, type PhotoFields, type TextPoint } from './edits';
export { acceptedPath, acceptedPoint } from './layout';
export type { LeafMarks } from './leaves';
export { inRange, type BodyPoint, type BodyRange } from './in-range';
export { tallyKinds, type KindCount, type TalliedKind } from './kind-tally';
export { byAuthor, listPending, pendingCount, type PendingSuggestion } from './pending';
export { discard, findProblems, type ReviewProblem } from './problems';
export { accept, acceptAll, acceptedView, originalView, reject, rejectAll, resolve } from './resolve';
export { salvageReview, type SalvageResult } from './salvage';
export { sequentialIds, type Author, type Clock, type IdSource } from './session';
export { suggest } from './suggest';
export { PHOTO_TEXT_FIELDS, TRACKED_META_FIELDS, type PhotoTextField } from './values';
