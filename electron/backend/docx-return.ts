/**
 * A Word document brought back through "Open": a review copy exported from this library (its
 * custom properties name the interview and the revision it was made from, docs/wordprocessingml.md)
 * is merged into that interview the way a returned `.interview` file is (exchange.ts): the version
 * sent is the base, the Word users' tracked changes, untracked edits and comments arrive as pending
 * suggestions and threads (shared/import/docx/returned-docx.ts), the file's text as Word shows it
 * is kept in the history (`received`) and the merge goes on top (`merged`). Nothing is accepted.
 *
 * A base is the revision the file names when its accepted text still hashes as the file says, else
 * the newest kept revision whose accepted text does; without one nothing changes (`not_merged`), and
 * the file can be taken as a new interview instead (`asCopy`). A file this library did not write is
 * refused with the reason, so the user imports it (Import reads any Word document).
 */
import { createHash } from 'node:crypto';
import type { ExchangeOpened, MergeNote } from '../../shared/api/contract';
import { acceptedText, DOCX_PROPERTY } from '../../shared/export/docx';
import { sha256Hex } from '../../shared/export/docx/sha256';
import { docxInterview } from '../../shared/import/docx/docx-interview';
import { DocxError } from '../../shared/import/docx/docx-error';
import { docxView } from '../../shared/import/docx/docx-views';
import { docxImages, importDocx } from '../../shared/import/docx/import-docx';
import { readDocx, type DocxReading } from '../../shared/import/docx/read-docx';
import { mergeReturnedDocx } from '../../shared/import/docx/returned-docx';
import { keepUnmerged } from '../../shared/merge';
import { admitInterview } from '../../shared/model/admit';
import type { Interview } from '../../shared/model/schema';
import { putImageAsset } from './assets';
import type { HandlerContext } from './context';
import { commitRevision, insertNewDocument, loadDocument } from './documents';
import { admittedStoredText, readRevisionText } from './document-store';
import { AppError } from './errors';

/** A zip's first bytes: what tells a Word document from a review file. */
export const looksLikeDocx = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function read(name: string, bytes: Uint8Array): DocxReading {
  try {
    return readDocx(bytes);
  } catch (e) {
    if (e instanceof DocxError) throw new AppError('invalid_file', `“${name}” cannot be read as a Word document: ${e.message} Nothing was changed.`);
    throw e;
  }
}

/** The revision the file was made from: the one it names if its text is still that, else the newest whose text is. */
function findSentVersion(ctx: HandlerContext, id: string, version: number, hash: string | undefined): { doc: Interview; savedAt: string } | null {
  const rows = ctx.db.prepare('SELECT revision, saved_at FROM revision WHERE document_id = ? ORDER BY revision = ? DESC, revision DESC').all(id, version) as { revision: number; saved_at: string }[];
  for (const row of rows) {
    // Without a hash only the named revision can be trusted to be the one sent.
    if (hash === undefined && row.revision !== version) break;
    const text = readRevisionText(ctx.db, id, row.revision);
    const doc = text === undefined ? null : admittedStoredText(text);
    if (!doc) continue;
    if (hash === undefined || sha256Hex(acceptedText(doc)) === hash) return { doc, savedAt: row.saved_at };
  }
  return null;
}

/** Store the pictures a document names that the library does not hold yet. */
function storePictures(ctx: HandlerContext, doc: Interview, images: ReadonlyMap<string, Uint8Array>): void {
  const json = JSON.stringify(doc);
  const has = ctx.db.prepare('SELECT 1 FROM asset WHERE sha256 = ?');
  for (const [id, bytes] of images) {
    if (!json.includes(id) || has.get(id)) continue;
    try {
      putImageAsset(ctx, Buffer.from(bytes).toString('base64'));
    } catch {
      // An image the library refuses (a Windows metafile) leaves the photo without its picture, its words kept.
    }
  }
}

