/**
 * A Word document that came back from a reviewer, merged into the interview it was exported from.
 *
 * base is the version the file was made from (the library revision its custom properties name),
 * ours the interview now. The file's revisions are told apart by who made them: those written by
 * the export are ours (the pending suggestions base already holds, by author and date), the rest
 * are the Word users'. The merge then runs in stages, each one the existing three-way merge of a
 * returned review file (shared/merge/), so its guarantees hold for every stage (nothing of ours is
 * lost, rejecting what arrived gives ours back, a conflict where both changed the same words):
 *
 *  1. the file with our revisions as they are and theirs undone, against base: what they changed
 *     without tracking, as suggestions by the file's last editor (or its name);
 *  2. then, author by author, the file with that author's revisions taken as well, against the
 *     stage before: that author's tracked changes, as suggestions under their Word name.
 *
 * Their comments (the ones the export did not write) become comment threads, replies joining the
 * thread of the comment they answer, anchored on the words they cover where those words are found
 * in one paragraph of the result, else kept orphaned with their quote. Nothing is accepted.
 */
import { mergeReturned, type MergeResult } from '../../merge';
import { wordText } from '../../export/docx/text';
import { normalizeInterview } from '../../model/normalize';
import type { Comment, CommentThread, Interview, Paragraph, TextLeaf } from '../../model/schema';
import { docxInterview } from './docx-interview';
import { docxView, revisionAuthors } from './docx-views';
import type { DocxComment, DocxReading, Revision } from './read-docx';

export interface ReturnedDocxOptions {
  /** When the file is merged (ISO 8601): the time of suggestions whose revision has no date. */
  at: string;
  /** The file's name: the author of untracked changes when the file names no editor. */
  fileName: string;
  assetOf: (part: string | null) => string | null;
}

export interface ReturnedDocxResult extends MergeResult {
  /** The Word users whose tracked changes became suggestions, in order. */
  authors: string[];
  /** Comment threads (and replies to ours) that came in. */
  threads: number;
}

const AUTHOR_PREFIX = 'word:';
const authorId = (name: string) => `${AUTHOR_PREFIX}${name}`.slice(0, 200);

/** An ISO time from a Word date: Word writes UTC with `Z`; anything unreadable is `fallback`. */
function isoDate(date: string | null, fallback: string): string {
  if (date === null) return fallback;
  const t = Date.parse(date);
  return Number.isNaN(t) ? fallback : new Date(t).toISOString();
}

/**
 * Whether a revision is one the export wrote: its author is the author of a suggestion pending in
 * base, at that suggestion's time. LibreOffice saves times as local wall-clock time marked UTC, so
 * a time off by a whole number of quarter hours (a time zone) still matches.
 */
function ourRevisions(base: Interview): (r: Revision) => boolean {
  const times = new Map<string, number[]>();
  for (const s of base.review?.suggestions ?? []) {
    const name = wordText(s.authorName || s.authorId);
    times.set(name, [...(times.get(name) ?? []), Math.floor(Date.parse(s.createdAt) / 1000)]);
  }
  return (r) => {
    const known = times.get(r.author);
    if (!known) return false;
    if (r.date === null) return true;
    const t = Date.parse(r.date) / 1000;
    return known.some((k) => {
      const off = Math.abs(t - k);
      return off % 900 === 0 && off <= 14 * 3600;
    });
  };
}

export function mergeReturnedDocx(base: Interview, ours: Interview, reading: DocxReading, options: ReturnedDocxOptions): ReturnedDocxResult {
  const isOurs = ourRevisions(base);
  const template = { ...base, id: ours.id };
  const read = (takes: (r: Revision) => boolean) => docxInterview(docxView(reading.paragraphs, takes), { template, assetOf: options.assetOf });

  const theirs = revisionAuthors(reading.paragraphs).filter((r) => !isOurs(r));
  const authors = [...new Set(theirs.map((r) => r.author))];
  const untrackedBy = reading.core.get('lastModifiedBy')?.trim() || (authors.length === 1 ? authors[0]! : options.fileName);

  let doc = ours;
  let suggestions = 0;
  let conflicts = 0;
  let changed = false;
  const stage = (from: Interview, to: Interview, name: string, at: string) => {
    const merged = mergeReturned(from, doc, to, { author: { id: authorId(name), name }, at });
    if (!merged.changed) return;
    doc = merged.doc;
    suggestions += merged.suggestions;
    conflicts += merged.conflicts;
    changed = true;
  };

  // Stage 1: our own revisions in the file are base's suggestions; the view with them accepted is
  // compared with base's accepted view (the merge reads every version as its accepted view).
  const untracked = read(isOurs);
  stage(base, untracked, untrackedBy, options.at);
  let before = untracked;
  const taken = new Set<string>();
  for (const author of authors) {
    taken.add(author);
    const after = read((r) => isOurs(r) || taken.has(r.author));
    const last = theirs.filter((r) => r.author === author).reduce<string | null>((m, r) => (r.date !== null && (m === null || r.date > m) ? r.date : m), null);
    stage(before, after, author, isoDate(last, options.at));
    before = after;
  }

  const incoming = commentThreads(base, reading.comments, options.at);
  if (incoming.length > 0) {
    doc = placeThreads(doc, incoming, reading);
    changed = true;
  }
  return { doc: normalizeInterview(doc), suggestions, conflicts, changed, authors, threads: incoming.length };
}

/**
 * A new interview's comment threads from the Word document it was read from: the same threads,
 * replies and anchors as a returned file's (the document has no threads of its own to join).
 * `at` stands for a comment's time where Word wrote none.
 */
