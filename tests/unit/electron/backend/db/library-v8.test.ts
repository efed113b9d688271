/** Migration v8 (the id of each save, stored with its revision) from a hand-written v7 library. */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeLibrary, LIBRARY_SCHEMA_VERSION, openLibrary } from '../../../../../electron/backend/db/open-library';
import { dispatch } from '../../../../../electron/backend/dispatch';
import { readDocumentText, readRevisionText } from '../../../../../electron/backend/document-store';
import type { HandlerContext } from '../../../../../electron/backend/context';
import type { HistoryEntry, LoadedDocument } from '../../../../../shared/api/contract';
import type { Interview, Paragraph, Turn } from '../../../../../shared/model/schema';
import { tempDir } from '../../../../helpers/temp-library';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const answerOf = (doc: Interview) => ((doc.body[2] as Turn).children[0] as Paragraph).children.map((l) => l.text).join('');
const withAnswer = (doc: Interview, text: string): Interview => ({
  ...doc,
  body: doc.body.map((b, i) => (i === 2 ? { ...(b as Turn), children: [{ type: 'paragraph' as const, children: [{ text }] }] } : b)),
});

describe('migration to v8', () => {
  it('keeps a v7 library’s revisions (with no save id); saves from then on are recognised when sent again; a paragraph stored over the limit opens', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'library.sqlite');
    const fixture = new Database(file);
    fixture.exec(readFileSync(new URL('../../../../fixtures/library-v7.sql', import.meta.url), 'utf8'));
    fixture.close();

    const db = await openLibrary(file);
    expect(LIBRARY_SCHEMA_VERSION).toBeGreaterThanOrEqual(8);
    expect(db.pragma('user_version', { simple: true })).toBe(LIBRARY_SCHEMA_VERSION);
    expect(db.prepare("SELECT revision, save_id FROM revision WHERE document_id = 'fixture-7' ORDER BY revision").all()).toEqual([
      { revision: 1, save_id: null },
      { revision: 2, save_id: null },
      { revision: 3, save_id: null },
    ]);
    let clock = Date.parse('2026-03-01T10:00:00Z');
    const ctx: HandlerContext = { db, now: () => new Date((clock += 1000)), newId: () => 'x-new' };
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await dispatch(channel, input, ctx);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as T;
    };

    const opened = await call<LoadedDocument>('document.load', { id: 'fixture-7' });
    expect(opened).toMatchObject({ revision: 3 });
    expect(opened.repairs).toBeUndefined();
    const edited = withAnswer(opened.doc, 'Năm nay tăng 35% so với năm trước.');
    const first = await call<{ revision: number; savedAt: string }>('document.save', { id: 'fixture-7', baseRevision: 3, doc: edited, saveId: 'save-after-v8' });
    expect(first.revision).toBe(4);
    // The answer was lost; the same save comes again: the same revision, stored once.
    await expect(call('document.save', { id: 'fixture-7', baseRevision: 3, doc: edited, saveId: 'save-after-v8' })).resolves.toEqual(first);
    // (Revision 2 went by the retention policy: a month old, in the same day as revision 3.)
    expect((await call<{ versions: HistoryEntry[] }>('history.list', { id: 'fixture-7' })).versions.map((v) => v.revision)).toEqual([4, 3, 1]);
    expect(db.prepare("SELECT save_id FROM revision WHERE document_id = 'fixture-7' AND revision = 4").pluck().get()).toBe('save-after-v8');

    // Written before the limit: 120,000 characters in one answer. It opens split, and the stored
    // version stays in the history as it was.
    const storedLong = readDocumentText(db, 'fixture-7-long')!;
    const long = await call<LoadedDocument>('document.load', { id: 'fixture-7-long' });
    expect(long.repairs).toEqual([{ kind: 'paragraphSplit', excerpt: expect.stringMatching(/^ờ a/) as unknown as string, length: 120_000, parts: 2 }]);
    expect(long).toMatchObject({ revision: 2, repairedFrom: 1 });
    const answer = (long.doc.body[2] as Turn).children.map((p) => (p as Paragraph).children.map((l) => l.text).join(''));
    expect(answer.join('')).toBe('ờ a'.repeat(40_000));
    expect(readRevisionText(db, 'fixture-7-long', 1)).toBe(storedLong);
    expect(db.prepare("SELECT kind FROM revision WHERE document_id = 'fixture-7-long' AND revision = 2").pluck().get()).toBe('repair');
    const again = await call<LoadedDocument>('document.load', { id: 'fixture-7-long' });
    expect(again).toEqual({ doc: long.doc, revision: 2, updatedAt: long.updatedAt });
    expect(answerOf(opened.doc)).toBe('Năm nay tăng 30% so với năm trước.');
    closeLibrary(db);

    const backup = new Database(`${file}.pre-v${LIBRARY_SCHEMA_VERSION}.bak`, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(7);
    backup.close();
  });
});
