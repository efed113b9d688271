/**
 * The mode-change snapshot in the renderer: the edits typed before the switch are stored first, then
 * the stored revision is marked, so the snapshot holds the document as it was at the switch.
 */
import { describe, expect, it, vi } from 'vitest';
import { Autosaver, type SaveFn } from '../../../../renderer/src/document/autosaver';
import { autosaverDeps, modeSnapshotter } from '../../../../renderer/src/review/mode-snapshot';
import { newInterview } from '../../../../shared/model/factory';
import type { Interview } from '../../../../shared/model/schema';

const typed = (headline: string): Interview => {
  const doc = newInterview('doc1', 'vi');
  return { ...doc, meta: { ...doc.meta, headline } };
};

/** A backend that logs what reaches it, in order. */
function backend(failSaves = false) {
  const log: string[] = [];
  let revision = 1;
  const save = vi.fn<SaveFn>(async (doc) => {
    await new Promise((r) => setTimeout(r, 5));
    if (failSaves) return { ok: false, error: { code: 'write_failed', message: 'disk full' } };
    log.push(`save ${doc.meta.headline}`);
    return { ok: true, value: { revision: ++revision } };
  });
  const mark = vi.fn(async (input: { from: string; to: string }) => {
    log.push(`mark r${revision} ${input.from}→${input.to}`);
    return { ok: true };
  });
  return { log, save, mark };
}

describe('modeSnapshotter', () => {
  it('stores the pending edits, then marks the revision that holds them', async () => {
    const b = backend();
    const autosaver = new Autosaver({ revision: 1, save: b.save, delayMs: 10_000 });
    const snapshot = modeSnapshotter('doc1', { ...autosaverDeps(autosaver), mark: b.mark });
    autosaver.update(typed('Bản của phóng viên'));
    await snapshot('editing', 'suggesting');
    expect(b.log).toEqual(['save Bản của phóng viên', 'mark r2 editing→suggesting']);
    expect(b.mark).toHaveBeenCalledWith({ id: 'doc1', from: 'editing', to: 'suggesting' });
  });

  it('keeps quick switches in order, each after its own flush', async () => {
    const b = backend();
    const autosaver = new Autosaver({ revision: 1, save: b.save, delayMs: 10_000 });
    const snapshot = modeSnapshotter('doc1', { ...autosaverDeps(autosaver), mark: b.mark });
    autosaver.update(typed('một'));
    void snapshot('editing', 'suggesting');
    const second = snapshot('suggesting', 'viewing');
    await second;
    expect(b.log).toEqual(['save một', 'mark r2 editing→suggesting', 'mark r2 suggesting→viewing']);
  });

  it('marks nothing when the save failed (the stored revision is not what is on screen) or the mode is the same', async () => {
    const b = backend(true);
    const autosaver = new Autosaver({ revision: 1, save: b.save, delayMs: 10_000 });
    const snapshot = modeSnapshotter('doc1', { ...autosaverDeps(autosaver), mark: b.mark });
    autosaver.update(typed('chưa lưu được'));
    await snapshot('editing', 'suggesting');
    await snapshot('viewing', 'viewing');
    expect(b.mark).not.toHaveBeenCalled();
    expect(autosaver.getStatus().kind).toBe('error');
  });

  it('a failed mark does not stop the next switch', async () => {
    const b = backend();
    const mark = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue({ ok: true });
    const autosaver = new Autosaver({ revision: 1, save: b.save });
    const snapshot = modeSnapshotter('doc1', { ...autosaverDeps(autosaver), mark });
    await snapshot('editing', 'suggesting');
    await snapshot('suggesting', 'editing');
    expect(mark).toHaveBeenCalledTimes(2);
  });
});