export function withDocxComments(doc: Interview, reading: DocxReading, at: string): Interview {
  const incoming = commentThreads({ ...doc, comments: [] }, reading.comments, at);
  return incoming.length === 0 ? doc : placeThreads({ ...doc, comments: [] }, incoming, reading);
}

interface Incoming {
  /** A thread of ours a reply joins, or null for a new thread. */
  joins: string | null;
  thread: CommentThread;
  /** The Word ids of its comments, to find the words it covers. */
  wordIds: string[];
}

const sameComment = (c: Comment, w: DocxComment) => wordText(c.authorName || c.authorId) === w.author && wordText(c.text).replace(/^“[^”]*”\n/, '') === w.text.replace(/^“[^”]*”\n/, '');

/** The comments the export did not write, grouped into threads (a reply without a parent joins the thread on the same range, as LibreOffice writes them). */
function commentThreads(base: Interview, comments: readonly DocxComment[], at: string): Incoming[] {
  const ourThreads = base.comments ?? [];
  const ourThreadOf = new Map<string, string>();
  for (const w of comments) {
    const t = ourThreads.find((thread) => thread.comments.some((c) => sameComment(c, w)));
    if (t) ourThreadOf.set(w.id, t.id);
  }
  const out: Incoming[] = [];
  const byWordId = new Map<string, Incoming>();
  let n = 0;
  const taken = new Set([...ourThreads.map((t) => t.id), ...ourThreads.flatMap((t) => t.comments.map((c) => c.id))]);
  const freshId = (prefix: string) => {
    let id: string;
    do id = `${prefix}${++n}`;
    while (taken.has(id));
    taken.add(id);
    return id;
  };
  for (const w of comments) {
    if (ourThreadOf.has(w.id) || w.text.trim() === '') continue;
    const comment: Comment = { id: freshId('wc'), authorId: authorId(w.author || 'Word'), authorName: w.author, createdAt: isoDate(w.date, at), text: wordText(w.text).slice(0, 5000) || '…' };
    const parent = w.parent === null ? null : (byWordId.get(w.parent) ?? (ourThreadOf.has(w.parent) ? { joins: ourThreadOf.get(w.parent)! } : null));
    if (parent && 'thread' in parent) {
      parent.thread.comments.push(comment);
      parent.wordIds.push(w.id);
      byWordId.set(w.id, parent);
      if (w.done) parent.thread.resolved = { authorId: comment.authorId, authorName: comment.authorName, at: comment.createdAt };
      continue;
    }
    const thread: CommentThread = { id: parent ? parent.joins : freshId('wt'), quote: '', comments: [comment] };
    if (w.done) thread.resolved = { authorId: comment.authorId, authorName: comment.authorName, at: comment.createdAt };
    const item: Incoming = { joins: parent ? parent.joins : null, thread, wordIds: [w.id] };
    byWordId.set(w.id, item);
    out.push(item);
  }
  return out;
}

/** The text a Word comment covers, as Word shows it with every change accepted. */
function quoteOf(reading: DocxReading, wordId: string): string {
  const parts: string[] = [];
  for (const p of reading.paragraphs) {
    const text = p.runs
      .filter((r) => r.comments.includes(wordId) && r.revision?.kind !== 'del')
      .map((r) => r.text)
      .join('');
    if (text !== '') parts.push(text);
  }
  return wordText(parts.join(' ')).trim();
}

/** Replies join our threads; new threads get an anchor on their words where one paragraph holds them. */
function placeThreads(doc: Interview, incoming: readonly Incoming[], reading: DocxReading): Interview {
  let threads = [...(doc.comments ?? [])];
  let body = doc.body;
  for (const item of incoming) {
    if (item.joins !== null) {
      const at = threads.findIndex((t) => t.id === item.joins);
      if (at >= 0) {
        threads[at] = { ...threads[at]!, comments: [...threads[at]!.comments, ...item.thread.comments] };
        continue;
      }
    }
    const quote = quoteOf(reading, item.wordIds[0]!);
    const thread: CommentThread = { ...item.thread, id: item.joins ?? item.thread.id, quote: quote.slice(0, 5000) };
    if (quote !== '') body = anchorOn(body, quote, thread.id);
    threads = [...threads, thread];
  }
  return { ...doc, body, comments: threads };
}

/** Mark the first occurrence of `quote` in the accepted text of one paragraph (struck text skipped) with the thread. */
function anchorOn(body: Interview['body'], quote: string, threadId: string): Interview['body'] {
  let done = false;
  const visit = (p: Paragraph): Paragraph => {
    if (done) return p;
    const visible = p.children.map((l) => (l.del ? '' : l.text));
    const start = visible.join('').indexOf(quote);
    if (start < 0) return p;
    done = true;
    const end = start + quote.length;
    const children: TextLeaf[] = [];
    let offset = 0;
    p.children.forEach((leaf, i) => {
      const len = visible[i]!.length;
      const [from, to] = [Math.max(start - offset, 0), Math.min(end - offset, len)];
      if (leaf.del || to <= 0 || from >= len) children.push(leaf);
      else {
        if (from > 0) children.push({ ...leaf, text: leaf.text.slice(0, from) });
        children.push({ ...leaf, text: leaf.text.slice(from, to), comments: [...(leaf.comments ?? []), threadId] });
        if (to < len) children.push({ ...leaf, text: leaf.text.slice(to) });
      }
      offset += len;
    });
    return { ...p, children };
  };
  return body.map((b) => (b.type === 'paragraph' ? visit(b) : b.type === 'turn' ? { ...b, children: b.children.map((c) => (c.type === 'paragraph' ? visit(c) : c)) } : b));
}
