/**
 * How a document body and its revisions are laid out in the library from format 10 on (migration
 * v10; electron/backend/document-store.ts reads and writes through it). Pure functions, no SQL.
 * This is a storage format: the migration writes with it and users' files are made by it, so a
 * change here that reads old rows differently is a new migration, not an edit.
 *
 * **Blocks as rows.** The current body is one row per top-level block, ordered by a *position
 * key*: a string read as a base-62 fraction (digits 0-9A-Za-z, in ASCII and so in SQLite's
 * BINARY order), never ending in `0`, so that between any two keys there is always another. A
 * block typed in the middle gets a key between its neighbours; nothing else is renumbered. Keys
 * grow by about one character per six insertions at the very same place (each halves the gap), and
 * by one per sixty-one when appending at the end (appending counts up instead of halving); a key
 * longer than MAX_KEY_LENGTH makes the writer lay the whole body out afresh, which a realistic
 * interview reaches after some two hundred insertions at one spot. Measured against the
 * alternatives: integer positions with gaps renumber thousands of rows once a gap is used up (20
 * Enters at one spot), and an order list of block ids rewrites ~20 bytes per block on every
 * insertion (400 kB at 20,000 paragraphs).
 *
 * **Frame.** The rest of the document (format, id, meta, participants, review, comments,
 * recordings) is stored whole as the *frame*: the document's JSON with `"body":[]` where the body
 * was, so the fields keep their order.
 *
 * **Revisions as deltas.** A revision is a delta against a *snapshot* (a full document JSON in
 * `revision_snapshot`): its frame whole, and its body as runs of the snapshot's blocks
 * (`[start, count]`) and literal blocks (`[block]`). Reading any revision is one snapshot and one
 * delta, never a chain, so opening the oldest kept version costs what opening the newest does. A
 * delta grows as the document drifts from its snapshot, and a new snapshot costs the whole
 * document once; a save starts one when its literal blocks would exceed `snapshotLimit` of the
 * snapshot's size, √(2·e·S) for edits of about e = 1 kB a save on a snapshot of S bytes, the size
 * that keeps deltas plus snapshots smallest per kept revision (~45 kB of literals at 1 MB, about
 * 4 % of it). A session of one-character changes to one paragraph stores one paragraph per
 * revision, and the library grows with the edits, not with the document. A revision whose
 * stored JSON could not be split (damaged, not JSON) keeps its text verbatim as its own snapshot,
 * with no delta, so it reads back exactly as before and its damage is reported as before.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

/** A key this long makes the writer lay the body's keys out afresh (document-store.ts). */
export const MAX_KEY_LENGTH = 40;
/** The literal bytes a delta against a snapshot of `bytes` may hold before a new snapshot is written. */
export function snapshotLimit(bytes: number): number {
  return Math.max(4096, Math.sqrt(2 * 1024 * bytes));
}

const digitOf = (c: string): number => DIGITS.indexOf(c);

/** A key strictly between `a` and `b` (null: no bound). Keys never end in `0`. */
export function keyBetween(a: string | null, b: string | null): string {
  if (a !== null && b !== null && a >= b) throw new Error(`position keys out of order: ${a} >= ${b}`);
  if (b === null && a !== null) return keyAfter(a);
  return midpoint(a ?? '', b);
}

/** After the last key: count up in the first digit that can, so appending grows keys slowly. */
function keyAfter(a: string): string {
  for (let i = 0; i < a.length; i++) {
    const d = digitOf(a[i]!);
    if (d < BASE - 1) return a.slice(0, i) + DIGITS[d + 1];
  }
  return `${a}1`; // all z: one more digit, counted up from its lowest
}

/** The fraction halfway between a and b (b null: 1), shortest form (after D. Greenspan's fractional indexing). */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = a ? digitOf(a[0]!) : 0;
  const db = b !== null ? digitOf(b[0]!) : BASE;
  if (db - da > 1) return DIGITS[Math.round((da + db) / 2)]!;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[da] + midpoint(a.slice(1), null);
}

/** `n` keys in order strictly between `a` and `b`, as short as bisection gives them. */
export function keysBetween(a: string | null, b: string | null, n: number): string[] {
  if (n <= 0) return [];
  if (a === null && b === null) return layoutKeys(n);
  if (b === null && n > 8) {
    // Many blocks appended (a paste at the end): lay them out after a fresh prefix, not one by one.
    const prefix = keyAfter(a!);
    return layoutKeys(n).map((k) => prefix + k);
  }
  const mid = keyBetween(a, b);
  const left = Math.floor((n - 1) / 2);
  return [...keysBetween(a, mid, left), mid, ...keysBetween(mid, b, n - 1 - left)];
}

/** `n` evenly spaced keys of one width, in the lower part of the key space (room to append). */
export function layoutKeys(n: number): string[] {
  let width = 1;
  while (BASE ** width < 4 * (n + 1)) width++;
  const step = Math.floor(BASE ** width / 2 / (n + 1));
  const keys: string[] = [];
  for (let i = 1; i <= n; i++) {
    let v = i * step;
    let s = '';
    for (let w = 0; w < width; w++) {
      s = DIGITS[v % BASE] + s;
      v = Math.floor(v / BASE);
    }
    keys.push(s.replace(/0+$/, ''));
  }
  return keys;
}

/** A document split for storage: its frame and its blocks' JSON, or null when it cannot be split. */
export interface SplitDocument {
  frame: string;
  blocks: string[];
}

/** Split a parsed document (an object whose `body` is an array); null for anything else. */
export function splitDocument(value: unknown): SplitDocument | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const body = (value as { body?: unknown }).body;
  if (!Array.isArray(body)) return null;
  return { frame: JSON.stringify({ ...(value as object), body: [] }), blocks: body.map((b) => JSON.stringify(b)) };
}

