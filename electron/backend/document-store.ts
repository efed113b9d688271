/**
 * The one place that reads and writes a document's stored content: its current body (one row per
 * top-level block, `block`, plus the rest of the document as its frame) and its revisions (deltas
 * against snapshots). Layout and its reasons: db/body-format.ts; migration v10 made it.
 * Documents, history, review files, trash, backups, search and the command line go through here.
 *
 * A save touches only the blocks that changed: the changed rows are updated, the new ones inserted
 * with keys between their neighbours, the removed ones deleted, and the revision is a delta naming
 * the unchanged blocks by runs. To know what changed without reading the body back, the store keeps
 * the rows of the document it last wrote or read (one per library: the one being edited), checked
 * against the document row's revision and time as document-changes.ts checks its own copy. That
 * copy is replaced only after the caller's transaction commits (`remember`), so a save that fails
 * halfway leaves neither the rows nor the copy changed.
 */
import type { Database } from 'better-sqlite3';
import { admitInterview } from '../../shared/model/admit';
import type { Interview } from '../../shared/model/schema';
import { applyDelta, documentText, encodeDelta, encodeHistory, keysBetween, layoutKeys, MAX_KEY_LENGTH, originIn, snapshotLimit, splitDocument, splitText, storedText } from './db/body-format';

/** The rows of one document's body, and what its next revision is a delta against. */
export interface BodyState {
  id: string;
  revision: number;
  updatedAt: string;
  keys: string[];
  /** JSON of each block, as stored. */
  json: string[];
  /** The snapshot new revisions are deltas against (null: the next one writes a snapshot). */
  snapshot: { id: number; bytes: number } | null;
  /** Each block's index in the snapshot, or -1 (literal in the delta). */
  origin: number[];
}

/** A change of the body: `deleteCount` blocks at `start` of the stored body replaced by `json`. */
export interface JsonSplice {
  start: number;
  deleteCount: number;
  json: readonly string[];
}

/** Where a revision's content is: its snapshot, and its delta (null: the snapshot verbatim). */
export interface RevisionContent {
  snapshot: number;
  delta: string | null;
}

const states = new WeakMap<Database, BodyState>();

// ---------------------------------------------------------------- reading

/** The document's stored JSON as one text (as it was stored before format 10), or undefined when there is no such document. */
export function readDocumentText(db: Database, id: string): string | undefined {
  const frame = db.prepare('SELECT frame FROM document WHERE id = ?').pluck().get(id) as string | undefined;
  if (frame === undefined) return undefined;
  return storedText(frame, db.prepare('SELECT json FROM block WHERE document_id = ? ORDER BY position').pluck().all(id) as string[]);
}

/** A revision's stored JSON, or undefined when the history does not hold it. */
export function readRevisionText(db: Database, id: string, revision: number): string | undefined {
  const row = db.prepare('SELECT r.delta, s.content FROM revision r JOIN revision_snapshot s ON s.id = r.snapshot WHERE r.document_id = ? AND r.revision = ?').get(id, revision) as
    | { delta: string | null; content: string }
    | undefined;
  if (!row) return undefined;
  return row.delta === null ? row.content : JSON.stringify(applyDelta(parseOrNull(row.content), row.delta));
}

/**
 * A stored text as the interview it holds, checked and normalised as every load is, or null when it
 * is not JSON or not an interview: callers that look through versions pass a damaged one over
 * (repairing is the loader's job, not theirs).
 */
export function admittedStoredText(text: string): Interview | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const checked = admitInterview(raw);
  return checked.ok ? checked.doc : null;
}

/** Every kept revision's stored JSON, oldest first (a snapshot shared by several is parsed once). */
export function* revisionTexts(db: Database, id: string): Generator<{ revision: number; text: string }> {
  const rows = db.prepare('SELECT revision, snapshot, delta FROM revision WHERE document_id = ? ORDER BY revision').all(id) as { revision: number; snapshot: number; delta: string | null }[];
  const contentOf = db.prepare('SELECT content FROM revision_snapshot WHERE id = ?').pluck();
  // The snapshot last read, parsed when a delta first needs it.
  let snapshot = { id: -1, content: '', value: undefined as unknown };
  for (const r of rows) {
    if (snapshot.id !== r.snapshot) snapshot = { id: r.snapshot, content: contentOf.get(r.snapshot) as string, value: undefined };
    if (r.delta === null) {
      yield { revision: r.revision, text: snapshot.content };
      continue;
    }
    if (snapshot.value === undefined) snapshot.value = parseOrNull(snapshot.content);
    yield { revision: r.revision, text: JSON.stringify(applyDelta(snapshot.value, r.delta)) };
  }
}

