/**
 * Storing a recording: the bytes are streamed into a temporary file beside their final place while
 * they are hashed, flushed to disk, and renamed to their sha-256. A two-hour recording is hundreds
 * of megabytes, so it is never held in memory; only its first bytes are kept, to recognise the
 * format (sniff-media.ts) and read a WAV's length. A file that is not a recording is refused after
 * its first bytes, and nothing of it stays on disk.
 *
 * Storing the same recording twice, even at once, keeps one file: both write their own temporary
 * file and the second rename replaces identical bytes (or finds the file there and drops its copy).
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MAX_MEDIA_MS } from '../../../shared/model/schema';
import { AppError } from '../errors';
import { mediaFilePath, mediaRoot } from './media-paths';
import { ACCEPTED_MEDIA, SNIFF_BYTES, sniffMedia } from './sniff-media';
import { wavDurationMs } from './wav-duration';

/** 4 GiB: longer than any interview recording at a sensible bit rate, and a bound on the disk one upload can fill. */
export const MAX_MEDIA_BYTES = 4 * 1024 ** 3;

/** How much of the start is kept for the WAV header (chunks before `data` are small). */
const HEAD_KEPT = 4096;

export interface StoredMedia {
  id: string;
  mime: string;
  bytes: number;
  durationMs?: number;
}

const gib = (n: number) => (n / 1024 ** 3).toFixed(n % 1024 ** 3 === 0 ? 0 : 1);

/**
 * Stream `source` into the library's media folder. Throws `invalid_input` (nothing stored) for a file
 * that is empty, not a recording, or larger than `maxBytes`.
 */
export async function storeMedia(dataDir: string, source: AsyncIterable<Uint8Array>, options: { maxBytes?: number } = {}): Promise<StoredMedia> {
  const maxBytes = options.maxBytes ?? MAX_MEDIA_BYTES;
  const root = mediaRoot(dataDir);
  mkdirSync(root, { recursive: true });
  // The temporary file is in the media folder, on the same file system as its final place, so the
  // rename is atomic; its name cannot be taken for a stored recording (not 64 hex).
  const temp = join(root, `.incoming-${process.pid}-${randomBytes(8).toString('hex')}`);
  const fd = openSync(temp, 'wx');
  let closed = false;
  try {
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headBytes = 0;
    let bytes = 0;
    let checked = false;
    const check = () => {
      checked = true;
      if (!sniffMedia(Buffer.concat(head))) throw new AppError('invalid_input', `The file is not a recording this app can play (${ACCEPTED_MEDIA}).`);
    };
    for await (const chunk of source) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw new AppError('invalid_input', `The recording is larger than ${gib(maxBytes)} GiB, the most one file can be.`);
      if (headBytes < HEAD_KEPT) {
        const part = Buffer.from(chunk.subarray(0, HEAD_KEPT - headBytes));
        head.push(part);
        headBytes += part.length;
      }
      if (!checked && headBytes >= SNIFF_BYTES) check();
      hash.update(chunk);
      for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at, chunk.length - at);
    }
    if (bytes === 0) throw new AppError('invalid_input', 'The file is empty.');
    if (!checked) check();
    fsyncSync(fd);
    closeSync(fd);
    closed = true;

    const id = hash.digest('hex');
    const start = Buffer.concat(head);
    const sniffed = sniffMedia(start)!;
    const final = mediaFilePath(dataDir, id)!;
    mkdirSync(dirname(final), { recursive: true });
    if (existsSync(final)) rmSync(temp, { force: true });
    else renameSync(temp, final);
    syncDir(dirname(final));
    const duration = sniffed.mime === 'audio/wav' ? wavDurationMs(start, bytes) : undefined;
    return { id, mime: sniffed.mime, bytes, ...(duration !== undefined && duration <= MAX_MEDIA_MS ? { durationMs: duration } : {}) };
  } catch (err) {
    if (!closed) closeSync(fd);
    rmSync(temp, { force: true });
    throw err;
  }
}

/** The rename is only durable once the folder is flushed too (where the platform can: not on Windows). */
function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
