/**
 * The crash between storing and acknowledging, end to end below the browser: the editor's autosaver
 * (renderer/src/document/autosaver.ts) wired to the real backend (dispatch on a library file) through
 * a transport that loses the first answer after the backend stored the save, then finds the host
 * gone, then restarted with nothing in memory. The save is sent again with the same id and
 * recognised; everything typed before, during and after is stored; nothing conflicts.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeLibrary, openLibrary } from '../../../../electron/backend/db/open-library';
import { dispatch } from '../../../../electron/backend/dispatch';
import { Autosaver } from '../../../../renderer/src/document/autosaver';
import { createApi } from '../../../../shared/api/client';
import type { HistoryEntry, LoadedDocument } from '../../../../shared/api/contract';
import type { Result } from '../../../../shared/api/result';
import type { Interview, Paragraph } from '../../../../shared/model/schema';
import { tempDir } from '../../../helpers/temp-library';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const typed = (doc: Interview, text: string): Interview => ({ ...doc, body: [{ type: 'paragraph', children: [{ text }] }, ...doc.body.slice(1)] });
const textOf = (doc: Interview) => (doc.body[0] as Paragraph).children.map((l) => l.text).join('');

async function host() {
  const t = tempDir();
  const file = join(t.dir, 'library.sqlite');
  let db = await openLibrary(file);
  let up = true;
  let loseNextAnswer: 'throw' | 'unavailable' | null = null;
  const requests: { channel: string; saveId?: string; base?: number }[] = [];
  let clock = Date.parse('2026-11-27T10:00:00.000Z');
  cleanups.push(() => {
    if (db.open) closeLibrary(db);
    t.cleanup();
  });
  // The renderer's transport (renderer/src/api.ts): `unavailable` when the host does not answer.
  const api = createApi(async (channel, input) => {
    if (!up) return { ok: false, error: { code: 'unavailable', message: 'The Interview Desk backend is not reachable. Is the app still running?' } };
    const { saveId, baseRevision } = input as { saveId?: string; baseRevision?: number };
    if (channel.startsWith('document.save')) requests.push({ channel, saveId, base: baseRevision });
    const result: Result<unknown> = await dispatch(channel, input, { db, now: () => new Date((clock += 1000)), newId: () => 'doc-1' });
    const lost = loseNextAnswer;
    if (lost && channel.startsWith('document.save')) {
      // Stored; then the host dies before its answer leaves.
      loseNextAnswer = null;
      up = false;
      closeLibrary(db);
      if (lost === 'throw') throw new Error('socket hang up');
      return { ok: false, error: { code: 'unavailable', message: 'The Interview Desk backend is not reachable.' } };
    }
    return result;
  });
  return {
    api,
    requests,
    loseNextAnswer: (how: 'throw' | 'unavailable') => (loseNextAnswer = how),
    restart: async () => {
      db = await openLibrary(file);
      up = true;
    },
  };
}

describe('autosaver and backend: an answer lost after the save was stored', () => {
  it.each(['throw', 'unavailable'] as const)('the retry carries the same save id, is recognised, and the text typed afterwards is saved (transport: %s)', async (how) => {
    const h = await host();
    const created = await h.api.document.create({ language: 'vi' });
    if (!created.ok) throw new Error(created.error.message);
    const { doc, revision } = created.value;
    const autosaver = new Autosaver({
      revision,
      doc,
      save: (d, baseRevision, request) => h.api.document.save({ id: d.id, baseRevision, doc: d, saveId: request.saveId, ...(request.keep ? { onConflict: 'keep' as const } : {}) }),
      saveChanges: (changes) => h.api.document.saveChanges(changes),
      delayMs: 10_000, // saves are driven by flush below
    });

    // The first save is stored; its answer is lost with the host.
    h.loseNextAnswer(how);
    const first = typed(doc, 'Năm nay tỉnh Long An');
    autosaver.update(first);
    await autosaver.flush();
    expect(autosaver.getStatus().kind).toBe('error');
    expect(autosaver.dirty).toBe(true);

    // Typing goes on while the host is down: nothing reaches it, nothing is dropped.
    const during = typed(doc, 'Năm nay tỉnh Long An kết nạp');
    autosaver.update(during);
    await autosaver.flush();
    expect(autosaver.getStatus().kind).toBe('error');

    // The host is back (nothing held in memory); the next edit is saved.
    await h.restart();
    const after = typed(doc, 'Năm nay tỉnh Long An kết nạp nhiều đảng viên.');
    autosaver.update(after);
    await autosaver.flush();

    expect(autosaver.getStatus()).toEqual({ kind: 'saved' });
    expect(autosaver.getKept()).toBeNull();
    expect(autosaver.dirty).toBe(false);
    const [sent, retried, next] = h.requests;
    expect(h.requests).toHaveLength(3);
    expect(retried).toEqual(sent); // same channel, same id, same base
    expect(next).toMatchObject({ base: 2 });
    expect(next!.saveId).not.toBe(sent!.saveId);

    const loaded = await h.api.document.load({ id: doc.id });
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(textOf(loaded.value.doc as Interview)).toBe('Năm nay tỉnh Long An kết nạp nhiều đảng viên.');
    expect((loaded.value as LoadedDocument).revision).toBe(3); // created, the first save once, the last
    const history = await h.api.history.list({ id: doc.id });
    if (!history.ok) throw new Error(history.error.message);
    expect((history.value.versions as HistoryEntry[]).every((v) => v.kind === 'auto')).toBe(true); // no conflict was kept
  });
});
