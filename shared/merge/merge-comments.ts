/**
 * Comment threads merged by id (ids are random on every machine, so one id is one thread): ours
 * stay as they are with their replies added, theirs that are new arrive (their anchors are put on
 * the text they were on, anchors.ts), and a thread we deleted comes back only if they added to it.
 * A comment's text and a thread's resolution follow the one-field rule: theirs if only they
 * changed it, ours otherwise (comments are notes about the text, so no conflict is raised).
 */
import type { Comment, CommentThread } from '../model/schema';

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

function mergeComment(b: Comment | undefined, o: Comment, t: Comment | undefined): Comment {
  return t && b && same(o, b) ? t : o;
}

function mergeThread(b: CommentThread | undefined, o: CommentThread, t: CommentThread | undefined): CommentThread {
  if (!t) return o;
  const baseComments = new Map((b?.comments ?? []).map((c) => [c.id, c]));
  const theirs = new Map(t.comments.map((c) => [c.id, c]));
  const ours = new Set(o.comments.map((c) => c.id));
  const comments = o.comments.map((c) => mergeComment(baseComments.get(c.id), c, theirs.get(c.id)));
  // Their new replies (not ones we deleted), in the order they were written.
  const added = t.comments.filter((c) => !ours.has(c.id) && !baseComments.has(c.id)).sort((x, y) => x.createdAt.localeCompare(y.createdAt));
  const out: CommentThread = { ...o, comments: [...comments, ...added] };
  const resolved = same(o.resolved, b?.resolved) ? t.resolved : o.resolved;
  if (resolved) out.resolved = resolved;
  else delete out.resolved;
  return out;
}

/** The merged threads, and the ids of threads that arrived (whose anchors are to be put on the text). */
export function mergeThreads(base: readonly CommentThread[], ours: readonly CommentThread[], theirs: readonly CommentThread[]): { threads: CommentThread[]; arrived: Set<string> } {
  const b = new Map(base.map((t) => [t.id, t]));
  const t = new Map(theirs.map((x) => [x.id, x]));
  const inOurs = new Set(ours.map((x) => x.id));
  const threads = ours.map((o) => mergeThread(b.get(o.id), o, t.get(o.id)));
  const arrived = new Set<string>();
  for (const x of theirs) {
    if (inOurs.has(x.id)) continue;
    const was = b.get(x.id);
    if (was && same(was, x)) continue; // we deleted it and they did not touch it
    threads.push(x);
    arrived.add(x.id);
  }
  return { threads, arrived };
}
