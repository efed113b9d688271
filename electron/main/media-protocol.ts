/**
 * Recordings on app://bundle/media: main answers them itself instead of routing them to the
 * backend process like images. A recording is hundreds of megabytes, and every seek asks for a
 * new byte range; carrying those bytes through the backend process's message port would copy each
 * of them twice through structured clone. So main streams the file (a span of it) straight from the
 * media folder, and asks the backend process only the small things the database knows: what the
 * `media` table says of an id (the type it was stored with, whether it exists at all) and, after an
 * upload main has written, to list the new file. The decisions themselves (ranges, refusals, the
 * store) are the backend's serving helpers, the same ones the web host uses.
 *
 * This module imports nothing from Electron (only the web-standard Request/Response Electron's
 * `protocol.handle` uses), so it is tested under Node.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { MEDIA_FILE_NAME_HEADER } from '../../shared/api/media-upload';
import type { Result } from '../../shared/api/result';
import type { Recording } from '../../shared/model/schema';
import type { MediaRow } from '../backend/media/media-table';
import type { StoredMedia } from '../backend/media/store-media';
import { isMediaPath, mediaIdOf, mediaResponse } from '../backend/serving/media-response';
import { mediaUpload } from '../backend/serving/media-upload';
import { SECURITY_HEADERS } from '../backend/serving/security-headers';

/** What main asks the backend process about recordings (BackendProcess implements it). */
export interface MediaLibraryPort {
  findMedia(mediaId: string): Promise<MediaRow | null>;
  registerMedia(stored: StoredMedia, name: string): Promise<Result<Recording>>;
}

/** True for the paths this module answers: `media` (upload) and `media/<id>`. */
export function isMediaRequestPath(urlPath: string): boolean {
  return urlPath === '/media' || isMediaPath(urlPath);
}

export async function answerMediaRequest(request: Request, dataDir: string, library: MediaLibraryPort): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (path === '/media') {
    if (request.method !== 'POST') return text(405, 'Method not allowed', { Allow: 'POST' });
    const answer = await mediaUpload(dataDir, { fileName: request.headers.get(MEDIA_FILE_NAME_HEADER), body: chunksOf(request.body) }, async (stored, name) => {
      const listed = await library.registerMedia(stored, name);
      if (!listed.ok) throw new Error(listed.error.message);
      return listed.value;
    });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed', { Allow: 'GET, HEAD' });
  const id = mediaIdOf(path);
  const media = mediaResponse(dataDir, await library.findMedia(id), request.headers.get('Range'));
  if (request.method === 'HEAD' || !media.file) return new Response(media.file ? null : media.text, { status: media.status, headers: media.headers });
  const stream = createReadStream(media.file.path, { start: media.file.span.start, end: media.file.span.end });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status: media.status, headers: media.headers });
}

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers } });
}

/** A request body as chunks; an absent body is an empty file (refused as such). */
async function* chunksOf(body: ReadableStream<Uint8Array> | null): AsyncIterable<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stopped early (not a recording, too large): the rest of the upload is not wanted.
    void reader.cancel().catch(() => undefined);
  }
}
