/**
 * A library opened for use by one host (the Electron main process or the web host): lock the
 * data folder, open and migrate the database, and build the handler context.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HandlerContext } from './context';
import { acquireDataDirLock } from './data-dir-lock';
import { closeLibrary, openLibrary } from './db/open-library';

export interface LibrarySession {
  ctx: HandlerContext;
  dataDir: string;
  close(): void;
}

export const LIBRARY_FILE = 'library.sqlite';

export async function openLibrarySession(dataDir: string): Promise<LibrarySession> {
  mkdirSync(dataDir, { recursive: true });
  const release = acquireDataDirLock(dataDir);
  try {
    const db = await openLibrary(join(dataDir, LIBRARY_FILE));
    const ctx: HandlerContext = { db, now: () => new Date(), newId: () => randomUUID() };
    return {
      ctx,
      dataDir,
      close() {
        closeLibrary(db);
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
