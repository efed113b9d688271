/** Migration v6 (revision authors and working bursts) from a hand-written v5 library. */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeLibrary, LIBRARY_SCHEMA_VERSION, openLibrary } from '../../../../../electron/backend/db/open-library';
import { dispatch } from '../../../../../electron/backend/dispatch';
import type { HistoryEntry, LoadedDocument, LoadedVersion } from '../../../../../shared/api/contract';
import { changesBetween } from '../../../../../shared/api/document-changes';
import type { Interview } from '../../../../../shared/model/schema';
import { tempDir } from '../../../../helpers/temp-library';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('migration to v6', () => {
  it('keeps a v5 library’s history as it was (no authors, one entry per old save), and new autosaves are by the profile and coalesced', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'library.sqlite');
    const fixture = new Database(file);
    fixture.exec(readFileSync(new URL('../../../../fixtures/library-v5.sql', import.meta.url), 'utf8'));
    fixture.close();

    const db = await openLibrary(file);
    expect(LIBRARY_SCHEMA_VERSION).toBeGreaterThanOrEqual(6);
    expect(db.pragma('user_version', { simple: true })).toBe(LIBRARY_SCHEMA_VERSION);
    let now = Date.parse('2026-03-01T10:00:00Z');
    const ctx = { db, now: () => new Date(now), newId: () => 'copy-1' };
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await dispatch(channel, input, ctx);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as T;
    };
    const history = async () => (await call<{ versions: HistoryEntry[] }>('history.list', { id: 'fixture-5' })).versions;

    // The old rows are all there, unchanged, each standing for itself, with no author.
    expect((await history()).map((v) => [v.revision, v.kind, v.name, v.author, v.startedAt === v.savedAt])).toEqual([
      [6, 'export', '', '', true],
      [5, 'auto', 'Bản gửi', '', true],
      [4, 'auto', '', '', true],
      [3, 'auto', '', '', true],
      [2, 'auto', '', '', true],
      [1, 'auto', '', '', true],
    ]);
    const old = await call<LoadedVersion>('history.get', { id: 'fixture-5', revision: 3 });
    expect(JSON.stringify(old.doc.body)).toContain('tăng 30%');

    // New autosaves a minute apart: one entry by the profile, from the first to the last.
    const loaded = await call<LoadedDocument>('document.load', { id: 'fixture-5' });
    let doc: Interview = loaded.doc;
    let revision = loaded.revision;
    for (const answer of ['Năm nay tăng 25%', 'Năm nay tăng 25% so với năm trước.']) {
      now += 60_000;
      const next: Interview = { ...doc, body: doc.body.map((b, i) => (i === 1 ? { type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: answer }] }] } : b)) };
      revision = (await call<{ revision: number }>('document.saveChanges', { id: 'fixture-5', baseRevision: revision, ...changesBetween(doc, next)! })).revision;
      doc = next;
    }
    const [newest, ...rest] = await history();
    expect(newest).toMatchObject({ revision: 8, kind: 'auto', author: 'Lan', startedAt: '2026-03-01T10:01:00.000Z', savedAt: '2026-03-01T10:02:00.000Z' });
    // The old versions are not taken into the new burst; a month on, the retention policy thins
    // 1 February's autosaves to that day's last, as it did before v6.
    expect(rest.map((v) => v.revision)).toEqual([6, 5, 4, 1]);
    expect(db.prepare('SELECT author, started_at FROM revision WHERE revision = 8').get()).toEqual({ author: 'Lan', started_at: '2026-03-01T10:01:00.000Z' });
    closeLibrary(db);

    const backup = new Database(`${file}.pre-v${LIBRARY_SCHEMA_VERSION}.bak`, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(5);
    backup.close();
  });
});
