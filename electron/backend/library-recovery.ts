/**
 * A session that survives a damaged library. When the library fails its check on open, the host
 * still starts, holding the data folder's lock, with a context whose database is unavailable:
 * every ordinary channel answers "the library is damaged", while `library.health`, `backup.list`
 * and `backup.restore` let the user pick a backup. Restoring checks the backup as a file from
 * outside (db/library-format.ts: exact schema and integrity, in a worker; a refused one changes
 * nothing), moves the damaged file aside (backups.ts), puts the backup into place and opens it;
 * from then on the context behaves as a normal session's.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { restoreBackup } from './backups';
import type { HandlerContext, LibraryControl } from './context';
import { acquireDataDirLock } from './data-dir-lock';
import { checkForeignLibrary } from './db/library-format';
import { AppError, LibraryOpenError } from './errors';
import type { FileWords } from './foreign-db/refusals';
import { openLockedSession, type LibrarySession, type SessionOptions } from './library-session';

const BACKUP_WORDS: FileWords = { noun: 'library', advice: 'Choose another backup' };

export interface RecoverableSessionOptions extends SessionOptions {
  /** Tests: how long a backup may take to check before it is refused (foreign-db/). */
  restoreTimeLimitMs?: number;
}

export async function openRecoverableSession(dataDir: string, options: RecoverableSessionOptions = {}): Promise<LibrarySession> {
  mkdirSync(dataDir, { recursive: true });
  const release = acquireDataDirLock(dataDir);
  let inner: LibrarySession | null = null;
  let damage: string | null = null;
  let restoring = false;
  try {
    inner = await openLockedSession(dataDir, release, options);
  } catch (err) {
    if (!(err instanceof LibraryOpenError && err.reason === 'corrupt')) {
      release();
      throw err;
    }
    damage = err.message;
  }

  const now = () => new Date();
  const library: LibraryControl = {
    dataDir,
    get damage() {
      return damage;
    },
    async restore(backupName: string) {
      if (inner) return inner.ctx.library!.restore(backupName);
      // The check takes a while (in a worker) and the copy has one place: one restore at a time.
      if (restoring) throw new AppError('invalid_input', 'A backup is being restored already; wait for it to finish.');
      restoring = true;
      try {
        await restoreBackup(dataDir, backupName, now(), (path, name) =>
          checkForeignLibrary({ ownedPath: path }, { name, words: BACKUP_WORDS, integrity: 'quick', timeLimitMs: options.restoreTimeLimitMs }),
        );
        try {
          inner = await openLockedSession(dataDir, release, options);
          damage = null;
        } catch (err) {
          damage = (err as Error).message;
          throw new AppError('invalid_file', `The backup ${backupName} could not be opened either: ${damage} Choose another backup.`);
        }
      } finally {
        restoring = false;
      }
    },
  };
  const ctx: HandlerContext = {
    get db(): Database {
      if (!inner) throw new AppError('unavailable', `The library is damaged and must be restored from a backup first. ${damage ?? ''}`.trim());
      return inner.ctx.db;
    },
    now,
    newId: () => randomUUID(),
    library,
  };
  return {
    ctx,
    dataDir,
    close() {
      if (inner) inner.close();
      else release();
    },
  };
}
