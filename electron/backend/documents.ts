/**
 * The document store: create, load, save with optimistic concurrency, list.
 * Every document is schema-checked and normalised on its way in and checked on its way out.
 *
 * Saves are idempotent. The editor gives each save an id (`saveId`) and stores it with the revision
 * (migration v8). When the answer to a save is lost — the host crashed between the commit and the
 * reply, the connection dropped — the editor sends the same save again, with the same id and
 * content, before anything newer; it is answered with the revision it became (storedSave), not
 * taken for a conflict with itself, and stored once. A real conflict (another window or a review
 * file changed the interview meanwhile) is never resolved by dropping either side: with
 * `keep`, the editor's text is stored on top as a `conflict` revision and the other version stays
 * just below it in the history, kept by the retention policy (revision-retention.ts).
 *
 * Loading never refuses a document over a limit or a normalisation difference: it is repaired
 * (shared/model/repair.ts), and on opening the repair is stored as a `repair` revision on top of the
 * stored one, which the history keeps; only damage (not JSON, wrong types) is refused.
 */
import type { Database } from 'better-sqlite3';
import type { DocumentSummary, LoadedDocument } from '../../shared/api/contract';
import { newInterview } from '../../shared/model/factory';
import { admitInterview } from '../../shared/model/admit';
import { repairInterview, type Repair } from '../../shared/model/repair';
import type { Interview, Language } from '../../shared/model/schema';
import { searchableText } from '../../shared/model/text';
import { salvageReview } from '../../shared/review/salvage';
import { foldForSearch } from '../../shared/text/normalize-text';
import type { HandlerContext } from './context';
import { AppError } from './errors';
import { getProfile } from './profile';
import { continuedBurst, type BurstRow } from './revision-bursts';
import { revisionsToDrop, type RevisionStamp } from './revision-retention';
import { foldedSearchText } from './search-text';
import { createBody, deleteRevisions, readDocumentText, remember, saveBody, type BodyState, type JsonSplice, type RevisionContent } from './document-store';

/**
 * Why a revision was written (the `revision.kind` column). Autosaves are grouped into working
 * bursts (revision-bursts.ts) and thinned by the retention policy (revision-retention.ts); every
 * other kind is an event snapshot and is always kept.
 */
export type RevisionKind = 'auto' | 'import' | 'export' | 'sent' | 'received' | 'restore' | 'duplicate' | 'mode' | 'merged' | 'repair' | 'conflict';

/** A stored save, as document.save and document.saveChanges answer it. */
export interface SavedRevision {
  revision: number;
  savedAt: string;
  /** The save was kept beside the version saved elsewhere meanwhile: that version's revision. */
  kept?: { other: number };
}

/** How the editor saves: its id for the save, and whether a conflict keeps both versions. */
export interface SaveOptions {
  saveId?: string;
  keep?: boolean;
}

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
}

export function createDocument(ctx: HandlerContext, language: Language): LoadedDocument {
  const doc = newInterview(ctx.newId(), language);
  const now = ctx.now().toISOString();
  const state = ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO document (id, revision, headline, section, status, language, created_at, updated_at, search_text)
         VALUES (@id, 1, '', '', 'draft', @language, @now, @now, @search)`,
      )
      .run({ id: doc.id, language, now, search: foldForSearch(searchableText(doc)) });
    const written = createBody(ctx.db, { id: doc.id, revision: 1, updatedAt: now }, doc);
    writeRevision(ctx.db, doc.id, 1, now, written.content, 'auto', '', authorOf(ctx, 'auto'));
    writeParticipants(ctx.db, doc);
    return written.state;
  })();
  remember(ctx.db, state);
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
  const state = ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO document (id, revision, headline, section, status, language, created_at, updated_at, search_text)
         VALUES (@id, @revision, @headline, @section, @status, @language, @now, @now, @search)`,
      )
      .run({ id: doc.id, revision, headline: doc.meta.headline, section: doc.meta.section, status: doc.meta.status, language: doc.meta.language, now, search: foldForSearch(searchableText(doc)) });
    const written = createBody(ctx.db, { id: doc.id, revision, updatedAt: now }, doc);
    writeRevision(ctx.db, doc.id, revision, now, written.content, kind, note, authorOf(ctx, kind));
    writeParticipants(ctx.db, doc);
    return written.state;
  })();
  remember(ctx.db, state);
  return { doc, revision, updatedAt: now };
}

/** A stored document as the editor opens it: repaired where it breaks a limit, with review damage dropped. */
export interface StoredReading {
  doc: Interview;
  /** What shared/model/repair.ts changed (empty: nothing the user would notice). */
  repairs: Repair[];
  /** Damaged review data dropped by salvageReview (`path: problem` lines); undefined when none was. */
  dropped?: string[];
}

