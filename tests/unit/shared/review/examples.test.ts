/**
 * The review of the seed interview, step by step, as a newsroom does it: an editor changes a word in
 * an answer, deletes a sentence, changes a turn's speaker, moves a photo and edits the headline; the
 * reporter accepts some and rejects the others.
 */
import { describe, expect, it } from 'vitest';
import { newInterview } from '../../../../shared/model/factory';
import type { Interview, Paragraph, Photo, Turn } from '../../../../shared/model/schema';
import { edit } from '../../../../shared/review/edit';
import type { BlockPath, Edit } from '../../../../shared/review/edits';
import { byAuthor, inRange, listPending, pendingCount } from '../../../../shared/review/pending';
import { findProblems } from '../../../../shared/review/problems';
import { accept, acceptAll, acceptedView, originalView, reject, rejectAll } from '../../../../shared/review/resolve';
import { suggest } from '../../../../shared/review/suggest';
import { editor, reporter, testClock } from './arbitraries';
import { canon, expectValid } from '../../../helpers/review-canon';

const para = (text: string): Paragraph => ({ type: 'paragraph', children: [{ text }] });
const photo = (caption: string, credit: string): Photo => ({ type: 'photo', assetId: null, caption, credit, alt: '', children: [{ text: '' }] });

const ANSWER = 'Năm nay toàn tỉnh kết nạp vượt chỉ tiêu. Sự lãnh đaọ của cấp ủy rất quyết liệt.';

function seedInterview(): Interview {
  const doc = newInterview('long-an', 'vi');
  Object.assign(doc.meta, { section: 'Xây dựng Đảng', headline: 'Long An: Kết nạp đảng viên vượt chỉ tiêu', byline: 'Thanh Bình', source: 'TTXVN' });
  doc.participants = [
    { id: 'p1', label: 'Phóng viên', fullName: '', title: '', role: 'interviewer' },
    { id: 'p2', label: 'Ông Nguyễn Thanh Hải', fullName: 'Nguyễn Thanh Hải', title: 'Bí thư Tỉnh ủy', role: 'interviewee' },
  ];
  doc.body = [
    photo('Quang cảnh hội nghị', 'Thanh Hải/TTXVN'),
    para('TTXVN - Thời gian qua, công tác phát triển đảng viên ở Long An có nhiều chuyển biến.'),
    { type: 'turn', speakerId: 'p1', children: [para('Thưa ông, kết quả kết nạp đảng viên năm nay ra sao?')] },
    { type: 'turn', speakerId: 'p2', children: [para(ANSWER), photo('Đảng viên mới tuyên thệ', 'TTXVN phát'), para('Theo chỉ tiêu, mỗi chi bộ kết nạp ít nhất một đảng viên.')] },
    // the closing line is the reporter's, but was typed as the guest's
    { type: 'turn', speakerId: 'p2', children: [para('Trân trọng cảm ơn ông!')] },
    para(''),
  ];
  return doc;
}

const textAt = (doc: Interview, path: BlockPath) => {
  const block = path.length === 1 ? doc.body[path[0]] : (doc.body[path[0]] as Turn).children[path[1]];
  return (block as Paragraph).children.map((l) => l.text).join('');
};

/** The editor's suggestions, with positions read off the text as they see it (the accepted view). */
function editorsReview(): Edit[] {
  const misspelt = ANSWER.indexOf('lãnh đaọ');
  const sentence = 'Năm nay toàn tỉnh kết nạp vượt chỉ tiêu. ';
  return [
    { type: 'replaceText', at: { path: [3, 0], offset: misspelt }, length: 'lãnh đaọ'.length, text: 'lãnh đạo' },
    { type: 'deleteText', at: { path: [3, 0], offset: 0 }, length: sentence.length },
    { type: 'setSpeaker', at: 4, speakerId: 'p1' },
    // the photo from inside the answer, up to after the intro
    { type: 'movePhoto', from: [3, 1], to: [2] },
    { type: 'setMeta', field: 'headline', value: 'Long An kết nạp đảng viên vượt chỉ tiêu' },
  ];
}

