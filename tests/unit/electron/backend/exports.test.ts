import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/backend/dispatch';
import type { LoadedDocument } from '../../../../shared/api/contract';
import type { Result } from '../../../../shared/api/result';
import { importAgencyText } from '../../../../shared/import/agency-text';
import type { Interview } from '../../../../shared/model/schema';
import { acceptAll, suggest } from '../../../../shared/review';
import { strFromU8, unzipSync } from 'fflate';
import { solidPng } from '../../../helpers/images';
import { libraryPerTest } from '../../../helpers/library-per-test';
import { fixtureInterviewText } from '../../../helpers/material';

const lib = libraryPerTest();

const call = (channel: string, input: unknown) => dispatch(channel, input, lib.ctx);
function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

const seed = fixtureInterviewText();

describe('importing into the library', () => {
  it('stores an imported interview under a new id', async () => {
    const { doc } = importAgencyText(seed);
    const created = value<LoadedDocument>(await call('document.createFrom', { doc }));
    expect(created.doc.id).not.toBe(doc.id);
    expect(created.doc.body.filter((b) => b.type === 'turn')).toHaveLength(9);
    const loaded = value<LoadedDocument>(await call('document.load', { id: created.doc.id }));
    expect(loaded.doc.meta.headline).toBe(doc.meta.headline);
  });

  it('refuses a document that does not match the format, storing nothing', async () => {
    const result = await call('document.createFrom', { doc: { format: 'interview-desk/1', body: 'nope' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_document' } });
    expect(value<{ items: unknown[] }>(await call('library.list', {})).items).toHaveLength(0);
  });
});

describe('exporting from the library', () => {
  async function story(headline: string) {
    const { doc } = value<LoadedDocument>(await call('document.create', { language: 'vi' }));
    const edited = {
      ...doc,
      meta: { ...doc.meta, headline, slug: 'long-an-dang-vien' },
      body: [
        { type: 'turn', speakerId: 'p1', children: [{ type: 'paragraph', children: [{ text: 'Thưa ông?' }] }] },
        { type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: 'Đảng bộ tỉnh có 19 đảng bộ trực thuộc.' }] }] },
      ],
    };
    value(await call('document.save', { id: doc.id, baseRevision: 1, doc: edited }));
    return doc.id;
  }

  it('exports the stored state with its stored times: the same bytes every time', async () => {
    const id = await story('Long An: Kết nạp đảng viên');
    const first = value<{ file: { fileName: string; data: string } }>(await call('document.export', { id, format: 'nitf', acceptWarnings: [] }));
    expect(first.file.fileName).toBe('long-an-dang-vien.xml');
    expect(first.file.data).toContain('Long An: Kết nạp đảng viên');
    expect(first.file.data).toContain('20261127T100002Z'); // updated_at of the save (the test clock), not the time of export
    const second = value<{ file: { data: string } }>(await call('document.export', { id, format: 'nitf', acceptWarnings: [] }));
    expect(second.file.data).toBe(first.file.data);
  });

  it('stops at the preflight: no file for a story without a headline', async () => {
    const id = await story('');
    const result = value<{ preflight: { errors: { code: string }[] }; file: unknown }>(await call('document.export', { id, format: 'ninjs-3.1', acceptWarnings: [] }));
    expect(result.file).toBeNull();
    expect(result.preflight.errors.map((e) => e.code)).toEqual(['headline.missing']);
  });

  it('returns IPTC 7901 bytes as base64', async () => {
    const id = await story('Long An');
    const result = value<{ file: { encoding: string; data: string } }>(await call('document.export', { id, format: 'iptc7901', acceptWarnings: [] }));
    expect(result.file.encoding).toBe('base64');
    expect(Buffer.from(result.file.data, 'base64')[0]).toBe(0x01); // SOH starts a 7901 message
  });
});

describe('house-style checks before export', () => {
  it('warns about a misplaced tone mark, and exports once the warning is accepted', async () => {
    const { doc } = value<LoadedDocument>(await call('document.create', { language: 'vi' }));
    const edited = {
      ...doc,
      meta: { ...doc.meta, headline: 'Long An' },
      body: [{ type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: 'Ban Thường vụ Tỉnh ủy đã tập trung lãnh đaọ.' }] }] }],
    };
    value(await call('document.save', { id: doc.id, baseRevision: 1, doc: edited }));
    const first = value<{ preflight: { warnings: { code: string; key: string }[] }; file: unknown }>(await call('document.export', { id: doc.id, format: 'nitf', acceptWarnings: [] }));
    expect(first.file).toBeNull();
    expect(first.preflight.warnings.map((w) => w.code)).toEqual(['text.misplaced-tone']);
    const second = value<{ file: unknown }>(await call('document.export', { id: doc.id, format: 'nitf', acceptWarnings: first.preflight.warnings.map((w) => w.key) }));
    expect(second.file).not.toBeNull();
  });
});

