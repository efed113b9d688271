/**
 * A library opened for use by one host (the Electron main process or the web host): lock the
 * data folder, open and migrate the database, make the on-open backup and schedule the periodic
 * ones, and build the handler context.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BackupScheduler, DEFAULT_BACKUP_POLICY, LIBRARY_FILE, type BackupPolicy } from './backups';
import type { HandlerContext } from './context';
import { acquireDataDirLock } from './data-dir-lock';
import { AppError } from './errors';
import { closeLibrary, openLibrary } from './db/open-library';
import { sweepMediaSafely } from './media/sweep-media';

export { LIBRARY_FILE } from './backups';

export interface LibrarySession {
  ctx: HandlerContext;
  dataDir: string;
  close(): void;
}

export interface SessionOptions {
  /** Rotating backups (backups.ts); `false` for none. */
  backups?: BackupPolicy | false;
}

export async function openLibrarySession(dataDir: string, options: SessionOptions = {}): Promise<LibrarySession> {
  mkdirSync(dataDir, { recursive: true });
  const release = acquireDataDirLock(dataDir);
  try {
    return await openLockedSession(dataDir, release, options);
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * The session on a data folder whose lock the caller already holds; `release` is called on
 * close. Throws (keeping the lock) when the library cannot be opened.
 */
export async function openLockedSession(dataDir: string, release: () => void, options: SessionOptions = {}): Promise<LibrarySession> {
  const db = await openLibrary(join(dataDir, LIBRARY_FILE));
  const ctx: HandlerContext = {
    db,
    now: () => new Date(),
    newId: () => randomUUID(),
    library: {
      dataDir,
      damage: null,
      restore: () => Promise.reject(new AppError('invalid_input', 'The library is open and sound; backups are restored only when it is damaged.')),
    },
  };
  const policy = options.backups ?? DEFAULT_BACKUP_POLICY;
  const scheduler = policy ? new BackupScheduler(db, dataDir, policy, ctx.now) : null;
  try {
    await scheduler?.onOpen();
  } catch (err) {
    closeLibrary(db);
    throw err;
  }
  scheduler?.start();
  // After the on-open backup, whose list of recordings the sweep then respects.
  sweepMediaSafely(db, dataDir, ctx.now());
  return {
    ctx,
    dataDir,
    close() {
      scheduler?.stop();
      closeLibrary(db);
      release();
    },
  };
}
