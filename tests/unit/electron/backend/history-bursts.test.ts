/**
 * Autosaves coalesced into working bursts (electron/backend/revision-bursts.ts), through the real
 * handlers on real temporary libraries: one history entry per burst, named with its author; a
 * burst ends after a pause, after half an hour, at an event or a named version, or when someone
 * else writes; every save still stores its text; restoring replaces nothing for good.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../../electron/backend/context';
import { dispatch } from '../../../../electron/backend/dispatch';
import { BURST, continuedBurst } from '../../../../electron/backend/revision-bursts';
import type { ExchangeOpened, ExchangeSaved, HistoryEntry, LoadedDocument, LoadedVersion } from '../../../../shared/api/contract';
import { changesBetween } from '../../../../shared/api/document-changes';
import type { Interview } from '../../../../shared/model/schema';
import { tempLibrary } from '../../../helpers/temp-library';

const MIN = 60_000;
const T0 = Date.parse('2026-11-27T10:00:00.000Z');

type Library = Awaited<ReturnType<typeof tempLibrary>>;
let lib: Library;
/** The library's clock, in ms; tests move it on explicitly. */
let clock = T0;
const at = (minutes: number) => (clock = T0 + minutes * MIN);

async function open(): Promise<Library> {
  const l = await tempLibrary();
  l.ctx.now = () => new Date(clock);
  return l;
}
beforeEach(async () => {
  clock = T0;
  lib = await open();
  await call('profile.save', { profile: { id: 'u-lan', name: 'Lan', role: 'reporter' } });
});
afterEach(() => lib.close());

async function call<T = unknown>(channel: string, input: unknown, ctx: HandlerContext = lib.ctx): Promise<T> {
  const r = await dispatch(channel, input, ctx);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const answered = (doc: Interview, answer: string): Interview => ({
  ...doc,
  meta: { ...doc.meta, headline: 'Long An: Kết nạp đảng viên' },
  body: [{ type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: answer }] }] }],
});

/** An open interview, saved as the autosaver does (whole, or the changed blocks). */
class Writer {
  constructor(
    public doc: Interview,
    public revision: number,
    private readonly ctx: HandlerContext = lib.ctx,
  ) {}
  static async create(ctx: HandlerContext = lib.ctx): Promise<Writer> {
    const loaded = await call<LoadedDocument>('document.create', { language: 'vi' }, ctx);
    return new Writer(loaded.doc, loaded.revision, ctx);
  }
  async type(answer: string, how: 'whole' | 'changes' = 'whole'): Promise<number> {
    const next = answered(this.doc, answer);
    const saved =
      how === 'whole'
        ? await call<{ revision: number }>('document.save', { id: next.id, baseRevision: this.revision, doc: next }, this.ctx)
        : await call<{ revision: number }>('document.saveChanges', { id: next.id, baseRevision: this.revision, ...changesBetween(this.doc, next)! }, this.ctx);
    this.doc = next;
    this.revision = saved.revision;
    return saved.revision;
  }
}

const history = async (id: string, ctx: HandlerContext = lib.ctx) => (await call<{ current: number; versions: HistoryEntry[] }>('history.list', { id }, ctx)).versions;
const answerOf = (doc: Interview) => (doc.body[0]?.type === 'turn' && doc.body[0].children[0]?.type === 'paragraph' ? doc.body[0].children[0].children[0]!.text : '');
const version = (id: string, revision: number) => call<LoadedVersion>('history.get', { id, revision });
const iso = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();

