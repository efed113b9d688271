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
import { solidPng } from '../../../../helpers/images';

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
