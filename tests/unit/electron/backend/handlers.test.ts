import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/backend/dispatch';
import { handlers } from '../../../../electron/backend/handlers';
import { storeDocumentText } from '../../../../electron/backend/document-store';
import { CHANNELS } from '../../../../shared/api/channels';
import { contract, type LoadedDocument } from '../../../../shared/api/contract';
import type { Result } from '../../../../shared/api/result';
import type { Interview } from '../../../../shared/model/schema';
import { libraryPerTest } from '../../../helpers/library-per-test';

const lib = libraryPerTest();

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const call = (channel: string, input: unknown) => dispatch(channel, input, lib.ctx);

async function created(): Promise<LoadedDocument> {
  return value<LoadedDocument>(await call('document.create', { language: 'vi' }));
}

function withAnswer(doc: Interview): Interview {
  return {
    ...doc,
    meta: { ...doc.meta, headline: 'Long An: Kết nạp đảng viên' },
    body: [
      { type: 'turn', speakerId: 'p1', children: [{ type: 'paragraph', children: [{ text: 'Thưa ông, tỉnh làm thế nào?' }] }] },
      { type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: 'Chúng tôi chủ động.' }] }] },
    ],
  };
}

/** The stored rows, to prove a refused request changed nothing. */
const snapshot = () => ({
  docs: lib.ctx.db.prepare('SELECT * FROM document ORDER BY id').all(),
  revisions: lib.ctx.db.prepare('SELECT document_id, revision, snapshot, delta FROM revision ORDER BY 1, 2').all(),
  blocks: lib.ctx.db.prepare('SELECT * FROM block ORDER BY 1, 2').all(),
  participants: lib.ctx.db.prepare('SELECT * FROM participant ORDER BY 1, 2').all(),
});