/**
 * Stored texts that contain `needle`: current frames, snapshots and deltas (a revision's frame is
 * whole in its delta). For finding what the stored interviews name (media-references.ts), by text.
 */
export function* storedTextsContaining(db: Database, needle: string): Generator<string> {
  for (const sql of ['SELECT frame FROM document WHERE instr(frame, ?) > 0', 'SELECT content FROM revision_snapshot WHERE instr(content, ?) > 0', 'SELECT delta FROM revision WHERE instr(delta, ?) > 0']) {
    yield* db.prepare(sql).pluck().iterate(needle) as IterableIterator<string>;
  }
}

// ---------------------------------------------------------------- writing

/**
 * Store a new document's body (its document row just inserted, its frame still empty) and its
 * first revision's content (a snapshot). Returns the content and the state to remember.
 */
export function createBody(db: Database, at: { id: string; revision: number; updatedAt: string }, doc: unknown): { content: RevisionContent; state: BodyState } {
  const split = splitDocument(doc)!;
  db.prepare('UPDATE document SET frame = ? WHERE id = ?').run(split.frame, at.id);
  const keys = layoutKeys(split.blocks.length);
  const insert = db.prepare('INSERT INTO block (document_id, position, json) VALUES (?, ?, ?)');
  split.blocks.forEach((json, i) => insert.run(at.id, keys[i], json));
  const state: BodyState = { ...at, keys, json: split.blocks, snapshot: null, origin: split.blocks.map(() => -1) };
  return withRevision(db, state, split.frame);
}

/**
 * Store `blocks` as the body of document `from.id`, which is at `from` now, and the frame; the
 * state after is at `to`. `hint`: how `blocks` came from the body as the caller last had it (the
 * autosave's splices), used when it still describes the stored rows; otherwise what changed is
 * found by comparing. Returns the new revision's content and the state for `remember`.
 */
export function saveBody(
  db: Database,
  from: { id: string; revision: number; updatedAt: string },
  to: { revision: number; updatedAt: string },
  frame: string,
  blocks: readonly string[],
  hint?: readonly JsonSplice[],
): { content: RevisionContent; state: BodyState } {
  const base = stateOf(db, from);
  let plan = hint ? planSplices(base, hint) : null;
  if (plan && !sameBlocks(plan.json, blocks)) plan = null; // the hint was about another copy of the body
  plan ??= planSplices(base, diffSplices(base.json, blocks))!;
  db.prepare('UPDATE document SET frame = ? WHERE id = ?').run(frame, from.id);
  let keys = plan.keys;
  if (plan.inserts.some(([key]) => key.length > MAX_KEY_LENGTH)) {
    // Keys grew long after many insertions at one place: lay the body out afresh (rare).
    keys = layoutKeys(plan.json.length);
    db.prepare('DELETE FROM block WHERE document_id = ?').run(from.id);
    const insert = db.prepare('INSERT INTO block (document_id, position, json) VALUES (?, ?, ?)');
    plan.json.forEach((json, i) => insert.run(from.id, keys[i], json));
  } else {
    const del = db.prepare('DELETE FROM block WHERE document_id = ? AND position = ?');
    const update = db.prepare('UPDATE block SET json = ? WHERE document_id = ? AND position = ?');
    const insert = db.prepare('INSERT INTO block (document_id, position, json) VALUES (?, ?, ?)');
    // Deletions first: a new key may fall where a removed block's key was.
    for (const key of plan.deletes) del.run(from.id, key);
    for (const [key, json] of plan.updates) update.run(json, from.id, key);
    for (const [key, json] of plan.inserts) insert.run(from.id, key, json);
  }
  const state: BodyState = { id: from.id, revision: to.revision, updatedAt: to.updatedAt, keys, json: plan.json, snapshot: base.snapshot, origin: plan.origin };
  return withRevision(db, state, frame);
}

/**
 * After the transaction that wrote `state` committed: the rows as they now are. Inside an outer
 * transaction, which may still roll back, nothing is remembered (the next save reads the rows).
 */
export function remember(db: Database, state: BodyState): void {
  if (db.inTransaction) states.delete(db);
  else states.set(db, state);
}

/** Forget what the store holds of a document (it was deleted or written around the store). */
export function forget(db: Database, id: string): void {
  if (states.get(db)?.id === id) states.delete(db);
}

