/**
 * The pictures of a Word document from elsewhere, placed among its paragraphs as the text importer
 * reads them: the caption and credit under a picture taken by the text importer's rules, an answer
 * that goes on under a picture left an answer, and every picture placed once, whatever the text.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importAgencyText } from '../../../../../shared/import/agency-text';
import type { ViewParagraph } from '../../../../../shared/import/docx/docx-views';
import { foreignText, placePictures } from '../../../../../shared/import/docx/foreign-pictures';
import { normalizeInterview } from '../../../../../shared/model/normalize';
import type { Interview, Photo } from '../../../../../shared/model/schema';
import { validateInterview } from '../../../../../shared/model/validate';
import { solidPng, TINY_GIF } from '../../../../helpers/images';

const run = (text: string, bold = false) => ({ text, bold, italic: false, style: null, revision: null, comments: [] });
const para = (text: string, style: string | null = null): ViewParagraph => ({ style, runs: text === '' ? [] : [run(text)], pictures: [] });
const labelled = (label: string, text: string): ViewParagraph => ({ style: null, runs: [run(label, true), run(` ${text}`)], pictures: [] });
const pictureAt = (part: string, descr = ''): ViewParagraph => ({ style: null, runs: [], pictures: [{ part, descr, revision: null }] });

const png = solidPng(4, 3);
const media = new Map([['word/media/image1.png', new Uint8Array(png)]]);
const PNG_ID = createHash('sha256').update(png).digest('hex');

/** The caption and credit the one picture got, and the paragraphs of text left for the text importer. */
function read(view: ViewParagraph[]): { caption: string; credit: string; text: string[] } {
  const out = foreignText(view, media);
  expect(out.photos).toHaveLength(1);
  return { caption: out.photos[0]!.caption, credit: out.photos[0]!.credit, text: out.text.split('\n\n').filter((t) => !t.startsWith('\uE000')) };
}

describe('the paragraph under a picture', () => {
  it('is its credit when it is a credit line', () => {
    expect(read([pictureAt('word/media/image1.png'), para('Ảnh: Minh Đức/TTXVN'), para('Còn tiếp.')])).toEqual({ caption: '', credit: 'Minh Đức/TTXVN', text: ['Còn tiếp.'] });
  });

  it('is its caption and credit when it ends with the credit', () => {
    expect(read([pictureAt('word/media/image1.png'), para('Bộ trưởng phát biểu tại hội nghị. (Ảnh: Thanh Hải)')])).toEqual({ caption: 'Bộ trưởng phát biểu tại hội nghị.', credit: 'Thanh Hải', text: [] });
  });

  it('is its caption when a credit line follows it', () => {
    expect(read([pictureAt('word/media/image1.png'), para('Toàn cảnh công trường'), para('Photo: Jane Doe')])).toEqual({ caption: 'Toàn cảnh công trường', credit: 'Jane Doe', text: [] });
  });

  it('is its caption when Word styled it as one, with no credit to prove it', () => {
    expect(read([pictureAt('word/media/image1.png'), para('Toàn cảnh công trường', 'Caption'), para('Câu trả lời tiếp tục.')])).toEqual({ caption: 'Toàn cảnh công trường', credit: '', text: ['Câu trả lời tiếp tục.'] });
  });

  it('stays an answer when nothing says it is a caption', () => {
    expect(read([pictureAt('word/media/image1.png'), para('Chúng tôi sẽ tiếp tục trong năm tới.')])).toEqual({ caption: '', credit: '', text: ['Chúng tôi sẽ tiếp tục trong năm tới.'] });
  });

  it('stays a turn when it opens with a label, even with a credit line under it', () => {
    expect(read([pictureAt('word/media/image1.png'), labelled('Phóng viên:', 'Ông nghĩ sao?'), para('Ảnh: TTXVN')])).toEqual({ caption: '', credit: '', text: ['Phóng viên: Ông nghĩ sao?', 'Ảnh: TTXVN'] });
  });
});

describe('a picture', () => {
  it('takes its alt text from the file and is named by the sha-256 of its bytes', () => {
    const out = foreignText([pictureAt('word/media/image1.png', 'Cầu Long Biên lúc bình minh')], media);
    expect(out.photos).toEqual([{ type: 'photo', assetId: PNG_ID, caption: '', credit: '', alt: 'Cầu Long Biên lúc bình minh', children: [{ text: '' }] }]);
    expect([...out.images.keys()]).toEqual([PNG_ID]);
  });

  it('whose part is missing, or whose bytes are no image, is named in a finding', () => {
    const bad = new Map([['word/media/image3.tiff', new Uint8Array([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00])]]);
    const out = foreignText([para('Mở đầu.'), pictureAt('word/media/image3.tiff'), pictureAt('word/media/gone.png')], bad);
    expect(out.photos).toEqual([]);
    expect(out.findings.map((f) => [f.kind, f.text, f.line])).toEqual([
      ['docx-picture-unsupported', 'image3.tiff', 3],
      ['docx-picture-unsupported', 'gone.png', 3],
    ]);
  });
});

describe('every picture', () => {
  const photosOf = (doc: Interview): Photo[] => doc.body.flatMap((b) => (b.type === 'photo' ? [b] : b.type === 'turn' ? b.children.filter((c): c is Photo => c.type === 'photo') : []));
  const pictures = [solidPng(2, 2, [200, 10, 10]), solidPng(2, 2, [10, 200, 10]), Buffer.from(TINY_GIF)];
  const pictureMedia = new Map(pictures.map((bytes, i) => [`word/media/p${i}`, new Uint8Array(bytes)]));
  const ids = pictures.map((bytes) => createHash('sha256').update(bytes).digest('hex'));
  const paragraph = fc.oneof(
    fc.constantFrom('Phóng viên:', 'Ông Nguyễn Văn A:', 'Q:', 'A:').chain((label) => fc.constantFrom('Ông nghĩ sao?', 'Đúng vậy.', 'Thank you.', '').map((t) => labelled(label, t))),
    fc.constantFrom('Ảnh: TTXVN', 'Photo: Jane Doe', 'Toàn cảnh hội nghị', 'HÀ NỘI', '(Ảnh: Lê Văn B)', '[Ảnh]', '', 'Câu trả lời tiếp tục.', 'Ông A: câu dài').map((t) => para(t)),
    fc.integer({ min: 0, max: 2 }).map((i) => pictureAt(`word/media/p${i}`)),
  );

  it('is placed once, in the order of the file, whatever the text around it', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 14 }), (view) => {
        const out = foreignText(view, pictureMedia);
        const doc = placePictures(importAgencyText(out.text).doc, out.photos);
        const expected = view.flatMap((p) => p.pictures.map((x) => ids[Number(x.part!.slice(-1))]));
        expect(photosOf(doc).filter((p) => p.assetId !== null).map((p) => p.assetId)).toEqual(expected);
        expect(JSON.stringify(doc)).not.toMatch(/[\uE000\uE001]/);
        expect(validateInterview(normalizeInterview(doc)).ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
