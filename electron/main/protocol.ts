import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { isAssetPath, type AssetResponse } from '../backend/serving/asset-response';
import { answerMediaRequest, isMediaRequestPath, type MediaLibraryPort } from './media-protocol';
import { SECURITY_HEADERS } from '../backend/serving/security-headers';
import { contentTypeFor, resolveStaticPath } from '../backend/serving/static-files';
import { APP_HOST, APP_SCHEME } from './policy';

/**
 * Must run before `app.ready`: app:// behaves like https (secure context, fetch, storage), and its
 * responses may be streams (`stream`), which <audio> and <video> need to play recordings from it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
}

/**
 * Serve the built renderer from `rendererDir` over app://bundle/, with the app's CSP, the
 * library's stored images at app://bundle/asset/<sha-256>, which `asset` asks the backend process
 * for, and its recordings at app://bundle/media/<sha-256> (streamed by main: media-protocol.ts).
 */
export function handleAppProtocol(rendererDir: string, asset: (path: string) => Promise<AssetResponse>, media: { dataDir: string; library: MediaLibraryPort }): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host === APP_HOST && isMediaRequestPath(url.pathname)) return answerMediaRequest(request, media.dataDir, media.library);
    if (url.host === APP_HOST && isAssetPath(url.pathname)) {
      const stored = await asset(url.pathname);
      return new Response(request.method === 'HEAD' ? null : stored.body, { status: stored.status, headers: stored.headers });
    }
    const file = url.host === APP_HOST ? resolveStaticPath(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    try {
      const bytes = await readFile(file);
      return new Response(bytes, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) } });
    } catch {
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    }
  });
}
