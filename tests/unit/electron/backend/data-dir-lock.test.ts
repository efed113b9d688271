import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from '../../../../electron/backend/data-dir-lock';
import { tempDir } from '../../../helpers/temp-library';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('data folder lock', () => {
  it('lets one process own a library folder at a time', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    // A live process other than us holds the lock.
    const holder = spawnSync(process.execPath, ['-e', 'console.log(process.ppid)']);
    expect(holder.status).toBe(0);
    writeFileSync(join(dir, 'library.lock'), String(process.ppid)); // the test runner's parent is alive
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
  });

  it('takes over a lock left by a process that is gone, and releases it', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(join(dir, 'library.lock'), dead.stdout.trim());
    const release = acquireDataDirLock(dir);
    expect(existsSync(join(dir, 'library.lock'))).toBe(true);
    release();
    expect(existsSync(join(dir, 'library.lock'))).toBe(false);
  });
});
