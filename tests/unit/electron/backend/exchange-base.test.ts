/**
 * Which version a returned review file was made from, between two real libraries: the file names
 * it, the library checks it has it, and a file without one (or naming one the library does not
 * have) is never merged blindly: nothing changes, and it can be opened as a copy.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../../electron/backend/context';
import { dispatch } from '../../../../electron/backend/dispatch';
import { readExchangeFile } from '../../../../electron/backend/exchange-file';
import type { ExchangeOpened, ExchangeSaved, LoadedDocument } from '../../../../shared/api/contract';
import type { Interview } from '../../../../shared/model/schema';
import { acceptAll, edit, listPending } from '../../../../shared/review';
import { callOk } from '../../../helpers/call-handler';
import { libraryPerTest } from '../../../helpers/library-per-test';
import { tempDir } from '../../../helpers/temp-library';

const reporter = libraryPerTest();
const editor = libraryPerTest();
beforeEach(() => {
  let n = 0;
  editor.ctx.newId = () => `ed-${++n}`;
});


function contents(ctx: HandlerContext): string {
  const rows = ['document', 'revision', 'exchange_import'].map((t) => ctx.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

/** The file's bytes, changed through SQLite in a scratch folder. */
function altered(file: ExchangeSaved, change: (db: Database.Database) => void): ExchangeSaved {
  const t = tempDir();
  try {
    const path = join(t.dir, 'f.interview');
    writeFileSync(path, Buffer.from(file.data, 'base64'));
    const db = new Database(path);
    change(db);
    db.close();
    return { ...file, data: readFileSync(path).toString('base64') };
  } finally {
    t.cleanup();
  }
}

async function read(file: ExchangeSaved) {
  const t = tempDir();
  try {
    const path = join(t.dir, 'f.interview');
    writeFileSync(path, Buffer.from(file.data, 'base64'));
    return await readExchangeFile(path, file.fileName);
  } finally {
    t.cleanup();
  }
}

const open = (ctx: HandlerContext, file: ExchangeSaved, asCopy?: boolean) => callOk<ExchangeOpened>(ctx, 'exchange.open', { fileName: file.fileName, data: file.data, ...(asCopy ? { asCopy } : {}) });
const load = async (ctx: HandlerContext, id: string) => callOk<LoadedDocument>(ctx, 'document.load', { id });
const change = async (ctx: HandlerContext, id: string, f: (d: Interview) => Interview) => {
  const there = await load(ctx, id);
  return callOk<{ revision: number }>(ctx, 'document.save', { id, baseRevision: there.revision, doc: f(there.doc) });
};
const typeAt = (text: string, offset = 0) => (d: Interview) => edit(d, [{ type: 'insertText', at: { path: [0], offset }, text }]);

/** A story sent by the reporter and opened by the editor; returns its id and the reporter's file. */
async function roundOne(): Promise<{ id: string; sent: ExchangeSaved }> {
  await callOk(reporter.ctx, 'profile.save', { profile: { id: 'u-binh', name: 'Thanh Bình', role: 'reporter' } });
  await callOk(editor.ctx, 'profile.save', { profile: { id: 'u-hoa', name: 'Nguyễn Thị Hoa', role: 'editor' } });
  const { doc } = await callOk<LoadedDocument>(reporter.ctx, 'document.create', { language: 'vi' });
  await change(reporter.ctx, doc.id, (d) => ({ ...d, meta: { ...d.meta, headline: 'Long An' }, body: [{ type: 'paragraph', children: [{ text: 'Năm nay tỉnh kết nạp đảng viên.' }] }] }));
  const sent = await callOk<ExchangeSaved>(reporter.ctx, 'exchange.save', { id: doc.id });
  await open(editor.ctx, sent);
  return { id: doc.id, sent };
}

