/**
 * Importing a Word document as a new interview, through the preview every import uses: a document
 * in our styles is read by its styles and speaker runs (with its pictures, named by their hash); a
 * Word document of any other origin is read paragraph by paragraph with the text importer's label
 * conventions; tracked changes come in accepted, with a finding that says so.
 */
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../../../shared/export/docx';
import { importedInterview } from '../../../../../shared/import/accept-import';
import { importDocx } from '../../../../../shared/import/docx/import-docx';
import { initialDraft } from '../../../../../shared/import/preview-edits';
import type { Interview, Paragraph, Photo } from '../../../../../shared/model/schema';
import { acceptedView } from '../../../../../shared/review';
import { HEADLINE, optionsFor, para, photo, pictureFile, seedLikeDocument, turn } from '../../../../helpers/export-fixtures';
import { solidPng, TINY_GIF } from '../../../../helpers/images';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const bold = (t: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`;
const plain = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;

/** The body as a reader sees it: each turn by its speaker label, paragraphs by their text, photos by caption and credit (the export carried no image bytes). */
const lines = (doc: Interview) => {
  const label = new Map(doc.participants.map((x) => [x.id, x.label]));
  const text = (c: Paragraph | Photo) => (c.type === 'paragraph' ? c.children.map((l) => l.text).join('') : `[${c.caption} | ${c.credit}]`);
  return doc.body.map((b) => (b.type === 'turn' ? `${label.get(b.speakerId)}: ${b.children.map(text).join(' / ')}` : text(b)));
};

describe('a Word document in our styles', () => {
  it('comes in with its turns, speakers, photos and header', () => {
    const sent = seedLikeDocument();
    const { result } = importDocx(exportDocx(acceptedView(sent), optionsFor(sent), 'clean'), { id: 'new-1' });
    expect(result.doc.meta.headline).toBe(HEADLINE);
    expect(result.doc.participants.map((x) => [x.label, x.role])).toEqual([
      ['Phóng viên', 'interviewer'],
      ['Ông Nguyễn Thanh Hải', 'interviewee'],
    ]);
    const turns = result.doc.body.filter((b) => b.type === 'turn');
    expect(turns.length).toBe(9);
    expect(result.report.photos).toBe(3);
    expect(result.report.findings).toEqual([]);
    // Through the preview, as Import stores it.
    const doc = importedInterview(result, initialDraft(result));
    expect(lines(doc)).toEqual(lines(acceptedView(sent)));
  });

  it('brings its pictures, named by the sha-256 of their bytes', () => {
    const png = solidPng(40, 30);
    const id = createHash('sha256').update(png).digest('hex');
    const doc = seedLikeDocument();
    doc.body = [para('Mở đầu.'), photo(id, 'Ảnh chân dung', 'TTXVN'), turn('p1', para('Câu hỏi?')), turn('p2', para('Câu trả lời.'))];
    const bytes = exportDocx(doc, optionsFor(doc, { pictures: { [id]: { ...pictureFile(id, 40, 30), mime: 'image/png' } }, pictureBytes: { [id]: png } }), 'clean');
    const { result, images } = importDocx(bytes);
    expect(result.doc.body[1]).toMatchObject({ type: 'photo', assetId: id, caption: 'Ảnh chân dung', credit: 'TTXVN' });
    expect([...images.keys()]).toEqual([id]);
    expect(Buffer.from(images.get(id)!).equals(png)).toBe(true);
  });
});

describe('a Word document from elsewhere', () => {
  it('reads bold labels ending with a colon as speakers, as the text importer reads labels', () => {
    const bytes = zipSync({
      'word/document.xml': strToU8(
        documentXml(
          p(plain('Phỏng vấn ông Lê Văn Hòa')) +
            p(bold('Phóng viên:'), plain(' Ông đánh giá thế nào về năm qua?')) +
            p(bold('Ông Lê Văn Hòa:'), plain(' Một năm nhiều thử thách.')) +
            p(bold('Phóng viên:'), plain(' Còn năm tới?')) +
            p(bold('Ông Lê Văn Hòa:'), plain(' Chúng tôi tin tưởng.')),
        ),
      ),
    });
    const { result } = importDocx(bytes);
    const labels = new Map(result.doc.participants.map((x) => [x.id, x.label]));
    expect(result.doc.body.flatMap((b) => (b.type === 'turn' ? [labels.get(b.speakerId)] : []))).toEqual(['Phóng viên', 'Ông Lê Văn Hòa', 'Phóng viên', 'Ông Lê Văn Hòa']);
  });

  it('takes tracked changes as Word shows them accepted, and says there were some', () => {
    const bytes = zipSync({
      'word/document.xml': strToU8(
        documentXml(
          p(bold('Phóng viên:'), plain(' Ông nghĩ sao?')) +
            p(bold('Ông Hòa:'), plain(' Tôi '), `<w:del w:id="1" w:author="A"><w:r><w:delText>không </w:delText></w:r></w:del>`, `<w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">rất </w:t></w:r></w:ins>`, plain('đồng ý.')) +
            p(bold('Phóng viên:'), plain(' Cảm ơn ông.')) +
            p(bold('Ông Hòa:'), plain(' Cảm ơn.')),
        ),
      ),
    });
    const { result } = importDocx(bytes);
    const second = result.doc.body.filter((b) => b.type === 'turn')[1]!;
    expect(second.type === 'turn' && second.children[0]!.type === 'paragraph' && second.children[0]!.children.map((l) => l.text).join('')).toBe('Tôi rất đồng ý.');
    expect(result.report.findings).toContainEqual(expect.objectContaining({ kind: 'docx-revisions', detail: '2' }));
  });
});