export function openReturnedDocx(ctx: HandlerContext, fileName: string, bytes: Uint8Array, options: { asCopy?: boolean } = {}): ExchangeOpened {
  const reading = read(fileName, bytes);
  const id = reading.properties.get(DOCX_PROPERTY.id);
  const version = Number(reading.properties.get(DOCX_PROPERTY.version));
  const now = ctx.now().toISOString();
  const { assetOf, images } = docxImages(reading);
  if (options.asCopy) {
    const imported = importDocx(bytes, { id: ctx.newId() });
    const admitted = admitInterview(imported.result.doc);
    if (!admitted.ok) throw new AppError('invalid_file', `“${fileName}” cannot be made into an interview. Nothing was changed.`);
    storePictures(ctx, admitted.doc, imported.images);
    const copy = insertNewDocument(ctx, admitted.doc, 'import', fileName);
    return { outcome: 'copied', id: copy.doc.id, headline: copy.doc.meta.headline, revision: copy.revision, previousRevision: null, openedAt: now };
  }
  if (id === undefined || !/^[A-Za-z0-9_-]{1,64}$/.test(id) || !Number.isSafeInteger(version)) {
    throw new AppError('invalid_file', `“${fileName}” was not exported from Interview Desk, so there is no interview to merge it into. Use Import to bring it in as a new interview.`);
  }
  const key = `docx:${createHash('sha256').update(bytes).digest('hex')}`;
  const seen = ctx.db.prepare('SELECT document_id, revision, opened_at FROM exchange_import WHERE exchange_id = ?').get(key) as { document_id: string; revision: number; opened_at: string } | undefined;
  const headline = reading.paragraphs.find((p) => p.style === 'Headline')?.runs.map((r) => r.text).join('') ?? '';
  if (seen) return { outcome: 'already_opened', id: seen.document_id, headline, revision: seen.revision, previousRevision: null, openedAt: seen.opened_at };

  return ctx.db.transaction((): ExchangeOpened => {
    const existing = ctx.db.prepare('SELECT revision FROM document WHERE id = ?').get(id) as { revision: number } | undefined;
    const base = existing ? findSentVersion(ctx, id, version, reading.properties.get(DOCX_PROPERTY.acceptedSha256)) : null;
    if (!existing || !base) return { outcome: 'not_merged', id, headline, revision: existing?.revision ?? 1, previousRevision: null, openedAt: now };
    const ours = loadDocument(ctx, id).doc;
    const merged = mergeReturnedDocx(base.doc, ours, reading, { at: now, fileName, assetOf });
    if (!merged.changed) return { outcome: 'unchanged', id, headline: ours.meta.headline, revision: existing.revision, previousRevision: null, openedAt: now };
    const admitted = admitInterview(merged.doc);
    const author = { id: 'word-file', name: merged.authors.join(', ') || fileName };
    // (The merge's result is valid by construction; should it not be, ours is kept as it is, with the file's text in the history.)
    const doc = admitted.ok ? admitted.doc : keepUnmerged(ours, { author, at: now }).doc;
    const received = admitInterview(docxInterview(docxView(reading.paragraphs, () => true), { template: { ...base.doc, id }, assetOf }));
    storePictures(ctx, doc, images);
    if (received.ok) commitRevision(ctx, received.doc, null, 'received', fileName);
    const note: MergeNote = { from: author.name, since: base.savedAt, file: fileName };
    const saved = commitRevision(ctx, doc, null, 'merged', JSON.stringify(note));
    ctx.db
      .prepare('INSERT INTO exchange_import (exchange_id, document_id, revision, opened_at, file_name, sender_revision, sender_sha256) VALUES (?, ?, ?, ?, ?, NULL, NULL)')
      .run(key, id, saved.revision, now, fileName);
    return {
      outcome: 'merged',
      id,
      headline: doc.meta.headline,
      revision: saved.revision,
      previousRevision: existing.revision,
      openedAt: now,
      suggestions: admitted.ok ? merged.suggestions : 0,
      conflicts: admitted.ok ? merged.conflicts : 1,
    };
  })();
}
