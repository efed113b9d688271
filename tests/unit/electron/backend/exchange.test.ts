/**
 * Review files (.interview) between two real libraries: the round trip reporter → editor →
 * reporter, and every kind of bad file, each refused with a clear message and nothing changed.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../../electron/backend/context';
import { dispatch } from '../../../../electron/backend/dispatch';
import { EXCHANGE_APPLICATION_ID, EXCHANGE_FORMAT_VERSION } from '../../../../electron/backend/exchange-file';
import { saveForReview } from '../../../../electron/backend/exchange';
import { MAX_EXCHANGE_FILE_BYTES, type ExchangeOpened, type ExchangeSaved, type HistoryEntry, type LoadedDocument, type StoredAsset } from '../../../../shared/api/contract';
import type { ApiError } from '../../../../shared/api/result';
import type { Interview } from '../../../../shared/model/schema';
import { acceptAll, acceptedView, edit, listPending, rejectAll, suggest } from '../../../../shared/review';
import { callOk } from '../../../helpers/call-handler';
import { solidPng } from '../../../helpers/images';
import { libraryPerTest } from '../../../helpers/library-per-test';
import { tempDir } from '../../../helpers/temp-library';

const reporter = libraryPerTest();
const editor = libraryPerTest();
beforeEach(() => {
  let n = 0;
  editor.ctx.newId = () => `ed-${++n}`; // two machines never hand out the same ids
});

async function failure(ctx: HandlerContext, channel: string, input: unknown): Promise<ApiError> {
  const r = await dispatch(channel, input, ctx);
  if (r.ok) throw new Error(`${channel} succeeded`);
  return r.error;
}

/** Everything a library holds, to prove a refused file changed nothing. */
function contents(ctx: HandlerContext): string {
  const tables = ['document', 'revision', 'participant', 'comment', 'exchange_import'];
  const rows = tables.map((t) => ctx.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());
  const assets = ctx.db.prepare('SELECT sha256 FROM asset ORDER BY 1').all();
  return createHash('sha256').update(JSON.stringify([rows, assets])).digest('hex');
}

async function reporterStory(): Promise<{ doc: Interview; revision: number }> {
  const { doc } = await callOk<LoadedDocument>(reporter.ctx, 'document.create', { language: 'vi' });
  const photo = await callOk<StoredAsset>(reporter.ctx, 'asset.put', { data: solidPng(4, 3).toString('base64') });
  const next: Interview = {
    ...doc,
    meta: { ...doc.meta, headline: 'Long An: Kết nạp đảng viên', slug: 'long-an-ket-nap' },
    body: [
      { type: 'photo', assetId: photo.id, caption: 'Ông Nguyễn Thanh Hải.', credit: 'TTXVN', alt: '', children: [{ text: '' }] },
      { type: 'turn', speakerId: 'p1', children: [{ type: 'paragraph', children: [{ text: 'Thưa ông, tỉnh làm thế nào?' }] }] },
      { type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: 'Chúng tôi chủ động xây dựng kế hoạch.' }] }] },
    ],
  };
  const { revision } = await callOk<{ revision: number }>(reporter.ctx, 'document.save', { id: doc.id, baseRevision: 1, doc: next });
  reporter.ctx.db.prepare('INSERT INTO comment (document_id, id, created_at, data) VALUES (?, ?, ?, ?)').run(doc.id, 'c1', '2026-11-27T10:00:00.000Z', '{"text":"Kiểm tra số liệu"}');
  return { doc: next, revision };
}

const open = (ctx: HandlerContext, file: ExchangeSaved) => dispatch('exchange.open', { fileName: file.fileName, data: file.data }, ctx);
const openBytes = (ctx: HandlerContext, name: string, bytes: Buffer) => dispatch('exchange.open', { fileName: name, data: bytes.toString('base64') }, ctx);

