/**
 * The document store: create, load, save with optimistic concurrency, list.
 * Every document is schema-checked and normalised on its way in and checked on its way out.
 */
import type { Database } from 'better-sqlite3';
import type { DocumentSummary, LoadedDocument } from '../../shared/api/contract';
import { newInterview } from '../../shared/model/factory';
import { normalizeInterview } from '../../shared/model/normalize';
import { admitInterview } from '../../shared/model/admit';
import type { Interview, Language } from '../../shared/model/schema';
import { searchableText } from '../../shared/model/text';
import { validateInterview } from '../../shared/model/validate';
import { salvageReview } from '../../shared/review/salvage';
import { foldForSearch } from '../../shared/text/normalize-text';
import type { HandlerContext } from './context';
import { AppError } from './errors';
import { getProfile } from './profile';
import { continuedBurst, type BurstRow } from './revision-bursts';
import { revisionsToDrop, type RevisionStamp } from './revision-retention';
import { foldedSearchText } from './search-text';

/**
 * Why a revision was written (the `revision.kind` column). Autosaves are grouped into working
 * bursts (revision-bursts.ts) and thinned by the retention policy (revision-retention.ts); every
 * other kind is an event snapshot and is always kept.
 */
export type RevisionKind = 'auto' | 'import' | 'export' | 'sent' | 'received' | 'restore' | 'duplicate' | 'mode' | 'merged';

/**
 * Who a new revision is by: the local profile's display name, read at the moment of the save (a
 * renamed profile does not rename the past). A review file's state is not the local person's
 * work: it has no author here ('').
 */
function authorOf(ctx: HandlerContext, kind: RevisionKind): string {
  return kind === 'received' ? '' : (getProfile(ctx)?.name ?? '');
}

interface DocumentRow {
  id: string;
  revision: number;
  updated_at: string;
  body: string;
}

export function createDocument(ctx: HandlerContext, language: Language): LoadedDocument {
  const doc = newInterview(ctx.newId(), language);
  const now = ctx.now().toISOString();
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO document (id, revision, headline, section, status, language, created_at, updated_at, body, search_text)
         VALUES (@id, 1, '', '', 'draft', @language, @now, @now, @body, @search)`,
      )
      .run({ id: doc.id, language, now, body: JSON.stringify(doc), search: foldForSearch(searchableText(doc)) });
    writeRevision(ctx.db, doc.id, 1, now, JSON.stringify(doc), 'auto', '', authorOf(ctx, 'auto'));
    writeParticipants(ctx.db, doc);
  })();
  return { doc, revision: 1, updatedAt: now };
}

/** Store an imported document as a new interview (a new id; its content checked and normalised). */
export function createDocumentFrom(ctx: HandlerContext, raw: unknown): LoadedDocument {
  const checked = admitInterview(raw && typeof raw === 'object' ? { ...(raw as object), id: 'import' } : raw);
  if (!checked.ok) {
    throw new AppError('invalid_document', 'The imported interview does not match the document format.', { problems: checked.problems });
  }
  return insertNewDocument(ctx, { ...checked.doc, id: ctx.newId() }, 'import');
}

/**
 * Store a checked, normalised document under its own id as a new interview, at revision 1 (or a
 * higher number, when a review file brings the history below it).
 */
export function insertNewDocument(ctx: HandlerContext, doc: Interview, kind: RevisionKind, note = '', revision = 1): LoadedDocument {
  const now = ctx.now().toISOString();
  const body = JSON.stringify(doc);
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO document (id, revision, headline, section, status, language, created_at, updated_at, body, search_text)
         VALUES (@id, @revision, @headline, @section, @status, @language, @now, @now, @body, @search)`,
      )
      .run({ id: doc.id, revision, headline: doc.meta.headline, section: doc.meta.section, status: doc.meta.status, language: doc.meta.language, now, body, search: foldForSearch(searchableText(doc)) });
    writeRevision(ctx.db, doc.id, revision, now, body, kind, note, authorOf(ctx, kind));
    writeParticipants(ctx.db, doc);
  })();
  return { doc, revision, updatedAt: now };
}

