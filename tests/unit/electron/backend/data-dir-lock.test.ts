import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, ownerIsLive, systemProbe, unlockDataDir, type ProcessProbe } from '../../../../electron/backend/data-dir-lock';
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

  it('records its start time, so a live process that reused the pid is not taken for the owner', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const release = acquireDataDirLock(dir);
    const written = JSON.parse(readFileSync(join(dir, 'library.lock'), 'utf8')) as { pid: number; started: string | null };
    expect(written.pid).toBe(process.pid);
    if (process.platform === 'linux') expect(written.started).toMatch(/^\d+$/);
    release();

    // A lock naming pid 1 with pid 1's own start time is held (pid 1 runs)...
    writeFileSync(join(dir, 'library.lock'), JSON.stringify({ pid: 1, started: systemProbe.startToken(1) }));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    // ...but after a crash the pid written in the lock may now be pid 1's: alive, not the writer.
    writeFileSync(join(dir, 'library.lock'), JSON.stringify({ pid: 1, started: 'a start time pid 1 never had' }));
    acquireDataDirLock(dir)();
  });

  it('takes over a lock written before the machine last started, even one holding a live pid', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    writeFileSync(join(dir, 'library.lock'), String(process.ppid)); // an old-style lock: the pid alone
    const longAgo = new Date(systemProbe.bootTime() - 3_600_000);
    utimesSync(join(dir, 'library.lock'), longAgo, longAgo);
    acquireDataDirLock(dir)();
  });

  it('decides liveness by boot time, pid and start time', () => {
    const probe = (alive: boolean, token: string | null): ProcessProbe => ({ bootTime: () => 1_000_000, isAlive: () => alive, startToken: () => token });
    const owner = { pid: 4242, started: 'T1' };
    expect(ownerIsLive(owner, 2_000_000, probe(true, 'T1'))).toBe(true);
    expect(ownerIsLive(owner, 2_000_000, probe(true, 'T2'))).toBe(false); // pid reused
    expect(ownerIsLive(owner, 2_000_000, probe(false, null))).toBe(false); // gone
    expect(ownerIsLive(owner, 100_000, probe(true, 'T1'))).toBe(false); // written before the boot
    expect(ownerIsLive(owner, 2_000_000, probe(true, null))).toBe(true); // start time unreadable: the pid decides
    expect(ownerIsLive({ pid: 4242, started: null }, 2_000_000, probe(true, 'T9'))).toBe(true); // old lock
    expect(ownerIsLive({ pid: process.pid, started: 'T1' }, 2_000_000, probe(true, 'T1'))).toBe(false); // our own pid
  });

  it('unlock removes a stale lock and never the lock of a running owner', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    expect(unlockDataDir(dir)).toEqual({ removed: false, owner: null });
    writeFileSync(join(dir, 'library.lock'), String(process.ppid));
    expect(unlockDataDir(dir)).toEqual({ removed: false, owner: { pid: process.ppid, started: null } });
    expect(existsSync(join(dir, 'library.lock'))).toBe(true);
    writeFileSync(join(dir, 'library.lock'), JSON.stringify({ pid: 1, started: 'not pid 1' }));
    expect(unlockDataDir(dir)).toEqual({ removed: true, owner: null });
    expect(existsSync(join(dir, 'library.lock'))).toBe(false);
  });
});
