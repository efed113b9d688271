/**
 * The window's remembered state as a small JSON file in the user data folder. Reading never
 * fails (a missing or corrupt file means "nothing remembered"); writing goes to a temporary file
 * that is then renamed, so a crash mid-write cannot leave a half file behind.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWindowState, type WindowState } from './window-bounds';

export const windowStateFile = (userDataDir: string): string => join(userDataDir, 'window-state.json');

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/** Best effort: a window that cannot remember its place is no reason to fail closing it. */
export function saveWindowState(file: string, state: WindowState): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temp, file);
    return true;
  } catch {
    return false;
  }
}
