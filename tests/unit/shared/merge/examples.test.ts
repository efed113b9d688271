/**
 * The merge of a returned review file on hand-written interviews: the reporter's "2025" that must
 * survive, conflicts on the same words, values, photos, participants, speakers, comments, a split
 * turn, conflicts that live and die with their suggestions, and the fallback that keeps both.
 */
import { describe, expect, it } from 'vitest';
import { dismissConflict, mergeReturned, openConflicts } from '../../../../shared/merge';
import { newInterview } from '../../../../shared/model/factory';
import { normalizeInterview } from '../../../../shared/model/normalize';
import type { Block, Interview, Paragraph, Photo, Turn } from '../../../../shared/model/schema';
import { validateInterview } from '../../../../shared/model/validate';
import { accept, acceptAll, acceptedView, edit, listPending, reject, rejectAll, suggest } from '../../../../shared/review';
import { findProblems } from '../../../../shared/review/problems';

const editor = { id: 'u-editor', name: 'Nguyễn Thị Hoa' };
const AT = '2026-12-01T09:00:00.000Z';
const clock = () => '2026-11-30T15:00:00.000Z';
const merge = (b: Interview, o: Interview, t: Interview) => mergeReturned(b, o, t, { author: editor, at: AT });

const para = (text: string): Paragraph => ({ type: 'paragraph', children: [{ text }] });
const turn = (speakerId: string, ...children: (Paragraph | Photo)[]): Turn => ({ type: 'turn', speakerId, children });
const photo = (assetId: string, caption: string, credit = 'TTXVN'): Photo => ({ type: 'photo', assetId, caption, credit, alt: '', children: [{ text: '' }] });
const A1 = 'a'.repeat(64);

function story(body: Block[], patch: (d: Interview) => void = () => {}): Interview {
  const doc = newInterview('doc-1', 'vi');
  doc.meta.headline = 'Long An: kết nạp đảng viên';
  doc.meta.sapo = 'Tỉnh Long An kết nạp nhiều đảng viên mới trong năm nay.';
  doc.body = body;
  patch(doc);
  return normalizeInterview(doc);
}

const base = story([
  para('Năm nay tỉnh Long An kết nạp nhiều đảng viên.'),
  turn('p1', para('Thưa ông, tỉnh làm thế nào?')),
  turn('p2', para('Chúng tôi chủ động xây dựng kế hoạch từ đầu năm.'), photo(A1, 'Ông Hải tại hội nghị.')),
  para('Xin cảm ơn ông.'),
]);

const textAt = (doc: Interview, i: number, j?: number) => {
  const b = acceptedView(doc).body[i]!;
  const p = (j === undefined ? b : (b as Turn).children[j]!) as Paragraph;
  return p.children.map((l) => l.text).join('');
};

function expectSound(doc: Interview): void {
  const checked = validateInterview(normalizeInterview(doc));
  expect(checked.ok).toBe(true);
  expect(findProblems(doc)).toEqual([]);
}

