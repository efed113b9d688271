/**
 * One process at a time owns a data folder: SQLite in WAL mode must not be driven by the desktop
 * app and a browser-mode host at once. The lock is a file naming its owner; a lock whose owner is
 * gone (a crash, a SIGKILL, a reboot) is taken over.
 *
 * A pid alone cannot tell: after a crash and a reboot the pid written in the lock often belongs to
 * another program (pid 1, a system service), and a lock judged by the pid would lock the user out
 * for good. So the owner is judged by what a reused pid cannot fake:
 * - a lock written before the machine last started belongs to no running process;
 * - the lock records its process's start time (Linux: /proc/<pid>/stat; macOS and the BSDs:
 *   `ps -o lstart=`; Windows: PowerShell's Get-Process), and a live pid whose start time differs
 *   is another process.
 * Where neither can be read (an old lock holding only a pid, written since the last start), a
 * live pid keeps the lock.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { uptime } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'library.lock';

export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly pid: number) {
    super(`The library in ${dir} is already open in another Interview Desk process (pid ${pid}). Close it first.`);
    this.name = 'DataDirLockedError';
  }
}

/** What the lock file says of its owner. A lock from before this format holds only the pid. */
export interface LockOwner {
  pid: number;
  /** The owner's start time as the OS tells it (an opaque token), or null where it cannot be read. */
  started: string | null;
}

/** How the machine answers questions about processes (replaced in tests). */
export interface ProcessProbe {
  /** When the machine last started, in ms since the epoch. */
  bootTime(): number;
  isAlive(pid: number): boolean;
  startToken(pid: number): string | null;
}

// Boot time from uptime drifts by the clock's adjustments: a minute of slack.
const BOOT_SLACK_MS = 60_000;

/** Is the process that wrote this lock (at `writtenAt`, ms) still running? */
export function ownerIsLive(owner: LockOwner, writtenAt: number, probe: ProcessProbe): boolean {
  if (owner.pid === process.pid) return false; // our own lock, left by an earlier life of this pid
  if (writtenAt < probe.bootTime() - BOOT_SLACK_MS) return false; // written before the last start
  if (!probe.isAlive(owner.pid)) return false;
  if (owner.started !== null) {
    const now = probe.startToken(owner.pid);
    if (now !== null && now !== owner.started) return false; // the pid now belongs to another process
  }
  return true;
}

export function parseLock(text: string): LockOwner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), started: null };
  try {
    const data = JSON.parse(trimmed) as { pid?: unknown; started?: unknown };
    if (typeof data.pid !== 'number' || !Number.isInteger(data.pid) || data.pid <= 0) return null;
    return { pid: data.pid, started: typeof data.started === 'string' ? data.started : null };
  } catch {
    return null;
  }
}

export const systemProbe: ProcessProbe = {
  bootTime: () => Date.now() - uptime() * 1000,
  isAlive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
  startToken(pid) {
    if (process.platform === 'linux') {
      try {
        // Field 22, starttime in clock ticks since boot; the command name (field 2) may hold spaces.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
      } catch {
        return null;
      }
    }
    if (process.platform === 'darwin' || process.platform.endsWith('bsd')) {
      try {
        return execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
      } catch {
        return null;
      }
    }
    if (process.platform === 'win32') {
      try {
        const command = `(Get-Process -Id ${pid}).StartTime.ToFileTimeUtc()`;
        return execFileSync('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', command], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
      } catch {
        return null;
      }
    }
    return null;
  },
};

/** The live owner of a folder's lock, or null when there is no lock or its owner is gone. */
export function liveOwner(dir: string, probe: ProcessProbe = systemProbe): LockOwner | null {
  const file = join(dir, LOCK_FILE);
  let text: string;
  let writtenAt: number;
  try {
    text = readFileSync(file, 'utf8');
    writtenAt = statSync(file).mtimeMs;
  } catch {
    return null;
  }
  const owner = parseLock(text);
  return owner !== null && ownerIsLive(owner, writtenAt, probe) ? owner : null;
}

export function acquireDataDirLock(dir: string, probe: ProcessProbe = systemProbe): () => void {
  const file = join(dir, LOCK_FILE);
  const content = JSON.stringify({ pid: process.pid, started: probe.startToken(process.pid), app: 'interview-desk' });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, content);
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = liveOwner(dir, probe);
      if (owner !== null) throw new DataDirLockedError(dir, owner.pid);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dir}.`);
}

/**
 * `interview-desk unlock`: remove a lock whose owner is gone. A lock whose owner is running is
 * never removed (closing that process is the way), so unlocking cannot let two processes in.
 */
export function unlockDataDir(dir: string, probe: ProcessProbe = systemProbe): { removed: boolean; owner: LockOwner | null } {
  const owner = liveOwner(dir, probe);
  if (owner !== null) return { removed: false, owner };
  const file = join(dir, LOCK_FILE);
  try {
    statSync(file);
  } catch {
    return { removed: false, owner: null };
  }
  rmSync(file, { force: true });
  return { removed: true, owner: null };
}
