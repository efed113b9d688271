/**
 * Comment threads: anchors are marks on the text, so they survive edits and
 * resolutions around them; a thread whose text is gone is orphaned, not lost; exports never carry
 * comments.
 */
import { describe, expect, it } from 'vitest';
import { preflight } from '../../../../shared/export/preflight';
import { runExport } from '../../../../shared/export/run-export';
import { EXPORT_FORMATS } from '../../../../shared/export/formats';
import { newInterview } from '../../../../shared/model/factory';
import { normalizeInterview } from '../../../../shared/model/normalize';
import { interviewSchema, type Comment, type Interview, type Paragraph } from '../../../../shared/model/schema';
import { anchorsOf, editComment, listThreads, newThread, openThreadCount, removeThread, reopenThread, reply, resolveThread, withAnchor, withoutAnchor } from '../../../../shared/review/comments';
import { acceptAll, rejectAll } from '../../../../shared/review/resolve';
import { suggest } from '../../../../shared/review/suggest';
import { optionsFor, seedLikeDocument } from '../../../helpers/export-fixtures';
import { editor, testClock } from './arbitraries';

const at = '2026-11-28T09:00:00.000Z';
const note = (id: string, text: string, authorName = 'Minh'): Comment => ({ id, authorId: `a-${authorName}`, authorName, createdAt: at, text });

/** A question and an answer; "kết nạp" in the answer carries thread t1. */
function commented(): Interview {
  const doc = newInterview('c1', 'vi');
  doc.participants = [
    { id: 'p1', label: 'Phóng viên', fullName: '', title: '', role: 'interviewer' },
    { id: 'p2', label: 'Ông Hải', fullName: '', title: '', role: 'interviewee' },
  ];
  const answer: Paragraph = { type: 'paragraph', children: [{ text: 'Năm nay tỉnh ' }, { text: 'kết nạp', comments: ['t1'] }, { text: ' vượt chỉ tiêu.' }] };
  doc.body = [
    { type: 'turn', speakerId: 'p1', children: [{ type: 'paragraph', children: [{ text: 'Kết quả ra sao?', comments: ['t2'] }] }] },
    { type: 'turn', speakerId: 'p2', children: [answer] },
  ];
  doc.comments = [newThread('t1', 'kết nạp', note('c1', 'Số liệu?')), newThread('t2', 'Kết quả ra sao?', note('c2', 'Hỏi cụ thể hơn'))];
  return doc;
}

