import type { Database } from 'better-sqlite3';

/** What every handler receives. Injected so tests can fix the clock and ids. */
export interface HandlerContext {
  db: Database;
  now: () => Date;
  newId: () => string;
  /** The library's folder and repair state, for the backup channels; absent in bare test contexts. */
  library?: LibraryControl;
}

export interface LibraryControl {
  dataDir: string;
  /** Why the library could not be opened (it is damaged); null while it is open and sound. */
  readonly damage: string | null;
  /** Replace the damaged library by a backup and open it (library-recovery.ts). */
  restore(backupName: string): Promise<void>;
}