describe('the reporter’s “2025” and the editor’s suggestions', () => {
  const ours = edit(base, [{ type: 'insertText', at: { path: [0], offset: 8 }, text: '2025 ' }]);

  it('keeps the reporter’s text and brings the editor’s suggestions, under the editor’s name', () => {
    const theirs = suggest(base, [{ type: 'replaceText', at: { path: [2, 0], offset: 10 }, length: 8, text: 'đã tích cực' }], editor, clock);
    const r = merge(base, ours, theirs);
    expectSound(r.doc);
    expect(textAt(rejectAll(r.doc), 0)).toBe('Năm nay 2025 tỉnh Long An kết nạp nhiều đảng viên.');
    expect(textAt(acceptAll(r.doc), 0)).toBe('Năm nay 2025 tỉnh Long An kết nạp nhiều đảng viên.');
    expect(textAt(acceptAll(r.doc), 2, 0)).toBe('Chúng tôi đã tích cực xây dựng kế hoạch từ đầu năm.');
    expect(listPending(r.doc).map((p) => [p.authorName, p.removed, p.added])).toEqual([[editor.name, 'chủ động', 'đã tích cực']]);
    expect(r).toMatchObject({ suggestions: 1, conflicts: 0, changed: true });
    expect(r.doc.review?.conflicts).toBeUndefined();
  });

  it('direct edits of the editor (Editing mode) arrive as suggestions too', () => {
    const theirs = edit(base, [
      { type: 'deleteText', at: { path: [3], offset: 0 }, length: 4 },
      { type: 'setSpeaker', at: 1, speakerId: 'p2' },
    ]);
    const r = merge(base, ours, theirs);
    expect(listPending(r.doc).map((p) => [p.kind, p.authorId])).toEqual([
      ['setSpeaker', editor.id],
      ['deleteText', editor.id],
    ]);
    expect(acceptedView(acceptAll(r.doc)).body[1]).toMatchObject({ speakerId: 'p2' });
    expect(textAt(acceptAll(r.doc), 3)).toBe('cảm ơn ông.');
  });

  it('where both changed the same words, the editor’s version is a suggestion against the reporter’s text, listed as a conflict with the sent text', () => {
    // The reporter made "năm nay" "năm 2025"; the editor made it "năm qua".
    const mine = edit(base, [{ type: 'replaceText', at: { path: [0], offset: 4 }, length: 3, text: '2025' }]);
    const theirs = suggest(base, [{ type: 'replaceText', at: { path: [0], offset: 4 }, length: 3, text: 'qua' }], editor, clock);
    const r = merge(base, mine, theirs);
    expectSound(r.doc);
    expect(textAt(rejectAll(r.doc), 0)).toBe('Năm 2025 tỉnh Long An kết nạp nhiều đảng viên.');
    expect(textAt(acceptAll(r.doc), 0)).toBe('Năm qua tỉnh Long An kết nạp nhiều đảng viên.');
    const [conflict] = r.doc.review!.conflicts!;
    expect(conflict).toMatchObject({ kind: 'text', base: 'nay', authorId: editor.id, authorName: editor.name, at: AT });
    expect(conflict!.suggestions).toEqual(listPending(r.doc).map((p) => p.id));
    // Deciding the suggestion settles the conflict; it survives anything else (a save and reload is JSON).
    const reloaded = normalizeInterview(JSON.parse(JSON.stringify(r.doc)) as Interview);
    expect(openConflicts(reloaded)).toHaveLength(1);
    expect(openConflicts(accept(reloaded, conflict!.suggestions))).toEqual([]);
    expect(accept(reloaded, conflict!.suggestions).review).toBeUndefined();
    expect(reject(reloaded, conflict!.suggestions).review).toBeUndefined();
  });

  it('merging the same returned version again changes nothing', () => {
    const theirs = suggest(base, [{ type: 'replaceText', at: { path: [0], offset: 4 }, length: 3, text: 'qua' }], editor, clock);
    const once = merge(base, ours, theirs).doc;
    expect(merge(base, once, theirs)).toMatchObject({ doc: once, changed: false, suggestions: 0 });
  });
});