/** Split a stored JSON text; null when it is not JSON or not a document with a body list. */
export function splitText(text: string): SplitDocument | null {
  try {
    return splitDocument(JSON.parse(text));
  } catch {
    return null;
  }
}

/** A split frame (`body: []`) with its blocks put back; anything else parsed from the frame as it is. */
export function joinFrame(frame: unknown, blocks: readonly unknown[]): unknown {
  if (frame && typeof frame === 'object' && !Array.isArray(frame) && Array.isArray((frame as { body?: unknown }).body)) {
    return { ...(frame as object), body: blocks };
  }
  return frame;
}

/** The document's JSON from its frame's JSON and its blocks' JSON, without parsing either. */
export function documentText(frame: string, blocks: readonly string[]): string {
  // The frame was written by JSON.stringify with an empty body: a string cannot hold an unescaped
  // quote, so `"body":[]` is a key; when it is there once, it is the body's.
  const at = frame.indexOf('"body":[]');
  if (at < 0) return frame;
  if (frame.lastIndexOf('"body":[]') !== at) return JSON.stringify(joinFrame(JSON.parse(frame), blocks.map((b) => JSON.parse(b) as unknown)));
  return `${frame.slice(0, at)}"body":[${blocks.join(',')}]${frame.slice(at + 9)}`;
}

/**
 * A document's stored JSON from its stored frame and its block rows' JSON in order: a frame
 * written split (an object with `"body":[]`) gets its blocks back; a frame kept verbatim (a damaged
 * document that could not be split) is the document's text as it was.
 */
export function storedText(frame: string, blocks: readonly string[]): string {
  if (!frame.includes('"body":[]')) return frame;
  let value: unknown;
  try {
    value = JSON.parse(frame);
  } catch {
    return frame;
  }
  return joinFrame(value, []) === value ? frame : documentText(frame, blocks);
}

/** A body as runs of a snapshot's blocks and literal blocks: -1 in `origin` means literal. */
export function encodeDelta(frame: string, origin: readonly number[], blocks: readonly string[]): { delta: string; literalBytes: number } {
  const parts: string[] = [];
  let literalBytes = 0;
  for (let i = 0; i < origin.length; ) {
    const o = origin[i]!;
    if (o < 0) {
      parts.push(`[${blocks[i]}]`);
      literalBytes += blocks[i]!.length;
      i++;
      continue;
    }
    let n = 1;
    while (i + n < origin.length && origin[i + n] === o + n) n++;
    parts.push(`[${o},${n}]`);
    i += n;
  }
  return { delta: `{"frame":${frame},"body":[${parts.join(',')}]}`, literalBytes };
}

/** A revision's content from its snapshot's parsed document and its delta's JSON. */
export function applyDelta(snapshot: unknown, delta: string): unknown {
  const { frame, body } = JSON.parse(delta) as { frame: unknown; body: (number[] | [unknown])[] };
  const base = snapshot && typeof snapshot === 'object' ? (snapshot as { body?: unknown }).body : undefined;
  const from = Array.isArray(base) ? base : [];
  const blocks: unknown[] = [];
  for (const part of body) {
    if (part.length === 1) blocks.push(part[0]);
    else for (let i = 0; i < (part[1] as number); i++) blocks.push(from[(part[0] as number) + i]);
  }
  return joinFrame(frame, blocks);
}

/** Where each of `blocks` is among a snapshot's blocks (-1: not there), taking them in order where it can. */
export function originIn(snapshotBlocks: readonly string[], blocks: readonly string[]): number[] {
  const at = new Map<string, number[]>();
  snapshotBlocks.forEach((b, i) => {
    const list = at.get(b);
    if (list) list.push(i);
    else at.set(b, [i]);
  });
  const used = new Map<string, number>();
  return blocks.map((b) => {
    const list = at.get(b);
    if (!list) return -1;
    const k = used.get(b) ?? 0;
    if (k >= list.length) return -1;
    used.set(b, k + 1);
    return list[k]!;
  });
}

/** One stored revision of a history as written by encodeHistory: its snapshot (an index into `snapshots`) and its delta, or null (the snapshot is the revision verbatim). */
export interface EncodedRevision {
  snapshot: number;
  delta: string | null;
}

/**
 * A document's revisions (stored JSON, oldest first) as snapshots and deltas. A revision that
 * cannot be split is its own snapshot, verbatim.
 */
export function encodeHistory(texts: readonly string[]): { snapshots: string[]; revisions: EncodedRevision[] } {
  const snapshots: string[] = [];
  const revisions: EncodedRevision[] = [];
  let current: { index: number; blocks: string[]; bytes: number } | null = null;
  for (const text of texts) {
    const split = splitText(text);
    if (!split) {
      snapshots.push(text);
      revisions.push({ snapshot: snapshots.length - 1, delta: null });
      continue;
    }
    if (current) {
      const encoded = encodeDelta(split.frame, originIn(current.blocks, split.blocks), split.blocks);
      if (encoded.literalBytes <= snapshotLimit(current.bytes)) {
        revisions.push({ snapshot: current.index, delta: encoded.delta });
        continue;
      }
    }
    const full = documentText(split.frame, split.blocks);
    snapshots.push(full);
    current = { index: snapshots.length - 1, blocks: split.blocks, bytes: full.length };
    revisions.push({ snapshot: current.index, delta: encodeDelta(split.frame, split.blocks.map((_, i) => i), split.blocks).delta });
  }
  return { snapshots, revisions };
}