/**
 * Delete revisions of a document, and the snapshots no remaining revision uses. The snapshot the
 * current revision uses is never among them: the current revision is never deleted.
 */
export function deleteRevisions(db: Database, id: string, revisions: readonly number[]): void {
  if (revisions.length === 0) return;
  const snapshotOf = db.prepare('SELECT snapshot FROM revision WHERE document_id = ? AND revision = ?').pluck();
  const remove = db.prepare('DELETE FROM revision WHERE document_id = ? AND revision = ?');
  const snapshots = new Set<number>();
  for (const r of revisions) {
    const s = snapshotOf.get(id, r) as number | null | undefined;
    if (typeof s === 'number') snapshots.add(s);
    remove.run(id, r);
  }
  const used = db.prepare('SELECT 1 FROM revision WHERE snapshot = ? LIMIT 1').pluck();
  const drop = db.prepare('DELETE FROM revision_snapshot WHERE id = ?');
  for (const s of snapshots) if (used.get(s) === undefined) drop.run(s);
}

/**
 * Write revisions of a document from their stored JSON (a review file's history coming in), as
 * snapshots and deltas of their own.
 */
export function insertHistory(db: Database, id: string, entries: readonly { revision: number; savedAt: string; kind: string; name: string; note: string; text: string }[]): void {
  const encoded = encodeHistory(entries.map((e) => e.text));
  const insertSnapshot = db.prepare('INSERT INTO revision_snapshot (document_id, content) VALUES (?, ?)');
  const ids = encoded.snapshots.map((content) => Number(insertSnapshot.run(id, content).lastInsertRowid));
  const insert = db.prepare('INSERT INTO revision (document_id, revision, saved_at, kind, name, note, snapshot, delta) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  entries.forEach((e, i) => insert.run(id, e.revision, e.savedAt, e.kind, e.name, e.note, ids[encoded.revisions[i]!.snapshot], encoded.revisions[i]!.delta));
}

/**
 * Replace a document's stored JSON with `text` as given, damaged or not (a file written by hand,
 * a damaged row): a text that cannot be split is kept verbatim and read back as it is.
 */
export function storeDocumentText(db: Database, id: string, text: string): void {
  const split = splitText(text);
  db.prepare('DELETE FROM block WHERE document_id = ?').run(id);
  db.prepare('UPDATE document SET frame = ? WHERE id = ?').run(split ? split.frame : text, id);
  if (split) {
    const keys = layoutKeys(split.blocks.length);
    const insert = db.prepare('INSERT INTO block (document_id, position, json) VALUES (?, ?, ?)');
    split.blocks.forEach((json, i) => insert.run(id, keys[i], json));
  }
  forget(db, id);
}

/** Replace (or add) a revision's stored JSON with `text` as given, as its own snapshot, verbatim. */
export function storeRevisionText(db: Database, id: string, revision: number, savedAt: string, text: string): void {
  const snapshot = Number(db.prepare('INSERT INTO revision_snapshot (document_id, content) VALUES (?, ?)').run(id, text).lastInsertRowid);
  const old = db.prepare('SELECT snapshot FROM revision WHERE document_id = ? AND revision = ?').pluck().get(id, revision) as number | undefined;
  if (old === undefined) db.prepare('INSERT INTO revision (document_id, revision, saved_at, snapshot, delta) VALUES (?, ?, ?, ?, NULL)').run(id, revision, savedAt, snapshot);
  else {
    db.prepare('UPDATE revision SET snapshot = ?, delta = NULL WHERE document_id = ? AND revision = ?').run(snapshot, id, revision);
    if (db.prepare('SELECT 1 FROM revision WHERE snapshot = ?').get(old) === undefined) db.prepare('DELETE FROM revision_snapshot WHERE id = ?').run(old);
  }
  forget(db, id);
}

// ---------------------------------------------------------------- inside

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The remembered state when it is the document's as stored now, else read from the rows. */
function stateOf(db: Database, at: { id: string; revision: number; updatedAt: string }): BodyState {
  const s = states.get(db);
  if (s && s.id === at.id && s.revision === at.revision && s.updatedAt === at.updatedAt) return s;
  const rows = db.prepare('SELECT position, json FROM block WHERE document_id = ? ORDER BY position').raw().all(at.id) as [string, string][];
  const keys = rows.map((r) => r[0]);
  const json = rows.map((r) => r[1]);
  const current = db
    .prepare('SELECT s.id, s.content, r.delta FROM revision r JOIN revision_snapshot s ON s.id = r.snapshot WHERE r.document_id = ? AND r.revision = ?')
    .get(at.id, at.revision) as { id: number; content: string; delta: string | null } | undefined;
  // The current revision's snapshot serves the next revisions too, when it is a document.
  const split = current && current.delta !== null ? splitDocument(parseOrNull(current.content)) : null;
  return {
    ...at,
    keys,
    json,
    snapshot: split && current ? { id: current.id, bytes: current.content.length } : null,
    origin: split ? originIn(split.blocks, json) : json.map(() => -1),
  };
}

interface Plan {
  keys: string[];
  json: string[];
  origin: number[];
  deletes: string[];
  updates: [string, string][];
  inserts: [string, string][];
}

/** The rows after `splices`, and the row writes that make them (nothing written yet). */
function planSplices(base: BodyState, splices: readonly JsonSplice[]): Plan | null {
  const plan: Plan = { keys: [], json: [], origin: [], deletes: [], updates: [], inserts: [] };
  let from = 0;
  const keep = (i: number) => {
    plan.keys.push(base.keys[i]!);
    plan.json.push(base.json[i]!);
    plan.origin.push(base.origin[i]!);
  };
  for (const s of splices) {
    if (s.start < from || s.start + s.deleteCount > base.json.length) return null;
    for (let i = from; i < s.start; i++) keep(i);
    const reused = Math.min(s.deleteCount, s.json.length);
    for (let i = 0; i < reused; i++) {
      const at = s.start + i;
      const same = base.json[at] === s.json[i];
      if (!same) plan.updates.push([base.keys[at]!, s.json[i]!]);
      plan.keys.push(base.keys[at]!);
      plan.json.push(s.json[i]!);
      plan.origin.push(same ? base.origin[at]! : -1);
    }
    for (let i = reused; i < s.deleteCount; i++) plan.deletes.push(base.keys[s.start + i]!);
    if (s.json.length > reused) {
      const lo = plan.keys.length > 0 ? plan.keys[plan.keys.length - 1]! : null;
      const hi = base.keys[s.start + s.deleteCount] ?? null;
      const keys = keysBetween(lo, hi, s.json.length - reused);
      keys.forEach((key, k) => {
        const json = s.json[reused + k]!;
        plan.inserts.push([key, json]);
        plan.keys.push(key);
        plan.json.push(json);
        plan.origin.push(-1);
      });
    }
    from = s.start + s.deleteCount;
  }
  for (let i = from; i < base.json.length; i++) keep(i);
  return plan;
}

function sameBlocks(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Splices from `before` to `after`, by the blocks' JSON: blocks found in order are kept, what lies
 * between two kept blocks is one splice (as shared/api/document-changes.ts does by identity).
 */
export function diffSplices(before: readonly string[], after: readonly string[]): JsonSplice[] {
  const at = new Map<string, number[]>();
  before.forEach((b, i) => {
    const list = at.get(b);
    if (list) list.push(i);
    else at.set(b, [i]);
  });
  const next = new Map<string, number>();
  const splices: JsonSplice[] = [];
  let kept = 0;
  let added: string[] = [];
  for (const b of after) {
    const list = at.get(b);
    let i = -1;
    if (list) {
      let p = next.get(b) ?? 0;
      while (p < list.length && list[p]! < kept) p++;
      if (p < list.length) i = list[p]!;
      next.set(b, p + 1);
    }
    if (i < 0) {
      added.push(b);
      continue;
    }
    if (i > kept || added.length > 0) splices.push({ start: kept, deleteCount: i - kept, json: added });
    added = [];
    kept = i + 1;
  }
  if (kept < before.length || added.length > 0) splices.push({ start: kept, deleteCount: before.length - kept, json: added });
  return splices;
}

/** The revision content for `state` (a delta, or a new snapshot when the delta would be large). */
function withRevision(db: Database, state: BodyState, frame: string): { content: RevisionContent; state: BodyState } {
  if (state.snapshot) {
    const encoded = encodeDelta(frame, state.origin, state.json);
    if (encoded.literalBytes <= snapshotLimit(state.snapshot.bytes)) return { content: { snapshot: state.snapshot.id, delta: encoded.delta }, state };
  }
  const full = documentText(frame, state.json);
  const id = Number(db.prepare('INSERT INTO revision_snapshot (document_id, content) VALUES (?, ?)').run(state.id, full).lastInsertRowid);
  const origin = state.json.map((_, i) => i);
  return { content: { snapshot: id, delta: encodeDelta(frame, origin, state.json).delta }, state: { ...state, snapshot: { id, bytes: full.length }, origin } };
}
