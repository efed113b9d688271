/**
 * "Save for review" and "Open": an interview travels between libraries as a `.interview` file
 * (exchange-file.ts). Files cross the API as base64, so browser mode can download and upload them.
 *
 * Opening never overwrites: an unknown interview is added under its own id (so that the copy
 * coming back later is recognised), with the history the file carries. A known one is merged:
 * the file names the version of ours it was made from (exchange-base.ts), and the returned version
 * is merged three ways with the work done here since (shared/merge/): our text stays, theirs
 * arrives as pending suggestions by the sender, and where both changed the same thing a conflict
 * is listed. The returned version goes into the history as it came (kind `received`), then the
 * merge on top (kind `merged`), so both stay. A file whose base we do not have is never merged
 * blindly: nothing changes, and the user may open it as a separate copy; a file whose interview
 * only has the id of one of ours, with no history in common, is another interview and comes in as
 * a copy. Nothing a file says about numbers is trusted: its revisions are numbered by this
 * library. Everything is checked before the library is touched (the file in a worker, see
 * foreign-db/), and the library's changes happen in one transaction.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_EXCHANGE_FILE_BYTES, type ExchangeOpened, type ExchangeSaved, type MergeNote } from '../../shared/api/contract';
import { reviewFileName } from '../../shared/exchange/review-file-name';
import { keepUnmerged, mergeReturned } from '../../shared/merge';
import { admitInterview } from '../../shared/model/admit';
import type { Interview } from '../../shared/model/schema';
import type { HandlerContext } from './context';
import { commitRevision, insertNewDocument, loadDocument, type RevisionKind } from './documents';
import { admittedStoredText, insertHistory, revisionTexts } from './document-store';
import { AppError } from './errors';
import { looksLikeDocx, openReturnedDocx } from './docx-return';
import { contentHash, findBase, outgoingBase } from './exchange-base';
import { readExchangeFile, writeExchangeFile, type ExchangeBundle, type ExchangeSender, type ReadOptions, type WriteOptions } from './exchange-file';
import { markCurrentRevision } from './history';
import { getProfile } from './profile';
import { recordingsForFile, storeCarriedRecordings, type RecordingsChoice } from './media/exchange-recordings';

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

/**
 * The bundle for one stored interview: its current state, every kept revision, its images and
 * comments, and its recordings as `recordings` chooses (media/exchange-recordings.ts).
 */
export function bundleOf(ctx: HandlerContext, id: string, recordings: RecordingsChoice = 'auto'): ExchangeBundle {
  const loaded = loadDocument(ctx, id);
  const profile = getProfile(ctx);
  const row = ctx.db.prepare('SELECT created_at, updated_at FROM document WHERE id = ?').get(id) as { created_at: string; updated_at: string };
  const texts = new Map([...revisionTexts(ctx.db, id)].map((r) => [r.revision, r.text]));
  const revisionRows = (
    ctx.db.prepare('SELECT revision, saved_at, kind, name, note FROM revision WHERE document_id = ? ORDER BY revision').all(id) as {
      revision: number;
      saved_at: string;
      kind: string;
      name: string;
      note: string;
    }[]
  ).map((r) => ({ ...r, body: texts.get(r.revision) ?? '' }));
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
    recordings: recordingsForFile(ctx, loaded.doc, recordings),
    basedOn: outgoingBase(ctx, id),
    sender: profile ? { id: profile.id, name: profile.name } : null,
  };
}

/**
 * Write the review file of a stored interview and return its bytes. The library changes only
 * after the file is complete: the current revision is then marked `sent` (so it is kept).
 */
