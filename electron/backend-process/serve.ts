/**
 * The backend process's side of the protocol (protocol.ts): open the library once, then answer
 * each request with the code every host shares — `dispatch` for API calls (the same zod check of
 * the payload as the web host's), `assetResponse` for stored images. Requests that arrive while
 * the library opens wait for it, in the order they came.
 */
import type { Result } from '../../shared/api/result';
import { dispatch } from '../backend/dispatch';
import { openRecoverableSession } from '../backend/library-recovery';
import type { LibrarySession } from '../backend/library-session';
import { findMedia, registerMedia } from '../backend/media/media-table';
import { assetResponse, type AssetResponse } from '../backend/serving/asset-response';
import { SECURITY_HEADERS } from '../backend/serving/security-headers';
import type { BackendMessage, BackendRequest } from './protocol';

/** Electron's `process.parentPort` as this module uses it (Node's child_process IPC in the desktop harness). */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: BackendMessage): void;
}

const NOT_OPEN: Result<never> = { ok: false, error: { code: 'unavailable', message: 'The library is not open.' } };
const NO_ASSET: AssetResponse = { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Not found' };

export function serveBackend(port: ParentPortLike, openSession: (dataDir: string) => Promise<LibrarySession> = (dir) => openRecoverableSession(dir)): void {
  let session: Promise<LibrarySession | null> | null = null;
  let closed = false;
  const open = async (): Promise<LibrarySession | null> => (closed || !session ? null : session);

  // Calls being answered: closing waits for them, so no handler has the database closed under it.
  const answering = new Set<Promise<void>>();
  port.on('message', ({ data }) => {
    const request = data as BackendRequest;
    if (request.kind === 'close') return void close(request.id);
    const done = handle(request).finally(() => answering.delete(done));
    answering.add(done);
  });

  async function close(id: number): Promise<void> {
    const opening = open();
    closed = true; // calls that come after the close are refused; those before it are answered first
    await Promise.allSettled([...answering]);
    const library = await opening;
    try {
      library?.close();
    } finally {
      port.postMessage({ kind: 'reply', id, value: null });
    }
  }

  async function handle(request: Exclude<BackendRequest, { kind: 'close' }>): Promise<void> {
    switch (request.kind) {
      case 'open':
        session ??= openSession(request.dataDir).then(
          (opened) => {
            port.postMessage({ kind: 'ready' });
            return opened;
          },
          (err: unknown) => {
            port.postMessage({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
            return null;
          },
        );
        return;
      case 'call': {
        const library = await open();
        const value = library ? await dispatch(request.channel, request.input, library.ctx) : NOT_OPEN;
        port.postMessage({ kind: 'reply', id: request.id, value });
        return;
      }
      case 'asset': {
        const library = await open();
        port.postMessage({ kind: 'reply', id: request.id, value: library ? cloneable(assetOf(library, request.path)) : NO_ASSET });
        return;
      }
      case 'mediaFind': {
        const library = await open();
        port.postMessage({ kind: 'reply', id: request.id, value: library && !library.ctx.library?.damage ? findMedia(library.ctx.db, request.mediaId) : null });
        return;
      }
      case 'mediaRegister': {
        const library = await open();
        let value: Result<unknown> = NOT_OPEN;
        if (library) {
          try {
            value = { ok: true, value: registerMedia(library.ctx.db, request.stored, request.name, library.ctx.now()) };
          } catch (err) {
            console.error('[interview-desk] media', err);
            value = { ok: false, error: { code: 'internal', message: 'The recording was stored but could not be listed in the library.' } };
          }
        }
        port.postMessage({ kind: 'reply', id: request.id, value });
        return;
      }
    }
  }
}

function assetOf(library: LibrarySession, path: string): AssetResponse {
  try {
    return assetResponse(library.ctx, path);
  } catch (err) {
    // A damaged library has no readable images; the page shows a missing image, not an error page.
    console.error('[interview-desk] asset', err);
    return NO_ASSET;
  }
}

/**
 * A Buffer may be a view on a larger shared pool, and structured clone copies the whole pool:
 * send exactly the image's bytes.
 */
function cloneable(response: AssetResponse): AssetResponse {
  return typeof response.body === 'string' ? response : { ...response, body: Buffer.from(new Uint8Array(response.body).buffer) };
}