describe('the version a review file was made from', () => {
  it('is written in the file: none for our own work, then the other library’s revision it came from, with the sender', async () => {
    const { id, sent } = await roundOne();
    expect(await read(sent)).toMatchObject({ basedOn: null, sender: { id: 'u-binh', name: 'Thanh Bình' } });
    await change(editor.ctx, id, typeAt('TTXVN - '));
    const back = await callOk<ExchangeSaved>(editor.ctx, 'exchange.save', { id });
    const base = (await read(back)).basedOn!;
    expect(base.revision).toBe(sent.revision);
    expect(base.sha256).toBe(createHash('sha256').update(JSON.stringify((await callOk<{ doc: Interview }>(reporter.ctx, 'history.get', { id, revision: sent.revision })).doc)).digest('hex'));
    expect((await read(back)).sender).toEqual({ id: 'u-hoa', name: 'Nguyễn Thị Hoa' });
  });

  it('keeps working round after round: the reporter’s next file names the editor’s version, and the editor’s library merges it', async () => {
    const { id } = await roundOne();
    await change(editor.ctx, id, typeAt('TTXVN - '));
    const back = await callOk<ExchangeSaved>(editor.ctx, 'exchange.save', { id });
    await change(reporter.ctx, id, (d) => edit(d, [{ type: 'insertText', at: { path: [0], offset: 30 }, text: ' mới' }]));
    expect(await open(reporter.ctx, back)).toMatchObject({ outcome: 'merged' });
    // The reporter accepts everything and sends again; meanwhile the editor typed on.
    await change(reporter.ctx, id, acceptAll);
    const again = await callOk<ExchangeSaved>(reporter.ctx, 'exchange.save', { id });
    expect((await read(again)).basedOn?.revision).toBe(back.revision);
    await change(editor.ctx, id, (d) => ({ ...d, meta: { ...d.meta, byline: 'Hoa' } }));
    expect(await open(editor.ctx, again)).toMatchObject({ outcome: 'merged', conflicts: 0 });
    const there = (await load(editor.ctx, id)).doc;
    expect(there.meta.byline).toBe('Hoa');
    expect(listPending(there).map((p) => p.authorName)).toEqual(['Thanh Bình']);
    expect(acceptAll(there).body).toEqual([{ type: 'paragraph', children: [{ text: 'TTXVN - Năm nay tỉnh kết nạp đảng viên mới.' }] }]);
  });

  it('a file that names no version (one written before files did) is not merged: nothing changes; asked for, it opens as a copy', async () => {
    const { id } = await roundOne();
    await change(editor.ctx, id, typeAt('TTXVN - '));
    const older = altered(await callOk<ExchangeSaved>(editor.ctx, 'exchange.save', { id }), (db) => db.prepare("DELETE FROM manifest WHERE key LIKE 'based_on_%'").run());
    await change(reporter.ctx, id, typeAt('2025 ', 4));
    const before = contents(reporter.ctx);
    expect(await open(reporter.ctx, older)).toMatchObject({ outcome: 'not_merged', id });
    expect(contents(reporter.ctx)).toBe(before);

    const copy = await open(reporter.ctx, older, true);
    expect(copy).toMatchObject({ outcome: 'copied' });
    expect(copy.id).not.toBe(id);
    expect((await load(reporter.ctx, copy.id)).doc.body[0]).toEqual({ type: 'paragraph', children: [{ text: 'TTXVN - Năm nay tỉnh kết nạp đảng viên.' }] });
    expect((await load(reporter.ctx, id)).doc.body[0]).toEqual({ type: 'paragraph', children: [{ text: 'Năm 2025 nay tỉnh kết nạp đảng viên.' }] });
    // The copy is remembered: the same file again is recognised.
    expect(await open(reporter.ctx, older, true)).toMatchObject({ outcome: 'already_opened', id: copy.id });
  });

  it('a file naming a version this library no longer has, or one with other content, is not merged', async () => {
    const { id, sent } = await roundOne();
    await change(editor.ctx, id, typeAt('TTXVN - '));
    const back = await callOk<ExchangeSaved>(editor.ctx, 'exchange.save', { id });
    const forged = altered(back, (db) => db.prepare("UPDATE manifest SET value = ? WHERE key = 'based_on_sha256'").run('0'.repeat(64)));
    expect(await open(reporter.ctx, forged)).toMatchObject({ outcome: 'not_merged' });
    reporter.ctx.db.prepare('DELETE FROM revision WHERE document_id = ? AND revision = ?').run(id, sent.revision);
    const before = contents(reporter.ctx);
    expect(await open(reporter.ctx, back)).toMatchObject({ outcome: 'not_merged' });
    expect(contents(reporter.ctx)).toBe(before);
  });

  it('a manifest with half a base, or a malformed one, is a damaged file', async () => {
    const { id } = await roundOne();
    await change(editor.ctx, id, typeAt('TTXVN - '));
    const back = await callOk<ExchangeSaved>(editor.ctx, 'exchange.save', { id });
    for (const damage of ["DELETE FROM manifest WHERE key = 'based_on_sha256'", "UPDATE manifest SET value = '-3' WHERE key = 'based_on_revision'", "UPDATE manifest SET value = 'a b' WHERE key = 'sender_id'"]) {
      const r = await dispatch('exchange.open', { fileName: back.fileName, data: altered(back, (db) => db.exec(damage)).data }, reporter.ctx);
      expect(r, damage).toMatchObject({ ok: false, error: { code: 'invalid_file', message: expect.stringMatching(/damaged or incomplete \(its manifest/) } });
    }
  });
});
