/**
 * The `.interview` exchange file (docs/ARCHITECTURE.md, "Storage"): one standalone SQLite file that carries one
 * interview from a reporter to an editor and back — the document (its review state, tracked
 * changes and comment threads included, lives in the document JSON), its images and its history.
 * The `comment` table of format 1 predates comments living in the document; it is read and
 * written for compatibility and is empty in files this version writes.
 *
 * It has its own `application_id` and `user_version`, distinct from the library's, so neither
 * can be mistaken for the other. This module only writes and reads such files; what opening one
 * does to the library is in exchange.ts. Reading trusts nothing: a file from another machine is
 * checked for identity, version, integrity, document format and image hashes before any of it
 * is used.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { probeImage } from '../../shared/media/image-info';
import { admitInterview } from '../../shared/model/admit';
import type { Interview } from '../../shared/model/schema';
import { cleanLine } from '../../shared/text/normalize-text';
import { LIBRARY_APPLICATION_ID } from './db/open-library';
import { AppError } from './errors';

/** `PRAGMA application_id` of an exchange file: "IDRV" (Interview Desk ReView). */
export const EXCHANGE_APPLICATION_ID = 0x49445256;
/** The exchange format this version writes and the newest it reads. */
export const EXCHANGE_FORMAT_VERSION = 1;
export const EXCHANGE_EXTENSION = '.interview';
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export interface ExchangeRevision {
  revision: number;
  savedAt: string;
  kind: string;
  name: string;
  note: string;
  doc: Interview;
}

export interface ExchangeAsset {
  sha256: string;
  mime: string;
  width: number | null;
  height: number | null;
  createdAt: string;
  bytes: Buffer;
}

export interface ExchangeComment {
  id: string;
  createdAt: string;
  /** JSON, as the review code stores it. */
  data: string;
}

/**
 * The version of the receiving library a file was made from: the file's state descends from that
 * library's revision `revision` (its content hash `sha256`, exchange-base.ts). Absent when the
 * sender had the interview only from its own work, or wrote the file before files carried it.
 */
export interface ExchangeBase {
  revision: number;
  sha256: string;
}

/** Who saved the file (the sender's profile), when the sender had one. */
export interface ExchangeSender {
  id: string;
  name: string;
}

export interface ExchangeBundle {
  /** A new id for every file written: opening the same file twice is recognised by it. */
  exchangeId: string;
  createdAt: string;
  document: { revision: number; createdAt: string; updatedAt: string; doc: Interview };
  revisions: ExchangeRevision[];
  assets: ExchangeAsset[];
  comments: ExchangeComment[];
  basedOn: ExchangeBase | null;
  sender: ExchangeSender | null;
}

/** The exchange file's tables (format 1); `verify` compares a file against them. */
export const EXCHANGE_SCHEMA = `
  CREATE TABLE manifest (
    key   TEXT PRIMARY KEY,                 -- exchange_id, created_at, document_id; optional: based_on_revision,
    value TEXT NOT NULL                     -- based_on_sha256 (ExchangeBase), sender_id, sender_name (ExchangeSender)
  ) STRICT;
  CREATE TABLE document (
    id         TEXT PRIMARY KEY,
    revision   INTEGER NOT NULL,            -- the sender's revision number
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    body       TEXT NOT NULL                -- the interview as JSON (shared/model/schema.ts)
  ) STRICT;
  CREATE TABLE revision (
    revision INTEGER PRIMARY KEY,
    saved_at TEXT NOT NULL,
    kind     TEXT NOT NULL,
    name     TEXT NOT NULL,
    note     TEXT NOT NULL,
    body     TEXT NOT NULL
  ) STRICT;
  CREATE TABLE asset (
    sha256      TEXT PRIMARY KEY,
    mime        TEXT NOT NULL,
    byte_length INTEGER NOT NULL,
    width       INTEGER,
    height      INTEGER,
    created_at  TEXT NOT NULL,
    bytes       BLOB NOT NULL
  ) STRICT;
  CREATE TABLE comment (
    id         TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    data       TEXT NOT NULL                -- JSON
  ) STRICT;
`;

export interface WriteOptions {
  /** Tests: cap the file's size in pages (`PRAGMA max_page_count`) to simulate a full disk. */
  maxPageCount?: number;
}

/**
 * Write a bundle to a new file at `path`. On any failure the partial file is removed and an
 * AppError says why (a full disk gets its own message).
 */