describe('document handlers', () => {
  it('create, save, load and list an interview; outputs match the contract', async () => {
    const { doc, revision } = await created();
    expect(revision).toBe(1);
    const saved = value<{ revision: number }>(await call('document.save', { id: doc.id, baseRevision: 1, doc: withAnswer(doc) }));
    expect(saved.revision).toBe(2);

    const loaded = value<LoadedDocument>(await call('document.load', { id: doc.id }));
    expect(loaded.revision).toBe(2);
    expect(loaded.doc).toEqual(withAnswer(doc));
    expect(contract['document.load'].output.safeParse(loaded).success).toBe(true);

    const list = value<{ items: unknown[] }>(await call('library.list', {}));
    expect(contract['library.list'].output.safeParse(list).success).toBe(true);
    expect(list.items).toEqual([
      expect.objectContaining({ id: doc.id, headline: 'Long An: Kết nạp đảng viên', status: 'draft', participants: ['Phóng viên', 'Khách mời'], revision: 2 }),
    ]);
  });

  it('stores text as NFC whatever form it arrives in', async () => {
    const { doc } = await created();
    const nfd = withAnswer(doc);
    nfd.meta.headline = 'Kết nạp đảng viên'.normalize('NFD');
    value(await call('document.save', { id: doc.id, baseRevision: 1, doc: nfd }));
    const loaded = value<LoadedDocument>(await call('document.load', { id: doc.id }));
    expect(loaded.doc.meta.headline).toBe('Kết nạp đảng viên'.normalize('NFC'));
  });

  it('returns a conflict instead of overwriting a newer revision', async () => {
    const { doc } = await created();
    value(await call('document.save', { id: doc.id, baseRevision: 1, doc: withAnswer(doc) }));
    const before = snapshot();
    const stale = await call('document.save', { id: doc.id, baseRevision: 1, doc: { ...doc, meta: { ...doc.meta, headline: 'stale' } } });
    expect(stale).toEqual({ ok: false, error: expect.objectContaining({ code: 'conflict', currentRevision: 2 }) });
    expect(snapshot()).toEqual(before);
  });

  it('refuses a document that fails the schema, with readable problems, and changes nothing', async () => {
    const { doc } = await created();
    const before = snapshot();
    const broken = { ...doc, body: [{ type: 'turn', speakerId: 'nobody', children: [{ type: 'paragraph', children: [{ text: 'x' }] }] }] };
    const result = await call('document.save', { id: doc.id, baseRevision: 1, doc: broken });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_document');
      expect(result.error.message).toMatch(/not saved/);
      expect(result.error.problems?.[0]?.path).toBe('body.0.speakerId');
    }
    expect(snapshot()).toEqual(before);
  });

  it('refuses a save whose document id differs from the target', async () => {
    const a = await created();
    const b = await created();
    const before = snapshot();
    const result = await call('document.save', { id: a.doc.id, baseRevision: 1, doc: b.doc });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(snapshot()).toEqual(before);
  });

  it('answers every wrong-shaped payload on every channel with a typed validation error, changing nothing', async () => {
    const { doc } = await created();
    const before = snapshot();
    const wrongPayloads: unknown[] = [undefined, null, 42, 'text', [], { unexpected: 1 }, { id: '../../etc/passwd' }, { id: 'x'.repeat(1000) }, { language: 'fr' }, { id: doc.id, baseRevision: -1, doc }, { id: doc.id, baseRevision: 1.5, doc }];
    for (const channel of CHANNELS) {
      for (const payload of wrongPayloads) {
        if (channel === 'library.list' && payload !== null && typeof payload === 'object' && !Array.isArray(payload) && Object.keys(payload).length === 0) continue;
        const result = await call(channel, payload);
        if (result.ok) continue; // e.g. { id } alone is a valid load request for an existing id
        expect(['invalid_input', 'not_found'], `${channel} ${JSON.stringify(payload)}`).toContain(result.error.code);
      }
      const bad = await call(channel, 'not an object');
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await call('document.load', { id: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('document.load', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(snapshot()).toEqual(before);
  });

  it('reports a damaged stored document as invalid_document instead of crashing', async () => {
    const { doc } = await created();
    storeDocumentText(lib.ctx.db, doc.id, '{"format":"interview-desk/1"');
    expect(await call('document.load', { id: doc.id })).toMatchObject({ ok: false, error: { code: 'invalid_document' } });
    storeDocumentText(lib.ctx.db, doc.id, JSON.stringify({ ...doc, body: 'damaged' }));
    expect(await call('document.load', { id: doc.id })).toMatchObject({ ok: false, error: { code: 'invalid_document', problems: [expect.objectContaining({ path: 'body' })] } });
    // An empty body breaks a limit (at least one block), not the format: it opens with somewhere to type.
    storeDocumentText(lib.ctx.db, doc.id, JSON.stringify({ ...doc, body: [] }));
    expect(await call('document.load', { id: doc.id })).toMatchObject({ ok: true, value: { doc: { body: [{ type: 'paragraph', children: [{ text: '' }] }] } } });
  });

  it('never lets a raw exception cross the boundary', async () => {
    const logged: string[] = [];
    const failing = { ...handlers, 'library.list': () => { throw new Error('SQLITE_IOERR: disk I/O error at /secret/path'); } };
    const result = await dispatch('library.list', {}, lib.ctx, { handlers: failing, log: (m) => logged.push(m) });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.not.stringContaining('/secret/path') } });
    expect(logged).toHaveLength(1);
  });

  it('keeps a bounded number of revisions per document (the retention policy, through real saves)', async () => {
    const { doc } = await created();
    // Two days of autosaves, one every 6 minutes (each after a pause long enough to be a working
    // burst of its own, revision-bursts.ts): the last hour in full, older ones thinned.
    let t = Date.parse('2026-11-27T10:00:00.000Z');
    lib.ctx.now = () => new Date((t += 6 * 60_000));
    let revision = 1;
    for (let i = 0; i < (2 * 24 * 60) / 6; i++) {
      revision = value<{ revision: number }>(await call('document.save', { id: doc.id, baseRevision: revision, doc })).revision;
    }
    const rows = lib.ctx.db.prepare('SELECT revision FROM revision WHERE document_id = ? ORDER BY revision').all(doc.id) as { revision: number }[];
    // ≤ 11 in the last hour + ≤ 139 ten-minute slots + ≤ 3 days + the first revision.
    expect(rows.length).toBeLessThanOrEqual(11 + 139 + 3 + 1);
    expect(rows.length).toBeGreaterThan(10 + 130);
    expect(rows[0]!.revision).toBe(1);
    expect(rows[rows.length - 1]!.revision).toBe(revision);
  });
});
