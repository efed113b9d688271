/**
 * Recordings in review files (`.interview`, exchange-file.ts format 2). A review file crosses the
 * API as base64 and is capped (MAX_EXCHANGE_FILE_BYTES), so recordings travel in it only while they
 * fit: by default (`auto`) they are included when together they are at most
 * MAX_INCLUDED_RECORDING_BYTES, and left out otherwise; `include` insists (and fails with the reason
 * when they do not fit), `omit` leaves them out. A recording left out stays listed in
 * `doc.recordings`: the receiver sees "recording not included" and attaches their own copy, which
 * is recognised by its hash (shared/api/media-upload.ts).
 *
 * On opening, each carried recording is stored as an upload is (hash checked again by the store).
 */
import { readFileSync, statSync } from 'node:fs';
import { MAX_EXCHANGE_FILE_BYTES } from '../../../shared/api/contract';
import type { Interview } from '../../../shared/model/schema';
import type { HandlerContext } from '../context';
import { AppError } from '../errors';
import type { ExchangeBundle, ExchangeRecording } from '../exchange-file';
import { mediaFilePath } from './media-paths';
import { findMedia, registerMedia } from './media-table';
import { storeMedia } from './store-media';

export type RecordingsChoice = 'auto' | 'include' | 'omit';

/** Two thirds of a review file's limit, leaving the rest for the text, history and photos. */
export const MAX_INCLUDED_RECORDING_BYTES = Math.floor((MAX_EXCHANGE_FILE_BYTES * 2) / 3);

const megabytes = (n: number) => (n / 1048576).toFixed(1);

/** The recordings of `doc` this library holds, read for the file as `choice` says. */
export function recordingsForFile(ctx: HandlerContext, doc: Interview, choice: RecordingsChoice = 'auto'): ExchangeRecording[] {
  const dataDir = ctx.library?.dataDir;
  if (choice === 'omit' || !dataDir || !doc.recordings) return [];
  const held = doc.recordings.flatMap((r) => {
    const row = findMedia(ctx.db, r.id);
    const path = mediaFilePath(dataDir, r.id);
    if (!row || !path) return [];
    try {
      return [{ recording: r, row, path, bytes: statSync(path).size }];
    } catch {
      return []; // listed but its file is gone: verify reports it; the file says "not included"
    }
  });
  const total = held.reduce((sum, h) => sum + h.bytes, 0);
  if (total > MAX_INCLUDED_RECORDING_BYTES) {
    if (choice === 'include') {
      throw new AppError(
        'write_failed',
        `The recordings are ${megabytes(total)} MB together; a review file can carry at most ${megabytes(MAX_INCLUDED_RECORDING_BYTES)} MB of them. Save it without recordings: the receiver can attach their own copy.`,
      );
    }
    return [];
  }
  return held.map(({ recording, row, path }) => ({ id: recording.id, mime: row.mime, name: recording.name, durationMs: recording.durationMs ?? null, bytes: readFileSync(path) }));
}

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

/**
 * Store the recordings a file carries, before its interview is imported. Stored recordings no
 * interview ends up listing (a file that was not merged) are removed by the sweep in due course.
 */
export async function storeCarriedRecordings(ctx: HandlerContext, bundle: ExchangeBundle): Promise<void> {
  const dataDir = ctx.library?.dataDir;
  if (!dataDir) return;
  for (const carried of bundle.recordings ?? []) {
    const stored = await storeMedia(dataDir, once(carried.bytes));
    // exchange-file.ts checked the hash already; a store that disagrees is a fault, never linked.
    if (stored.id !== carried.id) throw new AppError('invalid_file', 'A recording in the review file does not match its checksum. Nothing was changed.');
    registerMedia(ctx.db, stored, carried.name, ctx.now());
  }
}