/** A foreign package: the body, its pictures (by name under word/media/) and, optionally, its comments. */
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';
const drawingDocument = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="${WP}" xmlns:a="${A}"><w:body>${body}</w:body></w:document>`;
/** A picture as Word writes an inline one: the relationship id on a:blip, the alt text on wp:docPr. */
const picture = (rId: string, descr: string) =>
  `<w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="685800"/><wp:docPr id="1" name="Picture 1" descr="${descr}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><a:blip r:embed="${rId}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
const rels = (targets: Record<string, string>) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Object.entries(targets)
    .map(([id, target]) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${target}"/>`)
    .join('')}</Relationships>`;
const comment = (id: string, paraId: string, author: string, date: string, text: string) =>
  `<w:comment w:id="${id}" w:author="${author}" w:date="${date}" w:initials="X"><w:p w14:paraId="${paraId}"><w:r><w:t>${text}</w:t></w:r></w:p></w:comment>`;

describe('a Word document from elsewhere, with pictures and comments', () => {
  const png = solidPng(8, 6);
  const pngId = createHash('sha256').update(png).digest('hex');
  const file = () =>
    zipSync({
      'word/document.xml': strToU8(
        drawingDocument(
          p(bold('Phóng viên:'), plain(' Dự án đã đi được bao xa?')) +
            p(bold('Ông Nguyễn Văn A:'), plain(' Chúng tôi đã hoàn thành '), '<w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/>', plain('30 phần trăm'), '<w:commentRangeEnd w:id="0"/><w:commentRangeEnd w:id="1"/>', plain(' khối lượng.')) +
            p(picture('rId7', 'Ông Nguyễn Văn A tại công trường')) +
            p(plain('Ảnh: TTXVN')) +
            p(plain('Phần còn lại sẽ xong trong năm tới.')) +
            p(bold('Phóng viên:'), plain(' Xin cảm ơn ông.')),
        ),
      ),
      'word/_rels/document.xml.rels': strToU8(rels({ rId7: 'media/image1.png' })),
      'word/media/image1.png': png,
      'word/comments.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="${W}" xmlns:w14="${W14}">` +
          comment('0', '1A2B3C4D', 'Trần Biên Tập', '2026-03-02T08:15:00Z', 'Số liệu này lấy từ đâu?') +
          comment('1', '5E6F7A8B', 'Lê Phóng Viên', '2026-03-02T09:00:00Z', 'Theo báo cáo quý I của ban quản lý.') +
          '</w:comments>',
      ),
      'word/commentsExtended.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><w15:commentsEx xmlns:w15="${W15}"><w15:commentEx w15:paraId="1A2B3C4D" w15:done="0"/><w15:commentEx w15:paraId="5E6F7A8B" w15:paraIdParent="1A2B3C4D" w15:done="1"/></w15:commentsEx>`,
      ),
    });

  it('places the picture inside the answer it stands in, with the credit under it and its alt text', () => {
    const { result, images } = importDocx(file());
    const labels = new Map(result.doc.participants.map((x) => [x.id, x.label]));
    expect(result.doc.body.map((b) => (b.type === 'turn' ? labels.get(b.speakerId) : b.type))).toEqual(['Phóng viên', 'Ông Nguyễn Văn A', 'Phóng viên']);
    const answer = result.doc.body[1]!;
    if (answer.type !== 'turn') throw new Error('the answer is not a turn');
    expect(answer.children.map((c) => (c.type === 'paragraph' ? c.children.map((l) => l.text).join('') : c.type))).toEqual([
      'Chúng tôi đã hoàn thành 30 phần trăm khối lượng.',
      'photo',
      'Phần còn lại sẽ xong trong năm tới.',
    ]);
    expect(answer.children[1]).toEqual({ type: 'photo', assetId: pngId, caption: '', credit: 'TTXVN', alt: 'Ông Nguyễn Văn A tại công trường', children: [{ text: '' }] });
    expect([...images.keys()]).toEqual([pngId]);
    expect(Buffer.from(images.get(pngId)!).equals(png)).toBe(true);
    expect(result.report.photos).toBe(1);
    // The preview keeps it, as Import stores it.
    const stored = importedInterview(result, initialDraft(result));
    const storedAnswer = stored.body[1]!;
    expect(storedAnswer.type === 'turn' && storedAnswer.children[1]).toMatchObject({ type: 'photo', assetId: pngId, credit: 'TTXVN' });
  });

  it('brings the comment and its reply as one thread, anchored on the words it was made on', () => {
    const { result } = importDocx(file());
    const threads = result.doc.comments ?? [];
    expect(threads).toHaveLength(1);
    expect(threads[0]!.comments.map((c) => [c.authorName, c.text, c.createdAt])).toEqual([
      ['Trần Biên Tập', 'Số liệu này lấy từ đâu?', '2026-03-02T08:15:00.000Z'],
      ['Lê Phóng Viên', 'Theo báo cáo quý I của ban quản lý.', '2026-03-02T09:00:00.000Z'],
    ]);
    // The reply was marked done in Word: the thread is resolved by its author.
    expect(threads[0]!.resolved).toMatchObject({ authorName: 'Lê Phóng Viên' });
    const answer = result.doc.body[1]!;
    const leaves = answer.type === 'turn' && answer.children[0]!.type === 'paragraph' ? answer.children[0]!.children : [];
    expect(leaves.filter((l) => l.comments?.includes(threads[0]!.id)).map((l) => l.text)).toEqual(['30 phần trăm']);
    // It survives the preview, as Import stores it.
    const stored = importedInterview(result, initialDraft(result));
    expect(stored.comments?.map((t) => t.comments.length)).toEqual([2]);
  });

  it('keeps a comment over two paragraphs with its quote, anchored nowhere', () => {
    const bytes = zipSync({
      'word/document.xml': strToU8(
        drawingDocument(
          p(bold('Phóng viên:'), '<w:commentRangeStart w:id="4"/>', plain(' Ông nghĩ sao?')) +
            p(bold('Bà Lê Thị B:'), plain(' Tôi đồng ý.'), '<w:commentRangeEnd w:id="4"/>') +
            p(bold('Phóng viên:'), plain(' Cảm ơn bà.')),
        ),
      ),
      'word/comments.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="${W}" xmlns:w14="${W14}">${comment('4', '0000000A', 'Biên tập', '2026-01-05T10:00:00Z', 'Rút gọn đoạn này.')}</w:comments>`),
    });
    const { result } = importDocx(bytes);
    expect(result.doc.comments?.map((t) => [t.quote, t.comments[0]!.text])).toEqual([['Ông nghĩ sao? Bà Lê Thị B: Tôi đồng ý.', 'Rút gọn đoạn này.']]);
    const anchored = result.doc.body.flatMap((b) => (b.type === 'turn' ? b.children : [b])).flatMap((c) => (c.type === 'paragraph' ? c.children : [])).filter((l) => l.comments);
    expect(anchored).toEqual([]);
  });

  it('places an anchored (floating) picture between turns, and dates an undated comment when the file was saved', () => {
    const gif = Buffer.from(TINY_GIF);
    const floating = `<w:r><w:drawing><wp:anchor behindDoc="0"><wp:docPr id="2" name="Picture 2" descr="Toàn cảnh"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><a:blip r:embed="rId3"/></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`;
    const bytes = zipSync({
      'word/document.xml': strToU8(
        drawingDocument(
          p(plain('Dự án cầu mới đã khởi công.')) +
            p(floating) +
            p(plain('Toàn cảnh công trường')) +
            p(plain('Ảnh: Minh Đức/TTXVN')) +
            p(bold('Phóng viên:'), plain(' Khi nào '), '<w:commentRangeStart w:id="3"/>', plain('cầu thông xe'), '<w:commentRangeEnd w:id="3"/>', plain('?')) +
            p(bold('Ông Nguyễn Văn A:'), plain(' Cuối năm sau.')),
        ),
      ),
      'word/_rels/document.xml.rels': strToU8(rels({ rId3: 'media/image9.gif' })),
      'word/media/image9.gif': gif,
      'word/comments.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="${W}" xmlns:w14="${W14}"><w:comment w:id="3" w:author="Biên tập"><w:p w14:paraId="0000000B"><w:r><w:t>Ghi rõ tháng.</w:t></w:r></w:p></w:comment></w:comments>`),
      'docProps/core.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/"><dcterms:modified>2026-04-10T07:30:00Z</dcterms:modified></cp:coreProperties>`,
      ),
    });
    const { result, images } = importDocx(bytes);
    const gifId = createHash('sha256').update(gif).digest('hex');
    expect(result.doc.body.map((b) => b.type)).toEqual(['paragraph', 'photo', 'turn', 'turn']);
    expect(result.doc.body[1]).toMatchObject({ type: 'photo', assetId: gifId, caption: 'Toàn cảnh công trường', credit: 'Minh Đức/TTXVN', alt: 'Toàn cảnh' });
    expect([...images.keys()]).toEqual([gifId]);
    expect(result.doc.comments?.map((t) => [t.quote, t.comments[0]!.createdAt])).toEqual([['cầu thông xe', '2026-04-10T07:30:00.000Z']]);
  });

  it('reads a picture as documents converted from .doc hold it (VML), with its alt text', () => {
    const png = solidPng(5, 5, [0, 0, 0]);
    const vml = `<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="_x0000_i1025" type="#_x0000_t75" alt="Chân dung ông A" style="width:100pt;height:100pt"><v:imagedata r:id="rId4" o:title="" xmlns:o="urn:schemas-microsoft-com:office:office"/></v:shape></w:pict></w:r>`;
    const bytes = zipSync({
      'word/document.xml': strToU8(drawingDocument(p(bold('Phóng viên:'), plain(' Ông là ai?')) + p(bold('Ông A:'), plain(' Tôi là kỹ sư.')) + p(vml) + p(plain('Ảnh: Tư liệu')) + p(bold('Phóng viên:'), plain(' Cảm ơn ông.')))),
      'word/_rels/document.xml.rels': strToU8(rels({ rId4: 'media/image4.png' })),
      'word/media/image4.png': png,
    });
    const { result } = importDocx(bytes);
    const answer = result.doc.body[1]!;
    expect(answer.type === 'turn' && answer.children[1]).toEqual({ type: 'photo', assetId: createHash('sha256').update(png).digest('hex'), caption: '', credit: 'Tư liệu', alt: 'Chân dung ông A', children: [{ text: '' }] });
  });

  it('names a picture that is not a JPEG, PNG, WebP or GIF in a finding and makes no photo of it', () => {
    const bytes = zipSync({
      'word/document.xml': strToU8(
        drawingDocument(p(bold('Phóng viên:'), plain(' Đây là sơ đồ gì?')) + p(bold('Ông Nguyễn Văn A:'), plain(' Sơ đồ tuyến đường.')) + p(picture('rId9', 'Sơ đồ')) + p(bold('Phóng viên:'), plain(' Cảm ơn ông.'))),
      ),
      'word/_rels/document.xml.rels': strToU8(rels({ rId9: 'media/image2.emf' })),
      // An EMF record header: a Windows metafile, which no browser shows.
      'word/media/image2.emf': new Uint8Array([0x01, 0x00, 0x00, 0x00, 0x6c, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]),
    });
    const { result, images } = importDocx(bytes);
    expect(result.report.findings).toContainEqual(expect.objectContaining({ kind: 'docx-picture-unsupported', text: 'image2.emf' }));
    expect(result.doc.body.flatMap((b) => (b.type === 'turn' ? b.children : [b])).filter((c) => c.type === 'photo')).toEqual([]);
    expect(images.size).toBe(0);
    expect(result.report.photos).toBe(0);
  });
});
