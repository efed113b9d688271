/**
 * The messages between the desktop shell's main process and the backend process (entry.ts), which
 * holds the library. Small on purpose: the API calls go through unchanged (the backend process runs
 * the same `dispatch`, with the same zod validation, as the web host does in-process); the rest is
 * what the app:// protocol and the process's life need. Everything here is structured-cloneable
 * (Electron's utilityProcess and Node's advanced IPC serialisation both carry it).
 */
import type { Result } from '../../shared/api/result';
import type { Recording } from '../../shared/model/schema';
import type { MediaRow } from '../backend/media/media-table';
import type { StoredMedia } from '../backend/media/store-media';
import type { AssetResponse } from '../backend/serving/asset-response';

/** What main asks; each request carries an id its reply repeats. */
export type BackendRequest =
  /** Open the library in `dataDir` (sent once, first). Replied to with `ready` or `failed`, not `reply`. */
  | { kind: 'open'; dataDir: string }
  /** One API call: `window.api`'s channel and payload, as the renderer sent them. */
  | { kind: 'call'; id: number; channel: string; input: unknown }
  /** A stored image for app://bundle/asset/<sha-256>. */
  | { kind: 'asset'; id: number; path: string }
  /**
   * Recordings: main streams their bytes itself (electron/main/media-protocol.ts); it asks here
   * only what the `media` table says of one id, and lists a file it has just stored.
   */
  | { kind: 'mediaFind'; id: number; mediaId: string }
  | { kind: 'mediaRegister'; id: number; stored: StoredMedia; name: string }
  /** Quitting: stop the backups, close the database and release the folder's lock. */
  | { kind: 'close'; id: number };

/** What each request kind is answered with. */
export interface BackendAnswers {
  call: Result<unknown>;
  asset: AssetResponse;
  mediaFind: MediaRow | null;
  mediaRegister: Result<Recording>;
  close: null;
}

export type BackendMessage =
  /** The library is open: requests are served from now on. */
  | { kind: 'ready' }
  /** The library could not be opened (locked by another process, unreadable folder…): the app cannot run. */
  | { kind: 'failed'; message: string }
  | { kind: 'reply'; id: number; value: BackendAnswers[keyof BackendAnswers] };

const KINDS = new Set(['ready', 'failed', 'reply']);

/** Main's check of what the backend process sent (it is our own code, but a crash can cut a message short). */
export function isBackendMessage(value: unknown): value is BackendMessage {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !KINDS.has(kind)) return false;
  if (kind === 'reply') return typeof (value as { id?: unknown }).id === 'number';
  if (kind === 'failed') return typeof (value as { message?: unknown }).message === 'string';
  return true;
}
