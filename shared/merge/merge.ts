/**
 * `mergeReturned(base, ours, theirs, { author, at })`: a returned review file merged into this copy.
 * base is the version that was sent, ours this copy now, theirs the version that came back.
 *
 * The result is ours, untouched where they changed nothing, with their changes (suggested or made
 * directly) recorded as pending suggestions by `author`, and a conflict wherever both changed the
 * same thing (shared/model/schema.ts `mergeConflictSchema`). The laws it keeps, property-tested in
 * tests/unit/shared/merge/:
 *
 *   merge(b, o, b) ≡ o;   acceptedView(merge(b, b, t)) ≡ acceptedView(t);
 *   rejecting the suggestions it adds gives o back;   merge(b, merge(b, o, t), t) ≡ merge(b, o, t);
 *   no word of ours or of theirs is lost.
 *
 * How: each version is read as its accepted view (the text as its author reads it); the body is
 * merged container by container (merge-body.ts), the rest field by field (merge-values.ts,
 * merge-comments.ts); the body's operations become algebra edits (plan.ts) that `suggest` records.
 * The suggestions are recorded under a stand-in author per conflict, so that none extends or
 * amends a suggestion it should stay apart from (the algebra lets an author amend their own), and
 * then given to `author`.
 *
 * Trust first: the result is checked (rejecting what arrived must give ours back exactly); if that
 * or anything else fails, the result is ours unchanged with one `unmerged` conflict, and the caller
 * keeps the returned version beside it (the backend stores it as a revision).
 */
import { normalizeInterview } from '../model/normalize';
import type { Interview, MergeConflict, Paragraph } from '../model/schema';
import { LIMITS } from '../model/schema';
import { acceptedView, originalView, reject } from '../review/resolve';
import type { Author } from '../review/session';
import { suggest } from '../review/suggest';
import { usedIds } from '../review/usages';
import { placeAnchors, targetParagraphs } from './anchors';
import { photoKeys, turnKeys } from './identity';
import { BodyMerge, readVersion } from './merge-body';
import { mergeThreads } from './merge-comments';
import { mergeTimes } from './merge-times';
import { dropRemovedParticipants, mergeDetails, mergeMeta, separateParticipants } from './merge-values';
import { Groups, PLAIN, type ConflictDraft } from './ops';
import { Planner, type PlannedEdit } from './plan';

export interface MergeOptions {
  /** Who sent the returned version: its changes become their suggestions. */
  author: Author;
  /** When it is merged (ISO 8601 with offset): the time on its suggestions and conflicts. */
  at: string;
}

export interface MergeResult {
  doc: Interview;
  /** Pending suggestions and conflicts the returned version became. */
  suggestions: number;
  conflicts: number;
  /** False when the returned version brings nothing this copy lacks (`doc` is then ours). */
  changed: boolean;
}

const sameJson = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
/** A prefix no real author id has: the stand-in authors exist only inside one merge. */
const STAND_IN = 'merge\u0000';

class CheckFailed extends Error {}

export function mergeReturned(base: Interview, ours: Interview, theirs: Interview, options: MergeOptions): MergeResult {
  if (base.id !== ours.id || theirs.id !== ours.id) throw new Error('mergeReturned: the three versions must be of one interview');
  try {
    return mergeStrict(base, ours, theirs, options);
  } catch {
    // Whatever went wrong, nothing is chosen: ours stays as it is and says the merge did not happen.
    return keepUnmerged(ours, options);
  }
}

/** The merge itself, which throws where `mergeReturned` falls back (the tests call it to see why). */
export function mergeStrict(base: Interview, ours: Interview, theirs: Interview, options: MergeOptions): MergeResult {
  const B = acceptedView(base);
  const O = acceptedView(ours);
  const T = separateParticipants(B, O, acceptedView(theirs));
  if (sameJson(normalizeInterview(T), normalizeInterview(B)) && sameJson(theirs.comments ?? [], base.comments ?? [])) {
    return { doc: ours, suggestions: 0, conflicts: 0, changed: false };
  }
  const groups = new Groups();
  const details = mergeDetails(B, O, T, ours);
  const metaEdits = mergeMeta(B.meta, O.meta, T.meta, groups);
  const keys = turnKeys(B, { stored: ours, accepted: O, original: originalView(ours) }, T);
  const photos = photoKeys(B, O, T, keys);
  const [vb, vo, vt] = [readVersion(B, keys.base, photos.base), readVersion(O, keys.ours, photos.ours), readVersion(T, keys.theirs, photos.theirs)];
  const labels = new Map(B.participants.map((p) => [p.id, p.label]));
  const ops = new BodyMerge(vb, vo, vt, groups, (id) => labels.get(id) ?? id).merge();
  const planner = new Planner(O, vo.photoKey);
  const bodyEdits = planner.plan(ops);
  const applied = record(details.doc, [...metaEdits, ...bodyEdits], groups, options);

  // The law that makes the merge safe to trust: rejecting everything that arrived gives ours back.
  const back = comparable(reject(applied.doc, applied.created));
  const before = comparable(details.doc);
  if (!sameJson(back.body, before.body) || !sameJson(back.meta, before.meta)) throw new CheckFailed('rejecting the merge does not give this copy back');

  const { threads, arrived } = mergeThreads(base.comments ?? [], ours.comments ?? [], theirs.comments ?? []);
  let doc: Interview = { ...applied.doc };
  if (threads.length > 0) doc.comments = threads;
  else delete doc.comments;
  doc = placeAnchors(doc, targetParagraphs(ops), arrived);
  doc = dropRemovedParticipants(B, O, T, doc);
  // Times are not suggestions: the ones only they changed come in as they are (merge-times.ts).
  doc = mergeTimes(B, O, T, doc);

  const used = usedIds(doc);
  const drafts: { draft: ConflictDraft; suggestions: string[] }[] = [];
  for (const [g, draft] of groups.drafts) {
    const ids = (applied.byGroup.get(g) ?? []).filter((id) => used.has(id));
    if (ids.length > 0) drafts.push({ draft, suggestions: ids });
  }
  const open = ours.review?.conflicts ?? [];
  for (const draft of details.details) {
    // The same undecided detail from the same file again is not a second conflict.
    const known = open.some((c) => c.kind === draft.kind && c.field === draft.field && c.participantId === draft.participantId && c.theirs === draft.theirs);
    if (!known) drafts.push({ draft, suggestions: [] });
  }
  if ([...planner.deviations].some((g) => !groups.isConflict(g))) drafts.push({ draft: { kind: 'placement', base: '' }, suggestions: [] });
  const conflicts = conflictRecords(ours, drafts, options);
  doc = normalizeInterview(withConflicts(doc, conflicts));
  const suggestions = applied.created.filter((id) => used.has(id)).length;
  return { doc, suggestions, conflicts: conflicts.length, changed: !sameJson(doc, normalizeInterview(ours)) };
}

