import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type SaveChangesFn, type SaveFn } from '../../../../renderer/src/document/autosaver';
import { applyChanges } from '../../../../shared/api/document-changes';
import type { Result } from '../../../../shared/api/result';
import { newInterview } from '../../../../shared/model/factory';
import type { Interview } from '../../../../shared/model/schema';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const doc = (headline: string): Interview => {
  const d = newInterview('d1', 'en');
  d.meta.headline = headline;
  return d;
};

/**
 * A fake backend: records saves, answers after `latency` ms, enforces revisions like the real one,
 * recognises a save id it already stored, and keeps both versions when asked to.
 */
function backend(latency = 50) {
  let stored = 1;
  const saves: { headline: string; base: number; saveId?: string; keep?: boolean }[] = [];
  const byId = new Map<string, { revision: number; kept?: { other: number } }>();
  const texts = new Map<number, string>();
  let failNext: Result<never> | null = null;
  let loseNextAnswer = false;
  const save: SaveFn = (d, base, request) =>
    new Promise((resolve, reject) =>
      setTimeout(() => {
        saves.push({ headline: d.meta.headline, base, ...(request ? { saveId: request.saveId } : {}), ...(request?.keep ? { keep: true } : {}) });
        if (failNext) {
          const f = failNext;
          failNext = null;
          return resolve(f);
        }
        const again = request && byId.get(request.saveId);
        if (again) return resolve({ ok: true, value: again });
        if (base !== stored && !request?.keep) return resolve({ ok: false, error: { code: 'conflict', message: 'changed elsewhere', currentRevision: stored } });
        const answer = { revision: ++stored, ...(base !== stored - 1 ? { kept: { other: stored - 1 } } : {}) };
        texts.set(answer.revision, d.meta.headline);
        if (request) byId.set(request.saveId, answer);
        if (loseNextAnswer) {
          loseNextAnswer = false;
          return reject(new Error('connection reset')); // stored, but the answer never arrives
        }
        resolve({ ok: true, value: answer });
      }, latency),
    );
  return {
    save,
    saves,
    texts,
    revision: () => stored,
    fail: (r: Result<never>) => (failNext = r),
    loseNextAnswer: () => (loseNextAnswer = true),
    bump: () => stored++,
  };
}

let ids = 0;
const newSaveId = () => `save-${++ids}`;
/** What reached the backend, without the save ids. */
const plain = (saves: readonly { headline: string; base: number }[]) => saves.map(({ headline, base }) => ({ headline, base }));

