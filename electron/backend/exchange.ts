/**
 * "Save for review" and "Open": an interview travels between libraries as a `.interview` file
 * (exchange-file.ts). Files cross the API as base64, so browser mode can download and upload them.
 *
 * Opening never overwrites: an unknown interview is added under its own id (so that the copy
 * coming back later is recognised), with the history the file carries; a known one gets the
 * file's state as a new revision (kind `received`) on top of its current one, which stays in
 * the history for the compare view. Everything is checked before the library is touched, and
 * the library's changes happen in one transaction.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_EXCHANGE_FILE_BYTES, type ExchangeOpened, type ExchangeSaved } from '../../shared/api/contract';
import { reviewFileName } from '../../shared/exchange/review-file-name';
import type { Interview } from '../../shared/model/schema';
import type { HandlerContext } from './context';
import { commitRevision, insertNewDocument, loadDocument } from './documents';
import { AppError } from './errors';
import { readExchangeFile, writeExchangeFile, type ExchangeBundle, type WriteOptions } from './exchange-file';
import { markCurrentRevision } from './history';
import { getProfile } from './profile';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const ASSET_REF = /"assetId":"([0-9a-f]{64})"/g;
const megabytes = (n: number) => (n / 1048576).toFixed(1);

/** A private temporary folder for one file, removed whatever happens. */
function withTempFile<T>(name: string, work: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'interview-desk-exchange-'));
  try {
    return work(join(dir, name));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bundle for one stored interview: its current state, every kept revision, its images and comments. */
export function bundleOf(ctx: HandlerContext, id: string): ExchangeBundle {
  const loaded = loadDocument(ctx, id);
  const row = ctx.db.prepare('SELECT created_at, updated_at FROM document WHERE id = ?').get(id) as { created_at: string; updated_at: string };
  const revisionRows = ctx.db.prepare('SELECT revision, saved_at, kind, name, note, body FROM revision WHERE document_id = ? ORDER BY revision').all(id) as {
    revision: number;
    saved_at: string;
    kind: string;
    name: string;
    note: string;
    body: string;
  }[];
  const assetIds = new Set<string>();
  const revisions = [];
  for (const r of revisionRows) {
    for (const m of r.body.matchAll(ASSET_REF)) assetIds.add(m[1]!);
    let doc: Interview;
    try {
      doc = JSON.parse(r.body) as Interview;
    } catch {
      continue; // a damaged old revision is left behind rather than blocking the file
    }
    revisions.push({ revision: r.revision, savedAt: r.saved_at, kind: r.kind, name: r.name, note: r.note, doc });
  }
  for (const m of JSON.stringify(loaded.doc).matchAll(ASSET_REF)) assetIds.add(m[1]!);
  const assetRow = ctx.db.prepare('SELECT sha256, mime, width, height, created_at, bytes FROM asset WHERE sha256 = ?');
  const assets = [...assetIds].flatMap((assetId) => {
    const a = assetRow.get(assetId) as { sha256: string; mime: string; width: number | null; height: number | null; created_at: string; bytes: Buffer } | undefined;
    return a ? [{ sha256: a.sha256, mime: a.mime, width: a.width, height: a.height, createdAt: a.created_at, bytes: a.bytes }] : [];
  });
  const comments = (ctx.db.prepare('SELECT id, created_at, data FROM comment WHERE document_id = ?').all(id) as { id: string; created_at: string; data: string }[]).map((c) => ({
    id: c.id,
    createdAt: c.created_at,
    data: c.data,
  }));
  return {
    exchangeId: ctx.newId(),
    createdAt: ctx.now().toISOString(),
    document: { revision: loaded.revision, createdAt: row.created_at, updatedAt: row.updated_at, doc: loaded.doc },
    revisions,
    assets,
    comments,
  };
}

/**
 * Write the review file of a stored interview and return its bytes. The library changes only
 * after the file is complete: the current revision is then marked `sent` (so it is kept).
 */
export function saveForReview(ctx: HandlerContext, id: string, options: WriteOptions = {}): ExchangeSaved {
  const bundle = bundleOf(ctx, id);
  // Named for the story and whose copy it is (reporter's or editor's), not for an id.
  const fileName = reviewFileName(bundle.document.doc, getProfile(ctx)?.role);
  const bytes = withTempFile(fileName, (path) => {
    writeExchangeFile(path, bundle, options);
    return readFileSync(path);
  });
  if (bytes.length > MAX_EXCHANGE_FILE_BYTES) {
    throw new AppError(
      'write_failed',
      `The review file would be ${megabytes(bytes.length)} MB; review files can be at most ${megabytes(MAX_EXCHANGE_FILE_BYTES)} MB. Remove or shrink some photos and try again.`,
    );
  }
  markCurrentRevision(ctx, id, 'sent', fileName);
  return { fileName, data: bytes.toString('base64'), byteLength: bytes.length, revision: bundle.document.revision };
}

/** Decode a file sent as base64, refusing oversized or malformed data before decoding. */
export function decodeFileData(name: string, base64: string): Buffer {
  if (base64.length > Math.ceil(MAX_EXCHANGE_FILE_BYTES / 3) * 4) {
    throw new AppError('invalid_file', `“${name}” is ${megabytes(Math.floor((base64.length * 3) / 4))} MB; review files can be at most ${megabytes(MAX_EXCHANGE_FILE_BYTES)} MB.`);
  }
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) throw new AppError('invalid_input', `The data of “${name}” is not valid base64.`);
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new AppError('invalid_file', `“${name}” is empty. Nothing was changed.`);
  return bytes;
}

