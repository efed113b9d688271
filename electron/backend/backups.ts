/**
 * Backups of the library, and the way back from a damaged one.
 *
 * Backups are made with SQLite's online backup API (`db.backup`), which copies a consistent image
 * while the library stays in use; a file copy of a live WAL database would miss what is still in
 * the `-wal` file. They go to `<data dir>/backups/library-<UTC time>.sqlite`, written under a
 * temporary name and renamed when complete, and the newest BACKUPS_KEPT are kept. The
 * pre-migration backups open-library.ts writes next to the library are listed too (never rotated).
 *
 * Restoring never deletes anything: the chosen backup is copied and checked first (as any file
 * from outside the open library is: foreign-db/), then the damaged file (with its -wal and -shm)
 * is moved into `<data dir>/damaged/` and the copy put into place (a backup is a closed,
 * self-contained file, so copying it is safe).
 */
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFile } from '../../shared/api/contract';
import { AppError } from './errors';
import { removeOrphanBackupMediaLists, writeBackupMediaList } from './media/backup-media';

export const LIBRARY_FILE = 'library.sqlite';
export const BACKUP_DIR = 'backups';
export const DAMAGED_DIR = 'damaged';

export interface BackupPolicy {
  /** A backup on open, unless the newest is younger than this. */
  onOpenEveryMs: number;
  /** While the library is open: a backup this often, if anything changed since the last one. */
  whileOpenEveryMs: number;
  /** Rotating backups kept (the pre-migration ones are not counted). */
  keep: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { onOpenEveryMs: 6 * 3_600_000, whileOpenEveryMs: 10 * 60_000, keep: 10 };

const ROTATING = /^library-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/;
const PRE_MIGRATION = /^library\.sqlite\.pre-v\d+\.bak$/;
const PARTIAL = '.partial';

/** `library-2026-11-27T10-00-00-000Z.sqlite`: sortable, and legal on every file system. */
export function backupFileName(at: Date): string {
  return `library-${at.toISOString().replace(/[:.]/g, '-')}.sqlite`;
}

function timeOfName(name: string): string | null {
  const m = ROTATING.exec(name);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : null;
}

/** Every backup of this data folder, newest first. */
export function listBackups(dataDir: string): BackupFile[] {
  const found: BackupFile[] = [];
  const dir = join(dataDir, BACKUP_DIR);
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      const at = timeOfName(name);
      if (at) found.push({ name, at, bytes: statSync(join(dir, name)).size, kind: 'rotating' });
    }
  }
  if (existsSync(dataDir)) {
    for (const name of readdirSync(dataDir)) {
      if (PRE_MIGRATION.test(name)) {
        const stat = statSync(join(dataDir, name));
        found.push({ name, at: stat.mtime.toISOString(), bytes: stat.size, kind: 'pre-migration' });
      }
    }
  }
  return found.sort((a, b) => b.at.localeCompare(a.at) || a.name.localeCompare(b.name));
}

function pathOf(dataDir: string, backup: BackupFile): string {
  return backup.kind === 'rotating' ? join(dataDir, BACKUP_DIR, backup.name) : join(dataDir, backup.name);
}

/**
 * Back up the open library into `dest` (a new file): the backup API into a temporary name, then
 * switched to a rollback journal so the copy is one self-contained file, then renamed.
 */
export async function backupTo(db: Database.Database, dest: string): Promise<void> {
  const partial = dest + PARTIAL;
  try {
    await db.backup(partial);
    const copy = new Database(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    renameSync(partial, dest);
  } catch (err) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(partial + suffix, { force: true });
    throw err;
  }
}

/** One rotating backup now, then drop the oldest beyond `keep` (and leftovers of interrupted ones). */
export async function writeRotatingBackup(db: Database.Database, dataDir: string, at: Date, keep = DEFAULT_BACKUP_POLICY.keep): Promise<BackupFile> {
  const dir = join(dataDir, BACKUP_DIR);
  mkdirSync(dir, { recursive: true });
  const name = backupFileName(at);
  await backupTo(db, join(dir, name));
  // The recordings the backup lists stay in the media folder while it is kept (media/backup-media.ts).
  writeBackupMediaList(join(dir, name));
  rotate(dataDir, keep);
  return { name, at: at.toISOString(), bytes: statSync(join(dir, name)).size, kind: 'rotating' };
}

