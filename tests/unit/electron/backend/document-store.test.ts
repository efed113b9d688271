/**
 * The stored body as block rows and revisions as deltas (document-store.ts): after each autosave
 * of random edits the body read back is the document the editor holds and every kept revision reads
 * back as it was saved; an autosave writes only the rows of the blocks it changed; a save that
 * fails inside its transaction leaves the body and the history as they were.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../../electron/backend/context';
import { dispatch } from '../../../../electron/backend/dispatch';
import { readDocumentText, readRevisionText } from '../../../../electron/backend/document-store';
import { changesBetween } from '../../../../shared/api/document-changes';
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

async function call<T = Record<string, unknown>>(ctx: HandlerContext, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input, ctx);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { apiError: r.error });
  return r.value as T;
}

const para = (text: string): Paragraph => ({ type: 'paragraph', children: [{ text }] });
const turn = (speakerId: string, text: string): Block => ({ type: 'turn', speakerId, children: [para(text)] });

function startDocument(blocks: number): Interview {
  const doc = newInterview('x', 'vi');
  doc.participants = [
    { id: 'p1', label: 'Phóng viên', fullName: '', title: '', role: 'interviewer' },
    { id: 'p2', label: 'Ông Hải', fullName: 'Nguyễn Thanh Hải', title: '', role: 'interviewee' },
  ];
  doc.body = [para('TTXVN - Thời gian qua'), ...Array.from({ length: blocks - 1 }, (_, i) => turn(i % 2 ? 'p2' : 'p1', `Câu ${i} về đảng viên`))];
  return doc;
}

type Edit =
  | { kind: 'change'; at: number; text: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number }
  | { kind: 'move'; from: number; to: number }
  | { kind: 'headline'; text: string };

const text = fc.constantFrom('a', 'ệ', 'Hà Nội', 'Thưa ông', 'đảng', 'x y');
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('change' as const), at: fc.nat(), text }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('headline' as const), text }),
);

/** An edit as the editor makes it: blocks it does not touch keep their identity. */
function applyEdit(doc: Interview, e: Edit): Interview {
  const body = [...doc.body];
  const at = (n: number) => n % body.length;
  switch (e.kind) {
    case 'change': {
      const i = at(e.at);
      const b = body[i]!;
      body[i] = b.type === 'turn' ? { ...b, children: [para(`${(b.children[0] as Paragraph).children[0]!.text}${e.text}`)] } : para(e.text);
      return { ...doc, body };
    }
    case 'insert':
      body.splice(at(e.at), 0, turn('p2', e.text));
      return { ...doc, body };
    case 'delete':
      if (body.length > 1) body.splice(at(e.at), 1);
      return { ...doc, body };
    case 'move': {
      const [moved] = body.splice(at(e.from), 1);
      body.splice(e.to % (body.length + 1), 0, moved!);
      return { ...doc, body };
    }
    case 'headline':
      return { ...doc, meta: { ...doc.meta, headline: `${doc.meta.headline}${e.text}` } };
  }
}

