/**
 * `POST media`: a recording sent as the raw request body (shared/api/media-upload.ts), streamed
 * into the library's media folder (media/store-media.ts) and listed (`register`: the `media` table,
 * directly in the web host, through the backend process in the desktop). The answer is JSON, a
 * `Result<Recording>`, with an HTTP status that says the same.
 */
import type { Result } from '../../../shared/api/result';
import type { Recording } from '../../../shared/model/schema';
import { AppError } from '../errors';
import { storeMedia, type StoredMedia } from '../media/store-media';
import { SECURITY_HEADERS } from './security-headers';

export interface MediaUploadRequest {
  /** The X-File-Name header, percent-encoded UTF-8. */
  fileName: string | null | undefined;
  body: AsyncIterable<Uint8Array>;
}

export interface MediaUploadResponse {
  status: 200 | 400 | 500;
  headers: Record<string, string>;
  body: string;
}

function answer(status: MediaUploadResponse['status'], result: Result<Recording>): MediaUploadResponse {
  return { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }, body: JSON.stringify(result) };
}

function decodeName(header: string | null | undefined): string | null {
  if (header === null || header === undefined) return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return null;
  }
}

export async function mediaUpload(
  dataDir: string,
  request: MediaUploadRequest,
  register: (stored: StoredMedia, name: string) => Recording | Promise<Recording>,
  options: { maxBytes?: number } = {},
): Promise<MediaUploadResponse> {
  const name = decodeName(request.fileName);
  if (name === null) return answer(400, { ok: false, error: { code: 'invalid_input', message: 'The upload names no file (X-File-Name, percent-encoded).' } });
  try {
    const stored = await storeMedia(dataDir, request.body, options);
    return answer(200, { ok: true, value: await register(stored, name) });
  } catch (err) {
    if (err instanceof AppError) return answer(err.code === 'invalid_input' ? 400 : 500, { ok: false, error: { code: err.code, message: err.message } });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') return answer(500, { ok: false, error: { code: 'disk_full', message: 'The disk is full: the recording was not stored.' } });
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return answer(500, { ok: false, error: { code: 'read_only', message: 'The library folder cannot be written: the recording was not stored.' } });
    console.error(`[interview-desk] storing a recording failed: ${(err as Error).message}`);
    return answer(500, { ok: false, error: { code: 'internal', message: 'The recording could not be stored.' } });
  }
}