describe('working bursts', () => {
  it('lists one entry per burst, by its author, from its first save to its last; a pause of more than 5 minutes starts the next', async () => {
    const w = await Writer.create();
    at(1);
    await w.type('Một');
    at(2);
    await w.type('Một hai', 'changes');
    at(4);
    const end1 = await w.type('Một hai ba');
    at(4 + 5 + 1); // a pause
    await w.type('Một hai ba bốn', 'changes');
    at(11);
    const end2 = await w.type('Một hai ba bốn năm');

    const versions = await history(w.doc.id);
    expect(versions.map((v) => [v.revision, v.kind, v.author, v.startedAt, v.savedAt])).toEqual([
      [end2, 'auto', 'Lan', iso(10), iso(11)],
      [end1, 'auto', 'Lan', iso(1), iso(4)],
      [1, 'auto', 'Lan', iso(0), iso(0)], // the interview as created is always kept
    ]);
    // Each entry holds the text as its burst left it; the document holds the last save.
    expect(answerOf((await version(w.doc.id, end1)).doc)).toBe('Một hai ba');
    expect(answerOf((await call<LoadedDocument>('document.load', { id: w.doc.id })).doc)).toBe('Một hai ba bốn năm');
    // Revision numbers still count every save, so a copy based on an older one gets a conflict.
    expect(end2).toBe(6);
  });

  it('cuts a long steady session every half hour', async () => {
    const w = await Writer.create();
    for (let m = 1; m <= 70; m += 2) {
      at(m);
      await w.type(`Phút ${m}`, 'changes');
    }
    const bursts = (await history(w.doc.id)).filter((v) => v.revision !== 1).reverse();
    expect(bursts.map((v) => [v.startedAt, v.savedAt])).toEqual([
      [iso(1), iso(31)],
      [iso(33), iso(63)],
      [iso(65), iso(69)],
    ]);
    for (const v of bursts) expect(Date.parse(v.savedAt) - Date.parse(v.startedAt)).toBeLessThanOrEqual(BURST.maxMs);
  });

  it('ends a burst at a mode switch, a named version, an export, a save for review and a restore, and never coalesces those away', async () => {
    const w = await Writer.create();
    const steps: [string, () => Promise<unknown>][] = [
      ['mode', () => call('history.markMode', { id: w.doc.id, from: 'editing', to: 'suggesting' })],
      ['named', () => call('history.name', { id: w.doc.id, revision: w.revision, name: 'Bản nháp' })],
      ['export', () => call('document.export', { id: w.doc.id, format: 'html', acceptWarnings: [] })],
      ['sent', () => call<ExchangeSaved>('exchange.save', { id: w.doc.id })],
    ];
    let minute = 0;
    for (const [label, event] of steps) {
      at(++minute);
      await w.type(`Trước ${label}`);
      at(++minute);
      await w.type(`Trước ${label}, xong`);
      await event();
      at(++minute);
      await w.type(`Sau ${label}`);
    }
    at(++minute);
    const restored = await call<{ revision: number; replaced: number }>('history.restore', { id: w.doc.id, revision: 1 });
    w.revision = restored.revision;
    at(++minute);
    await w.type('Sau khi khôi phục');
    at(minute + 1);
    await w.type('Sau khi khôi phục, tiếp');

    const versions = await history(w.doc.id);
    const kinds = versions.map((v) => (v.name ? `auto “${v.name}”` : v.kind));
    expect(kinds).toEqual(['auto', 'restore', 'auto', 'sent', 'export', 'auto “Bản nháp”', 'mode', 'auto']);
    // Each event holds the text as it was at the event.
    const byKind = (kind: string) => versions.find((v) => v.kind === kind)!;
    expect(answerOf((await version(w.doc.id, byKind('mode').revision)).doc)).toBe('Trước mode, xong');
    expect(answerOf((await version(w.doc.id, versions.find((v) => v.name === 'Bản nháp')!.revision)).doc)).toBe('Trước named, xong');
    expect(answerOf((await version(w.doc.id, byKind('export').revision)).doc)).toBe('Trước export, xong');
    expect(answerOf((await version(w.doc.id, byKind('sent').revision)).doc)).toBe('Trước sent, xong');
    expect(versions.map((v) => v.author)).toEqual(versions.map(() => 'Lan'));
  });

  it('ends a burst when someone else writes, and gives a received review file no local author', async () => {
    const w = await Writer.create();
    at(1);
    await w.type('Lan viết');
    await call('profile.save', { profile: { id: 'u-lan', name: 'Lan Nguyễn', role: 'reporter' } });
    at(2);
    await w.type('Lan Nguyễn viết');
    expect((await history(w.doc.id)).map((v) => v.author)).toEqual(['Lan Nguyễn', 'Lan', 'Lan']);

    // The interview goes to an editor's library and comes back.
    const sent = await call<ExchangeSaved>('exchange.save', { id: w.doc.id });
    const other = await open();
    try {
      await call('profile.save', { profile: { id: 'u-minh', name: 'Minh', role: 'editor' } }, other.ctx);
      await call<ExchangeOpened>('exchange.open', { fileName: sent.fileName, data: sent.data }, other.ctx);
      const there = new Writer(w.doc, (await call<LoadedDocument>('document.load', { id: w.doc.id }, other.ctx)).revision, other.ctx);
      at(3);
      await there.type('Minh sửa');
      const back = await call<ExchangeSaved>('exchange.save', { id: w.doc.id }, other.ctx);
      expect((await history(w.doc.id, other.ctx)).slice(0, 2).map((v) => [v.kind, v.author])).toEqual([
        ['sent', 'Minh'],
        ['received', ''],
      ]);
      at(4);
      const opened = await call<ExchangeOpened>('exchange.open', { fileName: back.fileName, data: back.data });
      w.revision = opened.revision;
      w.doc = (await call<LoadedDocument>('document.load', { id: w.doc.id })).doc;
    } finally {
      other.close();
    }
    at(5);
    await w.type('Lan Nguyễn viết tiếp');
    at(6);
    await w.type('Lan Nguyễn viết tiếp nữa');
    // (The returned file is kept as it came, with no local author, then merged with Lan's copy.)
    expect((await history(w.doc.id)).slice(0, 4).map((v) => [v.kind, v.author])).toEqual([
      ['auto', 'Lan Nguyễn'],
      ['merged', 'Lan Nguyễn'],
      ['received', ''],
      ['sent', 'Lan Nguyễn'],
    ]);
  });

  it('starts a new entry when the clock went backwards', async () => {
    const w = await Writer.create();
    at(10);
    await w.type('Một');
    at(8);
    await w.type('Hai');
    expect(await history(w.doc.id)).toHaveLength(3);
  });

  it('decides continuation from the previous row alone (pure rule)', () => {
    const row = { revision: 5, kind: 'auto', name: '', author: 'Lan', savedAt: iso(10), startedAt: iso(2) };
    expect(continuedBurst(row, { author: 'Lan', savedAt: iso(12) }, 1)).toBe(iso(2));
    expect(continuedBurst({ ...row, startedAt: null }, { author: 'Lan', savedAt: iso(12) }, 1)).toBe(iso(10));
    expect(continuedBurst(row, { author: 'Lan', savedAt: iso(15) }, 1)).toBe(iso(2)); // exactly 5 minutes idle
    expect(continuedBurst(row, { author: 'Lan', savedAt: iso(15.01) }, 1)).toBeNull();
    expect(continuedBurst(row, { author: 'Lan', savedAt: iso(33) }, 1)).toBeNull(); // over half an hour since the start
    expect(continuedBurst(row, { author: 'Minh', savedAt: iso(11) }, 1)).toBeNull();
    expect(continuedBurst(row, { author: 'Lan', savedAt: iso(11) }, 5)).toBeNull(); // the first revision
    expect(continuedBurst({ ...row, name: 'Bản đầu' }, { author: 'Lan', savedAt: iso(11) }, 1)).toBeNull();
    for (const kind of ['mode', 'export', 'sent', 'received', 'restore', 'import', 'duplicate']) expect(continuedBurst({ ...row, kind }, { author: 'Lan', savedAt: iso(11) }, 1)).toBeNull();
    expect(continuedBurst({ ...row, savedAt: 'not a time' }, { author: 'Lan', savedAt: iso(11) }, 1)).toBeNull();
    expect(continuedBurst(undefined, { author: 'Lan', savedAt: iso(11) }, 1)).toBeNull();
  });
});

