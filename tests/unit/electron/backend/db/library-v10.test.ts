/**
 * Migration v10 (the body as block rows, revisions as deltas against snapshots): every document
 * and every kept revision reads back as it did before, from the hand-written v5 library with its
 * history and from a v9 library with a long, partly damaged history; a migration that fails leaves
 * the file at its old version, its old columns readable.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../../../electron/backend/context';
import { migrations } from '../../../../../electron/backend/db/migrations';
import { closeLibrary, LIBRARY_APPLICATION_ID, LIBRARY_SCHEMA_VERSION, openLibrary } from '../../../../../electron/backend/db/open-library';
import { loadDocument, readStoredDocument } from '../../../../../electron/backend/documents';
import { listHistory, loadVersion } from '../../../../../electron/backend/history';
import { newInterview } from '../../../../../shared/model/factory';
import type { Interview, Paragraph, Turn } from '../../../../../shared/model/schema';
import { tempDir } from '../../../../helpers/temp-library';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

/** What the code before v10 returned for each stored JSON: readStoredDocument of the row's text, or its refusal. */
function readAsBefore(text: string, what: string): unknown {
  try {
    return readStoredDocument(text, what).doc;
  } catch (err) {
    return { refused: (err as { code?: string }).code };
  }
}

function readNow(ctx: HandlerContext, id: string, revision: number): unknown {
  try {
    return loadVersion(ctx, id, revision).doc;
  } catch (err) {
    return { refused: (err as { code?: string }).code };
  }
}

async function migrated(file: string): Promise<HandlerContext> {
  const db = await openLibrary(file);
  cleanups.unshift(() => closeLibrary(db));
  let t = Date.parse('2026-12-08T10:00:00Z');
  return { db, now: () => new Date((t += 1000)), newId: () => 'x-new' };
}

function oldRows(file: string): { documents: Map<string, string>; revisions: { id: string; revision: number; body: string }[] } {
  const db = new Database(file, { readonly: true });
  try {
    const documents = new Map((db.prepare('SELECT id, body FROM document').raw().all() as [string, string][]).map(([id, body]) => [id, body]));
    const revisions = db.prepare('SELECT document_id AS id, revision, body FROM revision ORDER BY document_id, revision').all() as { id: string; revision: number; body: string }[];
    return { documents, revisions };
  } finally {
    db.close();
  }
}

