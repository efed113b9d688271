/**
 * Saves are idempotent (documents.ts): a save that was stored but whose answer was lost is sent
 * again with the same id and recognised as the same save — stored once, no conflict — across a
 * restart of the backend; and a real conflict keeps both versions.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../../electron/backend/context';
import { closeLibrary, openLibrary } from '../../../../electron/backend/db/open-library';
import { dispatch } from '../../../../electron/backend/dispatch';
import { revisionsToDrop } from '../../../../electron/backend/revision-retention';
import type { HistoryEntry, LoadedDocument, LoadedVersion } from '../../../../shared/api/contract';
import { changesBetween } from '../../../../shared/api/document-changes';
import type { Interview, Paragraph } from '../../../../shared/model/schema';
import { tempDir } from '../../../helpers/temp-library';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

/** A library on disk that can be closed and opened again, as a crashed host is restarted. */
async function library() {
  const t = tempDir();
  const file = join(t.dir, 'library.sqlite');
  let clock = Date.parse('2026-11-27T10:00:00.000Z');
  let db = await openLibrary(file);
  const ctx = (): HandlerContext => ({ db, now: () => new Date((clock += 1000)), newId: () => 'doc-1' });
  cleanups.push(() => {
    if (db.open) closeLibrary(db);
    t.cleanup();
  });
  return {
    call: async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await dispatch(channel, input, ctx());
      if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.code}: ${r.error.message}`), { error: r.error });
      return r.value as T;
    },
    raw: (channel: string, input: unknown) => dispatch(channel, input, ctx()),
    /** The host died and came back: a new connection, nothing held in memory. */
    restart: async () => {
      closeLibrary(db);
      db = await openLibrary(file);
    },
    later: (ms: number) => (clock += ms),
    db: () => db,
  };
}

const typed = (doc: Interview, text: string): Interview => ({ ...doc, body: [{ type: 'paragraph', children: [{ text }] }, ...doc.body.slice(1)] });
const firstText = (doc: Interview) => (doc.body[0] as Paragraph).children.map((l) => l.text).join('');

describe('a save stored but not acknowledged', () => {
  it('document.saveChanges: sent again after a restart with the same id, it is the same save — one revision, no conflict — and what is typed next is stored on it', async () => {
    const lib = await library();
    const opened = await lib.call<LoadedDocument>('document.create', { language: 'vi' });
    const first = typed(opened.doc, 'Năm nay tỉnh Long An');
    const request = { id: opened.doc.id, baseRevision: opened.revision, ...changesBetween(opened.doc, first)!, saveId: 'save-a' };

    const stored = await lib.call<{ revision: number; savedAt: string }>('document.saveChanges', request);
    // …the host crashes before the answer reaches the editor, and is started again.
    await lib.restart();
    const retried = await lib.call<{ revision: number; savedAt: string }>('document.saveChanges', request);
    expect(retried).toEqual(stored);
    expect((await lib.call<{ versions: HistoryEntry[] }>('history.list', { id: opened.doc.id })).versions.map((v) => v.revision)).toEqual([2, 1]);
    expect(lib.db().prepare('SELECT count(*) FROM revision WHERE document_id = ?').pluck().get(opened.doc.id)).toBe(2);

    // The editor goes on from the acknowledged revision: the text typed meanwhile is stored.
    const next = typed(first, 'Năm nay tỉnh Long An kết nạp nhiều đảng viên.');
    const after = await lib.call<{ revision: number }>('document.saveChanges', { id: opened.doc.id, baseRevision: retried.revision, ...changesBetween(first, next)!, saveId: 'save-b' });
    expect(after.revision).toBe(3);
    expect(firstText((await lib.call<LoadedDocument>('document.load', { id: opened.doc.id })).doc)).toBe('Năm nay tỉnh Long An kết nạp nhiều đảng viên.');
  });

  it('document.save: the same, for a save that continued a working burst (its revision took the place of the one before)', async () => {
    const lib = await library();
    const opened = await lib.call<LoadedDocument>('document.create', { language: 'vi' });
    const a = typed(opened.doc, 'một');
    const b = typed(opened.doc, 'một hai');
    const ra = await lib.call<{ revision: number }>('document.save', { id: opened.doc.id, baseRevision: 1, doc: a, saveId: 'save-a' });
    const rb = await lib.call<{ revision: number; savedAt: string }>('document.save', { id: opened.doc.id, baseRevision: ra.revision, doc: b, saveId: 'save-b' });
    expect((await lib.call<{ versions: HistoryEntry[] }>('history.list', { id: opened.doc.id })).versions.map((v) => v.revision)).toEqual([3, 1]); // one burst
    await lib.restart();
    await expect(lib.call('document.save', { id: opened.doc.id, baseRevision: ra.revision, doc: b, saveId: 'save-b' })).resolves.toEqual(rb);
    expect((await lib.call<{ versions: HistoryEntry[] }>('history.list', { id: opened.doc.id })).versions.map((v) => v.revision)).toEqual([3, 1]);
    expect(firstText((await lib.call<LoadedDocument>('document.load', { id: opened.doc.id })).doc)).toBe('một hai');
  });

  it('a save that was not stored (the crash came first) is stored when sent again', async () => {
    const lib = await library();
    const opened = await lib.call<LoadedDocument>('document.create', { language: 'en' });
    await lib.restart();
    const saved = await lib.call<{ revision: number }>('document.save', { id: opened.doc.id, baseRevision: 1, doc: typed(opened.doc, 'first words'), saveId: 'save-a' });
    expect(saved.revision).toBe(2);
  });

  it('without a save id, a second identical save is still a conflict (the old contract)', async () => {
    const lib = await library();
    const opened = await lib.call<LoadedDocument>('document.create', { language: 'en' });
    const doc = typed(opened.doc, 'x');
    await lib.call('document.save', { id: opened.doc.id, baseRevision: 1, doc });
    expect(await lib.raw('document.save', { id: opened.doc.id, baseRevision: 1, doc })).toMatchObject({ ok: false, error: { code: 'conflict', currentRevision: 2 } });
  });
});

describe('a real conflict', () => {
  it('keeps both: the editor’s text on top as a `conflict` revision naming the other, the other just below it, kept as time passes', async () => {
    const lib = await library();
    const opened = await lib.call<LoadedDocument>('document.create', { language: 'vi' });
    const id = opened.doc.id;
    // Another window stores its version of revision 1…
    await lib.call('document.save', { id, baseRevision: 1, doc: typed(opened.doc, 'Bản của cửa sổ kia'), saveId: 'other' });
    // …so this editor's save, on revision 1, conflicts; it keeps both.
    const mine = typed(opened.doc, 'Bản của tôi');
    expect(await lib.raw('document.save', { id, baseRevision: 1, doc: mine, saveId: 'mine' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const kept = await lib.call<{ revision: number; savedAt: string; kept?: { other: number } }>('document.save', { id, baseRevision: 1, doc: mine, saveId: 'mine', onConflict: 'keep' });
    expect(kept).toMatchObject({ revision: 3, kept: { other: 2 } });
    // Its answer lost too: the same save, with the same news.
    await expect(lib.call('document.save', { id, baseRevision: 1, doc: mine, saveId: 'mine', onConflict: 'keep' })).resolves.toEqual(kept);

    expect(firstText((await lib.call<LoadedDocument>('document.load', { id })).doc)).toBe('Bản của tôi');
    const { versions } = await lib.call<{ versions: HistoryEntry[] }>('history.list', { id });
    expect(versions.slice(0, 2)).toMatchObject([
      { revision: 3, kind: 'conflict', note: '2' },
      { revision: 2, kind: 'auto' },
    ]);
    expect(firstText((await lib.call<LoadedVersion>('history.get', { id, revision: 2 })).doc)).toBe('Bản của cửa sổ kia');

    // Days of autosaves later, the other version is still there.
    let doc = mine;
    let revision = 3;
    for (let day = 0; day < 5; day++) {
      lib.later(24 * 3_600_000);
      doc = typed(doc, `Ngày ${day}`);
      revision = (await lib.call<{ revision: number }>('document.save', { id, baseRevision: revision, doc, saveId: `day-${day}` })).revision;
    }
    const after = (await lib.call<{ versions: HistoryEntry[] }>('history.list', { id })).versions.map((v) => v.revision);
    expect(after).toContain(2);
    expect(after).toContain(3);
  });

  it('retention keeps the revision right before a `conflict` and a `repair`, as before a `restore`', () => {
    const at = (h: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + h * 3_600_000).toISOString();
    const rows = [
      { revision: 1, savedAt: at(0), kind: 'import', name: '' },
      { revision: 2, savedAt: at(1), kind: 'auto', name: '' },
      { revision: 3, savedAt: at(1.1), kind: 'conflict', name: '' },
      { revision: 4, savedAt: at(2), kind: 'auto', name: '' },
      { revision: 5, savedAt: at(2.1), kind: 'repair', name: '' },
      { revision: 6, savedAt: at(3), kind: 'auto', name: '' },
      { revision: 7, savedAt: at(3.01), kind: 'auto', name: '' },
      { revision: 8, savedAt: at(500), kind: 'auto', name: '' },
    ];
    expect(revisionsToDrop(rows)).toEqual([6]);
  });
});