describe('review files: the round trip', () => {
  it('carries an interview to the editor and back; the return is a new revision with the change visible', async () => {
    const { doc, revision } = await reporterStory();
    const sent = await callOk<ExchangeSaved>(reporter.ctx, 'exchange.save', { id: doc.id });
    expect(sent.fileName).toBe('long-an-ket-nap.interview');
    expect(Buffer.from(sent.data, 'base64').subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    // The state that left is an event snapshot, kept by the retention policy.
    expect(await callOk<HistoryEntry>(reporter.ctx, 'history.get', { id: doc.id, revision })).toMatchObject({ kind: 'sent', note: 'long-an-ket-nap.interview' });

    // The editor opens it: the same id, the document, its photo, its history and its comment.
    const opened = await callOk<ExchangeOpened>(editor.ctx, 'exchange.open', { fileName: sent.fileName, data: sent.data });
    expect(opened).toMatchObject({ outcome: 'created', id: doc.id, headline: 'Long An: Kết nạp đảng viên', previousRevision: null });
    const there = await callOk<LoadedDocument>(editor.ctx, 'document.load', { id: doc.id });
    expect(there.doc).toEqual(doc);
    const photoId = (doc.body[0] as { assetId: string }).assetId;
    expect(editor.ctx.db.prepare('SELECT byte_length FROM asset WHERE sha256 = ?').get(photoId)).toEqual({ byte_length: solidPng(4, 3).length });
    expect(editor.ctx.db.prepare('SELECT id, data FROM comment WHERE document_id = ?').all(doc.id)).toEqual([{ id: 'c1', data: '{"text":"Kiểm tra số liệu"}' }]);
    const editorHistory = await callOk<{ versions: HistoryEntry[] }>(editor.ctx, 'history.list', { id: doc.id });
    // (The file is written before the sender marks its revision as sent, so it carries 'auto'.)
    expect(editorHistory.versions.map((v) => v.kind)).toEqual(['received', 'auto', 'auto']);

    // The editor changes the answer and sends it back.
    const edited: Interview = { ...there.doc, body: there.doc.body.map((b, i) => (i === 2 ? { type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: 'Chúng tôi đã chủ động xây dựng kế hoạch từ đầu nhiệm kỳ.' }] }] } : b)) };
    await callOk(editor.ctx, 'document.save', { id: doc.id, baseRevision: there.revision, doc: edited });
    const back = await callOk<ExchangeSaved>(editor.ctx, 'exchange.save', { id: doc.id });

    // The reporter meanwhile kept typing; opening the return merges it with that, never overwriting:
    // the file's state as it came, then the merge, each a revision on top.
    const local: Interview = { ...doc, meta: { ...doc.meta, sapo: 'Sapo viết thêm.' } };
    const { revision: localRevision } = await callOk<{ revision: number }>(reporter.ctx, 'document.save', { id: doc.id, baseRevision: revision, doc: local });
    const returned = await callOk<ExchangeOpened>(reporter.ctx, 'exchange.open', { fileName: back.fileName, data: back.data });
    expect(returned).toMatchObject({ outcome: 'merged', id: doc.id, previousRevision: localRevision, revision: localRevision + 2, conflicts: 0 });
    const merged = (await callOk<LoadedDocument>(reporter.ctx, 'document.load', { id: doc.id })).doc;
    expect(merged.meta.sapo).toBe('Sapo viết thêm.');
    expect(acceptedView(merged).body[2]).toEqual(edited.body[2]);
    expect(rejectAll(merged).body[2]).toEqual(doc.body[2]);
    expect(await callOk<HistoryEntry>(reporter.ctx, 'history.get', { id: doc.id, revision: localRevision + 1 })).toMatchObject({ kind: 'received', note: back.fileName });
    const mergedEntry = await callOk<HistoryEntry>(reporter.ctx, 'history.get', { id: doc.id, revision: localRevision + 2 });
    expect(mergedEntry.kind).toBe('merged');
    expect(JSON.parse(mergedEntry.note)).toEqual({ from: back.fileName, since: (await callOk<HistoryEntry>(reporter.ctx, 'history.get', { id: doc.id, revision })).savedAt, file: back.fileName });
  });

  it('recognises the same file opened twice, and a file whose content the library already has', async () => {
    const { doc } = await reporterStory();
    const sent = await callOk<ExchangeSaved>(reporter.ctx, 'exchange.save', { id: doc.id });
    await callOk(editor.ctx, 'exchange.open', { fileName: sent.fileName, data: sent.data });
    const before = contents(editor.ctx);
    const again = await open(editor.ctx, sent);
    expect(again).toMatchObject({ ok: true, value: { outcome: 'already_opened', id: doc.id } });
    expect(contents(editor.ctx)).toBe(before);

    const own = await open(reporter.ctx, sent);
    expect(own).toMatchObject({ ok: true, value: { outcome: 'same_as_current', id: doc.id } });
    expect((await callOk<{ versions: unknown[] }>(reporter.ctx, 'history.list', { id: doc.id })).versions).toHaveLength(2);
  });

  it('takes an interview out of the trash when its review file is opened', async () => {
    const { doc } = await reporterStory();
    const sent = await callOk<ExchangeSaved>(reporter.ctx, 'exchange.save', { id: doc.id });
    await callOk(editor.ctx, 'exchange.open', { fileName: sent.fileName, data: sent.data });
    const edited = await callOk<LoadedDocument>(editor.ctx, 'document.load', { id: doc.id });
    await callOk(editor.ctx, 'document.save', { id: doc.id, baseRevision: edited.revision, doc: { ...edited.doc, meta: { ...edited.doc.meta, byline: 'Biên tập' } } });
    const back = await callOk<ExchangeSaved>(editor.ctx, 'exchange.save', { id: doc.id });
    await callOk(reporter.ctx, 'trash.put', { id: doc.id });
    await callOk(reporter.ctx, 'exchange.open', { fileName: back.fileName, data: back.data });
    expect((await callOk<{ items: { id: string }[] }>(reporter.ctx, 'library.list', {})).items.map((i) => i.id)).toEqual([doc.id]);
  });
});

