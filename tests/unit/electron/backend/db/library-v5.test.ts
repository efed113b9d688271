/** Migration v5 (the list of interviews whose search index is behind their body) from a hand-written v4 library. */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeLibrary, LIBRARY_SCHEMA_VERSION, openLibrary } from '../../../../../electron/backend/db/open-library';
import { dispatch } from '../../../../../electron/backend/dispatch';
import { changesBetween } from '../../../../../shared/api/document-changes';
import type { LoadedDocument } from '../../../../../shared/api/contract';
import { tempDir } from '../../../../helpers/temp-library';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('migration to v5', () => {
  it('keeps a v4 library’s interviews, history, trash and index, and autosaves of changed blocks are found by the next search', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'library.sqlite');
    const fixture = new Database(file);
    fixture.exec(readFileSync(new URL('../../../../fixtures/library-v4.sql', import.meta.url), 'utf8'));
    fixture.close();

    const db = await openLibrary(file);
    expect(LIBRARY_SCHEMA_VERSION).toBeGreaterThanOrEqual(5);
    expect(db.pragma('user_version', { simple: true })).toBe(LIBRARY_SCHEMA_VERSION);
    const ctx = { db, now: () => new Date('2026-03-01T10:00:00Z'), newId: () => 'copy-1' };
    const call = async (channel: string, input: unknown) => {
      const r = await dispatch(channel, input, ctx);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as Record<string, unknown>;
    };
    const hits = async (query: string) => ((await call('library.search', { query })).hits as { id: string }[]).map((h) => h.id);

    // What v4 held is all there: the list, the trash, the history with its name and event, the index.
    expect(((await call('library.list', {})) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(['fixture-4']);
    expect(((await call('trash.list', {})) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(['fixture-4-old']);
    const history = (await call('history.list', { id: 'fixture-4' })) as { versions: { revision: number; kind: string; name: string }[] };
    expect(history.versions.map((v) => [v.revision, v.kind, v.name])).toEqual([
      [4, 'export', ''],
      [3, 'auto', 'Bản đầu'],
    ]);
    expect(await hits('dang vien')).toEqual(['fixture-4']);
    expect(db.prepare('SELECT count(*) AS n FROM search_pending').get()).toEqual({ n: 0 });

    // The new table works: an autosave of a changed block is marked, and the next search catches up.
    const loaded = (await call('document.load', { id: 'fixture-4' })) as unknown as LoadedDocument;
    const typed = { ...loaded.doc, body: loaded.doc.body.map((b, i) => (i === 1 ? { type: 'paragraph' as const, children: [{ text: 'TTXVN - Hợp tác xã Quỳnh Lưu.' }] } : b)) };
    await call('document.saveChanges', { id: 'fixture-4', baseRevision: loaded.revision, ...changesBetween(loaded.doc, typed)! });
    expect(db.prepare('SELECT document_id FROM search_pending').pluck().all()).toEqual(['fixture-4']);
    expect(await hits('quynh luu')).toEqual(['fixture-4']);
    expect(db.prepare('SELECT count(*) AS n FROM search_pending').get()).toEqual({ n: 0 });
    db.exec(`INSERT INTO document_fts(document_fts, rank) VALUES ('integrity-check', 1)`);
    closeLibrary(db);

    const backup = new Database(`${file}.pre-v${LIBRARY_SCHEMA_VERSION}.bak`, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(4);
    backup.close();
  });
});
