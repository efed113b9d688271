/**
 * The lifetime of a recording: kept while an interview (current, trashed, or a kept revision) or a
 * kept backup needs it, or while it is freshly uploaded; removed when nothing does.
 */
import fc from 'fast-check';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeRotatingBackup } from '../../../../../electron/backend/backups';
import type { HandlerContext } from '../../../../../electron/backend/context';
import { dispatch } from '../../../../../electron/backend/dispatch';
import { storeDocumentText, storeRevisionText } from '../../../../../electron/backend/document-store';
import { mediaFilePath } from '../../../../../electron/backend/media/media-paths';
import { findMedia, registerMedia } from '../../../../../electron/backend/media/media-table';
import { storeMedia } from '../../../../../electron/backend/media/store-media';
import { MEDIA_GRACE_MS, sweepMedia } from '../../../../../electron/backend/media/sweep-media';
import type { LoadedDocument } from '../../../../../shared/api/contract';
import type { Recording } from '../../../../../shared/model/schema';
import { tempLibrary } from '../../../../helpers/temp-library';
import { sineWav } from '../../../../helpers/wav';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

async function setup() {
  const lib = await tempLibrary();
  cleanups.push(lib.close);
  let clock = Date.parse('2026-12-01T09:00:00Z');
  const ctx: HandlerContext = { db: lib.ctx.db, now: () => new Date(clock), newId: lib.ctx.newId, library: { dataDir: lib.dir, damage: null, restore: () => Promise.resolve() } };
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await dispatch(channel, input, ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as T;
  };
  const record = async (frequency: number, name: string): Promise<Recording> => registerMedia(ctx.db, await storeMedia(lib.dir, once(sineWav({ seconds: 0.5, frequency }))), name, ctx.now());
  /** A new interview listing `recordings`, saved as its second revision. */
  const interviewWith = async (recordings: Recording[]): Promise<LoadedDocument> => {
    const created = await call<LoadedDocument>('document.create', { language: 'vi' });
    const saved = await call<{ revision: number }>('document.save', { id: created.doc.id, baseRevision: created.revision, doc: { ...created.doc, recordings } });
    return { ...created, revision: saved.revision, doc: { ...created.doc, recordings } };
  };
  const stored = (r: Recording) => existsSync(mediaFilePath(lib.dir, r.id)!) && findMedia(ctx.db, r.id) !== null;
  return { lib, ctx, call, record, interviewWith, stored, later: (ms: number) => (clock += ms) };
}

describe('sweepMedia', () => {
  it('keeps what a current, a trashed or an old revision lists, and what was just uploaded; removes the rest', async () => {
    const { ctx, call, record, interviewWith, stored, later, lib } = await setup();
    const current = await record(300, 'hiện tại.wav');
    const trashed = await record(310, 'thùng rác.wav');
    const inHistory = await record(320, 'lịch sử.wav');
    const unused = await record(330, 'không dùng.wav');

    await interviewWith([current]);
    const inTrash = await interviewWith([trashed]);
    await call('trash.put', { id: inTrash.doc.id });
    // Listed by revision 2, then taken off the interview: revision 3 has no recordings.
    const edited = await interviewWith([inHistory]);
    later(10 * 60_000); // a new working burst: revision 2 stays in the history (revision-bursts.ts)
    await call('document.save', { id: edited.doc.id, baseRevision: edited.revision, doc: { ...edited.doc, recordings: undefined } });

    later(MEDIA_GRACE_MS + 1);
    const fresh = await record(340, 'vừa tải lên.wav');
    expect(sweepMedia(ctx.db, lib.dir, ctx.now())).toEqual({ removed: [unused.id], strays: 0 });
    expect([current, trashed, inHistory, fresh].map(stored)).toEqual([true, true, true, true]);
    expect(stored(unused)).toBe(false);

    // Once the grace period is over, an upload no interview took is removed too.
    later(MEDIA_GRACE_MS + 1);
    expect(sweepMedia(ctx.db, lib.dir, ctx.now()).removed).toEqual([fresh.id]);
  });

  it('removes a trashed interview’s recording when it is deleted for ever, and keeps one another interview shares', async () => {
    const { call, record, interviewWith, stored, later } = await setup();
    const own = await record(400, 'riêng.wav');
    const shared = await record(410, 'chung.wav');
    const doomed = await interviewWith([own, shared]);
    await interviewWith([shared]);
    later(MEDIA_GRACE_MS + 1);
    await call('trash.put', { id: doomed.doc.id });
    expect(stored(own)).toBe(true);
    await call('trash.deleteForever', { id: doomed.doc.id });
    expect(stored(own)).toBe(false);
    expect(stored(shared)).toBe(true);
  });

  it('keeps a recording a kept backup needs, and frees it when that backup is rotated away', async () => {
    const { ctx, call, record, interviewWith, stored, later, lib } = await setup();
    const r = await record(500, 'sao lưu.wav');
    const doc = await interviewWith([r]);
    const first = await writeRotatingBackup(ctx.db, lib.dir, ctx.now(), 1);
    expect(readFileSync(join(lib.dir, 'backups', `${first.name}.media`), 'utf8')).toBe(`${r.id}\n`);

    later(MEDIA_GRACE_MS + 1);
    await call('trash.put', { id: doc.doc.id });
    await call('trash.deleteForever', { id: doc.doc.id });
    expect(stored(r)).toBe(true); // restoring that backup would need it

    later(60_000);
    const second = await writeRotatingBackup(ctx.db, lib.dir, ctx.now(), 1); // rotates the first away
    expect(readFileSync(join(lib.dir, 'backups', `${second.name}.media`), 'utf8')).toBe('');
    expect(existsSync(join(lib.dir, 'backups', `${first.name}.media`))).toBe(false);
    expect(sweepMedia(ctx.db, lib.dir, ctx.now()).removed).toEqual([r.id]);
  });
});