describe('every format of the registry through the backend', () => {
  /** A story with one pending suggestion: `kept` deleted and `inserted` typed, by an editor. */
  async function withPendingSuggestion(): Promise<{ id: string; revision: number; doc: Interview }> {
    const { doc } = value<LoadedDocument>(await call('document.create', { language: 'en' }));
    const plain: Interview = {
      ...doc,
      meta: { ...doc.meta, headline: 'Harbour' },
      body: [{ type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: 'We kept the quay.' }] }] }],
    };
    const suggested = suggest(plain, [{ type: 'replaceText', at: { path: [0, 0], offset: 3 }, length: 4, text: 'opened' }], { id: 'ed', name: 'Lan' }, () => '2026-01-01T00:00:00.000Z');
    const saved = value<{ revision: number }>(await call('document.save', { id: doc.id, baseRevision: 1, doc: suggested }));
    return { id: doc.id, revision: saved.revision, doc: suggested };
  }

  it('refuses agency text while suggestions are pending, as every wire format does, and then exports the accepted text', async () => {
    const { id, revision, doc } = await withPendingSuggestion();
    const refused = value<{ preflight: { errors: { code: string; params: unknown }[] }; file: unknown }>(await call('document.export', { id, format: 'agency-text', acceptWarnings: [] }));
    expect(refused.file).toBeNull();
    expect(refused.preflight.errors.map((e) => [e.code, e.params])).toEqual([['review.unresolved-suggestions', { count: 1 }]]);

    value(await call('document.save', { id, baseRevision: revision, doc: acceptAll(doc) }));
    const exported = value<{ file: { fileName: string; mime: string; data: string } }>(await call('document.export', { id, format: 'agency-text', acceptWarnings: [] }));
    expect(exported.file).toMatchObject({ fileName: `interview-${id}.txt`, mime: 'text/plain' });
    expect(exported.file.data).toBe('Harbour\n\n* Guest: We opened the quay.\n');
    // The text that left the app is kept in the history, as for every export.
    const history = value<{ versions: { kind: string; note: string }[] }>(await call('history.list', { id }));
    expect(history.versions[0]).toMatchObject({ kind: 'export', note: 'agency-text' });
  });

  it('exports the document JSON as stored, suggestions and all, with nothing to check', async () => {
    const { id } = await withPendingSuggestion();
    const exported = value<{ preflight: unknown; file: { fileName: string; data: string } }>(await call('document.export', { id, format: 'json', acceptWarnings: [] }));
    expect(exported.preflight).toEqual({ errors: [], warnings: [] });
    expect(exported.file.fileName).toBe(`interview-${id}.json`);
    const json = JSON.parse(exported.file.data) as Interview;
    expect(Object.keys(json.review?.suggestions ?? {})).toHaveLength(1);
  });

  it('exports the Word review copy with suggestions pending, the stored image inside it', async () => {
    const { id, revision, doc } = await withPendingSuggestion();
    const png = solidPng(20, 10);
    const asset = value<{ id: string }>(await call('asset.put', { data: png.toString('base64') }));
    const withPhoto: Interview = { ...doc, body: [...doc.body, { type: 'photo', assetId: asset.id, caption: 'The quay', credit: 'Lan', alt: 'A quay at dawn', children: [{ text: '' }] }, { type: 'paragraph', children: [{ text: 'End.' }] }] };
    value(await call('document.save', { id, baseRevision: revision, doc: withPhoto }));
    const exported = value<{ file: { fileName: string; encoding: string; data: string; pictures: unknown[] } }>(await call('document.export', { id, format: 'docx', acceptWarnings: [] }));
    expect(exported.file).toMatchObject({ fileName: `interview-${id}.docx`, encoding: 'base64', pictures: [] });
    const files = unzipSync(new Uint8Array(Buffer.from(exported.file.data, 'base64')));
    const media = Object.keys(files).filter((path) => path.startsWith('word/media/'));
    expect(media.map((path) => Buffer.from(files[path] ?? []).equals(png))).toEqual([true]);
    const document = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    expect(document).toMatch(/<w:del [^>]*w:author="Lan"[^>]*>.*?<w:delText[^>]*>kept<\/w:delText>/s);
    expect(document).toMatch(/<w:ins [^>]*w:author="Lan"[^>]*>.*?<w:t[^>]*>opened<\/w:t>/s);
  });
});
