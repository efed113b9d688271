/** Trash, duplicate, revision history (names, events, restore) through the real handlers. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/backend/dispatch';
import type { HistoryEntry, LoadedDocument } from '../../../../shared/api/contract';
import type { Interview } from '../../../../shared/model/schema';
import { tempLibrary } from '../../../helpers/temp-library';

let lib: Awaited<ReturnType<typeof tempLibrary>>;
beforeEach(async () => {
  lib = await tempLibrary();
});
afterEach(() => lib.close());

async function call<T = Record<string, unknown>>(channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input, lib.ctx);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
async function failure(channel: string, input: unknown) {
  const r = await dispatch(channel, input, lib.ctx);
  if (r.ok) throw new Error(`${channel} succeeded`);
  return r.error;
}

function written(doc: Interview, headline: string, answer: string): Interview {
  return {
    ...doc,
    meta: { ...doc.meta, headline },
    body: [
      { type: 'turn', speakerId: 'p1', children: [{ type: 'paragraph', children: [{ text: 'Thưa ông, đảng bộ làm thế nào?' }] }] },
      { type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: answer }] }] },
    ],
  };
}

async function story(headline = 'Long An: Kết nạp đảng viên'): Promise<{ doc: Interview; revision: number }> {
  const { doc } = await call<LoadedDocument>('document.create', { language: 'vi' });
  const next = written(doc, headline, 'Chúng tôi chủ động.');
  const { revision } = await call<{ revision: number }>('document.save', { id: doc.id, baseRevision: 1, doc: next });
  return { doc: next, revision };
}

describe('trash', () => {
  it('hides an interview from the list and search, lists it in the trash, and restores it whole', async () => {
    const { doc } = await story();
    await call('trash.put', { id: doc.id });
    expect((await call<{ items: unknown[] }>('library.list', {})).items).toEqual([]);
    expect((await call<{ hits: unknown[] }>('library.search', { query: 'dang vien' })).hits).toEqual([]);
    const trash = await call<{ items: { id: string; headline: string; deletedAt: string }[] }>('trash.list', {});
    expect(trash.items).toEqual([expect.objectContaining({ id: doc.id, headline: 'Long An: Kết nạp đảng viên', deletedAt: expect.any(String) })]);
    // Still readable (and its history intact) while in the trash.
    expect((await call<LoadedDocument>('document.load', { id: doc.id })).doc.meta.headline).toBe('Long An: Kết nạp đảng viên');

    await call('trash.restore', { id: doc.id });
    expect((await call<{ items: { id: string }[] }>('library.list', {})).items.map((i) => i.id)).toEqual([doc.id]);
    expect((await call<{ hits: unknown[] }>('library.search', { query: 'dang vien' })).hits).toHaveLength(1);
    expect((await call<{ items: unknown[] }>('trash.list', {})).items).toEqual([]);
    expect((await call<{ versions: unknown[] }>('history.list', { id: doc.id })).versions).toHaveLength(2);
  });

  it('deletes forever only from the trash', async () => {
    const { doc } = await story();
    expect((await failure('trash.deleteForever', { id: doc.id })).message).toMatch(/put it in the trash first/);
    expect((await call<{ items: unknown[] }>('library.list', {})).items).toHaveLength(1);
    await call('trash.put', { id: doc.id });
    await call('trash.deleteForever', { id: doc.id });
    expect((await failure('document.load', { id: doc.id })).code).toBe('not_found');
    expect(lib.ctx.db.prepare('SELECT count(*) AS n FROM revision WHERE document_id = ?').get(doc.id)).toEqual({ n: 0 });
    expect((await call<{ items: unknown[] }>('trash.list', {})).items).toEqual([]);
  });

  it('duplicates an interview under a new id, with its own history', async () => {
    const { doc } = await story();
    const copy = await call<LoadedDocument>('document.duplicate', { id: doc.id, headline: 'Bản sao của Long An' });
    expect(copy.doc.id).not.toBe(doc.id);
    expect(copy.doc.meta.headline).toBe('Bản sao của Long An');
    expect(copy.doc.body).toEqual(doc.body);
    const history = await call<{ versions: HistoryEntry[] }>('history.list', { id: copy.doc.id });
    expect(history.versions).toEqual([expect.objectContaining({ revision: 1, kind: 'duplicate', note: doc.id })]);
    expect((await call<{ items: unknown[] }>('library.list', {})).items).toHaveLength(2);
  });
});

describe('history', () => {
  it('names a version, restores an old one as a new revision, and keeps what it replaced', async () => {
    const { doc, revision } = await story();
    // Named while current (a later autosave of the same working burst would otherwise take its place: revision-bursts.ts).
    await call('history.name', { id: doc.id, revision, name: '  Bản gửi tòa soạn  ' });
    const changed = written(doc, 'Long An: tiêu đề mới', 'Một câu trả lời khác.');
    const { revision: r3 } = await call<{ revision: number }>('document.save', { id: doc.id, baseRevision: revision, doc: changed });

    const restored = await call<{ revision: number; replaced: number }>('history.restore', { id: doc.id, revision });
    expect(restored).toMatchObject({ revision: r3 + 1, replaced: r3 });
    expect((await call<LoadedDocument>('document.load', { id: doc.id })).doc.meta.headline).toBe('Long An: Kết nạp đảng viên');
    const history = await call<{ current: number; versions: HistoryEntry[] }>('history.list', { id: doc.id });
    expect(history.current).toBe(r3 + 1);
    expect(history.versions.map((v) => [v.revision, v.kind, v.name, v.note])).toEqual([
      [r3 + 1, 'restore', '', String(revision)],
      [r3, 'auto', '', ''],
      [revision, 'auto', 'Bản gửi tòa soạn', ''],
      [1, 'auto', '', ''],
    ]);
    // The state the restore replaced is still there.
    expect((await call<{ doc: Interview }>('history.get', { id: doc.id, revision: r3 })).doc.meta.headline).toBe('Long An: tiêu đề mới');
    // An editor still on r3 gets a conflict rather than overwriting the restored state.
    expect((await failure('document.save', { id: doc.id, baseRevision: r3, doc: changed })).code).toBe('conflict');
  });

  it('snapshots exports and imports as events', async () => {
    const { doc, revision } = await story();
    const exported = await call<{ file: unknown }>('document.export', { id: doc.id, format: 'html', acceptWarnings: [] });
    expect(exported.file).not.toBeNull();
    const v = await call<HistoryEntry>('history.get', { id: doc.id, revision });
    expect([v.kind, v.note]).toEqual(['export', 'html']);
    const imported = await call<LoadedDocument>('document.createFrom', { doc });
    expect((await call<{ versions: HistoryEntry[] }>('history.list', { id: imported.doc.id })).versions.map((v) => v.kind)).toEqual(['import']);
  });

  it('answers unknown versions and documents with not_found', async () => {
    const { doc } = await story();
    expect((await failure('history.get', { id: doc.id, revision: 99 })).code).toBe('not_found');
    expect((await failure('history.restore', { id: doc.id, revision: 99 })).code).toBe('not_found');
    expect((await failure('history.name', { id: doc.id, revision: 99, name: 'x' })).code).toBe('not_found');
    expect((await failure('history.list', { id: 'nope' })).code).toBe('not_found');
  });
});
