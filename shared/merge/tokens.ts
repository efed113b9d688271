/**
 * What the merge aligns: a container (the body's top level, or one turn) read as a sequence of
 * tokens. A paragraph is its words and the spaces between them, then a paragraph end (`¶`); a photo
 * and a turn are one token each. Splitting a paragraph is then inserting a `¶`, joining two is
 * deleting one, and a new paragraph is words and a `¶` inserted: text on either side of a split
 * still lines up with the base, which a block-by-block comparison would lose.
 *
 * A word token is a word with the spaces after it (spaces before the first word are a token of
 * their own). Spaces on their own would be tokens found everywhere, and the alignment drifts on
 * such tokens: a word inserted between two spaces could be read as inserted before either. (Typing
 * after the last word of a paragraph changes that word's token, "nay" to "nay ", then adds more;
 * the planner keeps such a change to what was typed, plan.ts.) A word's key includes bold and
 * italic (the review algebra records a formatting change as the text struck and typed again) but
 * not comment anchors: an anchor is not content, and a comment opened on half a word must not
 * make the word differ.
 *
 * Turns and photos have no ids, so their keys come from matching (identity.ts).
 */
import type { Paragraph, Photo, TextLeaf, Turn } from '../model/schema';
import type { LeafMarks } from '../review/leaves';

export interface WordToken {
  t: 'w';
  key: string;
  text: string;
  marks: LeafMarks | undefined;
  /** Comment threads anchored on this text, with the part of it each covers (offsets in the token). */
  comments?: CommentSpan[];
}

export interface CommentSpan {
  from: number;
  to: number;
  ids: readonly string[];
}

export interface BreakToken {
  t: 'b';
  key: '¶';
}

export interface PhotoToken {
  t: 'p';
  key: string;
  photo: Photo;
}

export interface TurnToken {
  t: 't';
  key: string;
  turn: Turn;
}

export type Token = WordToken | BreakToken | PhotoToken | TurnToken;

export const BREAK: BreakToken = { t: 'b', key: '¶' };

const marksOf = (leaf: TextLeaf): LeafMarks | undefined =>
  leaf.bold || leaf.italic ? { ...(leaf.bold ? { bold: true as const } : {}), ...(leaf.italic ? { italic: true as const } : {}) } : undefined;

const markKey = (m: LeafMarks | undefined) => `${m?.bold ? 'b' : ''}${m?.italic ? 'i' : ''}`;

export function wordKey(text: string, marks: LeafMarks | undefined): string {
  return `w${markKey(marks)}:${text}`;
}

/** Words with the spaces after them; spaces at the start are a piece of their own. */
export const PIECES = /^\s+|\S+\s*/g;

/** The word tokens of a paragraph (no paragraph end). */
export function wordsOf(p: Paragraph): WordToken[] {
  const out: WordToken[] = [];
  // Leaves that differ only in comment anchors are one run of text.
  let i = 0;
  while (i < p.children.length) {
    const marks = marksOf(p.children[i]!);
    const spans: { start: number; end: number; comments: readonly string[] | undefined }[] = [];
    let text = '';
    for (; i < p.children.length && markKey(marksOf(p.children[i]!)) === markKey(marks); i++) {
      const leaf = p.children[i]!;
      spans.push({ start: text.length, end: text.length + leaf.text.length, comments: leaf.comments });
      text += leaf.text;
    }
    for (const m of text.matchAll(PIECES)) {
      const start = m.index;
      const end = start + m[0].length;
      const token: WordToken = { t: 'w', key: wordKey(m[0], marks), text: m[0], marks };
      const comments: CommentSpan[] = [];
      for (const s of spans) {
        if (s.comments && s.start < end && start < s.end) comments.push({ from: Math.max(s.start, start) - start, to: Math.min(s.end, end) - start, ids: s.comments });
      }
      if (comments.length > 0) token.comments = comments;
      out.push(token);
    }
  }
  return out;
}

/** Plain text of a paragraph. */
export function textOf(p: Paragraph): string {
  return p.children.map((l) => l.text).join('');
}

/** The words (no spaces) of some text, for similarity and for the tests' word counts. */
export function wordList(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/** Plain text of a turn (its paragraphs, one space between them). */
export function turnText(turn: Turn): string {
  return turn.children
    .filter((c): c is Paragraph => c.type === 'paragraph')
    .map(textOf)
    .join(' ');
}

/** A short, stable hash of a string (FNV-1a, 52 bits), for content keys. */
export function hashOf(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `${h1.toString(36)}${(h2 & 0xfffff).toString(36)}`;
}