describe('reviewing the seed interview', () => {
  const original = seedInterview();
  const edits = editorsReview();
  const marked = suggest(original, edits, editor, testClock());

  it('records every change as a suggestion by the editor, in document order, with what it changes', () => {
    expectValid(marked);
    expect(findProblems(marked)).toEqual([]);
    expect(listPending(marked).map(({ kind, authorName, removed, added }) => ({ kind, authorName, removed, added }))).toEqual([
      { kind: 'setMeta', authorName: editor.name, removed: 'Long An: Kết nạp đảng viên vượt chỉ tiêu', added: 'Long An kết nạp đảng viên vượt chỉ tiêu' },
      { kind: 'movePhoto', authorName: editor.name, removed: 'Đảng viên mới tuyên thệ', added: 'Đảng viên mới tuyên thệ' },
      { kind: 'deleteText', authorName: editor.name, removed: 'Năm nay toàn tỉnh kết nạp vượt chỉ tiêu. ', added: '' },
      { kind: 'replaceText', authorName: editor.name, removed: 'lãnh đaọ', added: 'lãnh đạo' },
      { kind: 'setSpeaker', authorName: editor.name, removed: 'Ông Nguyễn Thanh Hải', added: 'Phóng viên' },
    ]);
    expect(listPending(marked).every((p) => p.createdAt?.startsWith('2026-11-27T08:00:0'))).toBe(true);
  });

  it('keeps the deleted text, struck through, and the photo where it was, marked as moved away', () => {
    const answer = (marked.body[4] as Turn).children;
    expect((answer[0] as Paragraph).children).toEqual([
      { text: 'Năm nay toàn tỉnh kết nạp vượt chỉ tiêu. ', del: 's2' },
      { text: 'Sự ' },
      { text: 'lãnh đaọ', del: 's1' },
      { text: 'lãnh đạo', ins: 's1' },
      { text: ' của cấp ủy rất quyết liệt.' },
    ]);
    expect(answer[1]).toMatchObject({ type: 'photo', caption: 'Đảng viên mới tuyên thệ', del: 's4' });
    expect(marked.body[2]).toMatchObject({ type: 'photo', caption: 'Đảng viên mới tuyên thệ', ins: 's4' });
    expect(marked.body[5]).toMatchObject({ type: 'turn', speakerId: 'p1', changes: [{ id: 's3', field: 'speakerId', from: 'p2' }] });
    expect(marked.review!.metaChanges).toEqual([{ id: 's5', field: 'headline', from: 'Long An: Kết nạp đảng viên vượt chỉ tiêu' }]);
  });

  it('reads as edited in the final view and as before in the original view; exports wait', () => {
    expect(canon(acceptedView(marked))).toEqual(canon(edit(original, edits)));
    expect(textAt(acceptedView(marked), [4, 0])).toBe('Sự lãnh đạo của cấp ủy rất quyết liệt.');
    expect(canon(originalView(marked))).toEqual(canon(original));
    expect(pendingCount(marked)).toBe(5);
  });

  it('the reporter accepts some and rejects the others; nothing is left pending', () => {
    const [headline, move, deletion, replacement, speaker] = listPending(marked).map((p) => p.id);
    let doc = accept(marked, [replacement!, speaker!, headline!]);
    doc = reject(doc, [deletion!, move!]);
    expect(pendingCount(doc)).toBe(0);
    expect(doc.review).toBeUndefined();
    expect(doc.meta.headline).toBe('Long An kết nạp đảng viên vượt chỉ tiêu');
    expect(textAt(doc, [3, 0])).toBe('Năm nay toàn tỉnh kết nạp vượt chỉ tiêu. Sự lãnh đạo của cấp ủy rất quyết liệt.');
    expect((doc.body[3] as Turn).children[1]).toEqual(photo('Đảng viên mới tuyên thệ', 'TTXVN phát'));
    expect((doc.body[4] as Turn).speakerId).toBe('p1');
    expectValid(doc);
  });

  it("accepts in a selection: the replaced word; the closing turn's speaker only across the turn's start", () => {
    const replacement = listPending(marked).find((p) => p.kind === 'replaceText')!;
    const wordPath = [4, 0, 3];
    expect(inRange(marked, { anchor: { path: wordPath, offset: 2 }, focus: { path: wordPath, offset: 5 } })).toEqual([replacement.id]);
    // A caret in the closing turn's text is not on its speaker label (in-range.ts).
    expect(inRange(marked, { anchor: { path: [5, 0, 0], offset: 3 }, focus: { path: [5, 0, 0], offset: 3 } })).toEqual([]);
    expect(inRange(marked, { anchor: { path: [4, 2, 0], offset: 3 }, focus: { path: [5, 0, 0], offset: 3 } })).toEqual(['s3']);
    expect(replacement.at).toEqual({ path: [4, 0, 2] });
  });

  it('all by one author: the reporter rejects everything the editor suggested', () => {
    expect(canon(reject(marked, byAuthor(marked, editor.id)))).toEqual(canon(original));
    expect(byAuthor(marked, reporter.id)).toEqual([]);
  });
});

