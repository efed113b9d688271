/**
 * The search index, brought up to date before a search (migration v5). An autosave of changed
 * blocks (document-changes.ts) stores the body and marks the interview in `search_pending`
 * instead of re-indexing it: folding its text and FTS5 deleting and inserting every token of it
 * was ~16 ms of a ~40 ms save at 2,000 paragraphs, paid again on every autosave while typing.
 * Here each marked interview's search text is computed from its stored body, as a whole-document
 * save computes it (search-text.ts), and written, which updates the index through its trigger.
 * The mark is written in the save's own transaction, so after a crash the next search still
 * finds the interview behind and catches up.
 */
import { currentDocument } from './document-changes';
import type { HandlerContext } from './context';
import { foldedSearchText } from './search-text';

export function refreshSearchIndex(ctx: HandlerContext): void {
  const pending = ctx.db.prepare('SELECT document_id FROM search_pending').pluck().all() as string[];
  if (pending.length === 0) return;
  const write = ctx.db.prepare('UPDATE document SET search_text = ? WHERE id = ?');
  const done = ctx.db.prepare('DELETE FROM search_pending WHERE document_id = ?');
  ctx.db.transaction(() => {
    for (const id of pending) {
      let search: string | null = null;
      try {
        search = foldedSearchText(currentDocument(ctx, id).doc);
      } catch {
        // A row that cannot be read keeps the search text it had; opening it reports the damage.
      }
      if (search !== null) write.run(search, id);
      done.run(id);
    }
  })();
}
