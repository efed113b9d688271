/**
 * Opening an interview starts loading it before React mounts, to shorten the time until a long
 * interview can be typed in: the entry script (main.tsx, through prefetch-start.ts) asks
 * for the document named in the address at once, in parallel with the translations, the library
 * health check and the profile, instead of after them. The first DocumentScreen for that id takes
 * the answer; a prefetch not taken within PREFETCH_TTL_MS (another screen came first, e.g. the
 * recovery screen) is dropped, so a later opening always reads the library afresh.
 */
import type { LoadedDocument } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { api } from '../api';

const PREFETCH_TTL_MS = 10_000;

let pending: { id: string; at: number; result: Promise<Result<LoadedDocument>> } | null = null;

export function prefetchDocument(id: string): void {
  pending = { id, at: Date.now(), result: api.document.load({ id }) };
}

/** The document `id`: the prefetched answer when there is a fresh one, else a new request. */
export function loadDocumentOnce(id: string): Promise<Result<LoadedDocument>> {
  const taken = pending;
  pending = null;
  if (taken && taken.id === id && Date.now() - taken.at <= PREFETCH_TTL_MS) return taken.result;
  return api.document.load({ id });
}