describe('review files: what comes back is merged, never put on top', () => {
  const hoa = { id: 'u-hoa', name: 'Nguyễn Thị Hoa', role: 'editor' as const };
  const binh = { id: 'u-binh', name: 'Thanh Bình', role: 'reporter' as const };
  const at = (path: [number] | [number, number], offset: number) => ({ path, offset });
  const textOf = (doc: Interview, i: number) => {
    const b = doc.body[i]!;
    const p = (b.type === 'turn' ? b.children[0] : b) as { children: { text: string }[] };
    return p.children.map((l) => l.text).join('');
  };

  /** The reporter's story with an intro, sent to the editor, who opens it. */
  async function sentAndOpened(): Promise<{ doc: Interview; revision: number; sentRevision: number }> {
    await callOk(reporter.ctx, 'profile.save', { profile: binh });
    await callOk(editor.ctx, 'profile.save', { profile: hoa });
    const { doc } = await reporterStory();
    const withIntro: Interview = { ...doc, body: [{ type: 'paragraph', children: [{ text: 'Năm nay tỉnh Long An kết nạp nhiều đảng viên.' }] }, ...doc.body] };
    const { revision } = await callOk<{ revision: number }>(reporter.ctx, 'document.save', { id: doc.id, baseRevision: 2, doc: withIntro });
    const sent = await callOk<ExchangeSaved>(reporter.ctx, 'exchange.save', { id: doc.id });
    expect(await callOk(editor.ctx, 'exchange.open', { fileName: sent.fileName, data: sent.data })).toMatchObject({ outcome: 'created' });
    return { doc: withIntro, revision, sentRevision: sent.revision };
  }

  /** The editor's changes, saved in the editor's library, and the file saved back. */
  async function editorReturns(change: (doc: Interview) => Interview): Promise<ExchangeSaved> {
    const there = await callOk<LoadedDocument>(editor.ctx, 'document.load', { id: 'doc-1' });
    await callOk(editor.ctx, 'document.save', { id: 'doc-1', baseRevision: there.revision, doc: change(there.doc) });
    return callOk<ExchangeSaved>(editor.ctx, 'exchange.save', { id: 'doc-1' });
  }

  it('keeps what the reporter typed since; the editor’s suggestions arrive under the editor’s name; the same words changed by both are a conflict; the history says who and since when', async () => {
    const { doc, revision, sentRevision } = await sentAndOpened();
    // After sending, the reporter types "2025" into the intro and rewrites two words of the answer.
    const typed = edit(doc, [
      { type: 'insertText', at: at([0], 8), text: '2025 ' },
      { type: 'replaceText', at: at([3, 0], 10), length: 8, text: 'quyết liệt' },
    ]);
    const { revision: mine } = await callOk<{ revision: number }>(reporter.ctx, 'document.save', { id: doc.id, baseRevision: revision, doc: typed });
    // The editor, in Suggesting mode, changes a word of the question and the same words of the answer, and comments.
    const back = await editorReturns((d) =>
      suggest(
        d,
        [
          { type: 'replaceText', at: at([2, 0], 0), length: 4, text: 'Xin hỏi' },
          { type: 'replaceText', at: at([3, 0], 10), length: 8, text: 'tích cực' },
        ],
        hoa,
        () => '2026-11-27T12:00:00.000Z',
      ),
    );
    const opened = await callOk<ExchangeOpened>(reporter.ctx, 'exchange.open', { fileName: back.fileName, data: back.data });
    expect(opened).toMatchObject({ outcome: 'merged', previousRevision: mine, revision: mine + 2, suggestions: 2, conflicts: 1 });

    const merged = (await callOk<LoadedDocument>(reporter.ctx, 'document.load', { id: doc.id })).doc;
    expect(textOf(merged, 0)).toBe('Năm nay 2025 tỉnh Long An kết nạp nhiều đảng viên.');
    expect(textOf(rejectAll(merged), 3)).toBe('Chúng tôi quyết liệt xây dựng kế hoạch.');
    expect(textOf(acceptAll(merged), 3)).toBe('Chúng tôi tích cực xây dựng kế hoạch.');
    expect(textOf(acceptAll(merged), 2)).toBe('Xin hỏi ông, tỉnh làm thế nào?');
    expect(new Set(listPending(merged).map((p) => [p.authorId, p.authorName].join()))).toEqual(new Set([`${hoa.id},${hoa.name}`]));
    expect(merged.review!.conflicts).toEqual([expect.objectContaining({ kind: 'text', base: 'chủ động', authorName: hoa.name })]);

    const entry = await callOk<HistoryEntry>(reporter.ctx, 'history.get', { id: doc.id, revision: mine + 2 });
    const sentAt = (await callOk<HistoryEntry>(reporter.ctx, 'history.get', { id: doc.id, revision: sentRevision })).savedAt;
    expect({ kind: entry.kind, note: JSON.parse(entry.note) as unknown }).toEqual({ kind: 'merged', note: { from: hoa.name, since: sentAt, file: back.fileName } });
    // The returned version itself is kept as it came, just before.
    const received = await callOk<{ kind: string; doc: Interview }>(reporter.ctx, 'history.get', { id: doc.id, revision: mine + 1 });
    expect(received.kind).toBe('received');
    expect(textOf(received.doc, 0)).toBe('Năm nay tỉnh Long An kết nạp nhiều đảng viên.');

    // Opening the same file again changes nothing.
    const before = contents(reporter.ctx);
    expect(await callOk(reporter.ctx, 'exchange.open', { fileName: back.fileName, data: back.data })).toMatchObject({ outcome: 'already_opened', revision: mine + 2 });
    expect(contents(reporter.ctx)).toBe(before);
  });

  it('with no work since sending, the result is the editor’s version with its changes as suggestions; a file that holds the sent version changes nothing', async () => {
    const { doc } = await sentAndOpened();
    const same = await callOk<ExchangeSaved>(editor.ctx, 'exchange.save', { id: 'doc-1' });
    const before = contents(reporter.ctx);
    const unchanged = await callOk<ExchangeOpened>(reporter.ctx, 'exchange.open', { fileName: same.fileName, data: same.data });
    expect(unchanged.outcome).toMatch(/^(unchanged|same_as_current)$/);
    expect((await callOk<LoadedDocument>(reporter.ctx, 'document.load', { id: doc.id })).doc).toEqual(doc);
    expect(before).not.toBe(''); // (the file is remembered as opened; the interview is as it was)

    const back = await editorReturns((d) => edit(d, [{ type: 'setMeta', field: 'headline', value: 'Long An kết nạp vượt chỉ tiêu' }, { type: 'deleteText', at: at([0], 0), length: 8 }]));
    const theirs = (await callOk<LoadedDocument>(editor.ctx, 'document.load', { id: 'doc-1' })).doc;
    expect(await callOk(reporter.ctx, 'exchange.open', { fileName: back.fileName, data: back.data })).toMatchObject({ outcome: 'merged', conflicts: 0 });
    const merged = (await callOk<LoadedDocument>(reporter.ctx, 'document.load', { id: doc.id })).doc;
    expect(acceptAll(merged)).toEqual(theirs);
    expect(rejectAll(merged)).toEqual(doc);
  });
});