/**
 * Record the planned edits as suggestions, one `suggest` run per stretch of one stand-in author,
 * with ids `s1`, `s2`, … never used before in the document (nor earlier in this merge).
 */
function record(doc: Interview, planned: readonly PlannedEdit[], groups: Groups, options: MergeOptions): { doc: Interview; created: string[]; byGroup: Map<number, string[]> } {
  const taken = usedIds(doc);
  for (const r of doc.review?.suggestions ?? []) taken.add(r.id);
  const byGroup = new Map<number, string[]>();
  const created: string[] = [];
  let n = 0;
  let sink: string[] = [];
  const newId = () => {
    let id: string;
    do id = `s${++n}`;
    while (taken.has(id));
    taken.add(id);
    sink.push(id);
    created.push(id);
    return id;
  };
  const slot = (g: number) => (groups.isConflict(g) ? g : PLAIN);
  let work = doc;
  for (let i = 0; i < planned.length; ) {
    const g = slot(planned[i]!.group);
    let j = i;
    while (j < planned.length && slot(planned[j]!.group) === g) j++;
    sink = byGroup.get(g) ?? [];
    byGroup.set(g, sink);
    work = suggest(
      work,
      planned.slice(i, j).map((p) => p.edit),
      { id: `${STAND_IN}${g}`, name: options.author.name },
      () => options.at,
      newId,
    );
    i = j;
  }
  if (work.review) {
    work = { ...work, review: { ...work.review, suggestions: work.review.suggestions.map((r) => (r.authorId.startsWith(STAND_IN) ? { ...r, authorId: options.author.id } : r)) } };
  }
  return { doc: work, created, byGroup };
}

/**
 * A document as the check compares it: normalised, and an empty paragraph's one leaf without its
 * formatting (text typed into it and taken back leaves a plain empty leaf, as Slate does).
 */
function comparable(doc: Interview): Interview {
  const out = normalizeInterview(doc);
  const plainEmpty = (p: Paragraph): Paragraph => (p.children.length === 1 && p.children[0]!.text === '' ? { ...p, children: [{ text: '' }] } : p);
  return {
    ...out,
    body: out.body.map((b) => (b.type === 'paragraph' ? plainEmpty(b) : b.type === 'turn' ? { ...b, children: b.children.map((c) => (c.type === 'paragraph' ? plainEmpty(c) : c)) } : b)),
  };
}

const cap = (s: string) => (s.length > LIMITS.longField ? `${s.slice(0, LIMITS.longField - 1)}…` : s);

function conflictRecords(ours: Interview, drafts: readonly { draft: ConflictDraft; suggestions: string[] }[], options: MergeOptions): MergeConflict[] {
  const taken = new Set((ours.review?.conflicts ?? []).map((c) => c.id));
  let n = 0;
  return drafts.map(({ draft, suggestions }) => {
    let id: string;
    do id = `x${++n}`;
    while (taken.has(id));
    taken.add(id);
    const c: MergeConflict = { id, kind: draft.kind, suggestions, base: cap(draft.base), authorId: options.author.id, authorName: options.author.name, at: options.at };
    if (draft.theirs !== undefined) c.theirs = cap(draft.theirs);
    if (draft.field !== undefined) c.field = draft.field;
    if (draft.participantId !== undefined) c.participantId = draft.participantId;
    return c;
  });
}

function withConflicts(doc: Interview, conflicts: readonly MergeConflict[]): Interview {
  if (conflicts.length === 0) return doc;
  const review = doc.review ?? { suggestions: [], metaChanges: [] };
  return { ...doc, review: { ...review, conflicts: [...(review.conflicts ?? []), ...conflicts] } };
}

/** Ours as it is, with one conflict saying the returned version could not be merged. */
export function keepUnmerged(ours: Interview, options: MergeOptions): MergeResult {
  const [conflict] = conflictRecords(ours, [{ draft: { kind: 'unmerged', base: '' }, suggestions: [] }], options);
  return { doc: normalizeInterview(withConflicts(ours, [conflict!])), suggestions: 0, conflicts: 1, changed: true };
}
