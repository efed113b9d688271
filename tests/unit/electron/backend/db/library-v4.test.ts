/** Migration v4 (trash, labelled revisions, comments, opened review files) from a hand-written v3 library. */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeLibrary, LIBRARY_SCHEMA_VERSION, openLibrary } from '../../../../../electron/backend/db/open-library';
import { dispatch } from '../../../../../electron/backend/dispatch';
import { tempDir } from '../../../../helpers/temp-library';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('migration to v4', () => {
  it('keeps a v3 library’s interviews, revisions and newsroom data, and adds the trash and history columns', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'library.sqlite');
    const fixture = new Database(file);
    fixture.exec(readFileSync(new URL('../../../../fixtures/library-v3.sql', import.meta.url), 'utf8'));
    fixture.close();

    const db = await openLibrary(file);
    expect(LIBRARY_SCHEMA_VERSION).toBeGreaterThanOrEqual(4);
    expect(db.pragma('user_version', { simple: true })).toBe(LIBRARY_SCHEMA_VERSION);
    const ctx = { db, now: () => new Date('2026-03-01T10:00:00Z'), newId: () => 'copy-1' };
    const call = async (channel: string, input: unknown) => {
      const r = await dispatch(channel, input, ctx);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as Record<string, unknown>;
    };

    // Old revisions read as autosaves; the document is not in the trash.
    const history = (await call('history.list', { id: 'fixture-3' })) as { current: number; versions: { revision: number; kind: string; name: string }[] };
    expect(history.current).toBe(4);
    expect(history.versions.map((v) => [v.revision, v.kind, v.name])).toEqual([
      [4, 'auto', ''],
      [3, 'auto', ''],
    ]);
    expect(((await call('library.list', {})) as { items: unknown[] }).items).toHaveLength(1);
    expect(((await call('settings.get', {})) as { destinations: { id: string }[] }).destinations.map((d) => d.id)).toEqual(['desk']);
    expect(((await call('newsroom.log', {})) as { entries: unknown[] }).entries).toHaveLength(1);

    // The new columns work: trash hides it from the list and from search; the old version compares.
    await call('trash.put', { id: 'fixture-3' });
    expect(((await call('library.list', {})) as { items: unknown[] }).items).toHaveLength(0);
    expect(((await call('library.search', { query: 'dang vien' })) as { hits: unknown[] }).hits).toHaveLength(0);
    expect(((await call('trash.list', {})) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(['fixture-3']);
    const old = (await call('history.get', { id: 'fixture-3', revision: 3 })) as { doc: { meta: { headline: string } } };
    expect(old.doc.meta.headline).toBe('Long An: Kết nạp đảng viên năm 2025');
    expect(db.prepare('SELECT count(*) AS n FROM comment').get()).toEqual({ n: 0 });
    closeLibrary(db);

    const backup = new Database(`${file}.pre-v${LIBRARY_SCHEMA_VERSION}.bak`, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(3);
    backup.close();
  });
});