export function saveForReview(ctx: HandlerContext, id: string, options: WriteOptions & { recordings?: RecordingsChoice } = {}): ExchangeSaved {
  const bundle = bundleOf(ctx, id, options.recordings);
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

export interface OpenOptions {
  /** A file that cannot be merged is added as a new interview (outcome `copied`) instead of refused. */
  asCopy?: boolean;
}

/**
 * Open a review file sent as base64 (the renderer's upload, or the desktop dialog's bytes). The
 * file is examined in a worker (exchange-file.ts, foreign-db/), so the library answers other
 * requests meanwhile; the library itself changes only afterwards, in one transaction.
 */
export async function openReviewFile(ctx: HandlerContext, name: string, base64: string, options: OpenOptions & ReadOptions = {}): Promise<ExchangeOpened> {
  const bytes = decodeFileData(name, base64);
  // A Word review copy coming back is merged the same way, from its own reading (docx-return.ts).
  if (looksLikeDocx(bytes)) return openReturnedDocx(ctx, name, bytes, options);
  const bundle = await readExchangeFile(bytes, name, { timeLimitMs: options.timeLimitMs });
  // Files first (they cannot be part of the transaction); the interview then lists them.
  await storeCarriedRecordings(ctx, bundle);
  return importBundle(ctx, bundle, name, options);
}

const REVISION_KINDS: ReadonlySet<string> = new Set<RevisionKind>(['auto', 'import', 'export', 'sent', 'received', 'restore', 'duplicate', 'mode', 'merged']);
/** The largest revision number a manifest may name as a base (exchange-file.ts reads at most 10 digits). */
const MAX_BASE_REVISION = 9_999_999_999;

/**
 * The sender's revision number, kept to name the base of the file we send back, when it is one a
 * library can have: a file's numbers are never trusted (−10 or 2^53 would make the returned file
 * unreadable, or collide with our own numbers).
 */
function senderRevision(revision: number): number | null {
  return Number.isSafeInteger(revision) && revision >= 1 && revision <= MAX_BASE_REVISION ? revision : null;
}

/**
 * Do our interview `id` and the file's share any history? The same content somewhere in both
 * histories, or a review file of it opened before. An id alone proves nothing: a file whose
 * interview merely has our interview's id is another interview.
 */
function sharesHistory(ctx: HandlerContext, id: string, bundle: ExchangeBundle): boolean {
  if (ctx.db.prepare('SELECT 1 FROM exchange_import WHERE document_id = ? LIMIT 1').get(id)) return true;
  const theirs = new Set([bundle.document.doc, ...bundle.revisions.map((r) => r.doc)].map(contentHash));
  for (const { text } of revisionTexts(ctx.db, id)) {
    // Hashed as exchange-base.ts hashes a version: of its admitted (normalised) form.
    const doc = admittedStoredText(text);
    if (doc && theirs.has(contentHash(doc))) return true;
  }
  return false;
}

/** Bring a checked bundle into the library (see the module comment). */
export function importBundle(ctx: HandlerContext, bundle: ExchangeBundle, fileName: string, options: OpenOptions = {}): ExchangeOpened {
  const incoming = bundle.document.doc;
  const id = incoming.id;
  const headline = incoming.meta.headline;
  const now = ctx.now().toISOString();
  const incomingHash = contentHash(incoming);

  // A file is recognised by its exchange id only when it is the same file: an id reused by a file
  // with other content is recorded under its id and content, so neither hides the other.
  const seenAs = (key: string) =>
    ctx.db.prepare('SELECT document_id, revision, opened_at, sender_sha256 FROM exchange_import WHERE exchange_id = ?').get(key) as
      | { document_id: string; revision: number; opened_at: string; sender_sha256: string | null }
      | undefined;
  const first = seenAs(bundle.exchangeId);
  const recordKey = !first || first.sender_sha256 === null || first.sender_sha256 === incomingHash ? bundle.exchangeId : `${bundle.exchangeId}#${incomingHash.slice(0, 16)}`;
  const seen = recordKey === bundle.exchangeId ? first : seenAs(recordKey);
  if (seen) return { outcome: 'already_opened', id: seen.document_id, headline, revision: seen.revision, previousRevision: null, openedAt: seen.opened_at };
  const theirRevision = senderRevision(bundle.document.revision);

  return ctx.db.transaction((): ExchangeOpened => {
    const existing = ctx.db.prepare('SELECT revision, deleted_at FROM document WHERE id = ?').get(id) as { revision: number; deleted_at: string | null } | undefined;
    const base = existing ? findBase(ctx, id, bundle.basedOn) : null;
    const same = existing ? sameContent(ctx, id, incoming) : false;
    // Our interview's id on another interview: it comes in as a copy, ours is never touched.
    const stranger = existing && !base && !same && !sharesHistory(ctx, id, bundle);
    if (existing && !base && !same && !stranger && !options.asCopy) {
      // Not ours to merge: nothing is changed, and the user may take it as a separate copy.
      return { outcome: 'not_merged', id, headline, revision: existing.revision, previousRevision: null, openedAt: now };
    }

    const insertAsset = ctx.db.prepare('INSERT OR IGNORE INTO asset (sha256, mime, byte_length, width, height, created_at, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const a of bundle.assets) insertAsset.run(a.sha256, a.mime, a.bytes.length, a.width, a.height, a.createdAt, a.bytes);
    // Which version of the sender's library this interview now holds (exchange-base.ts); none
    // when the file's number is not one a library can have.
    const remember = (documentId: string, revision: number) =>
      ctx.db
        .prepare('INSERT INTO exchange_import (exchange_id, document_id, revision, opened_at, file_name, sender_revision, sender_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(recordKey, documentId, revision, now, fileName, theirRevision, theirRevision === null ? null : incomingHash);
    const insertComments = (documentId: string) => {
      const insertComment = ctx.db.prepare('INSERT OR IGNORE INTO comment (document_id, id, created_at, data) VALUES (?, ?, ?, ?)');
      for (const c of bundle.comments) insertComment.run(documentId, c.id, c.createdAt, c.data);
    };

    let result: ExchangeOpened;
    if (!existing) {
      // The sender's history comes along, numbered by this library in the sender's order (a
      // file's numbers are never used: −10 or 2^53 would break our own), and the file's state
      // becomes the newest revision, above it.
      const top = bundle.revisions.length + 1;
      insertNewDocument(ctx, incoming, 'received', fileName, top);
      insertHistory(
        ctx.db,
        id,
        bundle.revisions.map((r, i) => ({ revision: i + 1, savedAt: r.savedAt, kind: REVISION_KINDS.has(r.kind) ? r.kind : 'received', name: r.name, note: r.note, text: JSON.stringify(r.doc) })),
      );
      result = { outcome: 'created', id, headline, revision: top, previousRevision: null, openedAt: now };
    } else if (same) {
      result = { outcome: 'same_as_current', id, headline, revision: existing.revision, previousRevision: null, openedAt: now };
    } else if (!base) {
      // Asked for as a copy, or another interview under our id: a new interview beside ours.
      const copy = insertNewDocument(ctx, { ...incoming, id: ctx.newId() }, 'received', fileName);
      insertComments(copy.doc.id);
      remember(copy.doc.id, copy.revision);
      return { outcome: 'copied', id: copy.doc.id, headline, revision: copy.revision, previousRevision: null, openedAt: now };
    } else {
      result = mergeInto(ctx, { id, current: existing.revision, base, incoming, fileName, sender: bundle.sender, now });
    }
    // Opening an interview is wanting it back: one in the trash comes out.
    if (existing?.deleted_at) ctx.db.prepare('UPDATE document SET deleted_at = NULL WHERE id = ?').run(id);
    insertComments(id);
    remember(id, result.revision);
    return result;
  })();
}

/**
 * Merge a returned version into our current one (inside importBundle's transaction). The file's
 * state is kept as it came (`received`), and the merge goes on top (`merged`), noting who sent it
 * and since when our work was merged with it (the base version's time).
 */
function mergeInto(
  ctx: HandlerContext,
  m: { id: string; current: number; base: { doc: Interview; savedAt: string }; incoming: Interview; fileName: string; sender: ExchangeSender | null; now: string },
): ExchangeOpened {
  const headline = m.incoming.meta.headline;
  if (contentHash(m.incoming) === contentHash(m.base.doc)) {
    return { outcome: 'unchanged', id: m.id, headline, revision: m.current, previousRevision: null, openedAt: m.now };
  }
  // A file from a library without a profile still has an author for its suggestions: the file.
  const author = m.sender ?? { id: 'review-file', name: m.fileName };
  const ours = loadDocument(ctx, m.id).doc;
  const merged = mergeReturned(m.base.doc, ours, m.incoming, { author, at: m.now });
  if (!merged.changed) return { outcome: 'unchanged', id: m.id, headline, revision: m.current, previousRevision: null, openedAt: m.now };
  const admitted = admitInterview(merged.doc);
  // (The merge's result is a valid document by construction; should it not be, ours is kept as it is.)
  const doc = admitted.ok ? admitted.doc : keepUnmerged(ours, { author, at: m.now }).doc;
  commitRevision(ctx, m.incoming, null, 'received', m.fileName);
  const note: MergeNote = { from: author.name, since: m.base.savedAt, file: m.fileName };
  const saved = commitRevision(ctx, doc, null, 'merged', JSON.stringify(note));
  return {
    outcome: 'merged',
    id: m.id,
    headline: doc.meta.headline,
    revision: saved.revision,
    previousRevision: m.current,
    openedAt: m.now,
    suggestions: admitted.ok ? merged.suggestions : 0,
    conflicts: admitted.ok ? merged.conflicts : 1,
  };
}

/** Does the stored document already hold exactly this content? (Both sides normalised.) */
function sameContent(ctx: HandlerContext, id: string, incoming: Interview): boolean {
  try {
    return JSON.stringify(loadDocument(ctx, id).doc) === JSON.stringify(incoming);
  } catch {
    return false; // a damaged stored state is never "the same": the file's state is added
  }
}
