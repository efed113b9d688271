import type { Database } from 'better-sqlite3';

/** What every handler receives. Injected so tests can fix the clock and ids. */
export interface HandlerContext {
  db: Database;
  now: () => Date;
  newId: () => string;
}