describe('migration to v10', () => {
  it('opens the v5 library with its history: the interview and each of its six revisions read back as before', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'library.sqlite');
    const fixture = new Database(file);
    fixture.exec(readFileSync(new URL('../../../../fixtures/library-v5.sql', import.meta.url), 'utf8'));
    fixture.close();
    const before = oldRows(file);
    expect(before.revisions.map((r) => r.revision)).toEqual([1, 2, 3, 4, 5, 6]);

    const ctx = await migrated(file);
    expect(LIBRARY_SCHEMA_VERSION).toBeGreaterThanOrEqual(10);
    expect(ctx.db.pragma('user_version', { simple: true })).toBe(LIBRARY_SCHEMA_VERSION);
    expect((ctx.db.prepare('PRAGMA table_info(document)').all() as { name: string }[]).map((c) => c.name)).not.toContain('body');
    expect((ctx.db.prepare('PRAGMA table_info(revision)').all() as { name: string }[]).map((c) => c.name)).not.toContain('body');

    expect(loadDocument(ctx, 'fixture-5').doc).toEqual(readAsBefore(before.documents.get('fixture-5')!, 'document'));
    for (const r of before.revisions) expect(readNow(ctx, r.id, r.revision)).toEqual(readAsBefore(r.body, `revision ${r.revision}`));
    // The words each autosave had typed, as the fixture wrote them.
    const lastWords = (doc: Interview) => {
      const turn = doc.body.filter((b): b is Turn => b.type === 'turn').at(-1)!;
      return (turn.children.at(-1) as Paragraph).children.map((c) => c.text).join('');
    };
    expect([1, 2, 3, 4, 5, 6].map((r) => lastWords(loadVersion(ctx, 'fixture-5', r).doc))).toEqual([
      'Năm nay ',
      'Năm nay tăng',
      'Năm nay tăng 30%',
      'Năm nay tăng 30% so với',
      'Năm nay tăng 30% so với năm trước.',
      'Năm nay tăng 30% so với năm trước.',
    ]);
    expect(listHistory(ctx, 'fixture-5').versions.map((v) => [v.revision, v.kind, v.name])).toEqual([
      [6, 'export', ''],
      [5, 'auto', 'Bản gửi'],
      [4, 'auto', ''],
      [3, 'auto', ''],
      [2, 'auto', ''],
      [1, 'auto', ''],
    ]);
    // One snapshot serves the whole history: each autosave is stored as what it changed.
    expect(ctx.db.prepare('SELECT count(*) FROM revision_snapshot').pluck().get()).toBe(1);
  });

  it('converts a v9 library with a long history, damaged revisions among it, and reads every revision back as before', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'library.sqlite');
    const v9 = new Database(file);
    v9.transaction(() => {
      for (let v = 0; v < 9; v++) migrations[v]!(v9);
      v9.pragma('user_version = 9');
      v9.pragma(`application_id = ${LIBRARY_APPLICATION_ID}`);
    })();
    const doc = newInterview('long-1', 'vi');
    const p2 = doc.participants[1]!.id;
    const turn = (i: number, text: string): Turn => ({ type: 'turn', speakerId: p2, children: [{ type: 'paragraph', children: [{ text: `Đoạn ${i}: ${text}` }] }] });
    let body: Interview['body'] = Array.from({ length: 40 }, (_, i) => turn(i, 'câu trả lời'));
    const texts: string[] = [];
    for (let r = 0; r < 60; r++) {
      body = [...body];
      if (r % 7 === 3) body.splice(r % body.length, 0, turn(1000 + r, 'đoạn mới chèn vào giữa'));
      else if (r % 11 === 5) body.splice(r % body.length, 1);
      else body[r % body.length] = turn(r % body.length, `sửa lần ${r}`);
      texts.push(JSON.stringify({ ...doc, meta: { ...doc.meta, headline: `Bản ${r}` }, body }));
    }
    texts[20] = '{"format":"interview-desk/1","id":"long-1","meta":'; // cut short: not JSON
    texts[33] = JSON.stringify({ ...doc, body: 'hỏng' }); // a body that is not a list
    const insertDoc = v9.prepare(`INSERT INTO document (id, revision, language, created_at, updated_at, body, search_text) VALUES (?, ?, 'vi', 't', 't', ?, '')`);
    insertDoc.run('long-1', texts.length, texts.at(-1));
    insertDoc.run('broken-1', 1, '{"not json');
    const insertRevision = v9.prepare('INSERT INTO revision (document_id, revision, saved_at, body) VALUES (?, ?, ?, ?)');
    texts.forEach((text, i) => insertRevision.run('long-1', i + 1, `2026-12-01T09:${String(i).padStart(2, '0')}:00.000Z`, text));
    insertRevision.run('broken-1', 1, '2026-12-01T09:00:00.000Z', '{"not json');
    v9.close();
    const before = oldRows(file);

    const ctx = await migrated(file);
    for (const r of before.revisions) expect(readNow(ctx, r.id, r.revision)).toEqual(readAsBefore(r.body, `revision ${r.revision}`));
    expect(readNow(ctx, 'long-1', 21)).toEqual({ refused: 'invalid_document' });
    expect(readNow(ctx, 'long-1', 60)).toMatchObject({ meta: { headline: 'Bản 59' } });
    expect(() => loadDocument(ctx, 'broken-1')).toThrow(/damaged \(not JSON\)/);
    expect(loadDocument(ctx, 'long-1').doc).toEqual(readAsBefore(before.documents.get('long-1')!, 'document'));
    // Far fewer snapshots than revisions: most are deltas.
    expect(ctx.db.prepare("SELECT count(*) FROM revision_snapshot WHERE document_id = 'long-1'").pluck().get()).toBeLessThan(10);
  });

  it('leaves a library whose conversion fails at v9, with its old columns and rows as they were', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'library.sqlite');
    const v9 = new Database(file);
    v9.transaction(() => {
      for (let v = 0; v < 9; v++) migrations[v]!(v9);
      v9.pragma('user_version = 9');
      v9.pragma(`application_id = ${LIBRARY_APPLICATION_ID}`);
    })();
    const text = JSON.stringify(newInterview('kept-1', 'en'));
    v9.prepare(`INSERT INTO document (id, revision, language, created_at, updated_at, body, search_text) VALUES ('kept-1', 1, 'en', 't', 't', ?, '')`).run(text);
    v9.prepare(`INSERT INTO revision (document_id, revision, saved_at, body) VALUES ('kept-1', 1, 't', ?)`).run(text);
    // Something in the way of the conversion: a table by the name it creates.
    v9.exec('CREATE TABLE block (x TEXT)');
    v9.close();

    await expect(openLibrary(file)).rejects.toThrow();
    const after = new Database(file, { readonly: true });
    cleanups.unshift(() => after.close());
    expect(after.pragma('user_version', { simple: true })).toBe(9);
    expect(after.prepare('SELECT body FROM document').pluck().get()).toBe(text);
    expect(after.prepare('SELECT body FROM revision').pluck().get()).toBe(text);
  });
});