describe('Autosaver', () => {
  it('saves once after a pause in typing, not on every keystroke', async () => {
    const b = backend();
    const a = new Autosaver({ save: b.save, revision: 1, delayMs: 750 });
    for (const h of ['L', 'Lo', 'Lon', 'Long']) {
      a.update(doc(h));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(a.getStatus().kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(1000);
    expect(plain(b.saves)).toEqual([{ headline: 'Long', base: 1 }]);
    expect(a.getStatus()).toEqual({ kind: 'saved' });
    expect(a.dirty).toBe(false);
  });

  it('saves at least every maxWait while typing never pauses', async () => {
    const b = backend(10);
    const a = new Autosaver({ save: b.save, revision: 1, delayMs: 750, maxWaitMs: 2000 });
    for (let i = 0; i < 50; i++) {
      a.update(doc(`h${i}`));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(b.saves.length).toBeGreaterThanOrEqual(2);
  });

  it('sends edits made during a save right after it, on the new revision', async () => {
    const b = backend(300);
    const a = new Autosaver({ save: b.save, revision: 1, delayMs: 100 });
    a.update(doc('first'));
    await vi.advanceTimersByTimeAsync(150); // save in flight
    a.update(doc('second'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(plain(b.saves)).toEqual([
      { headline: 'first', base: 1 },
      { headline: 'second', base: 2 },
    ]);
    expect(a.getStatus().kind).toBe('saved');
  });

  it('flush saves immediately and resolves when stored', async () => {
    const b = backend(20);
    const a = new Autosaver({ save: b.save, revision: 1 });
    a.update(doc('now'));
    const flushed = a.flush();
    await vi.advanceTimersByTimeAsync(25);
    await flushed;
    expect(plain(b.saves)).toEqual([{ headline: 'now', base: 1 }]);
    expect(a.getStatus().kind).toBe('saved');
  });

  it('on a conflict keeps both versions: its own on top, the other below, says so, and goes on saving what is typed', async () => {
    const b = backend(10);
    b.bump(); // someone else saved revision 2
    b.texts.set(2, 'theirs');
    const a = new Autosaver({ save: b.save, revision: 1, delayMs: 50, newSaveId });
    a.update(doc('mine'));
    await vi.advanceTimersByTimeAsync(100);
    expect(b.saves.map(({ headline, base, keep }) => ({ headline, base, keep }))).toEqual([
      { headline: 'mine', base: 1, keep: undefined },
      { headline: 'mine', base: 1, keep: true },
    ]);
    expect(b.saves[0]!.saveId).toBe(b.saves[1]!.saveId); // one save, asked twice
    expect(a.getStatus()).toEqual({ kind: 'saved' });
    expect(a.getKept()).toEqual({ revision: 3, other: 2 });
    expect([b.texts.get(2), b.texts.get(3)]).toEqual(['theirs', 'mine']);
    a.update(doc('mine, more'));
    await vi.advanceTimersByTimeAsync(100);
    expect(b.saves.at(-1)).toMatchObject({ headline: 'mine, more', base: 3 });
    expect(a.dirty).toBe(false);
    a.dismissKept();
    expect(a.getKept()).toBeNull();
  });

  it('a conflict it cannot keep (a save function without keep) holds the text, saves nothing over the other, and keeps both on retry', async () => {
    const b = backend(10);
    b.bump();
    const refusing: SaveFn = (d, base, request) => b.save(d, base, request && { saveId: request.saveId });
    const a = new Autosaver({ save: refusing, revision: 1, delayMs: 50, newSaveId });
    a.update(doc('mine'));
    await vi.advanceTimersByTimeAsync(100);
    expect(a.getStatus().kind).toBe('conflict');
    a.update(doc('more'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(b.saves).toHaveLength(2);
    expect(a.dirty).toBe(true);
    const keeping = new Autosaver({ save: b.save, revision: 1, delayMs: 50, newSaveId });
    keeping.update(doc('more'));
    await vi.advanceTimersByTimeAsync(100);
    expect(keeping.getKept()).toEqual({ revision: 3, other: 2 });
  });

  it('a save stored whose answer is lost is sent again as it was, with the same id, before what was typed since: one revision, no conflict, nothing lost', async () => {
    const b = backend(10);
    const a = new Autosaver({ save: b.save, revision: 1, delayMs: 50, newSaveId });
    b.loseNextAnswer();
    a.update(doc('Năm nay'));
    await vi.advanceTimersByTimeAsync(100);
    expect(a.getStatus()).toEqual({ kind: 'error', message: 'connection reset' });
    expect(b.revision()).toBe(2); // stored all the same
    expect(a.dirty).toBe(true);
    a.update(doc('Năm nay tỉnh Long An'));
    await vi.advanceTimersByTimeAsync(100);
    expect(b.saves).toEqual([
      { headline: 'Năm nay', base: 1, saveId: b.saves[0]!.saveId },
      { headline: 'Năm nay', base: 1, saveId: b.saves[0]!.saveId }, // the same save again: recognised
      { headline: 'Năm nay tỉnh Long An', base: 2, saveId: expect.not.stringMatching(b.saves[0]!.saveId!) as unknown as string },
    ]);
    expect(b.revision()).toBe(3);
    expect(b.texts.get(3)).toBe('Năm nay tỉnh Long An');
    expect(a.getStatus()).toEqual({ kind: 'saved' });
    expect(a.getKept()).toBeNull();
    expect(a.dirty).toBe(false);
  });

  it('a save the backend refused was not stored: the newest state goes next, under a new id', async () => {
    const b = backend(10);
    const a = new Autosaver({ save: b.save, revision: 1, delayMs: 50, newSaveId });
    b.fail({ ok: false, error: { code: 'internal', message: 'failed; nothing was changed' } });
    a.update(doc('one'));
    await vi.advanceTimersByTimeAsync(100);
    a.update(doc('one two'));
    await vi.advanceTimersByTimeAsync(100);
    expect(b.saves.map((s) => s.headline)).toEqual(['one', 'one two']);
    expect(b.saves[0]!.saveId).not.toBe(b.saves[1]!.saveId);
    expect(a.getStatus()).toEqual({ kind: 'saved' });
  });

  it('names a full disk, keeps the changes, and saves them once there is room', async () => {
    const b = backend(10);
    const a = new Autosaver({ save: b.save, revision: 1, delayMs: 50 });
    b.fail({ ok: false, error: { code: 'disk_full', message: 'Not saved: the disk holding the library is full.' } });
    a.update(doc('kept'));
    await vi.advanceTimersByTimeAsync(100);
    expect(a.getStatus()).toEqual({ kind: 'error', message: 'Not saved: the disk holding the library is full.', storage: 'disk_full' });
    expect(a.dirty).toBe(true);
    void a.retry();
    await vi.advanceTimersByTimeAsync(20);
    expect(b.saves).toHaveLength(2);
    expect(a.getStatus()).toEqual({ kind: 'saved' });
    expect(a.dirty).toBe(false);
  });

  it('after an error keeps the changes and sends them on retry', async () => {
    const b = backend(10);
    const a = new Autosaver({ save: b.save, revision: 1, delayMs: 50 });
    b.fail({ ok: false, error: { code: 'unavailable', message: 'backend not reachable' } });
    a.update(doc('kept'));
    await vi.advanceTimersByTimeAsync(100);
    expect(a.getStatus()).toEqual({ kind: 'error', message: 'backend not reachable' });
    expect(a.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(b.saves).toHaveLength(1); // no retry storm
    const retried = a.retry();
    await vi.advanceTimersByTimeAsync(20);
    await retried;
    expect(plain(b.saves).at(-1)).toEqual({ headline: 'kept', base: 1 });
    expect(a.getStatus().kind).toBe('saved');
  });

  it('rebase takes a state stored by other means (a restore): nothing pending, the next save based on its revision and taken against it', async () => {
    const start = doc('Tiêu đề');
    const sent: { base: number; splices: number; fields: string[] }[] = [];
    const saveChanges: SaveChangesFn = async (c) => {
      sent.push({ base: c.baseRevision, splices: c.splices.length, fields: Object.keys(c.fields) });
      return { ok: true, value: { revision: c.baseRevision + 1 } };
    };
    const a = new Autosaver({ save: async () => ({ ok: true, value: { revision: 0 } }), saveChanges, revision: 1, doc: start, delayMs: 10 });
    a.update(doc('gõ dở'));
    // The restore flushed first; a timer left behind must not send anything on the old base.
    const restored = doc('Phiên bản cũ');
    a.rebase(7, restored);
    expect(a.dirty).toBe(false);
    expect(a.getStatus()).toEqual({ kind: 'saved' });
    await vi.advanceTimersByTimeAsync(50);
    expect(sent).toEqual([]);
    a.update({ ...restored, meta: { ...restored.meta, headline: 'Phiên bản cũ, sửa' } });
    await vi.advanceTimersByTimeAsync(50);
    expect(sent).toEqual([{ base: 7, splices: 0, fields: ['meta'] }]);
  });

  it('sends only the changed blocks, against the state last stored, and the whole document when told it is stale', async () => {
    const start = doc('Tiêu đề');
    start.body = [0, 1, 2, 3].map((i) => ({ type: 'paragraph' as const, children: [{ text: `p${i}` }] }));
    let held: Interview = start;
    let stale = false;
    const sent: unknown[] = [];
    const saveChanges: SaveChangesFn = async (c) => {
      sent.push({ splices: c.splices.map((x) => ({ ...x, blocks: x.blocks.length })), fields: Object.keys(c.fields), base: c.baseRevision });
      if (stale || c.baseLength !== held.body.length) return { ok: true, value: { stale: true } };
      held = applyChanges(held, c);
      return { ok: true, value: { revision: c.baseRevision + 1 } };
    };
    const whole: Interview[] = [];
    const save: SaveFn = async (d, base) => {
      whole.push(d);
      held = d;
      return { ok: true, value: { revision: base + 1 } };
    };
    const a = new Autosaver({ save, saveChanges, revision: 1, doc: start, delayMs: 10 });
    // Type into paragraph 2: one block replaced, nothing else sent.
    const typed = { ...start, body: start.body.map((b, i) => (i === 2 ? { type: 'paragraph' as const, children: [{ text: 'p2x' }] } : b)) };
    a.update(typed);
    await vi.advanceTimersByTimeAsync(20);
    expect(sent).toEqual([{ splices: [{ start: 2, deleteCount: 1, blocks: 1 }], fields: [], base: 1 }]);
    expect(held).toEqual(typed);
    // A new headline and a paragraph split: the field whole, the body as one splice.
    const split = { ...typed, meta: { ...typed.meta, headline: 'Mới' }, body: [typed.body[0]!, { type: 'paragraph' as const, children: [{ text: 'p' }] }, { type: 'paragraph' as const, children: [{ text: '1' }] }, ...typed.body.slice(2)] };
    a.update(split);
    await vi.advanceTimersByTimeAsync(20);
    expect(sent.at(-1)).toEqual({ splices: [{ start: 1, deleteCount: 1, blocks: 2 }], fields: ['meta'], base: 2 });
    expect(held).toEqual(split);
    expect(whole).toHaveLength(0);
    // The backend no longer holds that base: the whole document goes, and the next changes are taken against it.
    stale = true;
    const more = { ...split, body: [...split.body.slice(0, 4), { type: 'paragraph' as const, children: [{ text: 'end' }] }] };
    a.update(more);
    await vi.advanceTimersByTimeAsync(20);
    expect(whole).toEqual([more]);
    expect(a.getStatus()).toEqual({ kind: 'saved' });
    stale = false;
    // Edits in two places between saves: two small splices, not one from the first to the last.
    const last = { ...more, body: more.body.map((b, i) => (i === 0 || i === 4 ? { type: 'paragraph' as const, children: [{ text: `edited ${i}` }] } : b)) };
    a.update(last);
    await vi.advanceTimersByTimeAsync(20);
    expect(sent.at(-1)).toEqual({ splices: [{ start: 0, deleteCount: 1, blocks: 1 }, { start: 4, deleteCount: 1, blocks: 1 }], fields: [], base: 4 });
    expect(held).toEqual(last);
  });
});
