/**
 * Comment threads, pure. A thread's anchor is the text whose leaves carry its id
 * (schema.ts `TextLeaf.comments`): the mark travels with the text through typing, splits, merges,
 * accepting and rejecting, so there is no offset to keep up to date. When no text carries it any
 * more (the commented words were deleted), the thread is *orphaned*: still listed, with the text it
 * was opened on, never dropped silently.
 */
import type { Block, Comment, CommentThread, Interview, Paragraph, TextLeaf } from '../model/schema';

export type ThreadState = 'open' | 'resolved' | 'orphaned';

export interface ThreadView {
  thread: CommentThread;
  state: ThreadState;
  /** The text the anchor covers now (pieces in different paragraphs joined by a space). */
  anchorText: string;
  /** Path of the first leaf carrying the anchor (Slate path in the body); absent when orphaned. */
  path?: number[];
}

/** Each paragraph of the body with its Slate path, in document order. */
function* paragraphs(body: readonly Block[]): Generator<[Paragraph, number[]]> {
  for (let i = 0; i < body.length; i++) {
    const block = body[i]!;
    if (block.type === 'paragraph') yield [block, [i]];
    else if (block.type === 'turn') {
      for (let j = 0; j < block.children.length; j++) {
        const child = block.children[j]!;
        if (child.type === 'paragraph') yield [child, [i, j]];
      }
    }
  }
}

interface Anchor {
  pieces: string[];
  path: number[];
  /** The paragraph the last piece came from, to join pieces of one paragraph without a space. */
  lastParagraph: Paragraph;
}

/** Where each thread is anchored: the leaves with text that carry its id, in document order. */
export function anchorsOf(body: readonly Block[]): Map<string, { text: string; path: number[] }> {
  const found = new Map<string, Anchor>();
  for (const [paragraph, path] of paragraphs(body)) {
    paragraph.children.forEach((leaf: TextLeaf, k) => {
      if (leaf.text === '' || leaf.comments === undefined) return;
      for (const id of leaf.comments) {
        const a = found.get(id);
        if (!a) found.set(id, { pieces: [leaf.text], path: [...path, k], lastParagraph: paragraph });
        else if (a.lastParagraph === paragraph) a.pieces[a.pieces.length - 1] += leaf.text;
        else {
          a.pieces.push(leaf.text);
          a.lastParagraph = paragraph;
        }
      }
    });
  }
  return new Map([...found].map(([id, a]) => [id, { text: a.pieces.join(' '), path: a.path }]));
}

const comparePaths = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
};

/**
 * Every thread of the document for the Comments panel: anchored ones in the order of their text
 * (open and resolved alike, as Word and Docs list them), then orphaned ones, oldest first.
 */
export function listThreads(doc: Interview): ThreadView[] {
  const anchors = anchorsOf(doc.body);
  const anchored: ThreadView[] = [];
  const orphaned: ThreadView[] = [];
  for (const thread of doc.comments ?? []) {
    const anchor = anchors.get(thread.id);
    if (anchor) anchored.push({ thread, state: thread.resolved ? 'resolved' : 'open', anchorText: anchor.text, path: anchor.path });
    else orphaned.push({ thread, state: 'orphaned', anchorText: '' });
  }
  anchored.sort((a, b) => comparePaths(a.path!, b.path!));
  orphaned.sort((a, b) => a.thread.comments[0]!.createdAt.localeCompare(b.thread.comments[0]!.createdAt));
  return [...anchored, ...orphaned];
}

/** Open threads still anchored in the text (what a desk checks before sending). */
export function openThreadCount(doc: Interview): number {
  return listThreads(doc).filter((v) => v.state === 'open').length;
}

function replaceThread(threads: readonly CommentThread[], id: string, change: (t: CommentThread) => CommentThread): CommentThread[] {
  return threads.map((t) => (t.id === id ? change(t) : t));
}

export function newThread(id: string, quote: string, first: Comment): CommentThread {
  return { id, quote, comments: [first] };
}

export function reply(threads: readonly CommentThread[], id: string, comment: Comment): CommentThread[] {
  return replaceThread(threads, id, (t) => ({ ...t, comments: [...t.comments, comment] }));
}

/** A comment's text changed by its author (only the author may: the caller checks who is asking). */
export function editComment(threads: readonly CommentThread[], id: string, commentId: string, text: string, at: string): CommentThread[] {
  return replaceThread(threads, id, (t) => ({ ...t, comments: t.comments.map((c) => (c.id === commentId ? { ...c, text, editedAt: at } : c)) }));
}

export function resolveThread(threads: readonly CommentThread[], id: string, by: { authorId: string; authorName: string }, at: string): CommentThread[] {
  return replaceThread(threads, id, (t) => ({ ...t, resolved: { ...by, at } }));
}

export function reopenThread(threads: readonly CommentThread[], id: string): CommentThread[] {
  return replaceThread(threads, id, (t) => {
    const { resolved: _resolved, ...open } = t;
    return open;
  });
}

/** The thread list without one thread (its anchors are taken out of the text by the caller). */
export function removeThread(threads: readonly CommentThread[], id: string): CommentThread[] {
  return threads.filter((t) => t.id !== id);
}

/** A leaf's anchors with one more thread (sorted, as the stored form keeps them). */
export function withAnchor(comments: readonly string[] | undefined, id: string): string[] {
  return [...new Set([...(comments ?? []), id])].sort();
}

/** A leaf's anchors without one thread; undefined when none are left. */
export function withoutAnchor(comments: readonly string[] | undefined, id: string): string[] | undefined {
  const left = (comments ?? []).filter((c) => c !== id);
  return left.length > 0 ? left : undefined;
}