describe('sweepMedia, any library', () => {
  it('never removes a recording a document, a revision or a backup names, and removes every other old one', async () => {
    const { ctx, lib, record } = await setup();
    // Eight recordings stored at the start; every run below is long after the grace period.
    const stock: Recording[] = [];
    for (let i = 0; i < 8; i++) stock.push(await record(200 + 10 * i, `r${i}.wav`));
    const insertDoc = ctx.db.prepare(
      "INSERT INTO document (id, revision, headline, section, status, language, created_at, updated_at) VALUES (?, 1, '', '', 'draft', 'vi', '2026-12-01T09:00:00Z', '2026-12-01T09:00:00Z')",
    );
    const body = (ids: number[]) => JSON.stringify({ format: 'interview-desk/1', recordings: ids.map((i) => ({ id: stock[i]!.id, name: `r${i}.wav` })) });
    const picks = fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 3 });
    const library = fc.record({
      documents: fc.array(fc.record({ current: picks, revisions: fc.array(picks, { maxLength: 3 }), trashed: fc.boolean() }), { maxLength: 4 }),
      backup: picks,
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(library, async ({ documents, backup }) => {
        run++;
        // A fresh state: every recording stored and listed, the documents and the backup list as drawn.
        ctx.db.exec('DELETE FROM revision; DELETE FROM document;');
        for (const r of stock) await record(200 + 10 * stock.indexOf(r), r.name);
        ctx.db.prepare('UPDATE media SET created_at = ?').run('2026-01-01T00:00:00.000Z');
        documents.forEach((d, n) => {
          const id = `p${run}-${n}`;
          insertDoc.run(id);
          storeDocumentText(ctx.db, id, body(d.current));
          if (d.trashed) ctx.db.prepare("UPDATE document SET deleted_at = '2026-12-01T10:00:00Z' WHERE id = ?").run(id);
          d.revisions.forEach((ids, k) => storeRevisionText(ctx.db, id, k + 1, '2026-12-01T09:00:00Z', body(ids)));
        });
        mkdirSync(join(lib.dir, 'backups'), { recursive: true });
        writeFileSync(join(lib.dir, 'backups', 'library-2026-12-01T00-00-00-000Z.sqlite'), '');
        writeFileSync(join(lib.dir, 'backups', 'library-2026-12-01T00-00-00-000Z.sqlite.media'), backup.map((i) => `${stock[i]!.id}\n`).join(''));

        // What must stay, worked out from the drawing alone.
        const needed = new Set([...documents.flatMap((d) => [...d.current, ...d.revisions.flat()]), ...backup]);
        const { removed } = sweepMedia(ctx.db, lib.dir, new Date('2026-12-05T00:00:00Z'));
        expect(new Set(removed)).toEqual(new Set(stock.filter((_, i) => !needed.has(i)).map((r) => r.id)));
        stock.forEach((r, i) => expect(existsSync(mediaFilePath(lib.dir, r.id)!)).toBe(needed.has(i)));
      }),
      { numRuns: 40 },
    );
  });
});
