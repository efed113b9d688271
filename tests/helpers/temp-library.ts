/** A real library database in a temporary folder, with a fixed clock and predictable ids. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HandlerContext } from '../../electron/backend/context';
import { closeLibrary, openLibrary } from '../../electron/backend/db/open-library';

export function tempDir(prefix = 'interview-desk-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function tempLibrary(): Promise<{ ctx: HandlerContext; file: string; dir: string; close: () => void }> {
  const { dir, cleanup } = tempDir();
  const file = join(dir, 'library.sqlite');
  const db = await openLibrary(file);
  let t = Date.parse('2026-11-27T10:00:00.000Z');
  let n = 0;
  const ctx: HandlerContext = { db, now: () => new Date((t += 1000)), newId: () => `doc-${++n}` };
  return {
    ctx,
    file,
    dir,
    close: () => {
      closeLibrary(db);
      cleanup();
    },
  };
}