/**
 * Read a stored document's JSON (a document row or a revision; `what` names it in messages). Limits
 * and normalisation are repaired, not refused (shared/model/repair.ts). Damage confined to the
 * review state (a corrupt suggestion record) must not lock the interview away either: its damaged
 * parts are dropped and named, and the editor offers to discard what remains inconsistent
 * (shared/review/salvage.ts, problems.ts). Any other damage is refused with the schema's reasons.
 */
export function readStoredDocument(json: string, what: string): StoredReading {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new AppError('invalid_document', `${what} is damaged (not JSON).`);
  }
  const repaired = repairInterview(parsed);
  if (repaired.ok) return { doc: repaired.doc, repairs: repaired.repairs };
  const salvaged = salvageReview(repaired.partial);
  if (salvaged.ok) {
    const again = repairInterview(salvaged.doc);
    if (again.ok) return { doc: again.doc, repairs: [...repaired.repairs, ...again.repairs], dropped: salvaged.dropped };
  }
  throw new AppError('invalid_document', `${what} does not match the document format.`, { problems: repaired.problems });
}

/** The stored document, read and repaired (readStoredDocument); nothing is written. */
export function loadDocument(ctx: HandlerContext, id: string): LoadedDocument {
  const row = ctx.db.prepare('SELECT id, revision, updated_at FROM document WHERE id = ?').get(id) as DocumentRow | undefined;
  if (!row) throw new AppError('not_found', `No interview with id ${id}.`);
  const read = readStoredDocument(readDocumentText(ctx.db, id)!, `The stored interview ${id}`);
  return {
    doc: read.doc,
    revision: row.revision,
    updatedAt: row.updated_at,
    ...(read.dropped ? { repaired: read.dropped } : {}),
    ...(read.repairs.length > 0 ? { repairs: read.repairs } : {}),
  };
}

/**
 * Open a document for editing (document.load). A document that had to be repaired is stored
 * repaired at once, as a `repair` revision on top of the one it was read from: the editor then
 * works on a state the library holds, the history shows the repair as one step (compare shows what
 * changed), and the revision as it was stored is kept. When the library cannot be written (a full or
 * read-only disk) the repaired document is still opened; the editor's first save stores it.
 */
export function openDocument(ctx: HandlerContext, id: string): LoadedDocument {
  const loaded = loadDocument(ctx, id);
  if (!loaded.repairs) return loaded;
  try {
    const saved = commitRevision(ctx, loaded.doc, loaded.revision, 'repair');
    return { ...loaded, revision: saved.revision, updatedAt: saved.savedAt, repairedFrom: loaded.revision };
  } catch (err) {
    if (typeof (err as { code?: unknown }).code === 'string' && !(err instanceof AppError)) return loaded; // SQLite or the disk said no
    throw err;
  }
}

/**
 * The save with this id, when it is already stored: a save sent again after its answer was lost.
 * Answered as it was the first time (with `kept` when it was kept beside another version).
 */
export function storedSave(ctx: HandlerContext, id: string, saveId: string): SavedRevision | null {
  const row = ctx.db.prepare('SELECT revision, saved_at, kind, note FROM revision WHERE document_id = ? AND save_id = ?').get(id, saveId) as
    | { revision: number; saved_at: string; kind: string; note: string }
    | undefined;
  if (!row) return null;
  const other = Number(row.note);
  return { revision: row.revision, savedAt: row.saved_at, ...(row.kind === 'conflict' && Number.isInteger(other) && other > 0 ? { kept: { other } } : {}) };
}

export function saveDocument(ctx: HandlerContext, id: string, baseRevision: number, raw: unknown, options: SaveOptions = {}): SavedRevision {
  const again = options.saveId ? storedSave(ctx, id, options.saveId) : null;
  if (again) return again;
  const checked = admitInterview(raw);
  if (!checked.ok) {
    throw new AppError('invalid_document', 'The interview was not saved: it does not match the document format.', { problems: checked.problems });
  }
  if (checked.doc.id !== id) throw new AppError('invalid_input', `The document's id ${checked.doc.id} does not match ${id}.`);
  return commitRevision(ctx, checked.doc, baseRevision, 'auto', '', undefined, false, options);
}

/**
 * Store `doc` (already checked and normalised) as the next revision of its document, in one
 * transaction. `baseRevision` null skips the conflict check: restoring a version or receiving a
 * review file puts a new state on top of whatever is current, which stays in the history.
 * `body`: the JSON of doc's blocks, when the caller already has it, and how they came from the
 * stored body (document-changes.ts: only the changed blocks' rows are written, document-store.ts).
 * `deferSearch`: leave the search text (and its index) behind the body and mark the document for
 * search-index.ts to bring up to date before the next search.
 * `options.saveId` is stored with the revision (storedSave finds it); `options.keep` stores `doc`
 * even when the stored revision is no longer `baseRevision`, as a `conflict` revision whose note
 * names the revision it was kept beside.
 */
