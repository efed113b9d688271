/**
 * Switching Editing / Suggesting / Viewing keeps the document as it was at that
 * moment in the history (a `mode` snapshot), through the real handlers, and the retention policy
 * keeps that snapshot while the autosaves around it are thinned out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../../electron/backend/context';
import { dispatch } from '../../../../electron/backend/dispatch';
import type { HistoryEntry, LoadedDocument, LoadedVersion } from '../../../../shared/api/contract';
import type { Interview } from '../../../../shared/model/schema';
import { tempLibrary } from '../../../helpers/temp-library';

let lib: Awaited<ReturnType<typeof tempLibrary>>;
beforeEach(async () => {
  lib = await tempLibrary();
});
afterEach(() => lib.close());

async function call<T>(channel: string, input: unknown, ctx: HandlerContext = lib.ctx): Promise<T> {
  const r = await dispatch(channel, input, ctx);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const answered = (doc: Interview, answer: string): Interview => ({
  ...doc,
  body: [{ type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: answer }] }] }],
});

async function written(): Promise<{ doc: Interview; revision: number }> {
  const { doc } = await call<LoadedDocument>('document.create', { language: 'vi' });
  const next = answered(doc, 'Bản của phóng viên.');
  const { revision } = await call<{ revision: number }>('document.save', { id: doc.id, baseRevision: 1, doc: next });
  return { doc: next, revision };
}

const history = (id: string) => call<{ current: number; versions: HistoryEntry[] }>('history.list', { id });

describe('mode-change snapshots', () => {
  it('marks the stored state as the version from before the switch, and keeps its content', async () => {
    const { doc, revision } = await written();
    const entry = await call<HistoryEntry>('history.markMode', { id: doc.id, from: 'editing', to: 'suggesting' });
    expect(entry).toMatchObject({ revision, kind: 'mode', note: 'editing→suggesting' });

    // Suggesting goes on from there; the snapshot still holds the reporter's text.
    await call('document.save', { id: doc.id, baseRevision: revision, doc: answered(doc, 'Bản biên tập viên sửa.') });
    const version = await call<LoadedVersion>('history.get', { id: doc.id, revision });
    expect(version.doc.body).toEqual(doc.body);
    expect((await history(doc.id)).versions.map((v) => v.kind)).toEqual(['auto', 'mode', 'auto']);
  });

  it('marks nothing new when nothing was stored since the last switch, nor on a switch to the same mode', async () => {
    const { doc, revision } = await written();
    await call('history.markMode', { id: doc.id, from: 'editing', to: 'suggesting' });
    const again = await call<HistoryEntry>('history.markMode', { id: doc.id, from: 'suggesting', to: 'viewing' });
    // The first switch's label stays: it is the same stored state.
    expect(again).toMatchObject({ revision, kind: 'mode', note: 'editing→suggesting' });
    const { doc: other } = await call<LoadedDocument>('document.create', { language: 'vi' });
    expect(await call<HistoryEntry>('history.markMode', { id: other.id, from: 'editing', to: 'editing' })).toMatchObject({ kind: 'auto' });
  });

  it('leaves an event snapshot labelled by its event (it is kept anyway)', async () => {
    const { doc, revision } = await written();
    await call('exchange.save', { id: doc.id });
    expect(await call<HistoryEntry>('history.markMode', { id: doc.id, from: 'editing', to: 'suggesting' })).toMatchObject({ revision, kind: 'sent' });
  });

  it('gives way to a save for review of the same state, which is the bigger event', async () => {
    const { doc, revision } = await written();
    await call('history.markMode', { id: doc.id, from: 'editing', to: 'viewing' });
    await call('exchange.save', { id: doc.id });
    expect((await history(doc.id)).versions.find((v) => v.revision === revision)).toMatchObject({ kind: 'sent' });
  });

  it('survives the thinning of the autosaves around it, days later', async () => {
    const { doc, revision } = await written();
    await call('history.markMode', { id: doc.id, from: 'editing', to: 'viewing' });
    // Four days of hourly autosaves after the switch.
    let t = Date.parse('2026-11-28T00:00:00.000Z');
    const later: HandlerContext = { ...lib.ctx, now: () => new Date((t += 60 * 60_000)) };
    let base = revision;
    for (let i = 0; i < 4 * 24; i++) base = (await call<{ revision: number }>('document.save', { id: doc.id, baseRevision: base, doc: answered(doc, `Lần sửa ${i}`) }, later)).revision;
    const { versions } = await history(doc.id);
    expect(versions.length).toBeLessThan(40); // thinned…
    expect(versions.find((v) => v.revision === revision)).toMatchObject({ kind: 'mode', note: 'editing→viewing' }); // …but not the switch
  });

  it('refuses an unknown interview and an unknown mode', async () => {
    expect((await dispatch('history.markMode', { id: 'nope', from: 'editing', to: 'suggesting' }, lib.ctx)).ok).toBe(false);
    const { doc } = await written();
    const r = await dispatch('history.markMode', { id: doc.id, from: 'editing', to: 'publishing' }, lib.ctx);
    expect(r.ok ? null : r.error.code).toBe('invalid_input');
  });
});
