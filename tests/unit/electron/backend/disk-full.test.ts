/**
 * A full disk, made real with SQLite's page limit (the same SQLITE_FULL a full disk gives): a save
 * is refused as `disk_full` with what to do, the last stored state is intact, and closing the
 * library does not throw. A read-only library is `read_only`.
 */
import { describe, expect, it } from 'vitest';
import { closeLibrary } from '../../../../electron/backend/db/open-library';
import { dispatch, storageProblem } from '../../../../electron/backend/dispatch';
import type { LoadedDocument } from '../../../../shared/api/contract';
import type { Result } from '../../../../shared/api/result';
import { tempLibrary } from '../../../helpers/temp-library';

async function value<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

describe('a full disk', () => {
  it('refuses the save as disk_full, keeps the last stored state, and closes cleanly', async () => {
    const lib = await tempLibrary();
    const logged: string[] = [];
    const call = (channel: string, input: unknown) => dispatch(channel, input, lib.ctx, { log: (m) => logged.push(m) });
    const created = await value<LoadedDocument>(call('document.create', { language: 'vi' }));
    const pages = lib.ctx.db.pragma('page_count', { simple: true }) as number;
    lib.ctx.db.pragma(`max_page_count = ${pages}`); // no room for one more page

    const big = { ...created.doc, body: [{ type: 'paragraph', children: [{ text: 'chữ '.repeat(20_000) }] }] };
    const result = await call('document.save', { id: created.doc.id, baseRevision: created.revision, doc: big });
    expect(result).toEqual({ ok: false, error: { code: 'disk_full', message: expect.stringMatching(/disk holding the library is full.*intact.*free some space/) } });
    expect(logged).toEqual(['handler document.save: disk_full']);

    expect(await value<LoadedDocument>(call('document.load', { id: created.doc.id }))).toEqual(created);
    expect(() => closeLibrary(lib.ctx.db)).not.toThrow();
    lib.close();
  });
});

describe('storage problems', () => {
  it('names full and read-only disks from SQLite and Node codes, and nothing else', () => {
    expect(storageProblem(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))?.code).toBe('disk_full');
    expect(storageProblem(Object.assign(new Error('no space'), { code: 'ENOSPC' }))?.code).toBe('disk_full');
    expect(storageProblem(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }))?.code).toBe('read_only');
    expect(storageProblem(Object.assign(new Error('x'), { code: 'SQLITE_READONLY_DIRECTORY' }))?.code).toBe('read_only');
    expect(storageProblem(Object.assign(new Error('read-only file system'), { code: 'EROFS' }))?.code).toBe('read_only');
    expect(storageProblem(Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT' }))).toBeNull();
    expect(storageProblem(new Error('plain'))).toBeNull();
    expect(storageProblem(null)).toBeNull();
  });
});