export function commitRevision(
  ctx: HandlerContext,
  doc: Interview,
  baseRevision: number | null,
  kind: RevisionKind,
  note = '',
  body?: { blocks: readonly string[]; splices?: readonly JsonSplice[] },
  deferSearch = false,
  options: SaveOptions = {},
): SavedRevision {
  const id = doc.id;
  const blocks = body?.blocks ?? doc.body.map((b) => JSON.stringify(b));
  const frame = JSON.stringify({ ...doc, body: [] });
  const savedAt = ctx.now().toISOString();

  let state: BodyState | undefined;
  const saved = ctx.db.transaction((): SavedRevision => {
    const current = ctx.db.prepare('SELECT revision, updated_at FROM document WHERE id = ?').get(id) as { revision: number; updated_at: string } | undefined;
    if (!current) throw new AppError('not_found', `No interview with id ${id}.`);
    let kept: { other: number } | undefined;
    if (baseRevision !== null && current.revision !== baseRevision) {
      if (!options.keep) {
        throw new AppError('conflict', `This interview was changed elsewhere (revision ${current.revision}; this copy is based on ${baseRevision}).`, {
          currentRevision: current.revision,
        });
      }
      kept = { other: current.revision };
    }
    const revision = current.revision + 1;
    const row = { id, revision, headline: doc.meta.headline, section: doc.meta.section, status: doc.meta.status, language: doc.meta.language, savedAt };
    if (deferSearch) {
      ctx.db
        .prepare(
          `UPDATE document SET revision = @revision, headline = @headline, section = @section, status = @status,
             language = @language, updated_at = @savedAt WHERE id = @id`,
        )
        .run(row);
      ctx.db.prepare('INSERT OR IGNORE INTO search_pending (document_id) VALUES (?)').run(id);
    } else {
      ctx.db
        .prepare(
          `UPDATE document SET revision = @revision, headline = @headline, section = @section, status = @status,
             language = @language, updated_at = @savedAt, search_text = @search WHERE id = @id`,
        )
        .run({ ...row, search: foldedSearchText(doc) }); // only the changed lines are folded again (search-text.ts)
      ctx.db.prepare('DELETE FROM search_pending WHERE document_id = ?').run(id);
    }
    const stored = saveBody(ctx.db, { id, revision: current.revision, updatedAt: current.updated_at }, { revision, updatedAt: savedAt }, frame, blocks, body?.splices);
    state = stored.state;
    const written = kept ? 'conflict' : kind;
    writeRevision(ctx.db, id, revision, savedAt, stored.content, written, kept ? String(kept.other) : note, authorOf(ctx, written), options.saveId ?? null);
    writeParticipants(ctx.db, doc);
    return kept ? { revision, savedAt, kept } : { revision, savedAt };
  })();
  if (state) remember(ctx.db, state);
  return saved;
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
export function writeRevision(
  db: Database,
  id: string,
  revision: number,
  savedAt: string,
  content: RevisionContent,
  kind: RevisionKind = 'auto',
  note = '',
  author = '',
  saveId: string | null = null,
): void {
  let startedAt: string | null = null;
  let replaced: number | null = null;
  if (kind === 'auto') {
    const previous = db
      .prepare('SELECT revision, kind, name, author, saved_at AS savedAt, started_at AS startedAt FROM revision WHERE document_id = ? AND revision < ? ORDER BY revision DESC LIMIT 1')
      .get(id, revision) as BurstRow | undefined;
    const first = db.prepare('SELECT min(revision) FROM revision WHERE document_id = ?').pluck().get(id) as number | null;
    startedAt = continuedBurst(previous, { author, savedAt }, first ?? revision);
    if (startedAt !== null) replaced = previous!.revision;
  }
  // Written before the revision it replaces is deleted: the snapshot they share stays in use.
  db.prepare('INSERT INTO revision (document_id, revision, saved_at, snapshot, delta, kind, note, author, started_at, save_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    id,
    revision,
    savedAt,
    content.snapshot,
    content.delta,
    kind,
    note,
    author,
    startedAt,
    saveId,
  );
  if (replaced !== null) deleteRevisions(db, id, [replaced]);
  const stamps = db.prepare('SELECT revision, saved_at AS savedAt, kind, name FROM revision WHERE document_id = ?').all(id) as RevisionStamp[];
  deleteRevisions(db, id, revisionsToDrop(stamps));
}

function writeParticipants(db: Database, doc: Interview): void {
  db.prepare('DELETE FROM participant WHERE document_id = ?').run(doc.id);
  const insert = db.prepare('INSERT INTO participant (document_id, id, position, label, full_name, role) VALUES (?, ?, ?, ?, ?, ?)');
  doc.participants.forEach((p, i) => insert.run(doc.id, p.id, i, p.label, p.fullName, p.role));
}
