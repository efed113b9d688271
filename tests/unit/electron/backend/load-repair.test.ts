/**
 * Loading never refuses a stored document for a limit or a normalisation difference
 * (documents.ts, shared/model/repair.ts): save → load round-trips whatever the schema accepts; a
 * stored document over a limit opens repaired, the repair is stored as one revision on top of the
 * stored one, which stays as it was; what truly cannot be read is refused, and its history still
 * lists and restores the versions that can.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/backend/dispatch';
import { readRevisionText, storeDocumentText, storeRevisionText } from '../../../../electron/backend/document-store';
import type { HistoryEntry, LoadedDocument, LoadedVersion } from '../../../../shared/api/contract';
import { repairInterview } from '../../../../shared/model/repair';
import type { Interview } from '../../../../shared/model/schema';
import { validateInterview } from '../../../../shared/model/validate';
import { brokenDocument, limitBreaking, validDocument } from '../../../helpers/document-arbitraries';
import { tempLibrary } from '../../../helpers/temp-library';

let lib: Awaited<ReturnType<typeof tempLibrary>>;
beforeAll(async () => {
  lib = await tempLibrary();
});
afterAll(() => lib.close());

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input, lib.ctx);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.problems ?? [])}`);
  return r.value as T;
}

/** Put a body in the library as an older version (or another tool) would have: row and revision, unchecked. */
function storeUnchecked(id: string, body: string): void {
  storeDocumentText(lib.ctx.db, id, body);
  const current = lib.ctx.db.prepare('SELECT revision, updated_at FROM document WHERE id = ?').get(id) as { revision: number; updated_at: string };
  storeRevisionText(lib.ctx.db, id, current.revision, current.updated_at, body);
}

describe('document.save then document.load', () => {
  it('for any document the schema accepts: repaired as load would, it saves, and loads back unchanged and stable', async () => {
    await fc.assert(
      fc.asyncProperty(validDocument, async (generated) => {
        fc.pre(validateInterview(generated).ok);
        const created = await call<LoadedDocument>('document.create', { language: 'vi' });
        const repaired = repairInterview({ ...generated, id: created.doc.id });
        if (!repaired.ok) throw new Error('the schema accepted it');
        const saved = await call<{ revision: number }>('document.save', { id: created.doc.id, baseRevision: created.revision, doc: repaired.doc, saveId: `s-${created.doc.id}` });
        const loaded = await call<LoadedDocument>('document.load', { id: created.doc.id });
        expect(loaded).toEqual({ doc: repaired.doc, revision: saved.revision, updatedAt: loaded.updatedAt });
        await expect(call<LoadedDocument>('document.load', { id: created.doc.id })).resolves.toEqual(loaded);
      }),
      { numRuns: 25 },
    );
  }, 60_000); // property runs: generous on a busy machine

  it('for stored documents that break limits: opens a valid document with the list of changes, stores the repair once on top, keeps the stored version as it was', async () => {
    await fc.assert(
      fc.asyncProperty(limitBreaking, async (flags) => {
        const created = await call<LoadedDocument>('document.create', { language: 'vi' });
        const stored: Interview = { ...brokenDocument(flags), id: created.doc.id };
        const json = JSON.stringify(stored);
        storeUnchecked(created.doc.id, json);
        const expected = repairInterview(stored);
        if (!expected.ok) throw new Error('not repairable');

        const opened = await call<LoadedDocument>('document.load', { id: created.doc.id });
        expect(validateInterview(opened.doc)).toEqual({ ok: true, doc: opened.doc });
        expect(opened).toMatchObject({ doc: expected.doc, repairs: expected.repairs, revision: created.revision + 1, repairedFrom: created.revision });
        expect(opened.repairs!.length).toBeGreaterThan(0);
        const { versions } = await call<{ versions: HistoryEntry[] }>('history.list', { id: created.doc.id });
        expect(versions.map((v) => [v.revision, v.kind])).toEqual([
          [created.revision + 1, 'repair'],
          [created.revision, 'auto'],
        ]);
        expect(readRevisionText(lib.ctx.db, created.doc.id, created.revision)).toBe(json);

        // Opened again: nothing to repair, nothing written.
        await expect(call<LoadedDocument>('document.load', { id: created.doc.id })).resolves.toEqual({ doc: opened.doc, revision: opened.revision, updatedAt: opened.updatedAt });
        // And the editor's next save goes on from the repaired revision.
        await call('document.save', { id: created.doc.id, baseRevision: opened.revision, doc: opened.doc, saveId: `next-${created.doc.id}` });
      }),
      { numRuns: 15 },
    );
  }, 60_000); // property runs: generous on a busy machine
});

describe('an interview whose stored text cannot be read', () => {
  it('is refused with the reason; its history lists, shows and restores the last good version', async () => {
    const created = await call<LoadedDocument>('document.create', { language: 'en' });
    const id = created.doc.id;
    const good = { ...created.doc, meta: { ...created.doc.meta, headline: 'The last good headline' } };
    await call('document.save', { id, baseRevision: 1, doc: good });
    lib.ctx.db.prepare('UPDATE document SET revision = 3 WHERE id = ?').run(id);
    storeDocumentText(lib.ctx.db, id, '{"format":"interview-desk/1", "id": "trunc');
    storeRevisionText(lib.ctx.db, id, 3, '2026-11-27T11:00:00.000Z', '{"format":"interview-desk/1", "id": "trunc');

    const refused = await dispatch('document.load', { id }, lib.ctx);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_document', message: expect.stringMatching(/damaged \(not JSON\)/) as unknown as string } });
    const { versions, current } = await call<{ versions: HistoryEntry[]; current: number }>('history.list', { id });
    expect(current).toBe(3);
    expect(versions.map((v) => v.revision)).toEqual([3, 2, 1]);
    expect(await dispatch('history.get', { id, revision: 3 }, lib.ctx)).toMatchObject({ ok: false, error: { code: 'invalid_document' } });
    expect((await call<LoadedVersion>('history.get', { id, revision: 2 })).doc.meta.headline).toBe('The last good headline');

    await call('history.restore', { id, revision: 2 });
    const reopened = await call<LoadedDocument>('document.load', { id });
    expect(reopened).toMatchObject({ revision: 4, doc: { meta: { headline: 'The last good headline' } } });
    // The unreadable state stays in the history (the state a restore replaced is kept).
    expect((await call<{ versions: HistoryEntry[] }>('history.list', { id })).versions.map((v) => v.revision)).toEqual([4, 3, 2, 1]);
  });
});
