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
 * examined by the foreign-file opener (foreign-db/: identity, version, exact schema, integrity,
 * sizes, in a worker under a time limit), then its documents, image hashes and manifest are
 * checked before any of it is used.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { MAX_EXCHANGE_FILE_BYTES } from '../../shared/api/contract';
import { probeImage } from '../../shared/media/image-info';
import { MAX_IMAGE_BYTES } from '../../shared/media/image-limits';
import { admitInterview } from '../../shared/model/admit';
import { LIMITS, MAX_MEDIA_MS, type Interview } from '../../shared/model/schema';
import { cleanLine } from '../../shared/text/normalize-text';
import { LIBRARY_APPLICATION_ID } from './db/open-library';
import { AppError } from './errors';
import { openForeignFile } from './foreign-db/open-foreign-file';
import type { FileWords } from './foreign-db/refusals';
import { SNIFF_BYTES, sniffMedia } from './media/sniff-media';
import { schemaOf } from './foreign-db/schema-of';
import type { ForeignFormat, SchemaObject, SqlValue, TableRead } from './foreign-db/types';

/** `PRAGMA application_id` of an exchange file: "IDRV" (Interview Desk ReView). */
export const EXCHANGE_APPLICATION_ID = 0x49445256;
/**
 * The newest exchange format this version writes and reads. Format 2 adds the `recording` table;
 * a file without recordings is still written as format 1, which every version reads.
 */
export const EXCHANGE_FORMAT_VERSION = 2;
export const EXCHANGE_EXTENSION = '.interview';

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

/** A recording carried in the file (format 2): its bytes, checked against its id on reading. */
export interface ExchangeRecording {
  id: string;
  mime: string;
  name: string;
  durationMs: number | null;
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
  /** The recordings carried (none when absent); one `doc.recordings` lists but the file leaves out is "not included". */
  recordings?: ExchangeRecording[];
  basedOn: ExchangeBase | null;
  sender: ExchangeSender | null;
}

/** The exchange file's tables (format 1): a file read must have exactly these (foreign-db/). */
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

/** Format 2: format 1 plus the recordings the sender chose to include (media/ in the library). */
export const EXCHANGE_RECORDING_SCHEMA = `
  CREATE TABLE recording (
    sha256      TEXT PRIMARY KEY,           -- its id in doc.recordings: the hash of bytes
    mime        TEXT NOT NULL,
    name        TEXT NOT NULL,
    duration_ms INTEGER,
    bytes       BLOB NOT NULL
  ) STRICT;
`;