/** Open a review file sent as base64 (the renderer's upload, or the desktop dialog's bytes). */
export function openReviewFile(ctx: HandlerContext, name: string, base64: string): ExchangeOpened {
  const bytes = decodeFileData(name, base64);
  const bundle = withTempFile('incoming.interview', (path) => {
    writeFileSync(path, bytes);
    return readExchangeFile(path, name);
  });
  return importBundle(ctx, bundle, name);
}

/** Bring a checked bundle into the library (see the module comment). */
export function importBundle(ctx: HandlerContext, bundle: ExchangeBundle, fileName: string): ExchangeOpened {
  const incoming = bundle.document.doc;
  const id = incoming.id;
  const headline = incoming.meta.headline;
  const now = ctx.now().toISOString();

  const seen = ctx.db.prepare('SELECT document_id, revision, opened_at FROM exchange_import WHERE exchange_id = ?').get(bundle.exchangeId) as
    | { document_id: string; revision: number; opened_at: string }
    | undefined;
  if (seen) return { outcome: 'already_opened', id: seen.document_id, headline, revision: seen.revision, previousRevision: null, openedAt: seen.opened_at };

  return ctx.db.transaction((): ExchangeOpened => {
    const insertAsset = ctx.db.prepare('INSERT OR IGNORE INTO asset (sha256, mime, byte_length, width, height, created_at, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const a of bundle.assets) insertAsset.run(a.sha256, a.mime, a.bytes.length, a.width, a.height, a.createdAt, a.bytes);
    const remember = (revision: number) =>
      ctx.db.prepare('INSERT INTO exchange_import (exchange_id, document_id, revision, opened_at, file_name) VALUES (?, ?, ?, ?, ?)').run(bundle.exchangeId, id, revision, now, fileName);

    const existing = ctx.db.prepare('SELECT revision, body, deleted_at FROM document WHERE id = ?').get(id) as { revision: number; body: string; deleted_at: string | null } | undefined;
    let result: ExchangeOpened;
    if (!existing) {
      // The file's state becomes the newest revision; the sender's history comes along under the
      // sender's revision numbers, below it.
      const top = Math.max(bundle.document.revision, ...bundle.revisions.map((r) => r.revision)) + 1;
      insertNewDocument(ctx, incoming, 'received', fileName, top);
      const history = ctx.db.prepare('INSERT INTO revision (document_id, revision, saved_at, body, kind, name, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const r of bundle.revisions) history.run(id, r.revision, r.savedAt, JSON.stringify(r.doc), r.kind, r.name, r.note);
      result = { outcome: 'created', id, headline, revision: top, previousRevision: null, openedAt: now };
    } else if (sameContent(ctx, id, incoming)) {
      result = { outcome: 'same_as_current', id, headline, revision: existing.revision, previousRevision: null, openedAt: now };
    } else {
      const saved = commitRevision(ctx, incoming, null, 'received', fileName);
      result = { outcome: 'updated', id, headline, revision: saved.revision, previousRevision: existing.revision, openedAt: now };
    }
    // Opening an interview is wanting it back: one in the trash comes out.
    if (existing?.deleted_at) ctx.db.prepare('UPDATE document SET deleted_at = NULL WHERE id = ?').run(id);
    const insertComment = ctx.db.prepare('INSERT OR IGNORE INTO comment (document_id, id, created_at, data) VALUES (?, ?, ?, ?)');
    for (const c of bundle.comments) insertComment.run(id, c.id, c.createdAt, c.data);
    remember(result.revision);
    return result;
  })();
}

/** Does the stored document already hold exactly this content? (Both sides normalised.) */
function sameContent(ctx: HandlerContext, id: string, incoming: Interview): boolean {
  try {
    return JSON.stringify(loadDocument(ctx, id).doc) === JSON.stringify(incoming);
  } catch {
    return false; // a damaged stored state is never "the same": the file's state is added
  }
}