describe('values, photos, participants', () => {
  it('metadata: a word of the sapo each is merged; the same headline changed twice is a conflict', () => {
    const ours = edit(base, [
      { type: 'setMeta', field: 'sapo', value: 'Tỉnh Long An kết nạp 1.200 đảng viên mới trong năm nay.' },
      { type: 'setMeta', field: 'headline', value: 'Long An: kết nạp 1.200 đảng viên' },
    ]);
    const theirs = edit(base, [
      { type: 'setMeta', field: 'sapo', value: 'Tỉnh Long An kết nạp nhiều đảng viên mới trong năm 2025.' },
      { type: 'setMeta', field: 'headline', value: 'Long An: kết nạp 1.500 đảng viên' },
    ]);
    const r = merge(base, ours, theirs);
    expect(acceptAll(r.doc).meta.sapo).toBe('Tỉnh Long An kết nạp 1.200 đảng viên mới trong năm 2025.');
    expect(acceptAll(r.doc).meta.headline).toBe('Long An: kết nạp 1.500 đảng viên');
    expect(rejectAll(r.doc).meta).toMatchObject({ headline: 'Long An: kết nạp 1.200 đảng viên', sapo: ours.meta.sapo });
    expect(r.doc.review!.conflicts).toEqual([expect.objectContaining({ kind: 'value', field: 'headline', base: 'Long An: kết nạp đảng viên' })]);
  });

  it('a photo moved and re-captioned by the editor, its credit changed by the reporter', () => {
    const ours = edit(base, [{ type: 'setPhotoText', at: [2, 1], field: 'credit', value: 'Thanh Hải/TTXVN' }]);
    const theirs = edit(base, [
      { type: 'movePhoto', from: [2, 1], to: [1] },
      { type: 'setPhotoText', at: [1], field: 'caption', value: 'Ông Nguyễn Thanh Hải phát biểu.' },
    ]);
    const r = merge(base, ours, theirs);
    expectSound(r.doc);
    expect(listPending(r.doc).map((p) => p.kind).sort()).toEqual(['movePhoto', 'setPhotoText']);
    const accepted = acceptedView(acceptAll(r.doc));
    expect(accepted.body[1]).toMatchObject({ type: 'photo', caption: 'Ông Nguyễn Thanh Hải phát biểu.', credit: 'Thanh Hải/TTXVN' });
    expect((accepted.body[3] as Turn).children).toHaveLength(1);
    expect(rejectAll(r.doc).body).toEqual(ours.body);
  });

  it('both moved a photo, to different places: ours stays, their move is a flagged suggestion', () => {
    const ours = edit(base, [{ type: 'movePhoto', from: [2, 1], to: [0] }]);
    const theirs = edit(base, [{ type: 'movePhoto', from: [2, 1], to: [4] }]);
    const r = merge(base, ours, theirs);
    expect(r.doc.review!.conflicts).toEqual([expect.objectContaining({ kind: 'moved' })]);
    expect(acceptedView(rejectAll(r.doc)).body[0]).toMatchObject({ type: 'photo', assetId: A1 });
    expect(acceptedView(acceptAll(r.doc)).body.filter((b) => b.type === 'photo')).toHaveLength(1);
  });

  it('participants: their renaming comes in, a name both changed keeps ours with a detail conflict, their new speaker comes with its turn', () => {
    const ours = { ...base, participants: base.participants.map((p) => (p.id === 'p2' ? { ...p, fullName: 'Nguyễn Thanh Hải' } : p)) };
    const theirs = edit(
      {
        ...base,
        participants: [
          ...base.participants.map((p) => (p.id === 'p1' ? { ...p, label: 'PV' } : p.id === 'p2' ? { ...p, fullName: 'Ông Nguyễn Thanh Hải' } : p)),
          { id: 'p3', label: 'Bà Lan', fullName: '', title: '', role: 'interviewee' as const },
        ],
      },
      [{ type: 'insertTurn', at: 3, speakerId: 'p3', text: 'Tôi xin bổ sung.' }],
    );
    const r = merge(base, ours, theirs);
    expectSound(r.doc);
    expect(r.doc.participants.map((p) => [p.id, p.label, p.fullName])).toEqual([
      ['p1', 'PV', ''],
      ['p2', 'Khách mời', 'Nguyễn Thanh Hải'],
      ['p3', 'Bà Lan', ''],
    ]);
    const detail = r.doc.review!.conflicts!.find((c) => c.kind === 'detail')!;
    expect(detail).toMatchObject({ field: 'fullName', participantId: 'p2', base: '', theirs: 'Ông Nguyễn Thanh Hải', suggestions: [] });
    expect(listPending(r.doc).map((p) => p.kind)).toEqual(['insertTurn']);
    // A detail conflict stays until it is dismissed, and merging the same file again adds no second one.
    expect(openConflicts(merge(base, r.doc, theirs).doc)).toHaveLength(1);
    const dismissed = dismissConflict(r.doc, detail.id);
    expect(openConflicts(dismissed)).toEqual([]);
  });

  it('both added a participant with the same id: theirs gets another, and its turns with it', () => {
    const p3 = (label: string) => ({ id: 'p3', label, fullName: '', title: '', role: 'interviewee' as const });
    const ours = edit({ ...base, participants: [...base.participants, p3('Ông Tư')] }, [{ type: 'insertTurn', at: 3, speakerId: 'p3', text: 'Ý kiến ông Tư.' }]);
    const theirs = edit({ ...base, participants: [...base.participants, p3('Bà Lan')] }, [{ type: 'insertTurn', at: 3, speakerId: 'p3', text: 'Ý kiến bà Lan.' }]);
    const r = merge(base, ours, theirs);
    const labels = new Map(r.doc.participants.map((p) => [p.id, p.label]));
    const turns = acceptedView(acceptAll(r.doc)).body.filter((b): b is Turn => b.type === 'turn');
    const said = turns.map((t) => [labels.get(t.speakerId), (t.children[0] as Paragraph).children[0]!.text]);
    expect(said).toContainEqual(['Ông Tư', 'Ý kiến ông Tư.']);
    expect(said).toContainEqual(['Bà Lan', 'Ý kiến bà Lan.']);
  });

  it('a speaker changed by both, differently, is a conflict; a turn they split arrives as the editor records a split', () => {
    const ours = edit(base, [{ type: 'setSpeaker', at: 2, speakerId: 'p1' }]);
    // Their split: the answer's last words go to a new turn of the reporter's (as Ctrl+Enter does).
    const answer = 'Chúng tôi chủ động xây dựng kế hoạch từ đầu năm.';
    const cut = answer.indexOf('từ đầu');
    const theirs = edit(base, [
      { type: 'setSpeaker', at: 2, speakerId: 'p3' },
      { type: 'deleteText', at: { path: [2, 0], offset: cut }, length: answer.length - cut },
      { type: 'insertTurn', at: 3, speakerId: 'p1', text: 'từ đầu năm.' },
    ]);
    const r = merge(base, ours, theirs);
    expectSound(r.doc);
    expect(r.doc.review!.conflicts!.map((c) => [c.kind, c.field ?? null, c.base])).toEqual([['value', 'speakerId', 'Khách mời']]);
    expect(bodyText(acceptAll(r.doc))).toEqual(bodyText(theirs));
    expect(rejectAll(r.doc).body).toEqual(ours.body);
  });
});

