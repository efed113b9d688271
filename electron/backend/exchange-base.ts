/**
 * Which version a returned review file was made from (its base), so that opening it merges three
 * ways (shared/merge/) instead of putting the file's state on top of our work.
 *
 * The chain: our library saves an interview for review; the other library opens the file and
 * remembers which of our revisions it held (exchange_import.sender_revision, with a hash of its
 * content); when it saves the interview back, the file names that revision as `basedOn`
 * (exchange-file.ts). Opening that file here, the base is our revision `basedOn.revision`, if we
 * still have it and its content hashes to `basedOn.sha256` (the hash makes sure the number means
 * our revision, not one of another library's). The revision we sent is kept by the retention
 * policy: saving for review marks it `sent`.
 */
import { createHash } from 'node:crypto';
import { admitInterview } from '../../shared/model/admit';
import type { Interview } from '../../shared/model/schema';
import type { HandlerContext } from './context';
import { readRevisionText } from './document-store';
import type { ExchangeBase } from './exchange-file';

/** The hash that identifies a version's content across libraries: of its normalised JSON. */
export function contentHash(doc: Interview): string {
  return createHash('sha256').update(JSON.stringify(doc)).digest('hex');
}

/**
 * What a file saved from this library now names as its base: the version of the other library
 * that our copy last took in (the newest review file of this interview we opened), or null when
 * our copy never came from another library.
 */
export function outgoingBase(ctx: HandlerContext, id: string): ExchangeBase | null {
  const row = ctx.db
    .prepare('SELECT sender_revision, sender_sha256 FROM exchange_import WHERE document_id = ? AND sender_sha256 IS NOT NULL ORDER BY opened_at DESC, rowid DESC LIMIT 1')
    .get(id) as { sender_revision: number; sender_sha256: string } | undefined;
  return row ? { revision: row.sender_revision, sha256: row.sender_sha256 } : null;
}

/** Our revision a file names as its base, when we have it and it is what the file says it is. */
export function findBase(ctx: HandlerContext, id: string, basedOn: ExchangeBase | null): { doc: Interview; savedAt: string } | null {
  if (!basedOn) return null;
  const row = ctx.db.prepare('SELECT saved_at FROM revision WHERE document_id = ? AND revision = ?').get(id, basedOn.revision) as { saved_at: string } | undefined;
  const text = row ? readRevisionText(ctx.db, id, basedOn.revision) : undefined;
  if (!row || text === undefined) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const checked = admitInterview(raw);
  if (!checked.ok || contentHash(checked.doc) !== basedOn.sha256) return null;
  return { doc: checked.doc, savedAt: row.saved_at };
}
