/**
 * Comment anchors in the live editor: putting a thread on a selection (across leaves and
 * paragraphs, beside other threads), typing around and inside it, deleting its text, taking it off
 * again, pasting a copy, and undoing the whole "add comment" step at once.
 */
import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { attachDocumentHistory, type DocState } from '../../../../../renderer/src/document/document-history';
import { withInterview } from '../../../../../renderer/src/editor/with-interview';
import { anchorThread, canAnchor, quoteOf, threadRange, unanchorThread, withCommentFreePaste } from '../../../../../renderer/src/review/comments/anchor-ops';
import { newInterview } from '../../../../../shared/model/factory';
import type { Block } from '../../../../../shared/model/schema';
import { anchorsOf, newThread } from '../../../../../shared/review/comments';
import '../../../../../renderer/src/editor/slate-types';

const turn = (speakerId: string, ...paragraphs: Descendant[][]): Block => ({ type: 'turn', speakerId, children: paragraphs.map((children) => ({ type: 'paragraph', children })) }) as Block;

function setup(body: Block[]) {
  const editor = withCommentFreePaste(withInterview(withHistory(createEditor())));
  editor.children = structuredClone(body) as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor;
}

const sel = (path: number[], from: number, toPath: number[], to: number) => ({ anchor: { path, offset: from }, focus: { path: toPath, offset: to } });

describe('comment anchors in the editor', () => {
  it('mark exactly the selected characters, across a bold leaf and into the next paragraph', () => {
    const editor = setup([turn('p2', [{ text: 'Năm nay tỉnh ' }, { text: 'kết nạp', bold: true }, { text: ' vượt chỉ tiêu.' }], [{ text: 'Đó là kết quả.' }])]);
    const range = sel([0, 0, 0], 8, [0, 1, 0], 5);
    expect(canAnchor(editor, range)).toBe(true);
    expect(quoteOf(editor, range)).toBe('tỉnh kết nạp vượt chỉ tiêu. Đó là');
    anchorThread(editor, range, 't1');
    expect(anchorsOf(editor.children as Block[]).get('t1')?.text).toBe('tỉnh kết nạp vượt chỉ tiêu. Đó là');
    // the formatting is kept and the uncommented text around stays plain
    const first = (editor.children[0] as { children: { children: Descendant[] }[] }).children[0]!.children;
    expect(first).toEqual([{ text: 'Năm nay ' }, { text: 'tỉnh ', comments: ['t1'] }, { text: 'kết nạp', bold: true, comments: ['t1'] }, { text: ' vượt chỉ tiêu.', comments: ['t1'] }]);
  });

  it('keep other threads on overlapping text, and come off without disturbing them', () => {
    const editor = setup([turn('p2', [{ text: 'một hai ba bốn' }])]);
    anchorThread(editor, sel([0, 0, 0], 0, [0, 0, 0], 7), 'a');
    anchorThread(editor, sel([0, 0, 0], 4, [0, 0, 1], 3), 'b');
    let anchors = anchorsOf(editor.children as Block[]);
    expect(anchors.get('a')?.text).toBe('một hai');
    expect(anchors.get('b')?.text).toBe('hai ba');
    unanchorThread(editor, 'a');
    Editor.normalize(editor, { force: true });
    anchors = anchorsOf(editor.children as Block[]);
    expect(anchors.has('a')).toBe(false);
    expect(anchors.get('b')?.text).toBe('hai ba');
    unanchorThread(editor, 'b');
    Editor.normalize(editor, { force: true });
    expect(editor.children).toEqual([turn('p2', [{ text: 'một hai ba bốn' }])]);
  });

  it('follow the text when typing before and inside the anchor, and are gone with its text', () => {
    const editor = setup([turn('p2', [{ text: 'kết nạp đảng viên' }])]);
    anchorThread(editor, sel([0, 0, 0], 8, [0, 0, 0], 17), 't');
    Transforms.select(editor, { path: [0, 0, 0], offset: 0 });
    editor.insertText('Năm nay ');
    const range = threadRange(editor, 't')!;
    expect(Editor.string(editor, range)).toBe('đảng viên');
    Transforms.select(editor, { path: range.anchor.path, offset: 4 });
    editor.insertText(' mới'); // typed inside the commented words
    expect(anchorsOf(editor.children as Block[]).get('t')?.text).toBe('đảng mới viên');
    Transforms.select(editor, threadRange(editor, 't')!);
    editor.deleteFragment();
    expect(anchorsOf(editor.children as Block[]).has('t')).toBe(false);
    expect(threadRange(editor, 't')).toBeNull();
  });

  it('refuse a collapsed selection or one on a photo only', () => {
    const editor = setup([{ type: 'photo', assetId: null, caption: 'c', credit: '', alt: '', children: [{ text: '' }] }, turn('p2', [{ text: 'x' }])]);
    expect(canAnchor(editor, sel([1, 0, 0], 0, [1, 0, 0], 0))).toBe(false);
    expect(canAnchor(editor, sel([0, 0], 0, [0, 0], 0))).toBe(false);
    expect(canAnchor(editor, null)).toBe(false);
  });

  it('a pasted copy of commented text is not a second anchor', () => {
    const editor = setup([turn('p2', [{ text: 'đảng viên', comments: ['t'] }, { text: ' mới' }])]);
    Transforms.select(editor, { path: [0, 0, 1], offset: 4 });
    editor.insertFragment([{ type: 'paragraph', children: [{ text: ' (đảng viên)', comments: ['t'] }] }]);
    expect(anchorsOf(editor.children as Block[]).get('t')?.text).toBe('đảng viên');
    expect(Editor.string(editor, [0])).toBe('đảng viên mới (đảng viên)');
  });

  it('adding a comment is one undo step: the thread and its marks go and come back together', () => {
    const editor = setup([turn('p2', [{ text: 'Kết quả ra sao?' }])]);
    const doc = newInterview('d', 'vi');
    let state: DocState = { participants: doc.participants, meta: doc.meta, comments: [] };
    const history = attachDocumentHistory(editor);
    history.setApply((s) => (state = s));
    const thread = newThread('t', 'Kết quả', { id: 'c', authorId: 'u', authorName: 'Minh', createdAt: '2026-11-28T09:00:00.000Z', text: 'Rõ hơn?' });
    history.record(state, { ...state, comments: [thread] }, { editorChange: () => anchorThread(editor, sel([0, 0, 0], 0, [0, 0, 0], 7), 't') });
    expect(state.comments).toEqual([thread]);
    expect(anchorsOf(editor.children as Block[]).get('t')?.text).toBe('Kết quả');
    editor.undo();
    expect(state.comments).toEqual([]);
    expect(anchorsOf(editor.children as Block[]).size).toBe(0);
    editor.redo();
    expect(state.comments).toEqual([thread]);
    expect(anchorsOf(editor.children as Block[]).get('t')?.text).toBe('Kết quả');
  });
});
