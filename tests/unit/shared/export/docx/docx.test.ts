/**
 * The Word export: what a Word user and a desk template rely on (styles by id, the speaker label
 * in its own run, the proofing language), what review needs (suggestions as revisions under their
 * authors, comment threads with replies and resolved state), what reading the file back needs (the
 * custom properties), and that the same document gives the same bytes.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { acceptedText, DOCX_PROPERTY, exportDocx } from '../../../../../shared/export/docx';
import { sha256Hex } from '../../../../../shared/export/docx/sha256';
import { exportView, runExport } from '../../../../../shared/export/run-export';
import { acceptedView } from '../../../../../shared/review';
import { LEAD_PHOTO, optionsFor, para, photo, pictureFile, seedLikeDocument } from '../../../../helpers/export-fixtures';
import { solidPng } from '../../../../helpers/images';
import { assertWellFormed, xpath } from '../../../../helpers/xml';
import { COMMENT_BY, DELETED_BY, INSERTED_BY, REPLY_BY, reviewedDocument, reviewedOptions } from './reviewed-document';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const parts = (bytes: Uint8Array) => {
  const files = unzipSync(bytes);
  return (path: string) => {
    const file = files[path];
    if (!file) throw new Error(`${path} is not in the package`);
    return strFromU8(file);
  };
};
const w = (name: string) => `*[local-name()="${name}" and namespace-uri()="${W}"]`;

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });
});

describe('Word export (review)', () => {
  const bytes = exportDocx(reviewedDocument(), reviewedOptions(), 'review');
  const part = parts(bytes);
  const document = part('word/document.xml');

  it('is a package of well-formed parts', () => {
    for (const path of ['word/document.xml', 'word/styles.xml', 'word/comments.xml', 'word/commentsExtended.xml', 'docProps/custom.xml', 'docProps/core.xml', '[Content_Types].xml']) assertWellFormed(part(path));
  });

  it('writes the inserted word and the struck phrase as revisions under their authors and dates', () => {
    expect(xpath(document, `string(//${w('ins')}//${w('t')})`)).toBe('Long An ');
    expect(xpath(document, `string(//${w('ins')}/@*[local-name()="author"])`)).toBe(INSERTED_BY);
    expect(xpath(document, `string(//${w('ins')}/@*[local-name()="date"])`)).toBe('2026-03-01T08:15:00Z');
    expect(xpath(document, `string(//${w('del')}//${w('delText')})`)).toBe(' và rất nhiều chi bộ');
    expect(xpath(document, `string(//${w('del')}/@*[local-name()="author"])`)).toBe(DELETED_BY);
    expect(xpath(document, `count(//${w('del')}//${w('t')})`)).toBe('0');
  });

  it('writes the thread as a comment on its words, the reply pointing at it, both resolved', () => {
    const comments = part('word/comments.xml');
    expect(xpath(comments, `count(//${w('comment')})`)).toBe('2');
    expect(xpath(comments, `string(//${w('comment')}[@*[local-name()="id"]="0"]/@*[local-name()="author"])`)).toBe(COMMENT_BY);
    expect(xpath(comments, `string(//${w('comment')}[@*[local-name()="id"]="0"])`)).toBe('Số liệu này của năm nào?');
    expect(xpath(comments, `string(//${w('comment')}[@*[local-name()="id"]="1"]/@*[local-name()="author"])`)).toBe(REPLY_BY);
    // The range covers exactly the anchored words.
    const between = document.split(/<w:commentRangeStart w:id="0"\/>/)[1]?.split(/<w:commentRangeEnd w:id="0"\/>/)[0] ?? '';
    expect([...between.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).toBe('có 19 đảng bộ trực thuộc');
    const extended = part('word/commentsExtended.xml');
    expect(xpath(extended, 'count(//*[local-name()="commentEx"][@*[local-name()="done"]="1"])')).toBe('2');
    expect(xpath(extended, 'count(//*[local-name()="commentEx"][@*[local-name()="paraIdParent"]])')).toBe('1');
  });

  it('opens each turn with the speaker label in a run of its own, in the role’s paragraph style', () => {
    expect(xpath(document, `count(//${w('rStyle')}[@*[local-name()="val"]="Speaker"])`)).toBe('3');
    expect(xpath(document, `string((//${w('r')}[${w('rPr')}/${w('rStyle')}/@*[local-name()="val"]="Speaker"])[2])`)).toBe('Ông Nguyễn Thanh Hải:');
    expect(xpath(document, `count(//${w('p')}[${w('pPr')}/${w('pStyle')}/@*[local-name()="val"]="Question"])`)).toBe('2');
    expect(xpath(document, `count(//${w('p')}[${w('pPr')}/${w('pStyle')}/@*[local-name()="val"]="Answer"])`)).toBe('1');
    expect(xpath(document, `string(//${w('p')}[${w('pPr')}/${w('pStyle')}/@*[local-name()="val"]="Headline"])`)).toBe(
      'Long An: Kết nạp đảng viên vượt chỉ tiêu Nghị quyết Đại hội Đảng bộ tỉnh đề ra',
    );
    const styles = part('word/styles.xml');
    for (const id of ['Headline', 'Sapo', 'Byline', 'Intro', 'Question', 'Answer', 'Caption', 'Credit', 'Speaker']) {
      expect(xpath(styles, `count(//${w('style')}[@*[local-name()="styleId"]="${id}"])`), id).toBe('1');
    }
  });

  it('sets the document language on every run, so Word proofs Vietnamese as Vietnamese', () => {
    expect(xpath(document, `count(//${w('r')}[${w('t')} or ${w('delText')}][not(${w('rPr')}/${w('lang')}[@*[local-name()="val"]="vi-VN"])])`)).toBe('0');
    const english = seedLikeDocument();
    english.meta.language = 'en';
    const en = parts(exportDocx(english, optionsFor(english), 'clean'))('word/document.xml');
    expect(xpath(en, `count(//${w('lang')}[@*[local-name()="val"]="en-US"])`)).not.toBe('0');
    expect(xpath(en, `count(//${w('lang')}[@*[local-name()="val"]="vi-VN"])`)).toBe('0');
  });

  it('names the interview, its version and the hash of the accepted text it was made from', () => {
    const custom = part('docProps/custom.xml');
    const property = (name: string) => xpath(custom, `string(//*[local-name()="property"][@name="${name}"])`);
    expect(property(DOCX_PROPERTY.id)).toBe('seed-like-000');
    expect(property(DOCX_PROPERTY.version)).toBe(String(reviewedOptions().version));
    expect(property(DOCX_PROPERTY.view)).toBe('review');
    expect(property(DOCX_PROPERTY.format)).toBe('interview-desk/1');
    const lines = [
      'TTXVN - Tỉnh ủy Long An luôn quan tâm củng cố tổ chức cơ sở đảng.',
      'Thời gian qua, công tác này được thực hiện ra sao, thưa ông?',
      'Đảng bộ tỉnh Long An có 19 đảng bộ trực thuộc.',
      'Trân trọng cảm ơn ông!',
    ];
    expect(acceptedText(reviewedDocument())).toBe(lines.join('\n'));
    expect(property(DOCX_PROPERTY.acceptedSha256)).toBe(sha256Hex(lines.join('\n')));
  });

  it('gives the same bytes for the same document, with the story’s times instead of the clock’s', () => {
    expect(Buffer.from(exportDocx(reviewedDocument(), reviewedOptions(), 'review')).equals(Buffer.from(bytes))).toBe(true);
    const core = part('docProps/core.xml');
    expect(xpath(core, 'string(//*[local-name()="created"])')).toBe(new Date(reviewedOptions().firstCreated).toISOString().replace('.000Z', 'Z'));
  });
});

describe('Word export through the registry', () => {
  const stored = reviewedDocument();

  it('the review copy goes out with suggestions pending; the clean copy is refused until they are decided', () => {
    const review = exportView(stored, 'docx');
    expect(review.pending).toBe(0);
    const reviewed = runExport(review.doc, { format: 'docx', options: reviewedOptions(), unresolvedSuggestions: review.pending });
    expect(reviewed.ok).toBe(true);

    const clean = exportView(stored, 'docx-clean');
    expect(clean.pending).toBe(2);
    const refused = runExport(clean.doc, { format: 'docx-clean', options: reviewedOptions(), unresolvedSuggestions: clean.pending });
    expect(refused.ok).toBe(false);
  });

  it('the clean copy of a decided document has no revisions and no comments', () => {
    const decided = acceptedView(stored);
    const outcome = runExport(decided, { format: 'docx-clean', options: reviewedOptions(), unresolvedSuggestions: 0, acceptWarnings: true });
    if (!outcome.ok) throw new Error('the clean copy was refused');
    const part = parts(outcome.content as Uint8Array);
    const document = part('word/document.xml');
    expect(xpath(document, `count(//${w('ins')} | //${w('del')} | //${w('commentRangeStart')})`)).toBe('0');
    expect(xpath(document, `string((//${w('p')}[${w('pPr')}/${w('pStyle')}/@*[local-name()="val"]="Answer"])[1])`)).toBe('Ông Nguyễn Thanh Hải: Đảng bộ tỉnh Long An có 19 đảng bộ trực thuộc.');
    expect(() => part('word/comments.xml')).toThrow();
  });
});

describe('Word export of structural suggestions', () => {
  it('a changed speaker shows the old label struck and the new one inserted; a removed turn is struck whole', () => {
    const doc = seedLikeDocument();
    doc.body = [
      { type: 'turn', speakerId: 'p2', changes: [{ id: 's3', field: 'speakerId', from: 'p1' }], children: [para('Đúng vậy.')] },
      { type: 'turn', speakerId: 'p1', del: 's4', children: [para('Câu hỏi bị bỏ.')] },
    ];
    doc.review = {
      suggestions: [
        { id: 's3', kind: 'setSpeaker', authorId: 'u-oe', authorName: DELETED_BY, createdAt: '2026-03-03T07:00:00.000Z' },
        { id: 's4', kind: 'removeTurn', authorId: 'u-bt', authorName: INSERTED_BY, createdAt: '2026-03-03T08:00:00.000Z' },
      ],
      metaChanges: [],
    };
    const document = parts(exportDocx(doc, optionsFor(doc), 'review'))('word/document.xml');
    const first = `(//${w('body')}/${w('p')}[${w('pPr')}/${w('pStyle')}/@*[local-name()="val"]="Answer"])[1]`;
    expect(xpath(document, `string(${first}/${w('del')}[@*[local-name()="author"]="${DELETED_BY}"])`)).toBe('Phóng viên:');
    expect(xpath(document, `string(${first}/${w('ins')}[@*[local-name()="author"]="${DELETED_BY}"])`)).toBe('Ông Nguyễn Thanh Hải:');
    const removed = `(//${w('body')}/${w('p')}[${w('pPr')}/${w('pStyle')}/@*[local-name()="val"]="Question"])[1]`;
    // Everything in it is deleted text: label, space and words.
    expect(xpath(document, `string(${removed})`)).toBe('Phóng viên: Câu hỏi bị bỏ.');
    expect(xpath(document, `count(${removed}/${w('r')}[${w('t')}])`)).toBe('0');
    expect(xpath(document, `string(${removed}/${w('del')}[1]/@*[local-name()="author"])`)).toBe(INSERTED_BY);
    expect(xpath(document, `count(${removed}//${w('delText')})`)).toBe('3');
  });
});

describe('Word export of photos', () => {
  const doc = seedLikeDocument();
  doc.body = [photo(LEAD_PHOTO, 'Ông Hải tại trụ sở Tỉnh ủy.', 'Thanh Hải/TTXVN', 'Ông Hải ngồi tại bàn làm việc'), para('TTXVN - Mở đầu.')];
  const png = new Uint8Array(solidPng(16, 10));
  const options = optionsFor(doc, { pictures: { [LEAD_PHOTO]: pictureFile(LEAD_PHOTO, 1600, 1000) }, pictureBytes: { [LEAD_PHOTO]: png } });

  it('puts the image inline, a column wide, with its alt text, then its caption and credit', () => {
    const bytes = exportDocx(doc, options, 'clean');
    const files = unzipSync(bytes);
    const media = Object.keys(files).filter((path) => path.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(files[media[0] ?? ''] ?? []).equals(Buffer.from(png))).toBe(true);
    const document = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    const styles = [...document.matchAll(/<w:pStyle w:val="([A-Za-z]+)"\/>/g)].map((m) => m[1]);
    expect(styles.slice(styles.indexOf('Photo'))).toEqual(['Photo', 'Caption', 'Credit', 'Intro']);
    expect(xpath(document, 'string(//*[local-name()="docPr"]/@descr)')).toBe('Ông Hải ngồi tại bàn làm việc');
    // 605 px at 96 to the inch, in EMUs (9525 a pixel); the height keeps the 16:10 ratio.
    expect(xpath(document, 'string(//*[local-name()="inline"]/*[local-name()="extent"]/@cx)')).toBe(String(605 * 9525));
    expect(xpath(document, 'string(//*[local-name()="inline"]/*[local-name()="extent"]/@cy)')).toBe(String(378 * 9525));
    expect(xpath(document, `string(//${w('p')}[${w('pPr')}/${w('pStyle')}/@*[local-name()="val"]="Credit"])`)).toBe('Ảnh: Thanh Hải/TTXVN');
    expect(Buffer.from(exportDocx(doc, options, 'clean')).equals(Buffer.from(bytes))).toBe(true);
  });

  it('writes caption and credit alone when the image is not given', () => {
    const document = parts(exportDocx(doc, optionsFor(doc), 'clean'))('word/document.xml');
    expect(xpath(document, 'count(//*[local-name()="drawing"])')).toBe('0');
    expect(xpath(document, `string(//${w('p')}[${w('pPr')}/${w('pStyle')}/@*[local-name()="val"]="Caption"])`)).toBe('Ông Hải tại trụ sở Tỉnh ủy.');
  });
});
