/**
 * The `media` table: which recordings the library holds (migration v9). A row is written only
 * after its file is in place (store-media.ts), so a listed recording always has its bytes; the
 * reverse (a file with no row) is an interrupted store, cleared by the sweep.
 */
import type { Database } from 'better-sqlite3';
import type { Recording } from '../../../shared/model/schema';
import { LIMITS } from '../../../shared/model/schema';
import { cleanLine } from '../../../shared/text/normalize-text';
import type { StoredMedia } from './store-media';
import { MEDIA_ID } from './media-paths';

export interface MediaRow {
  id: string;
  bytes: number;
  mime: string;
  name: string;
  durationMs?: number;
  createdAt: string;
}

interface Stored {
  sha256: string;
  byte_length: number;
  mime: string;
  name: string;
  duration_ms: number | null;
  created_at: string;
}

const rowOf = (r: Stored): MediaRow => ({
  id: r.sha256,
  bytes: r.byte_length,
  mime: r.mime,
  name: r.name,
  ...(r.duration_ms === null ? {} : { durationMs: r.duration_ms }),
  createdAt: r.created_at,
});

/**
 * A file name as the document keeps it: the last part of a path only (a browser or the CLI may send
 * a whole one), NFC, no control characters, within the schema's limit, never empty.
 */
export function recordingName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = cleanLine(cleanLine(base).trim().slice(0, LIMITS.shortField)).trim();
  return clean === '' ? 'recording' : clean;
}

/**
 * List a stored file. Storing the same recording again keeps the first row (and its name) but
 * marks it as just stored, so the sweep's grace period starts again for the new attachment.
 */
export function registerMedia(db: Database, stored: StoredMedia, name: string, now: Date): Recording {
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO media (sha256, byte_length, mime, name, duration_ms, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(sha256) DO UPDATE SET created_at = excluded.created_at`,
  ).run(stored.id, stored.bytes, stored.mime, recordingName(name), stored.durationMs ?? null, at);
  return {
    id: stored.id,
    name: recordingName(name),
    mime: stored.mime,
    bytes: stored.bytes,
    ...(stored.durationMs === undefined ? {} : { durationMs: stored.durationMs }),
  };
}

export function findMedia(db: Database, id: string): MediaRow | null {
  if (!MEDIA_ID.test(id)) return null;
  const row = db.prepare('SELECT * FROM media WHERE sha256 = ?').get(id) as Stored | undefined;
  return row ? rowOf(row) : null;
}

export function listMedia(db: Database): MediaRow[] {
  return (db.prepare('SELECT * FROM media ORDER BY created_at, sha256').all() as Stored[]).map(rowOf);
}

export function forgetMedia(db: Database, id: string): void {
  db.prepare('DELETE FROM media WHERE sha256 = ?').run(id);
}
