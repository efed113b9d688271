/** Migration v9 (the `media` table listing recordings) from a hand-written v8 library. */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../../../electron/backend/context';
import { closeLibrary, LIBRARY_SCHEMA_VERSION, openLibrary } from '../../../../../electron/backend/db/open-library';
import { dispatch } from '../../../../../electron/backend/dispatch';
import { findMedia, listMedia, registerMedia } from '../../../../../electron/backend/media/media-table';
import { storeMedia } from '../../../../../electron/backend/media/store-media';
import type { LoadedDocument } from '../../../../../shared/api/contract';
import { tempDir } from '../../../../helpers/temp-library';
import { sineWav } from '../../../../helpers/wav';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

describe('migration to v9', () => {
  it('adds an empty media table to a v8 library, whose interviews open unchanged; a recording stored then is listed and attached', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'library.sqlite');
    const fixture = new Database(file);
    fixture.exec(readFileSync(new URL('../../../../fixtures/library-v8.sql', import.meta.url), 'utf8'));
    fixture.close();

    const db = await openLibrary(file);
    cleanups.unshift(() => closeLibrary(db));
    expect(LIBRARY_SCHEMA_VERSION).toBeGreaterThanOrEqual(9);
    expect(db.pragma('user_version', { simple: true })).toBe(LIBRARY_SCHEMA_VERSION);
    expect((db.prepare('PRAGMA table_info(media)').all() as { name: string }[]).map((c) => c.name)).toEqual(['sha256', 'byte_length', 'mime', 'name', 'duration_ms', 'created_at']);
    expect(listMedia(db)).toEqual([]);

    let clock = Date.parse('2026-12-01T10:00:00Z');
    const ctx: HandlerContext = { db, now: () => new Date((clock += 1000)), newId: () => 'x-new' };
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await dispatch(channel, input, ctx);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as T;
    };
    const opened = await call<LoadedDocument>('document.load', { id: 'fixture-7' });
    expect(opened.revision).toBe(3);
    expect(opened.doc.recordings).toBeUndefined();

    const wav = sineWav({ seconds: 1 });
    const stored = await storeMedia(t.dir, once(wav));
    const recording = registerMedia(db, stored, 'C:\\Ghi âm\\phỏng vấn ông Hải.wav', ctx.now());
    expect(recording).toEqual({ id: stored.id, name: 'phỏng vấn ông Hải.wav', mime: 'audio/wav', bytes: wav.length, durationMs: 1000 });
    expect(findMedia(db, stored.id)).toMatchObject({ name: 'phỏng vấn ông Hải.wav', createdAt: '2026-12-01T10:00:01.000Z' });
    await call('document.save', { id: 'fixture-7', baseRevision: 3, doc: { ...opened.doc, recordings: [recording] } });
    expect((await call<LoadedDocument>('document.load', { id: 'fixture-7' })).doc.recordings).toEqual([recording]);
  });
});
