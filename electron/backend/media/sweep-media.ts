/**
 * Removing recordings nothing uses any more. A recording stays while any interview lists it in
 * `recordings` — its current state, any kept revision in its history, and trashed interviews alike
 * (trash keeps rows in `document`) — or while a kept backup of the library lists it (backup-media.ts),
 * so restoring a backup finds its recordings. A file stored within the grace period is kept too: it
 * has been uploaded and the editor is about to save the document that lists it.
 *
 * It runs when the library opens and after an interview is deleted for ever; pruned revisions free
 * their recordings at the next run (media-references.ts says what counts as a use).
 */
import type { Database } from 'better-sqlite3';
import { existsSync, readdirSync, rmSync, statSync as statOf } from 'node:fs';
import { join } from 'node:path';
import { listBackupMediaIds } from './backup-media';
import { isMediaReferenced, referencedMediaIds } from './media-references';
import { forgetMedia, listMedia } from './media-table';
import { MEDIA_ID, mediaFilePath, mediaRoot } from './media-paths';

/** One day: ample time between uploading a recording and the save that lists it. */
export const MEDIA_GRACE_MS = 24 * 3_600_000;

export interface SweepResult {
  /** Recordings whose files were removed. */
  removed: string[];
  /** Files left by a store that never finished (temporary files, files no row lists). */
  strays: number;
}

export function sweepMedia(db: Database, dataDir: string, now: Date, graceMs = MEDIA_GRACE_MS): SweepResult {
  const inBackups = listBackupMediaIds(dataDir);
  const removed: string[] = [];
  const listed = new Set<string>();
  const rows = listMedia(db);
  const candidates = rows.filter((row) => now.getTime() - Date.parse(row.createdAt) >= graceMs && !inBackups.has(row.id));
  const inUse = referencedMediaIds(db, candidates.map((row) => row.id));
  for (const row of rows) listed.add(row.id);
  for (const row of candidates) {
    if (inUse.has(row.id)) continue;
    // The row goes first: a crash between the two leaves a stray file (removed next time), never a
    // listed recording without its bytes.
    forgetMedia(db, row.id);
    rmSync(mediaFilePath(dataDir, row.id)!, { force: true });
    listed.delete(row.id);
    removed.push(row.id);
  }
  return { removed, strays: removeStrays(db, dataDir, listed, inBackups, now, graceMs) };
}

/**
 * Files in the media folder that no row lists (an interrupted store) and that are older than the
 * grace period. One an interview still names is kept all the same: losing a recording is worse than
 * a file too many.
 */
function removeStrays(db: Database, dataDir: string, listed: ReadonlySet<string>, inBackups: ReadonlySet<string>, now: Date, graceMs: number): number {
  const root = mediaRoot(dataDir);
  if (!existsSync(root)) return 0;
  let strays = 0;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isFile() && entry.name.startsWith('.incoming-')) strays += removeIfOld(path, now, graceMs);
    if (!entry.isDirectory() || !/^[0-9a-f]{2}$/.test(entry.name)) continue;
    for (const name of readdirSync(path)) {
      if (MEDIA_ID.test(name) && (listed.has(name) || inBackups.has(name) || isMediaReferenced(db, name))) continue;
      strays += removeIfOld(join(path, name), now, graceMs);
    }
  }
  return strays;
}

function removeIfOld(path: string, now: Date, graceMs: number): number {
  try {
    const { mtimeMs } = statOf(path);
    if (now.getTime() - mtimeMs < graceMs) return 0; // a store may be writing it right now
    rmSync(path, { force: true });
    return 1;
  } catch {
    return 0;
  }
}

/** The sweep where it follows other work: a failure (a file in use on Windows, a read-only folder) is logged, never thrown. */
export function sweepMediaSafely(db: Database, dataDir: string, now: Date): void {
  try {
    sweepMedia(db, dataDir, now);
  } catch (err) {
    console.error(`[interview-desk] removing unused recordings failed: ${(err as Error).message}`);
  }
}
