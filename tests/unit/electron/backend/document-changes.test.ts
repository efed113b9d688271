/**
 * Autosave of what changed (document.saveChanges, electron/backend/document-changes.ts): for any
 * sequence of edits, saving the changes stores byte for byte what saving the whole document
 * stores (document body, revision body, search text); bad blocks, a moved-on revision and a base
 * the backend does not hold store nothing.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../../electron/backend/context';
import { dispatch } from '../../../../electron/backend/dispatch';
import { readDocumentText, readRevisionText } from '../../../../electron/backend/document-store';
import { refreshSearchIndex } from '../../../../electron/backend/search-index';
import { applyChanges, changesBetween } from '../../../../shared/api/document-changes';
import { newInterview } from '../../../../shared/model/factory';
import type { Block, Interview, Paragraph } from '../../../../shared/model/schema';
import { tempLibrary } from '../../../helpers/temp-library';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function library(): Promise<HandlerContext> {
  const lib = await tempLibrary();
  cleanups.push(lib.close);
  return lib.ctx;
}

async function call(ctx: HandlerContext, channel: string, input: unknown): Promise<Record<string, unknown>> {
  const r = await dispatch(channel, input, ctx);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { apiError: r.error });
  return r.value as Record<string, unknown>;
}

const para = (text: string): Paragraph => ({ type: 'paragraph', children: [{ text }] });

function startDocument(): Interview {
  const doc = newInterview('x', 'vi');
  doc.participants = [
    { id: 'p1', label: 'Phóng viên', fullName: '', title: '', role: 'interviewer' },
    { id: 'p2', label: 'Ông Hải', fullName: 'Nguyễn Thanh Hải', title: '', role: 'interviewee' },
  ];
  doc.body = [
    para('TTXVN - Thời gian qua'),
    ...Array.from({ length: 8 }, (_, i): Block => ({ type: 'turn', speakerId: i % 2 ? 'p2' : 'p1', children: [para(`Câu ${i} đảng viên`), para(`tiếp ${i}`)] })),
  ];
  return doc;
}

type Edit =
  | { kind: 'type'; at: number; text: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number }
  | { kind: 'photoAtEnd' }
  | { kind: 'headline'; text: string }
  | { kind: 'rename'; text: string }
  | { kind: 'decomposed'; at: number };

const text = fc.constantFrom('', 'a', 'ệ', 'Hà Nội', 'e\u0302\u0301', ' x ', 'dang vien\u0007', 'đảng');
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), text }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.constant({ kind: 'photoAtEnd' as const }),
  fc.record({ kind: fc.constant('headline' as const), text }),
  fc.record({ kind: fc.constant('rename' as const), text: text.filter((t) => t.trim() !== '') }),
  fc.record({ kind: fc.constant('decomposed' as const), at: fc.nat() }),
);

/** Apply an edit as the editor does: untouched blocks keep their identity. */
function applyEdit(doc: Interview, e: Edit): Interview {
  const body = [...doc.body];
  const at = (n: number) => n % body.length;
  switch (e.kind) {
    case 'type': {
      const i = at(e.at);
      const block = body[i]!;
      if (block.type === 'paragraph') body[i] = { ...block, children: [{ text: block.children.map((l) => l.text).join('') + e.text }] };
      else if (block.type === 'turn') body[i] = { ...block, children: [para(e.text), ...block.children.slice(1)] };
      return { ...doc, body };
    }
    case 'insert':
      body.splice(at(e.at), 0, { type: 'turn', speakerId: 'p2', children: [para(e.text)] });
      return { ...doc, body };
    case 'delete':
      if (body.length > 1) body.splice(at(e.at), 1);
      return { ...doc, body };
    case 'photoAtEnd':
      body.push({ type: 'photo', assetId: null, caption: 'Ảnh', credit: '', alt: '', children: [{ text: '' }] } as Block);
      return { ...doc, body };
    case 'headline':
      return { ...doc, meta: { ...doc.meta, headline: e.text } };
    case 'rename':
      return { ...doc, participants: doc.participants.map((p) => (p.id === 'p2' ? { ...p, label: e.text } : p)) };
    case 'decomposed':
      body[at(e.at)] = para('Nguye\u0302\u0303n đảng'.normalize('NFD'));
      return { ...doc, body };
  }
}

const stored = (ctx: HandlerContext, id: string) => ({
  doc: { ...(ctx.db.prepare('SELECT revision, search_text FROM document WHERE id = ?').get(id) as object), body: readDocumentText(ctx.db, id) },
  revisions: (ctx.db.prepare('SELECT revision, saved_at, kind FROM revision WHERE document_id = ? ORDER BY revision').all(id) as { revision: number }[]).map((r) => ({
    ...r,
    body: readRevisionText(ctx.db, id, r.revision),
  })),
});