describe('restore and undo', () => {
  it('restores a version as a new revision, and restoring the one it replaced undoes it; both stay in the history', async () => {
    const w = await Writer.create();
    at(1);
    const first = await w.type('Bản đầu');
    at(10);
    await w.type('Bản thứ hai');
    at(11);
    const before = await w.type('Bản thứ hai, sửa');

    at(12);
    const restored = await call<{ revision: number; replaced: number }>('history.restore', { id: w.doc.id, revision: first });
    expect(restored).toEqual({ revision: before + 1, savedAt: iso(12), replaced: before });
    expect(answerOf((await call<LoadedDocument>('document.load', { id: w.doc.id })).doc)).toBe('Bản đầu');

    at(12.5);
    const undone = await call<{ revision: number; replaced: number }>('history.restore', { id: w.doc.id, revision: restored.replaced });
    expect(undone.replaced).toBe(restored.revision);
    expect(answerOf((await call<LoadedDocument>('document.load', { id: w.doc.id })).doc)).toBe('Bản thứ hai, sửa');
    expect((await history(w.doc.id)).map((v) => [v.revision, v.kind, v.note])).toEqual([
      [before + 2, 'restore', String(before)],
      [before + 1, 'restore', String(first)],
      [before, 'auto', ''],
      [first, 'auto', ''],
      [1, 'auto', ''],
    ]);
  });

  it('keeps the state a restore replaced when later autosaves thin its hour', async () => {
    const w = await Writer.create();
    at(1);
    const first = await w.type('Bản đầu');
    at(10);
    const replaced = await w.type('Bản bị thay');
    at(11);
    w.revision = (await call<{ revision: number }>('history.restore', { id: w.doc.id, revision: first })).revision;
    // Bursts in the same ten-minute slot, then a day later: the slot's last one would win it.
    for (const m of [17, 19.5]) {
      at(m);
      await w.type(`Sau ${m}`);
    }
    at(60 * 26);
    await w.type('Hôm sau');
    const kept = (await history(w.doc.id)).map((v) => v.revision);
    expect(kept).toContain(replaced);
    expect(answerOf((await version(w.doc.id, replaced)).doc)).toBe('Bản bị thay');
  });
});
