/**
 * A Word review copy, exported from the library and brought back through "Open" (exchange.open):
 * it is merged into the interview it names, onto the revision it was made from, the returned text
 * kept in the history; a file opened twice changes nothing again; a Word file the library did not
 * write, or a damaged one, is refused with nothing stored; one whose version is gone is not merged.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../../electron/backend/context';
import { dispatch } from '../../../../electron/backend/dispatch';
import type { ExchangeOpened, LoadedDocument } from '../../../../shared/api/contract';
import type { Result } from '../../../../shared/api/result';
import type { Interview } from '../../../../shared/model/schema';
import { listPending } from '../../../../shared/review';
import { tempLibrary } from '../../../helpers/temp-library';
import { addComment, editDocx, replaceTracked } from '../../../helpers/word-edits';
import { reviewedDocument } from '../../shared/export/docx/reviewed-document';

type Lib = Awaited<ReturnType<typeof tempLibrary>>;
let lib: Lib;
beforeEach(async () => {
  lib = await tempLibrary();
});
afterEach(() => lib.close());

async function call<T = Record<string, unknown>>(ctx: HandlerContext, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input, ctx);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

function contents(ctx: HandlerContext): string {
  const rows = ['document', 'revision', 'exchange_import', 'comment', 'asset'].map((t) => ctx.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

async function exported(): Promise<{ id: string; bytes: Uint8Array }> {
  const created = await call<LoadedDocument>(lib.ctx, 'document.createFrom', { doc: reviewedDocument() });
  const id = created.doc.id;
  const file = await call<{ file: { data: string } }>(lib.ctx, 'document.export', { id, format: 'docx', acceptWarnings: [] });
  return { id, bytes: new Uint8Array(Buffer.from(file.file.data, 'base64')) };
}

const open = async (name: string, bytes: Uint8Array, asCopy = false) =>
  (await dispatch('exchange.open', { fileName: name, data: Buffer.from(bytes).toString('base64'), ...(asCopy ? { asCopy } : {}) }, lib.ctx)) as Result<ExchangeOpened>;

const OUTSIDE = { author: 'Outside Editor', date: '2026-12-08T09:00:00Z' };

describe('a Word review copy opened', () => {
  it('is merged into its interview: their revision and comment pending, ours kept, the file’s text in the history', async () => {
    const { id, bytes } = await exported();
    const returned = editDocx(bytes, (parts) => {
      replaceTracked(parts, 'thực hiện', 'triển khai', OUTSIDE);
      addComment(parts, 'Trân trọng cảm ơn ông!', 'Giữ nguyên.', OUTSIDE);
    });
    const r = await open('returned.docx', returned);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value).toMatchObject({ outcome: 'merged', id });
    const doc = (await call<LoadedDocument>(lib.ctx, 'document.load', { id })).doc as Interview;
    const authors = listPending(doc).map((p) => p.authorName);
    expect(authors).toContain('Outside Editor');
    expect(authors).toContain('Trần Thị Biên Tập');
    expect(doc.comments?.map((t) => t.comments[0]!.authorName)).toEqual(['Lê Văn Duyệt', 'Outside Editor']);
    const history = await call<{ versions: { kind: string; revision: number }[] }>(lib.ctx, 'history.list', { id });
    expect([...history.versions].sort((a, b) => b.revision - a.revision).map((e) => e.kind).slice(0, 2)).toEqual(['merged', 'received']);

    // The same file again changes nothing.
    const before = contents(lib.ctx);
    const again = await open('returned.docx', returned);
    expect(again.ok && again.value.outcome).toBe('already_opened');
    expect(contents(lib.ctx)).toBe(before);
  });

  it('brings nothing when it comes back unchanged', async () => {
    const { bytes } = await exported();
    const r = await open('same.docx', bytes);
    expect(r.ok && r.value.outcome).toBe('unchanged');
  });

  it('refuses a damaged file or one the library did not write, storing nothing', async () => {
    const { bytes } = await exported();
    const before = contents(lib.ctx);
    const damaged = bytes.slice(0, 200);
    for (const [name, data] of [
      ['damaged.docx', damaged],
      ['foreign.docx', editDocx(bytes, (parts) => parts.delete('docProps/custom.xml'))],
    ] as const) {
      const r = await open(name, data);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.code).toBe('invalid_file');
    }
    expect(contents(lib.ctx)).toBe(before);
  });

  it('is not merged onto a version the library no longer has, and can then come in as a new interview', async () => {
    const { id, bytes } = await exported();
    const other = editDocx(bytes, (parts) => {
      parts.set('docProps/custom.xml', parts.get('docProps/custom.xml')!.replace(/<vt:lpwstr>\d+<\/vt:lpwstr>/, '<vt:lpwstr>999</vt:lpwstr>').replace(/[0-9a-f]{64}/, '0'.repeat(64)));
    });
    const before = contents(lib.ctx);
    const r = await open('old.docx', other);
    expect(r.ok && r.value.outcome).toBe('not_merged');
    expect(contents(lib.ctx)).toBe(before);
    const copy = await open('old.docx', other, true);
    expect(copy.ok && copy.value.outcome).toBe('copied');
    expect(copy.ok && copy.value.id).not.toBe(id);
  });
});
