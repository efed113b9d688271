/**
 * A document's revision history: list the kept versions, read one, name one, and restore one.
 * Restoring never rewrites the past: the chosen version's content becomes a new revision on top
 * of the current one (kind `restore`), so the state it replaced stays in the history (the
 * retention policy keeps it: revision-retention.ts), and undoing the restore is restoring that.
 * An autosave version stands for a working burst (revision-bursts.ts): it names its author and
 * when the burst began.
 */
import type { HistoryEntry, LoadedVersion } from '../../shared/api/contract';
import type { EditingMode } from '../../shared/desktop-commands';
import type { HandlerContext } from './context';
import { commitRevision, readStoredDocument } from './documents';
import { readRevisionText } from './document-store';
import { AppError } from './errors';

interface RevisionRow {
  revision: number;
  saved_at: string;
  kind: string;
  name: string;
  note: string;
  author: string;
  started_at: string | null;
}

/** The columns of a RevisionRow, for the queries below. */
const ROW = 'revision, saved_at, kind, name, note, author, started_at';

const entryOf = (r: RevisionRow): HistoryEntry => ({
  revision: r.revision,
  savedAt: r.saved_at,
  kind: r.kind as HistoryEntry['kind'],
  name: r.name,
  note: r.note,
  author: r.author,
  startedAt: r.started_at ?? r.saved_at,
});

function currentRevision(ctx: HandlerContext, id: string): number {
  const row = ctx.db.prepare('SELECT revision FROM document WHERE id = ?').get(id) as { revision: number } | undefined;
  if (!row) throw new AppError('not_found', `No interview with id ${id}.`);
  return row.revision;
}

/** The kept versions, newest first, with the document's current revision. */
export function listHistory(ctx: HandlerContext, id: string): { current: number; versions: HistoryEntry[] } {
  const current = currentRevision(ctx, id);
  const rows = ctx.db.prepare(`SELECT ${ROW} FROM revision WHERE document_id = ? ORDER BY revision DESC`).all(id) as RevisionRow[];
  return { current, versions: rows.map(entryOf) };
}

export function loadVersion(ctx: HandlerContext, id: string, revision: number): LoadedVersion {
  const row = ctx.db.prepare(`SELECT ${ROW} FROM revision WHERE document_id = ? AND revision = ?`).get(id, revision) as RevisionRow | undefined;
  const text = row ? readRevisionText(ctx.db, id, revision) : undefined;
  if (!row || text === undefined) throw new AppError('not_found', `Version ${revision} of interview ${id} is not in its history (older versions are thinned out).`);
  // Read as an opened document is (documents.ts): a version stored before a limit existed opens repaired.
  return { ...entryOf(row), doc: readStoredDocument(text, `Version ${revision} of interview ${id}`).doc };
}

/** Name (or, with an empty name, unname) a version; a named version is never thinned out. */
export function nameVersion(ctx: HandlerContext, id: string, revision: number, name: string): HistoryEntry {
  const changed = ctx.db.prepare('UPDATE revision SET name = ? WHERE document_id = ? AND revision = ?').run(name.trim(), id, revision).changes;
  if (changed === 0) {
    currentRevision(ctx, id); // not_found for an unknown document
    throw new AppError('not_found', `Version ${revision} of interview ${id} is not in its history.`);
  }
  return loadVersion(ctx, id, revision);
}

/**
 * Make a past version the newest revision. Returns the new revision and the one it replaced (the
 * current one before), which stays in the history: restoring that one undoes the restore.
 */
export function restoreVersion(ctx: HandlerContext, id: string, revision: number): { revision: number; savedAt: string; replaced: number } {
  const version = loadVersion(ctx, id, revision);
  const replaced = currentRevision(ctx, id);
  return { ...commitRevision(ctx, { ...version.doc, id }, null, 'restore', String(revision)), replaced };
}

/**
 * Mark the current revision as an event snapshot (an export, a save for review) unless it
 * already is one: the state that left the app is then kept by the retention policy.
 */
export function markCurrentRevision(ctx: HandlerContext, id: string, kind: 'export' | 'sent' | 'mode', note: string): void {
  // A mode switch is the least of the events: the same state sent or exported is labelled by that.
  const replaces = kind === 'mode' ? `kind = 'auto'` : `kind IN ('auto', 'mode')`;
  ctx.db
    .prepare(`UPDATE revision SET kind = ?, note = ? WHERE document_id = ? AND ${replaces} AND revision = (SELECT revision FROM document WHERE id = ?)`)
    .run(kind, note, id, id);
}

/**
 * The editing mode changed (Editing, Suggesting, Viewing): keep the document as it was at that
 * moment. The renderer has stored its pending edits first, so the current revision is that state;
 * it becomes a `mode` snapshot unless it is already an event (then it is kept anyway, and stays
 * labelled by what made it; an export or a save for review of it later relabels it). A switch with nothing typed since the last one marks nothing new.
 * Returns the current version as the history lists it.
 */
export function markModeChange(ctx: HandlerContext, id: string, from: EditingMode, to: EditingMode): HistoryEntry {
  const current = currentRevision(ctx, id);
  if (from !== to) markCurrentRevision(ctx, id, 'mode', `${from}→${to}`);
  const row = ctx.db.prepare(`SELECT ${ROW} FROM revision WHERE document_id = ? AND revision = ?`).get(id, current) as RevisionRow | undefined;
  if (!row) throw new AppError('not_found', `The current version of interview ${id} is missing from its history.`);
  return entryOf(row);
}
