/**
 * Rotating backups with the online backup API, the integrity check on open, and the way back
 * from a damaged library: the host still starts, lists the backups, and restores one after
 * moving the damaged file aside.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupScheduler, listBackups, writeRotatingBackup } from '../../../../electron/backend/backups';
import { closeLibrary, openLibrary } from '../../../../electron/backend/db/open-library';
import { dispatch } from '../../../../electron/backend/dispatch';
import { LibraryOpenError } from '../../../../electron/backend/errors';
import { openRecoverableSession } from '../../../../electron/backend/library-recovery';
import { LIBRARY_FILE, openLibrarySession } from '../../../../electron/backend/library-session';
import type { BackupFile, LoadedDocument } from '../../../../shared/api/contract';
import { dirsPerTest } from '../../../helpers/dirs-per-test';

const dir = dirsPerTest();

/** Overwrite pages of a closed library with garbage, past its header page. */
function damage(file: string): void {
  const bytes = readFileSync(file);
  for (let i = 4096; i < bytes.length; i += 13) bytes[i] = 0xff;
  writeFileSync(file, bytes);
}

describe('backups', () => {
  it('are consistent copies of the live library, rotated to the newest ones kept', async () => {
    const d = dir();
    const db = await openLibrary(join(d, LIBRARY_FILE));
    db.prepare(`INSERT INTO setting VALUES ('k', '"v1"')`).run(); // in the WAL, not yet in the main file
    let t = Date.parse('2026-11-27T10:00:00.000Z');
    for (let i = 0; i < 5; i++) await writeRotatingBackup(db, d, new Date((t += 60_000)), 3);
    closeLibrary(db);
    const backups = listBackups(d);
    expect(backups.map((b) => b.name)).toEqual(['library-2026-11-27T10-05-00-000Z.sqlite', 'library-2026-11-27T10-04-00-000Z.sqlite', 'library-2026-11-27T10-03-00-000Z.sqlite']);
    // No -wal, no partial files; each backup with the list of the recordings it needs (none here).
    expect(readdirSync(join(d, 'backups')).sort()).toEqual(backups.flatMap((b) => [b.name, `${b.name}.media`]).sort());
    const copy = new Database(join(d, 'backups', backups[0]!.name), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare(`SELECT value FROM setting WHERE key = 'k'`).get()).toEqual({ value: '"v1"' });
    copy.close();
  });

  it('are made on open at most once per period, and while open only after changes', async () => {
    const d = dir();
    const policy = { onOpenEveryMs: 3_600_000, whileOpenEveryMs: 1_000_000, keep: 10 };
    let now = Date.parse('2026-11-27T10:00:00.000Z');
    const clock = () => new Date(now);
    const db = await openLibrary(join(d, LIBRARY_FILE));
    const scheduler = new BackupScheduler(db, d, policy, clock);
    await scheduler.onOpen();
    expect(listBackups(d)).toHaveLength(1);
    now += 60_000;
    await new BackupScheduler(db, d, policy, clock).onOpen(); // reopened within the hour: none
    expect(listBackups(d)).toHaveLength(1);
    now += 60_000;
    await scheduler.tick(); // nothing written since: none
    expect(listBackups(d)).toHaveLength(1);
    db.prepare(`INSERT INTO setting VALUES ('k', '1')`).run();
    await scheduler.tick();
    expect(listBackups(d)).toHaveLength(2);
    now += 2 * 3_600_000;
    await new BackupScheduler(db, d, policy, clock).onOpen();
    expect(listBackups(d)).toHaveLength(3);
    scheduler.stop();
    closeLibrary(db);
  });

  it('a session backs the library up on open', async () => {
    const d = dir();
    const session = await openLibrarySession(d);
    session.close();
    expect(listBackups(d).map((b) => b.kind)).toEqual(['rotating']);
  });
});

describe('a damaged library', () => {
  it('is refused on open by the integrity check, untouched', async () => {
    const d = dir();
    const file = join(d, LIBRARY_FILE);
    const session = await openLibrarySession(d, { backups: false });
    for (let i = 0; i < 30; i++) await dispatch('document.create', { language: 'vi' }, session.ctx);
    session.close();
    damage(file);
    const before = readFileSync(file);
    const error = await openLibrary(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryOpenError);
    expect(error).toMatchObject({ reason: 'corrupt', message: expect.stringMatching(/damaged|not a readable database/) });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('starts in recovery: lists backups, restores one after moving the damaged file aside, then works', async () => {
    const d = dir();
    const file = join(d, LIBRARY_FILE);
    // A library with one interview, backed up; then a second interview, then the damage.
    const first = await openLibrarySession(d);
    const created = await dispatch('document.create', { language: 'vi' }, first.ctx);
    const id = (created as { ok: true; value: LoadedDocument }).value.doc.id;
    await writeRotatingBackup(first.ctx.db, d, new Date(Date.now() + 60_000)); // (the on-open one is empty)
    first.close();
    const second = await openLibrarySession(d, { backups: false });
    for (let i = 0; i < 30; i++) await dispatch('document.create', { language: 'en' }, second.ctx);
    second.close();
    damage(file);
    const damagedBytes = readFileSync(file);

    const session = await openRecoverableSession(d, { backups: false });
    try {
      const health = await dispatch('library.health', {}, session.ctx);
      expect(health).toMatchObject({ ok: true, value: { damaged: true, message: expect.stringMatching(/damaged|not a readable/) } });
      // Ordinary work is refused with a clear message, not a crash.
      expect(await dispatch('library.list', {}, session.ctx)).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/restored from a backup/) } });
      const list = (await dispatch('backup.list', {}, session.ctx)) as { ok: true; value: { backups: BackupFile[] } };
      expect(list.value.backups).toHaveLength(2);
      expect(list.value.backups[0]!.bytes).toBeGreaterThan(0);
      expect(await dispatch('backup.restore', { name: '../library.sqlite' }, session.ctx)).toMatchObject({ ok: false, error: { code: 'not_found' } });

      expect(await dispatch('backup.restore', { name: list.value.backups[0]!.name }, session.ctx)).toEqual({ ok: true, value: {} });
      expect(await dispatch('library.health', {}, session.ctx)).toEqual({ ok: true, value: { damaged: false, message: null } });
      const items = (await dispatch('library.list', {}, session.ctx)) as { ok: true; value: { items: { id: string }[] } };
      expect(items.value.items.map((i) => i.id)).toEqual([id]);
      // The damaged file was kept, byte for byte.
      const aside = readdirSync(join(d, 'damaged')).filter((n) => n.endsWith('.sqlite'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(d, 'damaged', aside[0]!)).equals(damagedBytes)).toBe(true);
      // A sound library refuses a restore.
      expect(await dispatch('backup.restore', { name: list.value.backups[0]!.name }, session.ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    } finally {
      session.close();
    }
    expect(existsSync(join(d, 'library.lock'))).toBe(false);
  });
});