describe('document.saveChanges', () => {
  it('stores exactly what saving the whole document stores, for any sequence of edits', async () => {
    await fc.assert(
      // Each save follows 1–3 edits, so one save can carry changes in several places.
      fc.asyncProperty(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 10 }), async (saves) => {
        const changed = await library();
        const whole = await library();
        const first = startDocument();
        const a = (await call(changed, 'document.createFrom', { doc: first })) as { doc: Interview; revision: number };
        await call(whole, 'document.createFrom', { doc: first });
        const id = a.doc.id;
        // What the renderer holds: the loaded document, then what it last stored.
        let base = a.doc;
        let revision = a.revision;
        let current = a.doc;
        for (const edits of saves) {
          for (const e of edits) current = applyEdit(current, e);
          const changes = changesBetween(base, current)!;
          expect(applyChanges(base, changes)).toEqual(current);
          let saved = await call(changed, 'document.saveChanges', { id, baseRevision: revision, ...changes });
          if ('stale' in saved) saved = await call(changed, 'document.save', { id, baseRevision: revision, doc: current });
          await call(whole, 'document.save', { id, baseRevision: revision, doc: current });
          revision = saved.revision as number;
          base = current;
        }
        // The search text catches up before a search (search-index.ts); then everything is the same,
        // and the index agrees with the text it indexes.
        refreshSearchIndex(changed);
        expect(changed.db.prepare('SELECT count(*) AS n FROM search_pending').get()).toEqual({ n: 0 });
        expect(stored(changed, id)).toEqual(stored(whole, id));
        changed.db.exec(`INSERT INTO document_fts(document_fts, rank) VALUES ('integrity-check', 1)`);
      }),
      { numRuns: 60 },
    );
  });

  it('answers stale when the stored body is not the base the changes were taken against', async () => {
    const ctx = await library();
    const { doc, revision } = (await call(ctx, 'document.createFrom', { doc: startDocument() })) as { doc: Interview; revision: number };
    const before = stored(ctx, doc.id);
    const answer = await call(ctx, 'document.saveChanges', { id: doc.id, baseRevision: revision, baseLength: doc.body.length + 1, splices: [], fields: {} });
    expect(answer).toEqual({ stale: true });
    const overlapping = [
      { start: 2, deleteCount: 2, blocks: [] },
      { start: 3, deleteCount: 0, blocks: [para('x')] },
    ];
    for (const splices of [overlapping, [{ start: doc.body.length, deleteCount: 1, blocks: [] }]]) {
      expect(await call(ctx, 'document.saveChanges', { id: doc.id, baseRevision: revision, baseLength: doc.body.length, splices, fields: {} })).toEqual({ stale: true });
    }
    expect(stored(ctx, doc.id)).toEqual(before);
  });

  it('refuses a bad block with its path in the whole document, and a moved-on revision, storing nothing', async () => {
    const ctx = await library();
    const { doc, revision } = (await call(ctx, 'document.createFrom', { doc: startDocument() })) as { doc: Interview; revision: number };
    const before = stored(ctx, doc.id);
    const input = { id: doc.id, baseRevision: revision, baseLength: doc.body.length, fields: {} };
    const splices = [
      { start: 1, deleteCount: 0, blocks: [para('a'), para('b')] },
      { start: 3, deleteCount: 1, blocks: [{ type: 'turn', speakerId: 'nobody', children: [para('x')] }] },
    ];
    const bad = await dispatch('document.saveChanges', { ...input, splices }, ctx);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid_document');
      // The bad block is the 6th of the new body: two blocks were added before it.
      expect(bad.error.problems?.[0]?.path).toBe('body.5.speakerId');
    }
    const old = await dispatch('document.saveChanges', { ...input, baseRevision: revision - 1, splices: [] }, ctx);
    expect(!old.ok && old.error.code).toBe('conflict');
    expect(stored(ctx, doc.id)).toEqual(before);
  });

  it('leaves the search index to catch up before the next search, which finds what was typed', async () => {
    const ctx = await library();
    const { doc, revision } = (await call(ctx, 'document.createFrom', { doc: startDocument() })) as { doc: Interview; revision: number };
    const typed = { ...doc, body: doc.body.map((b, i) => (i === 0 ? para('Hợp tác xã Quỳnh Lưu') : b)) };
    await call(ctx, 'document.saveChanges', { id: doc.id, baseRevision: revision, ...changesBetween(doc, typed)! });
    const search = (q: string) => call(ctx, 'library.search', { query: q }).then((r) => (r.hits as { id: string }[]).map((h) => h.id));
    expect(ctx.db.prepare('SELECT document_id FROM search_pending').pluck().all()).toEqual([doc.id]);
    expect(await search('quynh luu')).toEqual([doc.id]);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM search_pending').get()).toEqual({ n: 0 });
    expect(await search('TTXVN thoi gian')).toEqual([]); // the replaced text is gone from the index
    // A whole-document save re-indexes at once and clears the mark; deleting a marked interview removes its mark.
    const pending = () => ctx.db.prepare('SELECT count(*) AS n FROM search_pending').pluck().get();
    const indexed = (q: string) => ctx.db.prepare('SELECT count(*) FROM document_fts WHERE document_fts MATCH ?').pluck().get(q);
    const again = { ...typed, body: typed.body.map((b, i) => (i === 1 ? para('Đồng Tháp') : b)) };
    await call(ctx, 'document.saveChanges', { id: doc.id, baseRevision: revision + 1, ...changesBetween(typed, again)! });
    expect([pending(), indexed('thap')]).toEqual([1, 0]);
    await call(ctx, 'document.save', { id: doc.id, baseRevision: revision + 2, doc: again });
    expect([pending(), indexed('thap')]).toEqual([0, 1]);
    const last = { ...again, body: again.body.map((b, i) => (i === 2 ? para('Cà Mau') : b)) };
    await call(ctx, 'document.saveChanges', { id: doc.id, baseRevision: revision + 3, ...changesBetween(again, last)! });
    expect(pending()).toBe(1);
    await call(ctx, 'trash.put', { id: doc.id });
    await call(ctx, 'trash.deleteForever', { id: doc.id });
    expect(ctx.db.prepare('SELECT count(*) AS n FROM search_pending').get()).toEqual({ n: 0 });
    ctx.db.exec(`INSERT INTO document_fts(document_fts, rank) VALUES ('integrity-check', 1)`);
  });
});