function bodyText(doc: Interview): string[] {
  return acceptedView(doc).body.flatMap((b) => (b.type === 'paragraph' ? [b] : b.type === 'turn' ? b.children.filter((c): c is Paragraph => c.type === 'paragraph') : [])).map((p) => p.children.map((l) => l.text).join(''));
}

describe('comments', () => {
  it('a thread they opened arrives anchored on the same words; a reply to ours is added', () => {
    const first = { id: 'c-1', authorId: 'u-reporter', authorName: 'Bình', createdAt: '2026-11-29T08:00:00.000Z', text: 'Kiểm tra số liệu' };
    const withThread = story(base.body, (d) => {
      d.comments = [{ id: 't-1', quote: 'Xin cảm ơn ông.', comments: [first] }];
      d.body = d.body.map((b, i) => (i === 3 ? { type: 'paragraph', children: [{ text: 'Xin cảm ơn ông.', comments: ['t-1'] }] } : b));
    });
    const ours = edit(withThread, [{ type: 'insertText', at: { path: [0], offset: 0 }, text: 'TTXVN - ' }]);
    const reply = { id: 'c-2', authorId: editor.id, authorName: editor.name, createdAt: '2026-11-30T08:00:00.000Z', text: 'Đã kiểm tra' };
    const opened = { id: 'c-3', authorId: editor.id, authorName: editor.name, createdAt: '2026-11-30T09:00:00.000Z', text: 'Rõ hơn?' };
    const theirs = story(withThread.body, (d) => {
      d.comments = [{ ...withThread.comments![0]!, comments: [first, reply] }, { id: 't-2', quote: 'kế hoạch', comments: [opened] }];
      const answer = (d.body[2] as Turn).children[0] as Paragraph;
      answer.children = [{ text: 'Chúng tôi chủ động xây dựng ' }, { text: 'kế hoạch', comments: ['t-2'] }, { text: ' từ đầu năm.' }];
    });
    const r = merge(withThread, ours, theirs);
    expectSound(r.doc);
    expect(r.doc.comments!.map((t) => [t.id, t.comments.map((c) => c.id)])).toEqual([
      ['t-1', ['c-1', 'c-2']],
      ['t-2', ['c-3']],
    ]);
    const answer = (r.doc.body[2] as Turn).children[0] as Paragraph;
    expect(answer.children.filter((l) => l.comments?.includes('t-2')).map((l) => l.text)).toEqual(['kế hoạch']);
    expect(textAt(r.doc, 0)).toBe('TTXVN - Năm nay tỉnh Long An kết nạp nhiều đảng viên.');
  });
});

describe('when the merge cannot be done', () => {
  it('keeps our copy untouched and says so with an `unmerged` conflict (the caller keeps theirs beside it)', () => {
    // A body of turns only has no paragraph a new intro could be split from.
    const turnsOnly = story([turn('p1', para('Thưa ông?')), turn('p2', para('Vâng.'))]);
    const theirs = normalizeInterview({ ...turnsOnly, body: [para('Lời dẫn mới.'), ...turnsOnly.body] });
    const r = merge(turnsOnly, turnsOnly, theirs);
    expect(r.doc.body).toEqual(turnsOnly.body);
    expect(r.doc.review!.conflicts).toEqual([expect.objectContaining({ kind: 'unmerged', suggestions: [], authorName: editor.name })]);
    expect(openConflicts(dismissConflict(r.doc, r.doc.review!.conflicts![0]!.id))).toEqual([]);
  });
});