export function writeExchangeFile(path: string, bundle: ExchangeBundle, options: WriteOptions = {}): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    db.pragma('page_size = 8192'); // before the first table: images are large BLOBs
    if (options.maxPageCount !== undefined) db.pragma(`max_page_count = ${options.maxPageCount}`);
    const file = db;
    file.transaction(() => {
      file.exec(EXCHANGE_SCHEMA);
      const manifest = file.prepare('INSERT INTO manifest (key, value) VALUES (?, ?)');
      manifest.run('exchange_id', bundle.exchangeId);
      manifest.run('created_at', bundle.createdAt);
      manifest.run('document_id', bundle.document.doc.id);
      // Added after format 1 shipped, as optional keys: older versions read such files and ignore them.
      if (bundle.basedOn) {
        manifest.run('based_on_revision', String(bundle.basedOn.revision));
        manifest.run('based_on_sha256', bundle.basedOn.sha256);
      }
      if (bundle.sender) {
        manifest.run('sender_id', bundle.sender.id);
        manifest.run('sender_name', bundle.sender.name);
      }
      const d = bundle.document;
      file.prepare('INSERT INTO document (id, revision, created_at, updated_at, body) VALUES (?, ?, ?, ?, ?)').run(d.doc.id, d.revision, d.createdAt, d.updatedAt, JSON.stringify(d.doc));
      const revision = file.prepare('INSERT INTO revision (revision, saved_at, kind, name, note, body) VALUES (?, ?, ?, ?, ?, ?)');
      for (const r of bundle.revisions) revision.run(r.revision, r.savedAt, r.kind, r.name, r.note, JSON.stringify(r.doc));
      const asset = file.prepare('INSERT INTO asset (sha256, mime, byte_length, width, height, created_at, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const a of bundle.assets) asset.run(a.sha256, a.mime, a.bytes.length, a.width, a.height, a.createdAt, a.bytes);
      const comment = file.prepare('INSERT INTO comment (id, created_at, data) VALUES (?, ?, ?)');
      for (const c of bundle.comments) comment.run(c.id, c.createdAt, c.data);
      file.pragma(`application_id = ${EXCHANGE_APPLICATION_ID}`);
      file.pragma(`user_version = ${EXCHANGE_FORMAT_VERSION}`);
    })();
    db.close();
  } catch (err) {
    db?.close();
    rmSync(path, { force: true });
    rmSync(`${path}-journal`, { force: true });
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_FULL' || (err as NodeJS.ErrnoException).code === 'ENOSPC') {
      throw new AppError('write_failed', 'The review file could not be written: the disk is full. Free some space and try again; nothing was changed.');
    }
    throw new AppError('write_failed', `The review file could not be written: ${(err as Error).message}. Nothing was changed.`);
  }
}

/** What a file is, from its header alone: used by `verify` and before reading a review file. */
export type FileKind = 'library' | 'exchange' | 'other-sqlite' | 'not-sqlite';

export function kindOfApplicationId(applicationId: number): FileKind {
  if (applicationId === LIBRARY_APPLICATION_ID) return 'library';
  if (applicationId === EXCHANGE_APPLICATION_ID) return 'exchange';
  return 'other-sqlite';
}

const damaged = (name: string, detail?: string) =>
  new AppError('invalid_file', `“${name}” is damaged or incomplete (${detail ?? 'the database does not pass its integrity check'}). Ask for the file again; nothing was changed.`);

/**
 * Read and check a review file. `name` is the file's name for messages. Every refusal is an
 * AppError with code `invalid_file` and a message meant for the user.
 */