describe('comment threads', () => {
  it('are part of the stored document and pass the schema', () => {
    const doc = commented();
    expect(interviewSchema.safeParse(doc).success).toBe(true);
    expect(normalizeInterview(doc)).toEqual(doc);
  });

  it('are listed in the order of their text, with the text they cover now', () => {
    const views = listThreads(commented());
    expect(views.map((v) => [v.thread.id, v.state, v.anchorText, v.path])).toEqual([
      ['t2', 'open', 'Kết quả ra sao?', [0, 0, 0]],
      ['t1', 'open', 'kết nạp', [1, 0, 1]],
    ]);
  });

  it('take replies, resolve and reopen without touching other threads', () => {
    const doc = commented();
    let threads = reply(doc.comments!, 't1', note('c3', 'Theo báo cáo của Tỉnh ủy', 'Lan'));
    threads = resolveThread(threads, 't1', { authorId: 'a-Lan', authorName: 'Lan' }, at);
    expect(threads[0]!.comments.map((c) => c.text)).toEqual(['Số liệu?', 'Theo báo cáo của Tỉnh ủy']);
    expect(threads[0]!.resolved).toEqual({ authorId: 'a-Lan', authorName: 'Lan', at });
    expect(threads[1]).toBe(doc.comments![1]);
    expect(listThreads({ ...doc, comments: threads }).map((v) => v.state)).toEqual(['open', 'resolved']);
    expect(openThreadCount({ ...doc, comments: threads })).toBe(1);
    threads = reopenThread(threads, 't1');
    expect(threads[0]!.resolved).toBeUndefined();
    expect(interviewSchema.safeParse({ ...doc, comments: threads }).success).toBe(true);
  });

  it('a comment edited by its author keeps its place, id and time, and says when it was edited', () => {
    const doc = commented();
    const later = '2026-11-28T10:30:00.000Z';
    const threads = editComment(reply(doc.comments!, 't1', note('c3', 'Theo báo cáo')), 't1', 'c3', 'Theo báo cáo của Tỉnh ủy', later);
    expect(threads[0]!.comments.map((c) => [c.id, c.text, c.createdAt, c.editedAt])).toEqual([
      ['c1', 'Số liệu?', at, undefined],
      ['c3', 'Theo báo cáo của Tỉnh ủy', at, later],
    ]);
    expect(threads[1]).toBe(doc.comments![1]);
    expect(interviewSchema.safeParse({ ...doc, comments: threads }).success).toBe(true);
  });

  it('keep their anchor when the commented text is struck in Suggesting, and orphan only once the deletion is accepted', () => {
    const doc = commented();
    // the editor deletes "Năm nay tỉnh kết nạp" (20 characters) from the answer
    const suggested = suggest(doc, [{ type: 'deleteText', at: { path: [1, 0], offset: 0 }, length: 20 }], editor, testClock());
    expect(listThreads(suggested).find((v) => v.thread.id === 't1')).toMatchObject({ state: 'open', anchorText: 'kết nạp' });

    const rejected = normalizeInterview(rejectAll(suggested));
    expect(anchorsOf(rejected.body).get('t1')?.text).toBe('kết nạp');

    const accepted = normalizeInterview(acceptAll(suggested));
    const orphan = listThreads(accepted).find((v) => v.thread.id === 't1');
    expect(orphan).toMatchObject({ state: 'orphaned', anchorText: '' });
    expect(orphan!.thread.quote).toBe('kết nạp');
    expect(orphan!.thread.comments[0]!.text).toBe('Số liệu?');
  });

  it('keep their anchor when text is typed before them', () => {
    const suggested = suggest(commented(), [{ type: 'insertText', at: { path: [1, 0], offset: 0 }, text: 'Ông cho biết: ' }], editor, testClock());
    const accepted = normalizeInterview(acceptAll(suggested));
    expect(anchorsOf(accepted.body).get('t1')?.text).toBe('kết nạp');
  });

  it('span paragraphs, read back with a space between the pieces', () => {
    const doc = commented();
    doc.body[1] = { ...doc.body[1]!, children: [...(doc.body[1] as { children: Paragraph[] }).children, { type: 'paragraph', children: [{ text: 'Đó là', comments: ['t1'] }, { text: ' kết quả.' }] }] } as Interview['body'][number];
    expect(anchorsOf(doc.body).get('t1')?.text).toBe('kết nạp Đó là');
  });

  it('a mark whose thread is missing is dropped on load, and leaves merge again', () => {
    const doc = commented();
    doc.comments = doc.comments!.filter((t) => t.id !== 't1');
    const normal = normalizeInterview(doc);
    expect((normal.body[1] as { children: Paragraph[] }).children[0]!.children).toEqual([{ text: 'Năm nay tỉnh kết nạp vượt chỉ tiêu.' }]);
  });

  it('removing a thread and its last anchor gives back a plain document', () => {
    const doc = commented();
    const threads = removeThread(removeThread(doc.comments!, 't1'), 't2');
    const normal = normalizeInterview({ ...doc, comments: threads });
    expect(normal.comments).toBeUndefined();
    expect(JSON.stringify(normal.body)).not.toContain('comments');
  });

  it('anchor sets stay sorted and free of repeats', () => {
    expect(withAnchor(['b'], 'a')).toEqual(['a', 'b']);
    expect(withAnchor(['a'], 'a')).toEqual(['a']);
    expect(withoutAnchor(['a'], 'a')).toBeUndefined();
    expect(withoutAnchor(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('the preflight warns about threads still open on the text, not about resolved or orphaned ones', () => {
    const doc = commented();
    const openWarning = (d: Interview) => preflight(d).warnings.find((w) => w.code === 'review.open-comments');
    expect(openWarning(doc)?.params).toEqual({ count: 2 });
    const oneResolved = { ...doc, comments: resolveThread(doc.comments!, 't2', { authorId: 'a', authorName: 'Lan' }, at) };
    expect(openWarning(oneResolved)?.params).toEqual({ count: 1 });
    const suggested = suggest(oneResolved, [{ type: 'deleteText', at: { path: [1, 0], offset: 0 }, length: 20 }], editor, testClock());
    expect(openWarning(normalizeInterview(acceptAll(suggested)))).toBeUndefined();
    expect(preflight(doc).errors.some((e) => e.code.startsWith('review.'))).toBe(false);
  });

  it.each(EXPORT_FORMATS)('%s: exports are the same with and without comments', (format) => {
    const plain = seedLikeDocument();
    const withComments = structuredClone(plain);
    const target = withComments.body.find((b) => b.type === 'turn')!;
    const para = target.type === 'turn' ? target.children.find((c) => c.type === 'paragraph') : undefined;
    if (!para || para.type !== 'paragraph') throw new Error('fixture has no answer paragraph');
    para.children = para.children.map((l) => ({ ...l, comments: ['t9'] }));
    withComments.comments = [newThread('t9', 'x', note('c9', 'Kiểm tra lại <b>&amp;</b> ]]>'))];
    const run = (d: Interview) => runExport(d, { format, options: optionsFor(d), acceptWarnings: true });
    const a = run(plain);
    const b = run(withComments);
    expect(b.ok).toBe(a.ok);
    if (a.ok && b.ok) expect(Buffer.from(b.content).equals(Buffer.from(a.content))).toBe(true);
  });
});