/** The format a bundle is written in: 1 unless it carries recordings, so older versions still read it. */
export const formatOfBundle = (bundle: ExchangeBundle): 1 | 2 => ((bundle.recordings ?? []).length > 0 ? 2 : 1);

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
    const version = formatOfBundle(bundle);
    file.transaction(() => {
      file.exec(EXCHANGE_SCHEMA);
      if (version >= 2) file.exec(EXCHANGE_RECORDING_SCHEMA);
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
      if (version >= 2) {
        const recording = file.prepare('INSERT INTO recording (sha256, mime, name, duration_ms, bytes) VALUES (?, ?, ?, ?, ?)');
        for (const r of bundle.recordings ?? []) recording.run(r.id, r.mime, r.name, r.durationMs, r.bytes);
      }
      file.pragma(`application_id = ${EXCHANGE_APPLICATION_ID}`);
      file.pragma(`user_version = ${version}`);
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

const MB = 1024 * 1024;
/**
 * What is read of a review file, each value with a cap no file Interview Desk writes comes near
 * (a document is at most the file; an image at most MAX_IMAGE_BYTES): a file can be hostile.
 */
export const EXCHANGE_READS: TableRead[] = [
  { table: 'manifest', maxRows: 64, columns: [{ name: 'key', type: 'text', maxBytes: 64 }, { name: 'value', type: 'text', maxBytes: 1024 }] },
  {
    table: 'document',
    maxRows: 16,
    columns: [
      { name: 'id', type: 'text', maxBytes: 256 },
      { name: 'revision', type: 'integer', maxBytes: 32 },
      { name: 'created_at', type: 'text', maxBytes: 64 },
      { name: 'updated_at', type: 'text', maxBytes: 64 },
      { name: 'body', type: 'text', maxBytes: MAX_EXCHANGE_FILE_BYTES },
    ],
  },
  {
    table: 'revision',
    maxRows: 20_000,
    columns: [
      { name: 'revision', type: 'integer', maxBytes: 32 },
      { name: 'saved_at', type: 'text', maxBytes: 64 },
      { name: 'kind', type: 'text', maxBytes: 32 },
      { name: 'name', type: 'text', maxBytes: 4 * LIMITS.shortField },
      { name: 'note', type: 'text', maxBytes: 16 * 1024 },
      { name: 'body', type: 'text', maxBytes: MAX_EXCHANGE_FILE_BYTES },
    ],
  },
  {
    table: 'asset',
    maxRows: 10_000,
    columns: [
      { name: 'sha256', type: 'text', maxBytes: 64 },
      { name: 'created_at', type: 'text', maxBytes: 64 },
      { name: 'bytes', type: 'blob', maxBytes: MAX_IMAGE_BYTES },
    ],
  },
  { table: 'comment', maxRows: 100_000, columns: [{ name: 'id', type: 'text', maxBytes: 256 }, { name: 'created_at', type: 'text', maxBytes: 64 }, { name: 'data', type: 'text', maxBytes: MB }] },
  {
    table: 'recording',
    sinceVersion: true,
    maxRows: LIMITS.recordings,
    columns: [
      { name: 'sha256', type: 'text', maxBytes: 64 },
      { name: 'name', type: 'text', maxBytes: 4 * LIMITS.shortField },
      { name: 'duration_ms', type: 'integer', nullable: true, maxBytes: 32 },
      { name: 'bytes', type: 'blob', maxBytes: MAX_EXCHANGE_FILE_BYTES },
    ],
  },
];

let exchangeSchemas: { version: number; schema: SchemaObject[] }[] | null = null;

/** The review file as the foreign-file opener knows it: each format's exact schema, and `reads`. */
export function exchangeFormat(reads: TableRead[] = EXCHANGE_READS): ForeignFormat {
  exchangeSchemas ??= [
    { version: 1, schema: schemaOf((db) => db.exec(EXCHANGE_SCHEMA)) },
    { version: 2, schema: schemaOf((db) => db.exec(EXCHANGE_SCHEMA + EXCHANGE_RECORDING_SCHEMA)) },
  ];
  return { kind: 'exchange', applicationId: EXCHANGE_APPLICATION_ID, newest: EXCHANGE_FORMAT_VERSION, versions: exchangeSchemas, reads };
}

export const REVIEW_FILE_WORDS: FileWords = { noun: 'review file', advice: 'Ask for the file again' };

const damaged = (name: string, detail?: string) =>
  new AppError('invalid_file', `“${name}” is damaged or incomplete (${detail ?? 'the database does not pass its integrity check'}). Ask for the file again; nothing was changed.`);

export interface ReadOptions {
  /** Tests: a shorter limit than the default (foreign-db/open-foreign-file.ts). */
  timeLimitMs?: number;
}

/**
 * Read and check a review file: its bytes as received, or its path (never opened itself: a private
 * copy is); `name` is the file's name for messages. The file
 * is examined by the foreign-file opener (a worker; schema, sizes, integrity, time), then what it
 * holds is checked as any input is. Every refusal is an AppError (`invalid_file`, or
 * `unsafe_file` for a file not laid out as we write it) with a message meant for the user.
 */
export async function readExchangeFile(file: Buffer | string, name: string, options: ReadOptions = {}): Promise<ExchangeBundle> {
  const opened = await openForeignFile(
    typeof file === 'string' ? { copyOf: file } : { bytes: file },
    {
      name,
      words: REVIEW_FILE_WORDS,
      formats: [exchangeFormat()],
      otherKinds: [{ applicationId: LIBRARY_APPLICATION_ID, kind: 'library' }],
      integrity: 'full',
      maxFileBytes: MAX_EXCHANGE_FILE_BYTES,
      timeLimitMs: options.timeLimitMs,
    },
  );
  return bundleFromRows(opened.tables, name);
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

/** A number read from a file: its revision numbers are the sender's, and only ever compared. */
const numberOf = (v: SqlValue | undefined): number => (typeof v === 'bigint' ? Number(v) : (v as number));
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const timeOf = (v: SqlValue | undefined, name: string, what: string): string => {
  if (typeof v !== 'string' || !ISO_TIME.test(v) || Number.isNaN(Date.parse(v))) throw damaged(name, `${what} has no valid time`);
  return v;
};

/**
 * The bundle from the rows the opener read (types and sizes already checked there): documents
 * through the document schema, images through their hashes and headers, the manifest's keys.
 */
export function bundleFromRows(tables: ReadonlyMap<string, SqlValue[][]>, name: string): ExchangeBundle {
  const rows = (table: string) => tables.get(table) ?? [];
  const manifest = new Map(rows('manifest').map(([k, v]) => [k as string, v as string]));
  const exchangeId = manifest.get('exchange_id');
  const createdAt = manifest.get('created_at');
  if (!exchangeId || !createdAt) throw damaged(name, 'its manifest is incomplete');

  const docs = rows('document');
  if (docs.length !== 1) throw damaged(name, `it holds ${docs.length} documents instead of one`);
  const [rowId, revision, docCreated, docUpdated, body] = docs[0]!;
  const doc = parseDocument(body as string, name, 'the interview');
  if (doc.id !== rowId || manifest.get('document_id') !== rowId) throw damaged(name, 'its document ids disagree');

  const revisions = rows('revision')
    .map(([r, savedAt, kind, versionName, note, json]) => {
      const n = numberOf(r);
      return { revision: n, savedAt: timeOf(savedAt, name, `version ${n}`), kind: kind as string, name: versionName as string, note: note as string, doc: { ...parseDocument(json as string, name, `version ${n}`), id: doc.id } };
    })
    .sort((a, b) => a.revision - b.revision);

  const assets = rows('asset').map(([sha256, assetCreated, blob]) => {
    const bytes = Buffer.from(blob as Uint8Array);
    // Images are stored under the hash of their bytes: a mismatch is damage (or tampering).
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw damaged(name, 'an image does not match its checksum');
    // The type is taken from the bytes, never from the file: it becomes the Content-Type the
    // image is served with, and a forged `text/html` must not reach the page's origin.
    const probe = probeImage(bytes);
    if (!probe.ok) throw damaged(name, 'an attached file is not a JPEG, PNG, WebP or GIF image');
    return { sha256: sha256 as string, mime: probe.info.mime, width: probe.info.width, height: probe.info.height, createdAt: assetCreated as string, bytes };
  });

  const comments = rows('comment').map(([id, at, data]) => ({ id: id as string, createdAt: at as string, data: data as string }));

  const recordings = rows('recording').map(([sha256, recordingName, duration, blob]): ExchangeRecording => {
    const bytes = Buffer.from(blob as Uint8Array);
    // As images: named by their hash (a mismatch is damage), typed from their bytes, never from the file.
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw damaged(name, 'a recording does not match its checksum');
    const sniffed = sniffMedia(bytes.subarray(0, SNIFF_BYTES));
    if (!sniffed) throw damaged(name, 'an attached file is not a recording');
    const ms = duration === null ? null : numberOf(duration);
    return {
      id: sha256 as string,
      mime: sniffed.mime,
      name: recordingName as string,
      durationMs: ms !== null && Number.isSafeInteger(ms) && ms >= 0 && ms <= MAX_MEDIA_MS ? ms : null,
      bytes,
    };
  });

  return {
    exchangeId,
    createdAt,
    document: { revision: numberOf(revision), createdAt: docCreated as string, updatedAt: docUpdated as string, doc },
    revisions,
    assets,
    comments,
    recordings,
    ...manifestOrigin(manifest, name),
  };
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
