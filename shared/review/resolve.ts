/**
 * Accepting and rejecting suggestions: one pure function, `resolve`, applies any set of decisions in
 * one pass; everything else is a way of choosing the decisions. Every rule is local to a node or a
 * value history (decisions.ts, history.ts, breaks.ts), so deciding suggestions one at a time, in any
 * order, ends exactly where deciding them together does (property-tested in
 * tests/unit/shared/review/algebra.test.ts).
 *
 * The accepted view (what exports read) and the original view are the two extremes, computed
 * without touching the document.
 */
import { emptyParagraph } from '../model/factory';
import type { Block, Interview, Paragraph, Photo, TrackedMetaField, Turn } from '../model/schema';
import { breakHistory, settleBreaks, storeBreak } from './breaks';
import { acceptEverything, decideFor, decideFrom, rejectEverything, settleMarks, survives, type Decide, type Decision } from './decisions';
import { resolveHistory, type History } from './history';
import { tidyLeaves } from './leaves';
import { withReview } from './records';
import { metaHistory, PHOTO_TEXT_FIELDS, photoHistory, speakerHistory, storeMetaHistories, TRACKED_META_FIELDS, withPhotoHistory, withSpeakerHistory, type TrackedMetaValue } from './values';

function resolveParagraph(p: Paragraph, decide: Decide): Paragraph {
  const out: Paragraph = { ...p, children: tidyLeaves(p.children.filter((l) => survives(l, decide)).map((l) => settleMarks(l, decide))) };
  storeBreak(out, resolveHistory(breakHistory(p), decide));
  return out;
}

function resolvePhoto(photo: Photo, decide: Decide): Photo {
  let out = settleMarks(photo, decide);
  for (const field of PHOTO_TEXT_FIELDS) out = withPhotoHistory(out, field, resolveHistory(photoHistory(photo, field), decide));
  return out;
}

function resolveTurn(turn: Turn, decide: Decide): Turn {
  const out = withSpeakerHistory(settleMarks(turn, decide), resolveHistory(speakerHistory(turn), decide));
  return { ...out, children: resolveBlocks(turn.children, decide) };
}

function resolveBlocks<C extends Block>(children: readonly C[], decide: Decide): C[] {
  const out: C[] = [];
  for (const block of children) {
    if (block.type === 'paragraph') out.push(resolveParagraph(block, decide) as C);
    else if (!survives(block, decide)) continue;
    else if (block.type === 'photo') out.push(resolvePhoto(block, decide) as C);
    else out.push(resolveTurn(block, decide) as C);
  }
  settleBreaks(out);
  return out;
}

/** Apply a decision function to every suggestion; undecided ones stay pending. */
export function resolveWith(doc: Interview, decide: Decide): Interview {
  const histories = new Map<TrackedMetaField, History<TrackedMetaValue>>();
  for (const field of TRACKED_META_FIELDS) histories.set(field, resolveHistory(metaHistory(doc.meta, doc.review?.metaChanges ?? [], field), decide));
  const { meta, metaChanges } = storeMetaHistories(doc.meta, histories);
  const records = (doc.review?.suggestions ?? []).filter((r) => decide(r.id) === undefined);
  const body = resolveBlocks(doc.body, decide);
  // Some mixes of decisions take away every block (each removal accepted, each insertion
  // rejected); the body then gets the empty paragraph the editor would give it.
  if (body.length === 0) body.push(emptyParagraph());
  return withReview({ ...doc, meta, body }, records, metaChanges);
}

/** Accept some suggestions and reject others in one step; ids not in the map stay pending. */
export function resolve(doc: Interview, decisions: ReadonlyMap<string, Decision>): Interview {
  return resolveWith(doc, decideFrom(decisions));
}

export function accept(doc: Interview, ids: Iterable<string>): Interview {
  return resolveWith(doc, decideFor(ids, 'accept'));
}

export function reject(doc: Interview, ids: Iterable<string>): Interview {
  return resolveWith(doc, decideFor(ids, 'reject'));
}

export function acceptAll(doc: Interview): Interview {
  return resolveWith(doc, acceptEverything);
}

export function rejectAll(doc: Interview): Interview {
  return resolveWith(doc, rejectEverything);
}

/** The document as it reads with every suggestion accepted: what exports are built from. */
export const acceptedView: (doc: Interview) => Interview = acceptAll;

/** The document as it was before any pending suggestion. */
export const originalView: (doc: Interview) => Interview = rejectAll;
