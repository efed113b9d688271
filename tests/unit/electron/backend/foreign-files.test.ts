/**
 * Foreign SQLite files are opened as data, never as code; revisions and ids from files are never
 * trusted. Every file of a hostile corpus (tests/helpers/hostile-files.ts) is opened through the
 * real channels of a real library: each is refused, or opened safely, within a few seconds, and a
 * refused one leaves the library dump-identical. Backups being restored get the same treatment.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeRotatingBackup } from '../../../../electron/backend/backups';
import { checkForeignLibrary } from '../../../../electron/backend/db/library-format';
import { closeLibrary, openLibrary } from '../../../../electron/backend/db/open-library';
import { dispatch } from '../../../../electron/backend/dispatch';
import { openReviewFile } from '../../../../electron/backend/exchange';
import { readExchangeFile } from '../../../../electron/backend/exchange-file';
import { openRecoverableSession } from '../../../../electron/backend/library-recovery';
import { LIBRARY_FILE, openLibrarySession } from '../../../../electron/backend/library-session';
import type { ExchangeOpened, ExchangeSaved, HistoryEntry, LoadedDocument, StoredAsset } from '../../../../shared/api/contract';
import type { ApiError } from '../../../../shared/api/result';
import type { Interview } from '../../../../shared/model/schema';
import { callOk } from '../../../helpers/call-handler';
import { alteredFile, hostileLibraries, hostileReviewFiles, type HostileFile } from '../../../helpers/hostile-files';
import { solidPng } from '../../../helpers/images';
import { dumpLibrary } from '../../../helpers/library-dump';
import { tempDir, tempLibrary } from '../../../helpers/temp-library';

const FIXTURES = fileURLToPath(new URL('../../../fixtures', import.meta.url));
/** A hostile file must be dealt with in this time; a genuine one takes well under a second. */
const WITHIN_MS = 5_000;

type Lib = Awaited<ReturnType<typeof tempLibrary>>;


/** The reporter's interview (a photo, a comment, two saves) and its genuine review file. */
async function reporterFile(reporter: Lib): Promise<Buffer> {
  const { doc } = await callOk<LoadedDocument>(reporter.ctx, 'document.create', { language: 'vi' });
  const photo = await callOk<StoredAsset>(reporter.ctx, 'asset.put', { data: solidPng(4, 3).toString('base64') });
  const next: Interview = {
    ...doc,
    meta: { ...doc.meta, headline: 'Long An: Kết nạp đảng viên' },
    body: [
      { type: 'photo', assetId: photo.id, caption: 'Ông Nguyễn Thanh Hải.', credit: 'TTXVN', alt: '', children: [{ text: '' }] },
      { type: 'turn', speakerId: 'p1', children: [{ type: 'paragraph', children: [{ text: 'Thưa ông, tỉnh làm thế nào?' }] }] },
    ],
  };
  await callOk(reporter.ctx, 'document.save', { id: doc.id, baseRevision: 1, doc: next });
  reporter.ctx.db.prepare('INSERT INTO comment (document_id, id, created_at, data) VALUES (?, ?, ?, ?)').run(doc.id, 'c1', '2026-11-27T10:00:00.000Z', '{"text":"Kiểm tra"}');
  const saved = await callOk<ExchangeSaved>(reporter.ctx, 'exchange.save', { id: doc.id });
  return Buffer.from(saved.data, 'base64');
}

let reporter: Lib;
let good: Buffer;
let corpus: HostileFile[];
const EXISTING = 'ed-1';

beforeAll(async () => {
  reporter = await tempLibrary();
  good = await reporterFile(reporter);
  corpus = hostileReviewFiles(good, EXISTING);
});
afterAll(() => reporter.close());