describe('smaller situations', () => {
  it('a caption fixed after a move survives when the move is rejected and the fix accepted', () => {
    const doc = seedInterview();
    const marked = suggest(
      doc,
      [
        { type: 'movePhoto', from: [3, 1], to: [5] },
        { type: 'setPhotoText', at: [5], field: 'caption', value: 'Các đảng viên mới tuyên thệ' },
      ],
      editor,
      testClock(),
    );
    const [move, caption] = listPending(marked);
    expect(caption).toMatchObject({ kind: 'setPhotoText', removed: 'Đảng viên mới tuyên thệ', added: 'Các đảng viên mới tuyên thệ' });
    const out = reject(accept(marked, [caption!.id]), [move!.id]);
    expect((out.body[3] as Turn).children[1]).toMatchObject({ caption: 'Các đảng viên mới tuyên thệ' });
  });

  it('a photo moved twice, by two people, and captioned by the second, goes home with the new caption', () => {
    const doc = seedInterview();
    const clock = testClock();
    const once = suggest(doc, [{ type: 'movePhoto', from: [3, 1], to: [5] }], reporter, clock);
    const twice = suggest(once, [{ type: 'movePhoto', from: [5], to: [0] }, { type: 'setPhotoText', at: [0], field: 'credit', value: 'Ảnh: TTXVN' }], editor, clock);
    expect(listPending(twice).map((p) => p.kind)).toEqual(['movePhoto', 'setPhotoText', 'movePhoto']);
    const [second, credit, first] = listPending(twice).map((p) => p.id);
    const home = reject(accept(twice, [credit!]), [first!, second!]);
    expect((home.body[3] as Turn).children[1]).toEqual(photo('Đảng viên mới tuyên thệ', 'Ảnh: TTXVN'));
    expect(home.body.filter((b) => b.type === 'photo')).toHaveLength(1);
  });

  it('Enter and Backspace across paragraphs are suggestions too, shown as ¶', () => {
    const doc = seedInterview();
    const at = { path: [3, 0] as BlockPath, offset: ANSWER.indexOf('Sự') };
    const split = suggest(doc, [{ type: 'splitParagraph', at }], editor, testClock());
    expect(listPending(split)).toMatchObject([{ kind: 'splitParagraph', added: '¶' }]);
    expect(textAt(acceptAll(split), [3, 1])).toBe('Sự lãnh đaọ của cấp ủy rất quyết liệt.');
    expect(canon(rejectAll(split))).toEqual(canon(doc));
    // the reporter joins the two paragraphs of the answer across the photo the editor removed
    const joined = suggest(doc, [{ type: 'removePhoto', at: [3, 1] }, { type: 'mergeParagraphs', at: [3, 0] }], reporter, testClock());
    expect(listPending(joined).map((p) => [p.kind, p.removed])).toEqual([
      ['mergeParagraphs', '¶'],
      ['removePhoto', 'Đảng viên mới tuyên thệ'],
    ]);
    expect(textAt(acceptAll(joined), [3, 0])).toBe(`${ANSWER}Theo chỉ tiêu, mỗi chi bộ kết nạp ít nhất một đảng viên.`);
    // keeping the photo keeps the paragraphs apart: the join waits for what stands between, and gives way to it
    const [merge, removal] = listPending(joined).map((p) => p.id);
    const kept = accept(reject(joined, [removal!]), [merge!]);
    expect((kept.body[3] as Turn).children.map((c) => c.type)).toEqual(['paragraph', 'photo', 'paragraph']);
    expect(kept.review).toBeUndefined();
  });

  it('a new turn, typed into by its author, is one suggestion; removing a turn keeps it until accepted', () => {
    const doc = seedInterview();
    const marked = suggest(
      doc,
      [
        { type: 'insertTurn', at: 4, speakerId: 'p1', text: 'Ông có kiến nghị gì' },
        { type: 'insertText', at: { path: [4, 0], offset: 19 }, text: '?' },
        { type: 'removeTurn', at: 2 },
      ],
      editor,
      testClock(),
    );
    expect(listPending(marked).map((p) => [p.kind, p.added, p.removed])).toEqual([
      ['removeTurn', '', 'Thưa ông, kết quả kết nạp đảng viên năm nay ra sao?'],
      ['insertTurn', 'Ông có kiến nghị gì?', ''],
    ]);
    expect(marked.body[2]).toMatchObject({ type: 'turn', del: 's2' });
  });
});
