import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/backend/dispatch';
import { searchDocuments, snippetOf } from '../../../../electron/backend/search';
import type { LoadedDocument, SearchHit } from '../../../../shared/api/contract';
import type { Result } from '../../../../shared/api/result';
import { libraryPerTest } from '../../../helpers/library-per-test';

const lib = libraryPerTest();

const call = (channel: string, input: unknown) => dispatch(channel, input, lib.ctx);
function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

async function story(headline: string, answer: string, guest = 'Ông Nguyễn Thanh Hải') {
  const { doc } = value<LoadedDocument>(await call('document.create', { language: 'vi' }));
  const edited = {
    ...doc,
    meta: { ...doc.meta, headline },
    participants: doc.participants.map((p) => (p.id === 'p2' ? { ...p, label: guest } : p)),
    body: [{ type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: answer }] }] }],
  };
  value(await call('document.save', { id: doc.id, baseRevision: 1, doc: edited }));
  return doc.id;
}

const search = async (query: string) => value<{ hits: SearchHit[] }>(await call('library.search', { query })).hits;

describe('library search', () => {
  it('finds Vietnamese text with or without diacritics, đ included, and by prefix while typing', async () => {
    const longAn = await story('Long An: Kết nạp đảng viên', 'Đảng bộ tỉnh có 19 đảng bộ trực thuộc ở Hà Nội.');
    await story('Giáo dục đại học', 'Trường học mở rộng tuyển sinh.', 'Bà Trần Thị Mai');
    for (const q of ['dang vien', 'Dang Vien', 'đảng viên', 'ĐẢNG VIÊN', 'ha noi', 'Hà Nội', 'nguyen thanh hai', 'dang vi']) {
      expect((await search(q)).map((h) => h.id), q).toEqual([longAn]);
    }
    expect(await search('tran thi mai')).toHaveLength(1);
    expect(await search('khong co')).toEqual([]);
  });

  it('treats FTS syntax in the query as plain text', async () => {
    await story('Long An', 'Đảng viên mới.');
    for (const q of ['"', '"dang', 'dang -vien', 'dang AND', 'NOT OR AND', '*', 'dang)', '(', 'NEAR(dang vien)', "'; DROP TABLE document; --", '']) {
      const result = await call('library.search', { query: q });
      expect(result.ok, q).toBe(true);
    }
    expect(await search('"đảng viên"')).toHaveLength(1);
  });

  it('shows a snippet of the original text with the matches marked', async () => {
    await story('Long An', 'Ngay từ đầu nhiệm kỳ, các cấp ủy đã chủ động kết nạp đảng viên mới.');
    const [hit] = await search('dang vien');
    const marked = hit!.snippet.highlights.map(([a, b]) => hit!.snippet.text.slice(a, b));
    expect(marked).toEqual(['đảng', 'viên']);
  });

  it('ranks by relevance up to the cut-off, and lists more matches than that newest change first, trash left out', async () => {
    const many = await story('Đảng viên', 'Đảng viên, đảng viên và đảng viên.');
    const old = await story('Tin cũ', 'Một đảng viên.');
    const trashed = await story('Bỏ đi', 'Đảng viên cũ.');
    const newest = await story('Tin mới', 'Chuyện đảng viên hôm nay.');
    value(await call('trash.put', { id: trashed }));
    // Below the cut: the interview that says it most comes first.
    expect(searchDocuments(lib.ctx, 'dang vien', 50, 10)[0]!.id).toBe(many);
    // Above it (4 matches > 2): last change first, as the library lists them.
    expect(searchDocuments(lib.ctx, 'dang vien', 50, 2).map((h) => h.id)).toEqual([newest, old, many]);
    expect(searchDocuments(lib.ctx, 'dang vien', 2, 2).map((h) => h.id)).toEqual([newest, old]);
    // A change moves an interview up; its snippet follows the new text.
    const { doc, revision } = value<LoadedDocument>(await call('document.load', { id: many }));
    value(await call('document.save', { id: many, baseRevision: revision, doc: { ...doc, meta: { ...doc.meta, headline: 'Đảng viên trẻ' } } }));
    const [first] = searchDocuments(lib.ctx, 'dang vien tre', 50, 0);
    expect(first!.id).toBe(many);
    expect(first!.snippet.text).toContain('Đảng viên trẻ');
  });

  it('above the cut, lists interviews that hold a word only as a prefix in their place too', async () => {
    const first = await story('Người dân', 'Người dân hỏi.');
    const second = await story('Nhân dân', 'Nhân dân đáp.');
    const prefixOnly = await story('Đảng viên', 'Đảng viên mới.'); // `dan`* matches `dang`, `dan` alone does not
    expect(searchDocuments(lib.ctx, 'dan', 50, 1).map((h) => h.id)).toEqual([prefixOnly, second, first]);
    expect(searchDocuments(lib.ctx, 'dan', 50, 1000).map((h) => h.id).sort()).toEqual([first, second, prefixOnly].sort());
  });

  it('cuts snippets from any stored document the schema accepts, and from none it cannot read', () => {
    const doc = { meta: { headline: 'Hà Nội', subheadline: '', sapo: 'Đảng viên', section: '', location: '', byline: '' }, participants: [], body: [{ type: 'paragraph', children: [{ text: 'x' }] }] };
    expect(snippetOf(JSON.stringify(doc), ['dang']).text).toBe('Hà Nội · Đảng viên · x');
    for (const bad of ['{', 'null', JSON.stringify({ ...doc, body: [{ type: 'paragraph', children: [{ text: 1 }] }] }), JSON.stringify({ ...doc, meta: {} })]) {
      expect(snippetOf(bad, ['dang'])).toEqual({ text: '', highlights: [] });
    }
  });
});
