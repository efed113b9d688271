/**
 * Schema migrations of the library database, indexed by the `user_version` they produce
 * (migrations[0] takes a new file to version 1). Append-only: a released migration is never
 * edited, because users' files were made by it. Each one is tested from a fixture database
 * at the version before it (tests/fixtures/).
 */
import type { Database } from 'better-sqlite3';
import { foldForSearch } from '../../../shared/text/normalize-text';
import { encodeHistory, layoutKeys, splitText } from './body-format';

export type Migration = (db: Database) => void;

export const migrations: readonly Migration[] = [
  // v1: documents, their revisions, participants (denormalised for listing), assets.
  (db) => {
    db.exec(`
      CREATE TABLE document (
        id          TEXT PRIMARY KEY,
        revision    INTEGER NOT NULL,
        headline    TEXT NOT NULL DEFAULT '',
        section     TEXT NOT NULL DEFAULT '',
        status      TEXT NOT NULL DEFAULT 'draft',
        language    TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        body        TEXT NOT NULL              -- the whole document as JSON (shared/model/schema.ts)
      ) STRICT;
      CREATE INDEX document_updated ON document(updated_at DESC);

      CREATE TABLE revision (
        document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
        revision    INTEGER NOT NULL,
        saved_at    TEXT NOT NULL,
        body        TEXT NOT NULL,
        PRIMARY KEY (document_id, revision)
      ) STRICT;

      CREATE TABLE participant (
        document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
        id          TEXT NOT NULL,
        position    INTEGER NOT NULL,
        label       TEXT NOT NULL,
        full_name   TEXT NOT NULL,
        role        TEXT NOT NULL,
        PRIMARY KEY (document_id, id)
      ) STRICT;

      CREATE TABLE asset (
        sha256      TEXT PRIMARY KEY,          -- content address: the same image is stored once
        mime        TEXT NOT NULL,
        byte_length INTEGER NOT NULL,
        width       INTEGER,
        height      INTEGER,
        created_at  TEXT NOT NULL,
        bytes       BLOB NOT NULL
      ) STRICT;
    `);
  },

  // v2: accent-folded full-text index (đảng viên ↔ dang vien). unicode61 strips combining
  // marks but not đ, so the folded text is computed in JS and stored in search_text.
  (db) => {
    db.exec(`ALTER TABLE document ADD COLUMN search_text TEXT NOT NULL DEFAULT ''`);
    // Backfill existing documents from their stored JSON before the index and its triggers
    // exist: the index is then built once from the filled column.
    const rows = db.prepare('SELECT id, body FROM document').all() as { id: string; body: string }[];
    const update = db.prepare('UPDATE document SET search_text = ? WHERE id = ?');
    for (const row of rows) update.run(foldForSearch(extractText(row.body)), row.id);
    db.exec(`
      CREATE VIRTUAL TABLE document_fts USING fts5(
        search_text, content='document', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
      );
      INSERT INTO document_fts(document_fts) VALUES ('rebuild');
      CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN
        INSERT INTO document_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
      END;
      CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN
        INSERT INTO document_fts(document_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
      END;
      CREATE TRIGGER document_fts_update AFTER UPDATE OF search_text ON document BEGIN
        INSERT INTO document_fts(document_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
        INSERT INTO document_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
      END;
    `);
  },

  // v3: library settings (JSON per key, each checked by its reader: newsroom destinations first)
  // and the log of deliveries to the newsroom (electron/backend/newsroom.ts).
  (db) => {
    db.exec(`
      CREATE TABLE setting (
        key         TEXT PRIMARY KEY,
        value       TEXT NOT NULL              -- JSON
      ) STRICT;

      CREATE TABLE delivery (
        id             INTEGER PRIMARY KEY,    -- order of sending: the log lists the newest first
        at             TEXT NOT NULL,
        document_id    TEXT NOT NULL,          -- no foreign key: the log outlives a deleted interview
        headline       TEXT NOT NULL,
        destination_id TEXT NOT NULL,
        destination    TEXT NOT NULL,          -- the destination's name when it was sent
        folder         TEXT NOT NULL,
        format         TEXT NOT NULL,
        ok             INTEGER NOT NULL,       -- 1 delivered, 0 not
        message        TEXT NOT NULL,
        files          TEXT NOT NULL           -- JSON array of the file names put in the folder
      ) STRICT;
    `);
  },

  // v4: trash, labelled revisions (history), comments, and the record of opened review files
  // (electron/backend/trash.ts, history.ts, exchange.ts).
  (db) => {
    db.exec(`
      ALTER TABLE document ADD COLUMN deleted_at TEXT;                 -- NULL unless in the trash
      CREATE INDEX document_deleted ON document(deleted_at);

      -- Why a revision was written: 'auto' (autosave), or an event kept by the retention policy
      -- ('import', 'export', 'sent', 'received', 'restore', 'duplicate'); a non-empty name marks a
      -- version the user named. note: the event's detail (a format, a file name, a revision).
      ALTER TABLE revision ADD COLUMN kind TEXT NOT NULL DEFAULT 'auto';
      ALTER TABLE revision ADD COLUMN name TEXT NOT NULL DEFAULT '';
      ALTER TABLE revision ADD COLUMN note TEXT NOT NULL DEFAULT '';

      -- Review comments, one JSON object each (their shape belongs to the review code).
      CREATE TABLE comment (
        document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
        id          TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        data        TEXT NOT NULL,             -- JSON
        PRIMARY KEY (document_id, id)
      ) STRICT;

      -- Review files (.interview) already opened: opening the same file again changes nothing.
      CREATE TABLE exchange_import (
        exchange_id TEXT PRIMARY KEY,          -- the id the file was written with
        document_id TEXT NOT NULL,
        revision    INTEGER NOT NULL,          -- the revision it became (or matched)
        opened_at   TEXT NOT NULL,
        file_name   TEXT NOT NULL
      ) STRICT;
    `);
  },

  // v5: interviews whose search text is behind their body. An autosave of changed blocks stores
  // the body and leaves re-indexing the whole interview (most of a save's cost) to the next
  // search, which brings every interview listed here up to date first (electron/backend/search-index.ts).
  (db) => {
    db.exec(`
      CREATE TABLE search_pending (
        document_id TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE
      ) STRICT;
    `);
  },

  // v6: who wrote a revision, and the working burst an autosave stands for. Autosaves of one burst
  // are coalesced into one revision (electron/backend/revision-bursts.ts): the newest replaces the
  // previous one and carries the time the burst began. Revisions written before v6 keep an empty
  // author and stand for themselves.
  (db) => {
    db.exec(`
      ALTER TABLE revision ADD COLUMN author TEXT NOT NULL DEFAULT '';  -- the local profile's display name ('' unknown)
      ALTER TABLE revision ADD COLUMN started_at TEXT;                  -- a coalesced autosave: when its burst began
    `);
  },

  // v7: which version of the sender's library each opened review file held (electron/backend/
  // exchange-base.ts). A file saved back names it, so the file it returns to can be merged with its
  // base instead of put on top. Files opened before v7 have none: what comes back from them is a
  // "base unknown" file, offered as a copy.
  (db) => {
    db.exec(`
      ALTER TABLE exchange_import ADD COLUMN sender_revision INTEGER;   -- the file's revision in the sender's library
      ALTER TABLE exchange_import ADD COLUMN sender_sha256 TEXT;        -- the hash of that content, as exchange-base.ts computes it
    `);
  },

  // v8: the id the renderer gave each save (electron/backend/documents.ts, "Saves are idempotent").
  // A save that was stored but whose answer was lost (the host crashed between the commit and the
  // reply) is sent again with the same id, and is answered with the revision it became instead of
  // being taken for a conflict. Revisions written before v8, and those no editor sent (restores,
  // review files, the command line), have none.
  (db) => {
    db.exec(`
      ALTER TABLE revision ADD COLUMN save_id TEXT;
      CREATE UNIQUE INDEX revision_save_id ON revision(document_id, save_id) WHERE save_id IS NOT NULL;
    `);
  },

  // v9: recordings (electron/backend/media/). Their bytes are files in the data folder named by
  // their sha-256 (hundreds of megabytes do not belong in a row); this table lists what is stored,
  // so serving, verify and the sweep of unused files read the database, never a path from outside.
  (db) => {
    db.exec(`
      CREATE TABLE media (
        sha256      TEXT PRIMARY KEY,          -- content address: the file media/<2 hex>/<sha256>
        byte_length INTEGER NOT NULL,
        mime        TEXT NOT NULL,             -- from the file's first bytes, not from its name
        name        TEXT NOT NULL,             -- the file name it was first stored from
        duration_ms INTEGER,                   -- when the header says (WAV)
        created_at  TEXT NOT NULL
      ) STRICT;
    `);
  },

  // v10: the body as rows of top-level blocks, revisions as deltas against snapshots, so that a
  // save costs what changed, not what the document holds (layout and reasons: db/body-format.ts;
  // reads and writes: electron/backend/document-store.ts). Every document and revision is converted
  // here, inside the migrations' one transaction: if anything fails the file stays at v9, whole.
  // A stored JSON that cannot be split (damaged) is kept verbatim, so it reads back, and is
  // reported, exactly as before.
  (db) => {
    db.exec(`
      CREATE TABLE block (
        document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
        position    TEXT NOT NULL,             -- a fractional key: rows in this order are the body
        json        TEXT NOT NULL,             -- one top-level block
        PRIMARY KEY (document_id, position)
      ) STRICT;

      CREATE TABLE revision_snapshot (
        id          INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
        content     TEXT NOT NULL              -- a whole document's JSON (or a damaged revision's text, verbatim)
      ) STRICT;
      CREATE INDEX revision_snapshot_document ON revision_snapshot(document_id);

      ALTER TABLE document ADD COLUMN frame TEXT NOT NULL DEFAULT '';     -- the document without its body (body: [])
      ALTER TABLE revision ADD COLUMN snapshot INTEGER REFERENCES revision_snapshot(id);
      ALTER TABLE revision ADD COLUMN delta TEXT;                         -- NULL: the snapshot is this revision, verbatim
      CREATE INDEX revision_by_snapshot ON revision(snapshot);
    `);
    const ids = db.prepare('SELECT id FROM document').pluck().all() as string[];
    const bodyOf = db.prepare('SELECT body FROM document WHERE id = ?').pluck();
    const setFrame = db.prepare('UPDATE document SET frame = ? WHERE id = ?');
    const insertBlock = db.prepare('INSERT INTO block (document_id, position, json) VALUES (?, ?, ?)');
    const revisionsOf = db.prepare('SELECT revision, body FROM revision WHERE document_id = ? ORDER BY revision');
    const insertSnapshot = db.prepare('INSERT INTO revision_snapshot (document_id, content) VALUES (?, ?)');
    const setRevision = db.prepare('UPDATE revision SET snapshot = ?, delta = ? WHERE document_id = ? AND revision = ?');
    for (const id of ids) {
      const body = bodyOf.get(id) as string;
      const split = splitText(body);
      if (split) {
        setFrame.run(split.frame, id);
        const keys = layoutKeys(split.blocks.length);
        split.blocks.forEach((json, i) => insertBlock.run(id, keys[i], json));
      } else {
        setFrame.run(body, id);
      }
      const rows = revisionsOf.all(id) as { revision: number; body: string }[];
      const encoded = encodeHistory(rows.map((r) => r.body));
      const snapshotIds = encoded.snapshots.map((content) => Number(insertSnapshot.run(id, content).lastInsertRowid));
      encoded.revisions.forEach((r, i) => setRevision.run(snapshotIds[r.snapshot], r.delta, id, rows[i]!.revision));
    }
    db.exec(`
      ALTER TABLE document DROP COLUMN body;
      ALTER TABLE revision DROP COLUMN body;
    `);
  },
];

/**
 * Text of a stored document for the backfill, read loosely: a migration must not depend on the
 * current model code, which may change after this migration ships.
 */
function extractText(json: string): string {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) if (!['id', 'type', 'format', 'speakerId', 'assetId', 'role', 'status', 'language', 'genre'].includes(key)) walk(v);
    }
  };
  try {
    walk(JSON.parse(json));
  } catch {
    // A corrupt row keeps an empty index entry; loading it reports the problem to the user.
  }
  return out.join('\n');
}
