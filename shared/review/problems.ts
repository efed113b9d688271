/**
 * Damaged review state, found and discarded. Superdesk's users were stuck with a leftover suggestion
 * that blocked publishing forever; here anything odd in a document's review
 * state is listed by `findProblems`, shown, and removed by `discard`, which always leaves a document
 * with no problems. Nothing here throws: resolve.ts handles every schema-valid document, so even
 * before discarding, accept and reject work.
 *
 * (Shape damage, such as a record with a broken date, fails the schema; salvage.ts drops such parts
 * so the document can be opened at all.)
 */
import type { Interview, SuggestionKind, TrackedMetaField } from '../model/schema';
import { nextParagraphIndex } from './breaks';
import type { Decide } from './decisions';
import { resolveWith } from './resolve';
import { forEachUsage, type UsageKind } from './usages';
import { fitsMetaField } from './values';

export type ReviewProblem =
  /** The document uses a suggestion id with no record: who made it, and when, is unknown. */
  | { type: 'missingRecord'; id: string }
  /** A record of a suggestion that nothing in the document uses. */
  | { type: 'orphanRecord'; id: string }
  /** Two records with one id (the first is kept). */
  | { type: 'duplicateRecord'; id: string }
  /** A suggestion used where its kind cannot be (a text insertion marking a turn, say). */
  | { type: 'mismatch'; id: string; kind: SuggestionKind; use: UsageKind }
  /** One suggestion that both inserts and removes the same node, or appears twice in one value's history. */
  | { type: 'overlap'; id: string }
  /** A paragraph break under review with no next paragraph to join. */
  | { type: 'danglingBreak'; path: number[] }
  /** A metadata change whose old value does not fit its field. */
  | { type: 'badMetaValue'; id: string; field: TrackedMetaField }
  /** A speaker change whose old speaker is no longer a participant (rejecting it would restore a stranger). */
  | { type: 'unknownSpeaker'; id: string };

const USES: Record<SuggestionKind, readonly UsageKind[]> = {
  insertText: ['textIns'],
  deleteText: ['textDel'],
  replaceText: ['textIns', 'textDel'],
  splitParagraph: ['split'],
  mergeParagraphs: ['join'],
  // A photo taken out of a pending new turn keeps that turn's insertion (suggest-blocks.ts).
  insertTurn: ['turnIns', 'photoIns'],
  removeTurn: ['turnDel'],
  setSpeaker: ['speaker'],
  insertPhoto: ['photoIns'],
  removePhoto: ['photoDel'],
  movePhoto: ['photoIns', 'photoDel'],
  setPhotoText: ['photoText'],
  setMeta: ['meta'],
};

function historyIds(doc: Interview, visit: (ids: string[]) => void): void {
  const metaChanges = doc.review?.metaChanges ?? [];
  for (const field of new Set(metaChanges.map((c) => c.field))) visit(metaChanges.filter((c) => c.field === field).map((c) => c.id));
  const blocks = doc.body.flatMap((b) => (b.type === 'turn' ? [b, ...b.children] : [b]));
  for (const b of blocks) {
    if (b.type === 'paragraph') visit((b.breakAfter?.changes ?? []).map((c) => c.id));
    else if (b.type === 'turn') visit((b.changes ?? []).map((c) => c.id));
    else for (const field of ['caption', 'credit', 'alt']) visit((b.changes ?? []).filter((c) => c.field === field).map((c) => c.id));
  }
}

export function findProblems(doc: Interview): ReviewProblem[] {
  const problems: ReviewProblem[] = [];
  const kinds = new Map<string, SuggestionKind>();
  for (const r of doc.review?.suggestions ?? []) {
    if (kinds.has(r.id)) problems.push({ type: 'duplicateRecord', id: r.id });
    else kinds.set(r.id, r.kind);
  }
  const used = new Set<string>();
  const reported = new Set<string>();
  const report = (id: string, p: ReviewProblem) => {
    if (!reported.has(id)) problems.push(p);
    reported.add(id);
  };
  forEachUsage(doc, (id, u) => {
    used.add(id);
    const kind = kinds.get(id);
    if (kind === undefined) report(id, { type: 'missingRecord', id });
    else if (!USES[kind].includes(u.use)) report(id, { type: 'mismatch', id, kind, use: u.use });
    const node = u.use === 'textIns' || u.use === 'textDel' ? u.leaf : u.use === 'turnIns' || u.use === 'turnDel' ? u.turn : u.use === 'photoIns' || u.use === 'photoDel' ? u.photo : undefined;
    if (node && node.ins !== undefined && node.ins === node.del) report(id, { type: 'overlap', id });
  });
  historyIds(doc, (ids) => {
    ids.forEach((id, i) => ids.indexOf(id) !== i && report(id, { type: 'overlap', id }));
  });
  for (const id of kinds.keys()) if (!used.has(id)) problems.push({ type: 'orphanRecord', id });
  for (const c of doc.review?.metaChanges ?? []) if (!fitsMetaField(c.field, c.from)) problems.push({ type: 'badMetaValue', id: c.id, field: c.field });
  const participants = new Set(doc.participants.map((p) => p.id));
  for (const b of doc.body) {
    for (const c of b.type === 'turn' ? (b.changes ?? []) : []) if (!participants.has(c.from)) problems.push({ type: 'unknownSpeaker', id: c.id });
  }
  const dangling = (children: readonly Interview['body'][number][], prefix: number[]) =>
    children.forEach((b, i) => {
      if (b.type === 'paragraph' && b.breakAfter && nextParagraphIndex(children, i) < 0) problems.push({ type: 'danglingBreak', path: [...prefix, i] });
    });
  dangling(doc.body, []);
  doc.body.forEach((b, i) => b.type === 'turn' && dangling(b.children, [i]));
  return problems;
}

/**
 * Discard problems (by default all of them): a suggestion whose record is missing, whose use does
 * not fit its kind, or that overlaps itself is rejected, as if its author had taken it back; a
 * speaker change from a stranger is accepted (the old speaker cannot come back); a dangling break
 * and a bad metadata value are dropped; records nothing uses, and duplicates, go.
 */
export function discard(doc: Interview, problems: readonly ReviewProblem[] = findProblems(doc)): Interview {
  const rejected = new Set<string>();
  const accepted = new Set<string>();
  const badMeta = new Set<string>();
  const dangling = new Set<string>();
  for (const p of problems) {
    if (p.type === 'missingRecord' || p.type === 'mismatch' || p.type === 'overlap') rejected.add(p.id);
    if (p.type === 'badMetaValue') badMeta.add(`${p.field}\u0000${p.id}`);
    if (p.type === 'danglingBreak') dangling.add(p.path.join('.'));
    if (p.type === 'unknownSpeaker') accepted.add(p.id);
  }
  const work = JSON.parse(JSON.stringify(doc)) as Interview;
  if (work.review) work.review.metaChanges = work.review.metaChanges.filter((c) => !badMeta.has(`${c.field}\u0000${c.id}`));
  const drop = (children: Interview['body'], prefix: number[]) =>
    children.forEach((b, i) => {
      if (b.type === 'paragraph' && dangling.has([...prefix, i].join('.'))) delete b.breakAfter;
    });
  drop(work.body, []);
  work.body.forEach((b, i) => b.type === 'turn' && drop(b.children, [i]));
  // resolve keeps only the records still used, once each.
  const decide: Decide = (id) => (accepted.has(id) ? 'accept' : rejected.has(id) ? 'reject' : undefined);
  return resolveWith(work, decide);
}
