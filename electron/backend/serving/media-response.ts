/**
 * Recordings over HTTP (web host) and app:// (desktop): `GET media/<sha-256>`, with byte ranges.
 * The answer names the file span to send rather than holding bytes, so each host streams it
 * (`fs.createReadStream({ start, end })`) and a seek near the end of a two-hour recording reads
 * only what it asks for. The file is found from the `media` table by a checked id; the request's
 * path is never used as a path.
 */
import { statSync } from 'node:fs';
import { mediaFilePath } from '../media/media-paths';
import type { MediaRow } from '../media/media-table';
import { parseRange, type ByteSpan } from './byte-range';
import { SECURITY_HEADERS } from './security-headers';

const MEDIA_PREFIX = '/media/';

export interface MediaResponse {
  status: 200 | 206 | 404 | 416;
  headers: Record<string, string>;
  /** The span of `file` to send (empty for HEAD, 404 and 416). */
  file: { path: string; span: ByteSpan } | null;
  /** A short text body for the answers without a file. */
  text: string;
}

/** True for paths under /media/, which this module answers (with a 404 when nothing matches). */
export function isMediaPath(urlPath: string): boolean {
  return urlPath.startsWith(MEDIA_PREFIX);
}

/** The recording id a `media/…` path names, unchecked (lookups check it). */
export function mediaIdOf(urlPath: string): string {
  return urlPath.slice(MEDIA_PREFIX.length);
}

const TEXT = 'text/plain; charset=utf-8';
const notFound = (): MediaResponse => ({ status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': TEXT }, file: null, text: 'Not found' });

/**
 * The answer to a GET or HEAD of `urlPath` with the request's Range header. `lookup` is the
 * `media` table (directly in the web host, through the backend process in the desktop).
 */
export function mediaResponse(dataDir: string, lookup: MediaRow | null, range: string | null | undefined): MediaResponse {
  const path = lookup ? mediaFilePath(dataDir, lookup.id) : null;
  if (!lookup || !path) return notFound();
  let total: number;
  try {
    total = statSync(path).size;
  } catch {
    return notFound(); // listed but gone: verify reports it; the player says the recording is missing
  }
  const common = {
    ...SECURITY_HEADERS, // includes nosniff: the stored type is the only type
    'Accept-Ranges': 'bytes',
    // The URL names the content, so it never changes.
    'Cache-Control': 'private, max-age=31536000, immutable',
  };
  const asked = parseRange(range, total);
  if (asked.kind === 'unsatisfiable') {
    return { status: 416, headers: { ...common, 'Content-Type': TEXT, 'Content-Range': `bytes */${total}` }, file: null, text: 'Range not satisfiable' };
  }
  const headers = { ...common, 'Content-Type': lookup.mime };
  if (asked.kind === 'whole') {
    return { status: 200, headers: { ...headers, 'Content-Length': String(total) }, file: total === 0 ? null : { path, span: { start: 0, end: total - 1 } }, text: '' };
  }
  const { start, end } = asked.span;
  return {
    status: 206,
    headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${total}`, 'Content-Length': String(end - start + 1) },
    file: { path, span: asked.span },
    text: '',
  };
}
