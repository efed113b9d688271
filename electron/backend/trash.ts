/**
 * The trash: an interview put in the trash is hidden from the list and from search but kept whole
 * (revisions, participants, comments) until the user deletes it forever from the Trash view.
 * Duplicating makes an independent copy with a new id.
 */
import type { DocumentSummary, LoadedDocument } from '../../shared/api/contract';
import { normalizeInterview } from '../../shared/model/normalize';
import type { HandlerContext } from './context';
import { insertNewDocument, loadDocument, summariesWhere } from './documents';
import { forget } from './document-store';
import { AppError } from './errors';
import { sweepMediaSafely } from './media/sweep-media';

export type TrashedSummary = DocumentSummary & { deletedAt: string };

function deletedAtOf(ctx: HandlerContext, id: string): string | null {
  const row = ctx.db.prepare('SELECT deleted_at FROM document WHERE id = ?').get(id) as { deleted_at: string | null } | undefined;
  if (!row) throw new AppError('not_found', `No interview with id ${id}.`);
  return row.deleted_at;
}

export function moveToTrash(ctx: HandlerContext, id: string): { deletedAt: string } {
  const already = deletedAtOf(ctx, id);
  if (already) return { deletedAt: already };
  const deletedAt = ctx.now().toISOString();
  ctx.db.prepare('UPDATE document SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
  return { deletedAt };
}

export function restoreFromTrash(ctx: HandlerContext, id: string): void {
  deletedAtOf(ctx, id);
  ctx.db.prepare('UPDATE document SET deleted_at = NULL WHERE id = ?').run(id);
}

export function listTrash(ctx: HandlerContext): TrashedSummary[] {
  return summariesWhere(ctx, 'd.deleted_at IS NOT NULL') as TrashedSummary[];
}

/**
 * Delete an interview and its whole history for good. Only from the trash, so that a stray call
 * cannot destroy a live document; its images stay in the asset store (other interviews may use
 * them), and the library's backups still hold it.
 */
export function deleteForever(ctx: HandlerContext, id: string): void {
  if (deletedAtOf(ctx, id) === null) throw new AppError('invalid_input', 'Only an interview in the trash can be deleted forever; put it in the trash first.');
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM exchange_import WHERE document_id = ?').run(id);
    ctx.db.prepare('DELETE FROM document WHERE id = ?').run(id); // blocks, revisions and their snapshots, participants, comments cascade
  })();
  forget(ctx.db, id);
  // Its recordings go with it unless another interview, a kept backup or a fresh upload still needs them.
  if (ctx.library) sweepMediaSafely(ctx.db, ctx.library.dataDir, ctx.now());
}

/** A copy under a new id, at revision 1 (kind `duplicate`, noting the original); `headline` renames it. */
export function duplicateDocument(ctx: HandlerContext, id: string, headline?: string): LoadedDocument {
  const { doc } = loadDocument(ctx, id);
  const copy = normalizeInterview({ ...doc, id: ctx.newId(), meta: { ...doc.meta, headline: headline ?? doc.meta.headline } });
  return insertNewDocument(ctx, copy, 'duplicate', id);
}