export function loadDocument(ctx: HandlerContext, id: string): LoadedDocument {
  const row = ctx.db.prepare('SELECT id, revision, updated_at, body FROM document WHERE id = ?').get(id) as DocumentRow | undefined;
  if (!row) throw new AppError('not_found', `No interview with id ${id}.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.body);
  } catch {
    throw new AppError('invalid_document', `The stored interview ${id} is damaged (not JSON). Restore it from history or a backup.`);
  }
  const checked = validateInterview(parsed);
  if (checked.ok) return { doc: normalizeInterview(checked.doc), revision: row.revision, updatedAt: row.updated_at };
  // Damage confined to the review state (a corrupt suggestion record) must not lock the interview
  // away: its damaged parts are dropped and named, and the editor offers to discard what remains
  // inconsistent (shared/review/salvage.ts, problems.ts). Any other damage is refused.
  const salvaged = salvageReview(parsed);
  if (!salvaged.ok) {
    throw new AppError('invalid_document', `The stored interview ${id} does not match the document format.`, { problems: checked.problems });
  }
  return { doc: normalizeInterview(salvaged.doc), revision: row.revision, updatedAt: row.updated_at, repaired: salvaged.dropped };
}

export function saveDocument(ctx: HandlerContext, id: string, baseRevision: number, raw: unknown): { revision: number; savedAt: string } {
  const checked = admitInterview(raw);
  if (!checked.ok) {
    throw new AppError('invalid_document', 'The interview was not saved: it does not match the document format.', { problems: checked.problems });
  }
  if (checked.doc.id !== id) throw new AppError('invalid_input', `The document's id ${checked.doc.id} does not match ${id}.`);
  return commitRevision(ctx, checked.doc, baseRevision, 'auto');
}

/**
 * Store `doc` (already checked and normalised) as the next revision of its document, in one
 * transaction. `baseRevision` null skips the conflict check: restoring a version or receiving a
 * review file puts a new state on top of whatever is current, which stays in the history.
 * `json`: JSON.stringify(doc), when the caller already has it (document-changes.ts assembles it
 * from the unchanged blocks' JSON). `deferSearch`: leave the search text (and its index) behind
 * the body and mark the document for search-index.ts to bring up to date before the next search.
 */
export function commitRevision(
  ctx: HandlerContext,
  doc: Interview,
  baseRevision: number | null,
  kind: RevisionKind,
  note = '',
  json?: string,
  deferSearch = false,
): { revision: number; savedAt: string } {
  const id = doc.id;
  const body = json ?? JSON.stringify(doc);
  const savedAt = ctx.now().toISOString();

  return ctx.db.transaction(() => {
    const current = ctx.db.prepare('SELECT revision FROM document WHERE id = ?').get(id) as { revision: number } | undefined;
    if (!current) throw new AppError('not_found', `No interview with id ${id}.`);
    if (baseRevision !== null && current.revision !== baseRevision) {
      throw new AppError('conflict', `This interview was changed elsewhere (revision ${current.revision}; this copy is based on ${baseRevision}).`, {
        currentRevision: current.revision,
      });
    }
    const revision = current.revision + 1;
    const row = { id, revision, headline: doc.meta.headline, section: doc.meta.section, status: doc.meta.status, language: doc.meta.language, savedAt, body };
    if (deferSearch) {
      ctx.db
        .prepare(
          `UPDATE document SET revision = @revision, headline = @headline, section = @section, status = @status,
             language = @language, updated_at = @savedAt, body = @body WHERE id = @id`,
        )
        .run(row);
      ctx.db.prepare('INSERT OR IGNORE INTO search_pending (document_id) VALUES (?)').run(id);
    } else {
      ctx.db
        .prepare(
          `UPDATE document SET revision = @revision, headline = @headline, section = @section, status = @status,
             language = @language, updated_at = @savedAt, body = @body, search_text = @search WHERE id = @id`,
        )
        .run({ ...row, search: foldedSearchText(doc) }); // only the changed lines are folded again (search-text.ts)
      ctx.db.prepare('DELETE FROM search_pending WHERE document_id = ?').run(id);
    }
    writeRevision(ctx.db, id, revision, savedAt, body, kind, note, authorOf(ctx, kind));
    writeParticipants(ctx.db, doc);
    return { revision, savedAt };
  })();
}

/** The library's interviews, newest change first; those in the trash are listed by trash.ts. */
export function listDocuments(ctx: HandlerContext): DocumentSummary[] {
  return summariesWhere(ctx, 'd.deleted_at IS NULL').map(({ deletedAt: _inTrash, ...summary }) => summary);
}

/** Summaries of the documents matching a fixed SQL condition on `d` (never user input). */
export function summariesWhere(ctx: HandlerContext, condition: string): (DocumentSummary & { deletedAt: string | null })[] {
  const rows = ctx.db
    .prepare(
      `SELECT d.id, d.headline, d.section, d.status, d.language, d.revision, d.updated_at, d.deleted_at,
              (SELECT json_group_array(label) FROM (SELECT label FROM participant p WHERE p.document_id = d.id ORDER BY position)) AS participants
         FROM document d WHERE ${condition} ORDER BY d.updated_at DESC, d.id`,
    )
    .all() as { id: string; headline: string; section: string; status: string; language: string; revision: number; updated_at: string; deleted_at: string | null; participants: string }[];
  return rows.map((r) => ({
    id: r.id,
    headline: r.headline,
    section: r.section,
    status: r.status as DocumentSummary['status'],
    language: r.language as DocumentSummary['language'],
    participants: JSON.parse(r.participants) as string[],
    revision: r.revision,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  }));
}

/**
 * Write a revision row, then thin the document's history by the retention policy. An autosave that
 * continues the working burst of the revision before it takes that revision's place in the history
 * (revision-bursts.ts); the caller's transaction makes the swap atomic.
 */
export function writeRevision(db: Database, id: string, revision: number, savedAt: string, body: string, kind: RevisionKind = 'auto', note = '', author = ''): void {
  let startedAt: string | null = null;
  if (kind === 'auto') {
    const previous = db
      .prepare('SELECT revision, kind, name, author, saved_at AS savedAt, started_at AS startedAt FROM revision WHERE document_id = ? AND revision < ? ORDER BY revision DESC LIMIT 1')
      .get(id, revision) as BurstRow | undefined;
    const first = db.prepare('SELECT min(revision) FROM revision WHERE document_id = ?').pluck().get(id) as number | null;
    startedAt = continuedBurst(previous, { author, savedAt }, first ?? revision);
    if (startedAt !== null) db.prepare('DELETE FROM revision WHERE document_id = ? AND revision = ?').run(id, previous!.revision);
  }
  db.prepare('INSERT INTO revision (document_id, revision, saved_at, body, kind, note, author, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(id, revision, savedAt, body, kind, note, author, startedAt);
  const stamps = db.prepare('SELECT revision, saved_at AS savedAt, kind, name FROM revision WHERE document_id = ?').all(id) as RevisionStamp[];
  const remove = db.prepare('DELETE FROM revision WHERE document_id = ? AND revision = ?');
  for (const r of revisionsToDrop(stamps)) remove.run(id, r);
}

function writeParticipants(db: Database, doc: Interview): void {
  db.prepare('DELETE FROM participant WHERE document_id = ?').run(doc.id);
  const insert = db.prepare('INSERT INTO participant (document_id, id, position, label, full_name, role) VALUES (?, ?, ?, ?, ?, ?)');
  doc.participants.forEach((p, i) => insert.run(doc.id, p.id, i, p.label, p.fullName, p.role));
}