describe('the body as block rows', () => {
  it('after every autosave the stored body is the editor’s document, and every kept revision reads back as it was saved', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), async (saves) => {
        const ctx = await library();
        const created = await call<{ doc: Interview; revision: number }>(ctx, 'document.createFrom', { doc: startDocument(12) });
        const id = created.doc.id;
        let base = created.doc;
        let revision = created.revision;
        const savedAs = new Map<number, Interview>([[revision, base]]);
        for (const edits of saves) {
          let next = base;
          for (const e of edits) next = applyEdit(next, e);
          const changes = changesBetween(base, next)!;
          const saved = await call<{ revision: number }>(ctx, 'document.saveChanges', { id, baseRevision: revision, ...changes });
          revision = saved.revision;
          base = next;
          savedAs.set(revision, next);
          expect(JSON.parse(readDocumentText(ctx.db, id)!)).toEqual(next);
          expect(ctx.db.prepare('SELECT count(*) FROM block WHERE document_id = ?').pluck().get(id)).toBe(next.body.length);
        }
        const kept = ctx.db.prepare('SELECT revision FROM revision WHERE document_id = ?').pluck().all(id) as number[];
        expect(kept).toContain(revision);
        for (const r of kept) expect(JSON.parse(readRevisionText(ctx.db, id, r)!)).toEqual(savedAs.get(r));
        // Opening afresh (nothing held in memory) gives the same document.
        expect((await call<{ doc: Interview }>(ctx, 'document.load', { id })).doc).toEqual(base);
      }),
      { numRuns: 40 },
    );
  });

  it('a one-character autosave writes the one row it changed, and its revision stores that block, not the document', async () => {
    const ctx = await library();
    const created = await call<{ doc: Interview; revision: number }>(ctx, 'document.createFrom', { doc: startDocument(400) });
    const id = created.doc.id;
    ctx.db.exec(`
      CREATE TEMP TABLE written (what TEXT);
      CREATE TEMP TRIGGER block_inserted AFTER INSERT ON block BEGIN INSERT INTO written VALUES ('insert'); END;
      CREATE TEMP TRIGGER block_updated AFTER UPDATE ON block BEGIN INSERT INTO written VALUES ('update'); END;
      CREATE TEMP TRIGGER block_deleted AFTER DELETE ON block BEGIN INSERT INTO written VALUES ('delete'); END;
    `);
    const next = applyEdit(created.doc, { kind: 'change', at: 200, text: 'x' });
    const saved = await call<{ revision: number }>(ctx, 'document.saveChanges', { id, baseRevision: created.revision, ...changesBetween(created.doc, next)! });
    expect(ctx.db.prepare('SELECT what FROM written').pluck().all()).toEqual(['update']);
    const delta = ctx.db.prepare('SELECT delta FROM revision WHERE document_id = ? AND revision = ?').pluck().get(id, saved.revision) as string;
    expect(delta.length).toBeLessThan(2_000);
    expect(delta).toContain('Câu 199 về đảng viênx'); // block 200: the intro paragraph, then turns from Câu 0

    // A block inserted in the middle is one inserted row; the rows around it keep their keys.
    ctx.db.exec('DELETE FROM written');
    const keysBefore = ctx.db.prepare('SELECT position FROM block WHERE document_id = ? ORDER BY position').pluck().all(id) as string[];
    const third = applyEdit(next, { kind: 'insert', at: 100, text: 'Thưa ông' });
    await call(ctx, 'document.saveChanges', { id, baseRevision: saved.revision, ...changesBetween(next, third)! });
    expect(ctx.db.prepare('SELECT what FROM written').pluck().all()).toEqual(['insert']);
    const keysAfter = ctx.db.prepare('SELECT position FROM block WHERE document_id = ? ORDER BY position').pluck().all(id) as string[];
    expect(keysAfter.filter((k) => !keysBefore.includes(k))).toHaveLength(1);
    expect(keysAfter.indexOf(keysAfter.find((k) => !keysBefore.includes(k))!)).toBe(100);
  });

  it('a save that fails inside its transaction leaves the body and the history as they were, and the next save stores correctly', async () => {
    const ctx = await library();
    const created = await call<{ doc: Interview; revision: number }>(ctx, 'document.createFrom', { doc: startDocument(30) });
    const id = created.doc.id;
    const before = readDocumentText(ctx.db, id);
    const history = ctx.db.prepare('SELECT revision, snapshot, delta FROM revision ORDER BY revision').all();
    // The disk says no when the revision row is written: after the block rows were.
    ctx.db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON revision BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;`);
    const next = applyEdit(applyEdit(created.doc, { kind: 'change', at: 3, text: 'mất' }), { kind: 'insert', at: 10, text: 'mới' });
    const r = await dispatch('document.saveChanges', { id, baseRevision: created.revision, ...changesBetween(created.doc, next)! }, ctx);
    expect(r.ok).toBe(false);
    expect(readDocumentText(ctx.db, id)).toBe(before);
    expect(ctx.db.prepare('SELECT revision, snapshot, delta FROM revision ORDER BY revision').all()).toEqual(history);

    ctx.db.exec('DROP TRIGGER refuse');
    const saved = await call<{ revision: number }>(ctx, 'document.saveChanges', { id, baseRevision: created.revision, ...changesBetween(created.doc, next)! });
    expect(JSON.parse(readDocumentText(ctx.db, id)!)).toEqual(next);
    expect(JSON.parse(readRevisionText(ctx.db, id, saved.revision)!)).toEqual(next);
  });

  it('a save based on a revision no longer current is refused, and stores nothing', async () => {
    const ctx = await library();
    const created = await call<{ doc: Interview; revision: number }>(ctx, 'document.createFrom', { doc: startDocument(10) });
    const id = created.doc.id;
    const one = applyEdit(created.doc, { kind: 'change', at: 2, text: 'một' });
    await call(ctx, 'document.saveChanges', { id, baseRevision: created.revision, ...changesBetween(created.doc, one)! });
    const body = readDocumentText(ctx.db, id);
    const other = applyEdit(created.doc, { kind: 'change', at: 4, text: 'hai' });
    const r = await dispatch('document.saveChanges', { id, baseRevision: created.revision, ...changesBetween(created.doc, other)! }, ctx);
    expect(r.ok ? null : r.error.code).toBe('conflict');
    expect(readDocumentText(ctx.db, id)).toBe(body);
  });
});
