import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeLibrary, LIBRARY_APPLICATION_ID, LIBRARY_SCHEMA_VERSION, openLibrary } from '../../../../../electron/backend/db/open-library';
import { LibraryOpenError } from '../../../../../electron/backend/errors';
import { deliveryLog, getDestinations, saveDestinations } from '../../../../../electron/backend/newsroom';
import { foldForSearch } from '../../../../../shared/text/normalize-text';
import { tempDir } from '../../../../helpers/temp-library';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
function dir() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('library database', () => {
  it('is created with WAL, synchronous=FULL, foreign keys, our application id and the current version', async () => {
    const file = join(dir(), 'library.sqlite');
    const db = await openLibrary(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(LIBRARY_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(LIBRARY_SCHEMA_VERSION);
    closeLibrary(db);
    // synchronous is per connection: a reopened WAL file would fall back to NORMAL if not set again.
    const again = await openLibrary(file);
    expect(again.pragma('synchronous', { simple: true })).toBe(2);
    closeLibrary(again);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('migrates a version-1 library to the current version, keeping its data, after a backup', async () => {
    const d = dir();
    const file = join(d, 'library.sqlite');
    const fixture = new Database(file);
    fixture.exec(readFileSync(new URL('../../../../fixtures/library-v1.sql', import.meta.url), 'utf8'));
    fixture.close();

    const db = await openLibrary(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LIBRARY_SCHEMA_VERSION);
    const row = db.prepare('SELECT headline, revision, search_text FROM document WHERE id = ?').get('fixture-1') as Record<string, unknown>;
    expect(row.headline).toBe('Long An: Kết nạp đảng viên vượt chỉ tiêu');
    expect(row.revision).toBe(3);
    // The new accent-folded index was backfilled: "dang vien" finds "đảng viên", "nguyen thanh hai" the speaker.
    const hits = (q: string) => (db.prepare('SELECT count(*) AS n FROM document_fts WHERE document_fts MATCH ?').get(q) as { n: number }).n;
    expect(hits('"dang" "vien"')).toBe(1);
    expect(hits('"nguyen" "thanh" "hai"')).toBe(1);
    expect(hits('"dang" "khong"')).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM asset').get() as { n: number }).n).toBe(1);
    closeLibrary(db);

    const backup = `${file}.pre-v${LIBRARY_SCHEMA_VERSION}.bak`;
    expect(existsSync(backup)).toBe(true);
    const old = new Database(backup, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    expect(old.pragma('integrity_check', { simple: true })).toBe('ok');
    old.close();
  });

  it('migrates a version-2 library to version 3: its interviews kept and still found, newsroom settings and log ready', async () => {
    const d = dir();
    const file = join(d, 'library.sqlite');
    const fixture = new Database(file);
    fixture.exec(readFileSync(new URL('../../../../fixtures/library-v2.sql', import.meta.url), 'utf8'));
    fixture.close();

    const db = await openLibrary(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
    const row = db.prepare('SELECT headline, revision, status FROM document WHERE id = ?').get('fixture-2') as Record<string, unknown>;
    expect(row).toEqual({ headline: 'Long An: Kết nạp đảng viên vượt chỉ tiêu', revision: 4, status: 'approved' });
    const hits = (q: string) => (db.prepare('SELECT count(*) AS n FROM document_fts WHERE document_fts MATCH ?').get(q) as { n: number }).n;
    expect(hits('"dang" "vien"')).toBe(1);
    expect((db.prepare('SELECT hex(bytes) AS h FROM asset').get() as { h: string }).h).toBe('89504E');

    const ctx = { db, now: () => new Date('2026-03-01T10:00:00Z'), newId: () => 'x' };
    expect(getDestinations(ctx)).toEqual([]);
    expect(deliveryLog(ctx)).toEqual([]);
    const desk = { id: 'desk', name: 'Superdesk', format: 'nitf' as const, folder: join(d, 'drop') };
    expect(saveDestinations(ctx, [desk])).toMatchObject([desk]);
    closeLibrary(db);

    const backup = `${file}.pre-v${LIBRARY_SCHEMA_VERSION}.bak`;
    const old = new Database(backup, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(2);
    old.close();
    const reopened = await openLibrary(file);
    expect(getDestinations({ ...ctx, db: reopened })).toMatchObject([desk]);
    closeLibrary(reopened);
  });

  it('keeps the search index in step with updates and deletes', async () => {
    const db = await openLibrary(join(dir(), 'library.sqlite'));
    db.prepare(`INSERT INTO document (id, revision, language, created_at, updated_at, search_text) VALUES ('a', 1, 'vi', 't', 't', ?)`).run(foldForSearch('Hà Nội'));
    const hits = (q: string) => (db.prepare('SELECT count(*) AS n FROM document_fts WHERE document_fts MATCH ?').get(q) as { n: number }).n;
    expect(hits('"ha" "noi"')).toBe(1);
    db.prepare(`UPDATE document SET search_text = ? WHERE id = 'a'`).run(foldForSearch('Đà Nẵng'));
    expect(hits('"ha" "noi"')).toBe(0);
    expect(hits('"da" "nang"')).toBe(1);
    db.prepare(`DELETE FROM document WHERE id = 'a'`).run();
    expect(hits('"da" "nang"')).toBe(0);
    closeLibrary(db);
  });

  it('refuses a library written by a newer version, with a clear message, and leaves the file untouched', async () => {
    const file = join(dir(), 'library.sqlite');
    const db = await openLibrary(file);
    db.pragma(`user_version = ${LIBRARY_SCHEMA_VERSION + 1}`);
    closeLibrary(db);
    const before = readFileSync(file);

    const error = await openLibrary(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryOpenError);
    expect((error as LibraryOpenError).reason).toBe('newer_version');
    expect((error as Error).message).toMatch(/newer version of Interview Desk/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses an SQLite file of another application and a file that is not a database', async () => {
    const d = dir();
    const other = join(d, 'other.sqlite');
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE t (x); PRAGMA user_version = 7;');
    foreign.close();
    await expect(openLibrary(other)).rejects.toMatchObject({ reason: 'not_a_library' });

    const foreignId = join(d, 'foreign-id.sqlite');
    const withId = new Database(foreignId);
    withId.pragma('application_id = 1234');
    withId.close();
    await expect(openLibrary(foreignId)).rejects.toMatchObject({ reason: 'not_a_library' });

    const garbage = join(d, 'garbage.sqlite');
    writeFileSync(garbage, 'this is not an SQLite database, just text '.repeat(200));
    await expect(openLibrary(garbage)).rejects.toMatchObject({ reason: 'corrupt' });
    expect(readFileSync(garbage, 'utf8')).toMatch(/^this is not an SQLite database/);
  });
});
