/**
 * Open (or create) the library database and bring its schema up to date.
 *
 * Order matters: the file's identity and version are read before anything is written, so a
 * foreign file or one made by a newer app version is refused untouched. An existing library is
 * backed up with SQLite's online backup API before it is migrated.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { quickCheck } from '../backups';
import { LibraryOpenError } from '../errors';
import { migrations } from './migrations';

/** `PRAGMA application_id` of a library file: "IDLB" (Interview Desk LiBrary). */
export const LIBRARY_APPLICATION_ID = 0x49444c42;
export const LIBRARY_SCHEMA_VERSION = migrations.length;

export interface OpenOptions {
  /** Where to write the pre-migration backup; defaults next to the file. */
  backupPathFor?: (fromVersion: number, toVersion: number) => string;
}

export async function openLibrary(file: string, options: OpenOptions = {}): Promise<Database.Database> {
  const isNew = !existsSync(file);
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: 5000 });
  } catch (err) {
    throw new LibraryOpenError('corrupt', `The library file ${file} cannot be opened: ${(err as Error).message}`);
  }
  try {
    const { version, applicationId } = readHeader(db, file);
    if (applicationId !== 0 && applicationId !== LIBRARY_APPLICATION_ID) {
      throw new LibraryOpenError('not_a_library', `${file} is not an Interview Desk library (application id ${applicationId}).`);
    }
    // An unmarked file is ours to initialise only when it is empty.
    if (applicationId === 0 && (version !== 0 || hasSchema(db))) {
      throw new LibraryOpenError('not_a_library', `${file} is an SQLite file of another application.`);
    }
    if (version > LIBRARY_SCHEMA_VERSION) {
      throw new LibraryOpenError(
        'newer_version',
        `This library was written by a newer version of Interview Desk (format ${version}; this version reads up to ${LIBRARY_SCHEMA_VERSION}). ` +
          'Update the app to open it; the file has not been changed.',
      );
    }

    // A damaged file is refused before anything is written to it (no migration, no WAL switch):
    // the host offers to restore a backup instead (backups.ts, library-recovery.ts).
    const problems = isNew ? [] : quickCheck(db);
    if (problems.length > 0) {
      throw new LibraryOpenError('corrupt', `The library file ${file} is damaged: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more problems)` : ''}.`);
    }

    db.pragma('journal_mode = WAL');
    // Set explicitly: a WAL database reopens with the build default (NORMAL), which can lose the
    // last commits on power loss. Autosave commits are rare enough that FULL costs nothing.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');

    if (version < LIBRARY_SCHEMA_VERSION) {
      if (!isNew && version > 0) {
        const target = options.backupPathFor?.(version, LIBRARY_SCHEMA_VERSION) ?? `${file}.pre-v${LIBRARY_SCHEMA_VERSION}.bak`;
        await db.backup(target);
      }
      migrate(db, version);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function readHeader(db: Database.Database, file: string): { version: number; applicationId: number } {
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      applicationId: db.pragma('application_id', { simple: true }) as number,
    };
  } catch (err) {
    throw new LibraryOpenError('corrupt', `${file} is not a readable database: ${(err as Error).message}`);
  }
}

function hasSchema(db: Database.Database): boolean {
  return (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n > 0;
}

/** Apply the missing migrations in one transaction, so a failure leaves the file at its old version. */
export function migrate(db: Database.Database, from: number): void {
  db.transaction(() => {
    for (let v = from; v < migrations.length; v++) migrations[v]!(db);
    db.pragma(`application_id = ${LIBRARY_APPLICATION_ID}`);
    db.pragma(`user_version = ${migrations.length}`);
  })();
}

/** Checkpoint the WAL into the main file and close, leaving a single self-contained file. */
export function closeLibrary(db: Database.Database): void {
  if (!db.open) return;
  try {
    // Folding the WAL into the file keeps the folder tidy. On a full or read-only disk it fails;
    // the WAL then stays beside the file and is replayed on the next open, so nothing is lost.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // see above: stopping must never fail
  }
  db.close();
}
