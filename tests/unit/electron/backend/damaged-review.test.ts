/**
 * A stored interview whose review state is damaged (a hand-edited file, a faulty version): it still opens, says
 * what was left out, and its export is blocked only until the damage is discarded, never forever.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/backend/dispatch';
import { storeDocumentText } from '../../../../electron/backend/document-store';
import type { LoadedDocument } from '../../../../shared/api/contract';
import type { Interview } from '../../../../shared/model/schema';
import { discard, findProblems } from '../../../../shared/review';
import { callOk } from '../../../helpers/call-handler';
import { libraryPerTest } from '../../../helpers/library-per-test';

const lib = libraryPerTest();

const call = <T>(channel: string, input: unknown) => callOk<T>(lib.ctx, channel, input);

/** An answer with an editor's pending insertion, stored as a client would. */
async function suggested(): Promise<{ doc: Interview; revision: number }> {
  const { doc } = await call<LoadedDocument>('document.create', { language: 'vi' });
  const next: Interview = {
    ...doc,
    meta: { ...doc.meta, headline: 'Long An: Kết nạp đảng viên' },
    body: [{ type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: 'Chúng tôi chủ động' }, { text: ' xây dựng kế hoạch', ins: 's1' }, { text: '.' }] }] }],
    review: { suggestions: [{ id: 's1', kind: 'insertText', authorId: 'e1', authorName: 'Minh', createdAt: '2026-11-27T10:00:00.000Z' }], metaChanges: [] },
  };
  const { revision } = await call<{ revision: number }>('document.save', { id: doc.id, baseRevision: 1, doc: next });
  return { doc: next, revision };
}

const exportErrors = async (id: string) =>
  (await call<{ preflight: { errors: { code: string }[] }; file: unknown }>('document.export', { id, format: 'nitf', acceptWarnings: [] })).preflight.errors.map((e) => e.code);

describe('a stored interview with a corrupt suggestion record', () => {
  it('opens with the damaged record left out and named; the mark it leaves is a problem to discard', async () => {
    const { doc, revision } = await suggested();
    // A record damaged on disk (a hand-edited file, a faulty version): its date is not a date.
    const stored = JSON.parse(JSON.stringify(doc)) as Interview;
    stored.review!.suggestions[0]!.createdAt = 'hôm qua';
    storeDocumentText(lib.ctx.db, doc.id, JSON.stringify(stored));

    const loaded = await call<LoadedDocument>('document.load', { id: doc.id });
    expect(loaded.repaired).toEqual([expect.stringContaining('review.suggestions.0')]);
    expect(loaded.doc.review?.suggestions ?? []).toEqual([]);
    expect(findProblems(loaded.doc)).toEqual([{ type: 'missingRecord', id: 's1' }]);

    // Export is blocked by the pending (now authorless) insertion…
    expect(await exportErrors(doc.id)).toContain('review.unresolved-suggestions');
    // …until it is discarded: the insertion is taken back, and the story goes out.
    const clean = discard(loaded.doc);
    expect(clean.body).toEqual([{ type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: 'Chúng tôi chủ động.' }] }] }]);
    await call('document.save', { id: doc.id, baseRevision: revision, doc: clean });
    expect(await exportErrors(doc.id)).toEqual([]);
  });

  it('opens a healthy document without a repair note, and still refuses damage outside the review state', async () => {
    const { doc } = await suggested();
    expect((await call<LoadedDocument>('document.load', { id: doc.id })).repaired).toBeUndefined();
    const stored = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    stored.meta = 'hỏng';
    storeDocumentText(lib.ctx.db, doc.id, JSON.stringify(stored));
    const r = await dispatch('document.load', { id: doc.id }, lib.ctx);
    expect(r.ok ? null : r.error.code).toBe('invalid_document');
  });
});
