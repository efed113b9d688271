/**
 * Starting the backend process (electron/backend-process/entry.ts) as an Electron utilityProcess:
 * a Node process of Electron's own, so better-sqlite3 built for Electron's ABI loads there as it
 * does in main, and app.asar is readable. backend-process.ts drives it through `BackendChild`.
 */
import { utilityProcess } from 'electron';
import { join } from 'node:path';
import type { BackendChild } from './backend-process';

/**
 * Where the build puts the backend process's bundle (scripts/build-shell.mjs), from main's own
 * folder: dist/main/index.cjs → dist/backend-process/index.cjs, inside app.asar when packaged
 * (scripts/package-smoke.mjs checks the archive holds it there).
 */
export const backendEntryFrom = (mainDir: string): string => join(mainDir, '..', 'backend-process', 'index.cjs');

export function forkBackend(entry: string): BackendChild {
  // serviceName: what the OS task manager shows for this process.
  const child = utilityProcess.fork(entry, [], { serviceName: 'Interview Desk library', stdio: 'inherit' });
  return {
    post: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', listener),
    kill: () => void child.kill(),
  };
}