describe('review files: bad input changes nothing', () => {
  let good: Buffer;
  let docId: string;
  let before: string;
  beforeEach(async () => {
    const { doc } = await reporterStory();
    docId = doc.id;
    good = Buffer.from((await callOk<ExchangeSaved>(reporter.ctx, 'exchange.save', { id: doc.id })).data, 'base64');
    await callOk(editor.ctx, 'document.create', { language: 'en' });
    before = contents(editor.ctx);
  });
  afterEach(() => expect(contents(editor.ctx)).toBe(before));

  /** The file, changed through SQLite in a scratch folder. */
  function altered(change: (db: Database.Database) => void): Buffer {
    const t = tempDir();
    try {
      const path = join(t.dir, 'f.interview');
      writeFileSync(path, good);
      const db = new Database(path);
      change(db);
      db.close();
      return readFileSync(path);
    } finally {
      t.cleanup();
    }
  }

  const refused = async (name: string, bytes: Buffer, message: RegExp) => {
    const r = await openBytes(editor.ctx, name, bytes);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_file' } });
    if (!r.ok) expect(r.error.message).toMatch(message);
  };

  it('a truncated file', async () => {
    await refused('cut.interview', good.subarray(0, Math.floor(good.length / 2)), /“cut\.interview” is damaged or incomplete/);
    await refused('tiny.interview', good.subarray(0, 50), /not a database at all|damaged/);
  });

  it('a corrupted file (pages overwritten)', async () => {
    const bad = Buffer.from(good);
    for (let i = 8192; i < bad.length; i += 97) bad[i] = bad[i]! ^ 0x5a;
    await refused('bad.interview', bad, /damaged or incomplete/);
  });

  it('a random file renamed .interview', async () => {
    await refused('photo.interview', solidPng(8, 8), /is not an Interview Desk review file: it is not a database at all/);
    await refused('notes.interview', Buffer.from('Phỏng vấn ông Hải\n'.repeat(500)), /not a database at all/);
  });

  it('an SQLite file of another application, and a library', async () => {
    await refused('other.interview', altered((db) => db.pragma('application_id = 1234')), /SQLite database of another application/);
    reporter.ctx.db.pragma('wal_checkpoint(TRUNCATE)'); // the file alone, as a copy on a USB stick would be
    await refused('lib.interview', readFileSync(reporter.file), /is an Interview Desk library, not a review file/);
  });

  it('a file from a newer version', async () => {
    await refused('future.interview', altered((db) => db.pragma(`user_version = ${EXCHANGE_FORMAT_VERSION + 1}`)), /written by a newer version of Interview Desk \(review file format 3; this version reads up to 2\)\. Update Interview Desk/);
  });

  it('a document that does not match the format, a forged image type', async () => {
    await refused('doc.interview', altered((db) => db.prepare(`UPDATE document SET body = json_set(body, '$.body', json('[]'))`).run()), /the interview does not match the document format/);
    const html = Buffer.from('<script>alert(1)</script>');
    const sha = createHash('sha256').update(html).digest('hex');
    await refused('img.interview', altered((db) => db.prepare(`INSERT INTO asset VALUES (?, 'image/png', ?, 1, 1, 't', ?)`).run(sha, html.length, html)), /not a JPEG, PNG, WebP or GIF image/);
  });

  it('an oversized file, empty data, and data that is not base64', async () => {
    const huge = 'A'.repeat(Math.ceil(MAX_EXCHANGE_FILE_BYTES / 3) * 4 + 4);
    expect((await dispatch('exchange.open', { fileName: 'big.interview', data: huge }, editor.ctx)) as unknown).toMatchObject({ ok: false, error: { code: 'invalid_file', message: expect.stringMatching(/at most 48\.0 MB/) } });
    expect(await dispatch('exchange.open', { fileName: 'empty.interview', data: '' }, editor.ctx)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is empty/) } });
    expect(await dispatch('exchange.open', { fileName: 'x.interview', data: 'not base64!' }, editor.ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(docId).toBeTruthy();
    expect(EXCHANGE_APPLICATION_ID).not.toBe(0);
  });
});

describe('review files: a full disk while saving', () => {
  it('reports it, leaves no file behind and does not mark the revision as sent', async () => {
    const { doc, revision } = await reporterStory();
    const before = contents(reporter.ctx);
    let error: unknown;
    try {
      saveForReview(reporter.ctx, doc.id, { maxPageCount: 3 });
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code: 'write_failed', message: expect.stringMatching(/the disk is full/) });
    expect(contents(reporter.ctx)).toBe(before);
    expect(await callOk<HistoryEntry>(reporter.ctx, 'history.get', { id: doc.id, revision })).toMatchObject({ kind: 'auto' });
    // And the open document is untouched: the next save on its revision goes through.
    expect((await failure(reporter.ctx, 'document.save', { id: doc.id, baseRevision: revision - 1, doc })).code).toBe('conflict');
    await callOk(reporter.ctx, 'document.save', { id: doc.id, baseRevision: revision, doc });
  });
});
