/**
 * Every way a document enters the library checks it after normalising: what normalisation would
 * push over a limit is refused with a typed error, the stored interview stays as it was and keeps
 * opening, and whatever is stored loads back exactly.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/backend/dispatch';
import type { LoadedDocument } from '../../../../shared/api/contract';
import { changesBetween } from '../../../../shared/api/document-changes';
import type { Result } from '../../../../shared/api/result';
import type { Interview } from '../../../../shared/model/schema';
import { tempLibrary } from '../../../helpers/temp-library';

let lib: Awaited<ReturnType<typeof tempLibrary>>;
beforeEach(async () => {
  lib = await tempLibrary();
});
afterEach(() => lib.close());

const call = (channel: string, input: unknown) => dispatch(channel, input, lib.ctx) as Promise<Result<unknown>>;
async function value<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

/** What normalising turns into a document the schema refuses. */
const poisons: Array<[string, (doc: Interview) => Interview]> = [
  ['a headline of 500 × U+FB2C (1,500 characters after NFC)', (d) => ({ ...d, meta: { ...d.meta, headline: '\uFB2C'.repeat(500) } })],
  ['a speaker label of 400 × U+0958', (d) => ({ ...d, participants: d.participants.map((p, i) => (i === 0 ? { ...p, label: '\u0958'.repeat(400) } : p)) })],
  ['two adjacent 60,000-character runs (merged past 100,000)', (d) => ({ ...d, body: [{ type: 'paragraph', children: [{ text: 'a'.repeat(60_000) }, { text: 'b'.repeat(60_000) }] }] })],
  [
    'a comment whose text is only U+0085',
    (d) => ({ ...d, comments: [{ id: 't1', quote: '', comments: [{ id: 'c1', authorId: 'u', authorName: 'Lan', createdAt: '2026-01-01T00:00:00.000Z', text: '\u0085' }] }] }),
  ],
];

describe('documents are checked after normalising, wherever they enter', () => {
  it.each(poisons)('document.save refuses %s; the interview stays as it was and opens', async (_name, poison) => {
    const created = await value<LoadedDocument>(call('document.create', { language: 'vi' }));
    const result = await call('document.save', { id: created.doc.id, baseRevision: created.revision, doc: poison(created.doc) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_document' } });
    const loaded = await value<LoadedDocument>(call('document.load', { id: created.doc.id }));
    expect(loaded).toEqual(created);
  });

  it.each(poisons)('document.createFrom (an import) refuses %s and stores nothing', async (_name, poison) => {
    const created = await value<LoadedDocument>(call('document.create', { language: 'vi' }));
    const result = await call('document.createFrom', { doc: poison(created.doc) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_document' } });
    expect((await value<{ items: unknown[] }>(call('library.list', {}))).items).toHaveLength(1);
  });

  it.each(poisons)('document.saveChanges (an autosave) refuses %s', async (_name, poison) => {
    const created = await value<LoadedDocument>(call('document.create', { language: 'vi' }));
    const changes = changesBetween(created.doc, poison(created.doc));
    expect(changes).not.toBeNull();
    const result = await call('document.saveChanges', { id: created.doc.id, baseRevision: created.revision, ...changes });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_document' } });
    expect(await value<LoadedDocument>(call('document.load', { id: created.doc.id }))).toEqual(created);
  });

  it('stores what it admits in its normalised form, which loads back exactly', async () => {
    const created = await value<LoadedDocument>(call('document.create', { language: 'vi' }));
    const nearLimit: Interview = {
      ...created.doc,
      meta: { ...created.doc.meta, headline: `${'\uFB2C'.repeat(166)}đa\u0300` },
      body: [{ type: 'paragraph', children: [{ text: 'a'.repeat(40_000) }, { text: 'b\uFEFF'.repeat(30_000) }] }],
    };
    const saved = await value<{ revision: number }>(call('document.save', { id: created.doc.id, baseRevision: created.revision, doc: nearLimit }));
    const loaded = await value<LoadedDocument>(call('document.load', { id: created.doc.id }));
    expect(loaded.revision).toBe(saved.revision);
    expect(loaded.doc.meta.headline).toBe(nearLimit.meta.headline.normalize('NFC'));
    expect(loaded.doc.meta.headline.length).toBeLessThanOrEqual(500);
    expect(loaded.doc.body).toEqual([{ type: 'paragraph', children: [{ text: `${'a'.repeat(40_000)}${'b'.repeat(30_000)}` }] }]);
  });
});