export function readExchangeFile(path: string, name: string): ExchangeBundle {
  // An SQLite file starts with this; without it the file is something else renamed, with it any
  // failure to read is damage (a truncated download, a bad sector).
  const head = readFileSync(path).subarray(0, 512);
  if (!head.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new AppError('invalid_file', `“${name}” is not an Interview Desk review file: it is not a database at all (a different kind of file, renamed). Nothing was changed.`);
  }
  if (head.length < 512) throw damaged(name, 'it is shorter than one database page');
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch (err) {
    throw new AppError('invalid_file', `“${name}” cannot be opened: ${(err as Error).message}.`);
  }
  try {
    let applicationId: number;
    let version: number;
    try {
      applicationId = db.pragma('application_id', { simple: true }) as number;
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (err) {
      throw damaged(name, (err as Error).message);
    }
    const kind = kindOfApplicationId(applicationId);
    if (kind === 'library') throw new AppError('invalid_file', `“${name}” is an Interview Desk library, not a review file. Nothing was changed.`);
    if (kind !== 'exchange') {
      throw new AppError('invalid_file', `“${name}” is an SQLite database of another application (application id ${applicationId}), not an Interview Desk review file. Nothing was changed.`);
    }
    if (version > EXCHANGE_FORMAT_VERSION) {
      throw new AppError(
        'invalid_file',
        `“${name}” was written by a newer version of Interview Desk (review file format ${version}; this version reads up to ${EXCHANGE_FORMAT_VERSION}). Update Interview Desk to open it; nothing was changed.`,
      );
    }
    if (version < 1) throw damaged(name, 'it has no format version');
    let check: string[];
    try {
      check = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (err) {
      throw damaged(name, (err as Error).message);
    }
    if (check.length !== 1 || check[0] !== 'ok') throw damaged(name);
    try {
      return readBundle(db, name);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw damaged(name, (err as Error).message);
    }
  } finally {
    db.close();
  }
}

function parseDocument(json: string, name: string, what: string): Interview {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw damaged(name, `${what} is not JSON`);
  }
  const checked = admitInterview(raw);
  if (!checked.ok) throw new AppError('invalid_file', `“${name}”: ${what} does not match the document format. Nothing was changed.`, { problems: checked.problems });
  return checked.doc;
}

function readBundle(db: Database.Database, name: string): ExchangeBundle {
  const manifest = new Map((db.prepare('SELECT key, value FROM manifest').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  const exchangeId = manifest.get('exchange_id');
  const createdAt = manifest.get('created_at');
  if (!exchangeId || !createdAt) throw damaged(name, 'its manifest is incomplete');

  const docs = db.prepare('SELECT id, revision, created_at, updated_at, body FROM document').all() as {
    id: string;
    revision: number;
    created_at: string;
    updated_at: string;
    body: string;
  }[];
  if (docs.length !== 1) throw damaged(name, `it holds ${docs.length} documents instead of one`);
  const row = docs[0]!;
  const doc = parseDocument(row.body, name, 'the interview');
  if (doc.id !== row.id || manifest.get('document_id') !== row.id) throw damaged(name, 'its document ids disagree');

  const revisions = (db.prepare('SELECT revision, saved_at, kind, name, note, body FROM revision ORDER BY revision').all() as {
    revision: number;
    saved_at: string;
    kind: string;
    name: string;
    note: string;
    body: string;
  }[]).map((r) => ({ revision: r.revision, savedAt: r.saved_at, kind: r.kind, name: r.name, note: r.note, doc: { ...parseDocument(r.body, name, `version ${r.revision}`), id: doc.id } }));

  const assets = (db.prepare('SELECT sha256, mime, width, height, created_at, bytes FROM asset').all() as {
    sha256: string;
    mime: string;
    width: number | null;
    height: number | null;
    created_at: string;
    bytes: Buffer;
  }[]).map((a) => {
    // Images are stored under the hash of their bytes: a mismatch is damage (or tampering).
    if (!Buffer.isBuffer(a.bytes) || createHash('sha256').update(a.bytes).digest('hex') !== a.sha256) throw damaged(name, 'an image does not match its checksum');
    // The type is taken from the bytes, never from the file: it becomes the Content-Type the
    // image is served with, and a forged `text/html` must not reach the page's origin.
    const probe = probeImage(a.bytes);
    if (!probe.ok) throw damaged(name, 'an attached file is not a JPEG, PNG, WebP or GIF image');
    return { sha256: a.sha256, mime: probe.info.mime, width: probe.info.width, height: probe.info.height, createdAt: a.created_at, bytes: a.bytes };
  });

  const comments = (db.prepare('SELECT id, created_at, data FROM comment').all() as { id: string; created_at: string; data: string }[]).map((c) => ({ id: c.id, createdAt: c.created_at, data: c.data }));

  return { exchangeId, createdAt, document: { revision: row.revision, createdAt: row.created_at, updatedAt: row.updated_at, doc }, revisions, assets, comments, ...manifestOrigin(manifest, name) };
}

const SENDER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The base version and the sender a manifest names; half of one, or a malformed one, is damage. */
function manifestOrigin(manifest: ReadonlyMap<string, string>, name: string): { basedOn: ExchangeBase | null; sender: ExchangeSender | null } {
  const [revision, sha256] = [manifest.get('based_on_revision'), manifest.get('based_on_sha256')];
  const [senderId, senderName] = [manifest.get('sender_id'), manifest.get('sender_name')];
  let basedOn: ExchangeBase | null = null;
  if (revision !== undefined || sha256 !== undefined) {
    if (!revision || !/^[1-9]\d{0,9}$/.test(revision) || !sha256 || !/^[0-9a-f]{64}$/.test(sha256)) throw damaged(name, 'its manifest names a base version that is not valid');
    basedOn = { revision: Number(revision), sha256 };
  }
  let sender: ExchangeSender | null = null;
  if (senderId !== undefined || senderName !== undefined) {
    if (!senderId || !SENDER_ID.test(senderId) || senderName === undefined || senderName.length > 200) throw damaged(name, 'its manifest names its sender wrongly');
    sender = { id: senderId, name: cleanLine(senderName).trim() };
  }
  return { basedOn, sender };
}