describe('review files from outside: refused, or opened safely, within a few seconds', () => {
  let editor: Lib;
  let before: string;
  let existing: LoadedDocument;
  beforeEach(async () => {
    editor = await tempLibrary();
    let n = 0;
    editor.ctx.newId = () => `ed-${++n}`;
    existing = await callOk<LoadedDocument>(editor.ctx, 'document.create', { language: 'en' });
    expect(existing.doc.id).toBe(EXISTING);
    before = dumpLibrary(editor.ctx.db);
  });
  afterEach(() => editor.close());

  /** The editor's own interview, exactly as it was. */
  async function existingUntouched(): Promise<void> {
    expect(await callOk<LoadedDocument>(editor.ctx, 'document.load', { id: EXISTING })).toEqual(existing);
    expect((await callOk<{ versions: HistoryEntry[] }>(editor.ctx, 'history.list', { id: EXISTING })).versions.map((v) => v.revision)).toEqual([1]);
  }

  // Built lazily: the corpus exists once beforeAll has run, after the tests are collected.
  const names = [
    'endless-view.interview',
    'endless-view-extra.interview',
    'trigger.interview',
    'fts5.interview',
    'extra-column.interview',
    'missing-column.interview',
    'generated-column.interview',
    'extra-index.interview',
    'many-rows.interview',
    'huge-cell.interview',
    'claims-200mb.interview',
    'photo.interview',
    'truncated.interview',
    'header-only.interview',
    'zero.interview',
    'wal.interview',
    'revision-minus-10.interview',
    'revision-2-53.interview',
    'id-collision.interview',
  ];

  it('covers the whole corpus', () => {
    expect(corpus.map((f) => f.name).sort()).toEqual([...names].sort());
  });

  for (const name of names) {
    it(name, async () => {
      const file = corpus.find((f) => f.name === name)!;
      const started = performance.now();
      const r = await dispatch('exchange.open', { fileName: file.name, data: file.bytes.toString('base64') }, editor.ctx);
      expect(performance.now() - started, file.what).toBeLessThan(WITHIN_MS);

      if ('refused' in file.expected) {
        expect(r, file.what).toMatchObject({ ok: false, error: { code: file.expected.refused } });
        expect((r as { error: ApiError }).error.message).toMatch(file.expected.because);
        expect((r as { error: ApiError }).error.message).toMatch(/nothing was changed/i);
        expect(dumpLibrary(editor.ctx.db), 'the library is exactly as before').toBe(before);
        return;
      }

      expect(r.ok, r.ok ? '' : `${r.error.code}: ${r.error.message}`).toBe(true);
      const opened = (r as { value: ExchangeOpened }).value;
      expect(opened.outcome).toBe(file.expected.opened);
      await existingUntouched();
      if (file.expected.opened === 'copied') expect(opened.id).not.toBe(EXISTING);

      // The revisions are the library's own: 1 … n below the file's state, whatever the file said.
      const { current, versions } = await callOk<{ current: number; versions: HistoryEntry[] }>(editor.ctx, 'history.list', { id: opened.id });
      expect(current).toBe(opened.revision);
      expect(versions.map((v) => v.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
      expect(current).toBe(versions.length);

      // And the interview works: it is saved on top, saved again, and sent on as a readable file.
      const loaded = await callOk<LoadedDocument>(editor.ctx, 'document.load', { id: opened.id });
      expect(loaded.doc.meta.headline).toBe('Long An: Kết nạp đảng viên');
      const edited = { ...loaded.doc, meta: { ...loaded.doc.meta, byline: 'Biên tập' } };
      const saved = await callOk<{ revision: number }>(editor.ctx, 'document.save', { id: opened.id, baseRevision: loaded.revision, doc: edited });
      expect(saved.revision).toBe(loaded.revision + 1);
      await callOk(editor.ctx, 'document.save', { id: opened.id, baseRevision: saved.revision, doc: { ...edited, meta: { ...edited.meta, byline: 'Hoa' } } });
      const onward = await callOk<ExchangeSaved>(editor.ctx, 'exchange.save', { id: opened.id });
      const back = await readExchangeFile(Buffer.from(onward.data, 'base64'), onward.fileName);
      // A base is named only from a number a library can have (the genuine file's, or none).
      if (back.basedOn) expect(back.basedOn.revision).toBeGreaterThanOrEqual(1);
      if (name.startsWith('revision-')) expect(back.basedOn).toBeNull();
    });
  }

  it('a file opened twice under an exchange id another file used is recognised by its content, not its id', async () => {
    const first = await callOk<ExchangeOpened>(editor.ctx, 'exchange.open', { fileName: 'a.interview', data: good.toString('base64') });
    expect(first.outcome).toBe('created');
    // Same exchange id, other interview (another id and headline).
    const other = alteredFile(good, (db) => {
      db.exec(`UPDATE document SET id = 'other-1', body = json_set(json_set(body, '$.id', 'other-1'), '$.meta.headline', 'Một bài khác')`);
      db.exec(`UPDATE manifest SET value = 'other-1' WHERE key = 'document_id'`);
    });
    const second = await callOk<ExchangeOpened>(editor.ctx, 'exchange.open', { fileName: 'b.interview', data: other.toString('base64') });
    expect(second).toMatchObject({ outcome: 'created', id: 'other-1' });
    expect(await callOk<ExchangeOpened>(editor.ctx, 'exchange.open', { fileName: 'b.interview', data: other.toString('base64') })).toMatchObject({ outcome: 'already_opened', id: 'other-1' });
    expect(await callOk<ExchangeOpened>(editor.ctx, 'exchange.open', { fileName: 'a.interview', data: good.toString('base64') })).toMatchObject({ outcome: 'already_opened', id: first.id });
  });

  it('an imported interview whose JSON carries the id of another interview becomes a new one', async () => {
    const created = await callOk<LoadedDocument>(editor.ctx, 'document.createFrom', { doc: { ...existing.doc, meta: { ...existing.doc.meta, headline: 'Nhập từ tệp' } } });
    expect(created.doc.id).not.toBe(EXISTING);
    expect(created.revision).toBe(1);
    await existingUntouched();
  });

  it('keeps answering while a file is examined; one past its time limit is refused and changes nothing', async () => {
    const settled: string[] = [];
    const opening = openReviewFile(editor.ctx, 'slow.interview', good.toString('base64'), { timeLimitMs: 1 }).then(
      () => settled.push('open'),
      (err: { code: string; message: string }) => {
        settled.push('open refused');
        return err;
      },
    );
    // A save and a listing, asked for after the open, are answered before it.
    const doc = { ...existing.doc, meta: { ...existing.doc.meta, headline: 'Typed meanwhile' } };
    const saved = await callOk<{ revision: number }>(editor.ctx, 'document.save', { id: EXISTING, baseRevision: 1, doc });
    settled.push('save');
    await callOk(editor.ctx, 'library.list', {});
    settled.push('list');
    const err = await opening;
    expect(settled).toEqual(['save', 'list', 'open refused']);
    expect(err).toMatchObject({ code: 'unsafe_file', message: expect.stringMatching(/“slow\.interview” was not opened: examining it took longer than 1 second/) });
    expect(saved.revision).toBe(2);
    expect((await callOk<{ items: { id: string }[] }>(editor.ctx, 'library.list', {})).items.map((i) => i.id)).toEqual([EXISTING]);
  });
});

describe('genuine libraries pass the exact schema check', () => {
  it('every earlier format (a pre-migration backup) and every migrated library, comments and spacing of old versions aside', async () => {
    const fixtures = readdirSync(FIXTURES).filter((n) => /^library-v\d+\.sql$/.test(n));
    expect(fixtures.length).toBeGreaterThanOrEqual(7);
    for (const name of fixtures) {
      const { dir: d, cleanup } = tempDir();
      try {
        const file = join(d, LIBRARY_FILE);
        const db = new Database(file);
        db.exec(readFileSync(join(FIXTURES, name), 'utf8'));
        db.close();
        const words = { noun: 'library', advice: 'Restore it from a backup' };
        await expect(checkForeignLibrary({ copyOf: file }, { name, words, integrity: 'full' }), `${name} as it is`).resolves.toBeUndefined();
        closeLibrary(await openLibrary(file));
        await expect(checkForeignLibrary({ copyOf: file }, { name, words, integrity: 'full' }), `${name} migrated`).resolves.toBeUndefined();
      } finally {
        cleanup();
      }
    }
  });
});

describe('backups being restored are checked as files from outside', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((f) => f()));

  it('a hostile backup is refused and changes nothing; a genuine one is then restored', async () => {
    const { dir: d, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(d, LIBRARY_FILE);
    const first = await openLibrarySession(d, { backups: false });
    const created = await callOk<LoadedDocument>(first.ctx, 'document.create', { language: 'vi' });
    const genuine = await writeRotatingBackup(first.ctx.db, d, new Date('2026-11-01T10:00:00.000Z'));
    first.close();
    const goodLibrary = readFileSync(join(d, 'backups', genuine.name));

    // Newer "backups", each hostile, then the library is damaged.
    const hostile = hostileLibraries(goodLibrary);
    hostile.forEach((h, i) => writeFileSync(join(d, 'backups', `library-2026-11-0${2 + i}T10-00-00-000Z.sqlite`), h.bytes));
    writeFileSync(join(d, 'backups', 'library-2026-11-09T10-00-00-000Z.sqlite'), 'not a database');
    const bytes = readFileSync(file);
    for (let i = 4096; i < bytes.length; i += 61) bytes[i] = bytes[i]! ^ 0xa5;
    writeFileSync(file, bytes);

    const session = await openRecoverableSession(d, { backups: false, restoreTimeLimitMs: WITHIN_MS });
    cleanups.unshift(() => session.close());
    expect(await callOk(session.ctx, 'library.health', {})).toMatchObject({ damaged: true });
    const dataDirBefore = readdirSync(d).sort();
    for (const [i, h] of hostile.entries()) {
      const started = performance.now();
      const r = await dispatch('backup.restore', { name: `library-2026-11-0${2 + i}T10-00-00-000Z.sqlite` }, session.ctx);
      expect(performance.now() - started).toBeLessThan(WITHIN_MS);
      expect(r, h.what).toMatchObject({ ok: false, error: { code: 'unsafe_file', message: expect.stringMatching(h.expected && 'refused' in h.expected ? h.expected.because : /./) } });
      expect(readFileSync(file).equals(bytes), 'the damaged library stays where it is').toBe(true);
      expect(readdirSync(d).sort()).toEqual(dataDirBefore);
    }
    expect(await dispatch('backup.restore', { name: 'library-2026-11-09T10-00-00-000Z.sqlite' }, session.ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_file', message: expect.stringMatching(/not a database at all/) },
    });
    expect(existsSync(join(d, 'damaged'))).toBe(false);

    expect(await dispatch('backup.restore', { name: genuine.name }, session.ctx)).toEqual({ ok: true, value: {} });
    expect((await callOk<{ items: { id: string }[] }>(session.ctx, 'library.list', {})).items.map((i) => i.id)).toEqual([created.doc.id]);
  });
});