function rotate(dataDir: string, keep: number): void {
  const dir = join(dataDir, BACKUP_DIR);
  for (const name of readdirSync(dir)) if (name.includes(PARTIAL)) rmSync(join(dir, name), { force: true });
  const rotating = listBackups(dataDir).filter((b) => b.kind === 'rotating');
  for (const old of rotating.slice(keep)) rmSync(join(dir, old.name), { force: true });
  removeOrphanBackupMediaLists(dir);
}

/** Problems `PRAGMA quick_check` finds; empty when the database is sound. */
export function quickCheck(db: Database.Database): string[] {
  try {
    const rows = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    return rows.length === 1 && rows[0] === 'ok' ? [] : rows;
  } catch (err) {
    return [(err as Error).message];
  }
}

/**
 * Replace a damaged library by one of its backups. The backup is copied to a temporary name and
 * flushed, then `check`ed there — a backup file is not trusted just for lying in our folder
 * (library-format.ts: exact schema, integrity, in a worker) — and only if it passes is the damaged
 * file moved aside into `damaged/` (never deleted) and the copy renamed into place. A refused
 * backup changes nothing. The caller holds the data folder's lock and has no connection open on
 * the library. Returns where the damaged file went.
 */
export async function restoreBackup(dataDir: string, name: string, at: Date, check: (path: string, backupName: string) => Promise<void>): Promise<{ movedTo: string | null }> {
  const backup = listBackups(dataDir).find((b) => b.name === name); // only a listed name: no paths
  if (!backup) throw new AppError('not_found', `There is no backup called ${name}.`);
  const live = join(dataDir, LIBRARY_FILE);
  const incoming = `${live}.restoring`;
  // A read-only look at a WAL-mode copy leaves -wal and -shm files beside it: ours, removed.
  const removeIncoming = (all: boolean) => {
    for (const suffix of [...(all ? [''] : []), '-wal', '-shm', '-journal']) rmSync(incoming + suffix, { force: true });
  };
  removeIncoming(true);
  copyFileSync(pathOf(dataDir, backup), incoming);
  const fd = openSync(incoming, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    await check(incoming, name);
  } catch (err) {
    removeIncoming(true);
    throw err;
  }
  removeIncoming(false);

  let movedTo: string | null = null;
  if (existsSync(live)) {
    const aside = join(dataDir, DAMAGED_DIR);
    mkdirSync(aside, { recursive: true });
    movedTo = join(aside, `library-${at.toISOString().replace(/[:.]/g, '-')}.sqlite`);
    renameSync(live, movedTo);
    for (const suffix of ['-wal', '-shm']) if (existsSync(live + suffix)) renameSync(live + suffix, movedTo + suffix);
  }
  renameSync(incoming, live);
  return { movedTo };
}

/**
 * Backups while a library is open: one on open unless a recent one exists, then one every
 * `whileOpenEveryMs` when something was written since the last. Failures are logged, never
 * thrown: a backup that cannot be made must not stop the user's work.
 */
export class BackupScheduler {
  private timer: ReturnType<typeof setInterval> | null = null;
  private changesAtLastBackup = -1;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Database.Database,
    private readonly dataDir: string,
    private readonly policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
    private readonly now: () => Date = () => new Date(),
    private readonly log: (message: string) => void = (m) => console.error(`[interview-desk] ${m}`),
  ) {}

  /** The on-open backup (awaited by the session, so it is done before work starts). */
  async onOpen(): Promise<void> {
    const newest = listBackups(this.dataDir).find((b) => b.kind === 'rotating');
    if (newest && this.now().getTime() - Date.parse(newest.at) < this.policy.onOpenEveryMs) {
      this.changesAtLastBackup = this.changes();
      return;
    }
    await this.backupNow();
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.policy.whileOpenEveryMs);
    this.timer.unref?.(); // never keeps a process (the CLI, a test) alive
  }

  /** Stop the timer; a backup still running fails harmlessly when the library closes. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async tick(): Promise<void> {
    if (this.stopped || this.running || this.changes() === this.changesAtLastBackup) return;
    await this.backupNow();
  }

  private changes(): number {
    return (this.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  }

  private async backupNow(): Promise<void> {
    const changes = this.changes();
    this.running = writeRotatingBackup(this.db, this.dataDir, this.now(), this.policy.keep).then(
      () => {
        this.changesAtLastBackup = changes;
      },
      (err: unknown) => {
        if (!this.stopped) this.log(`backup failed: ${(err as Error).message}`);
      },
    );
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }
}
