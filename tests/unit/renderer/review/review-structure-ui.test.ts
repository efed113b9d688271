/**
 * The pieces around structural suggestions: replacing only the changed blocks of the body,
 * metadata suggestions and their undo, and the Changes panel's labels. (The review keys in a
 * field need a DOM: tests/e2e/review-structure.spec.ts.)
 */
import { createEditor, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { newInterview } from '../../../../shared/model/factory';
import type { Block, Interview } from '../../../../shared/model/schema';
import { accept, listPending, reject, suggest, type Author } from '../../../../shared/review';
import { attachDocumentHistory, type DocState } from '../../../../renderer/src/document/document-history';
import { withInterview } from '../../../../renderer/src/editor/with-interview';
import { changeLabel } from '../../../../renderer/src/review/change-label';
import { suggestMeta } from '../../../../renderer/src/review/meta-suggestions';
import { replaceBody } from '../../../../renderer/src/review/replace-body';
import '../../../../renderer/src/editor/slate-types';

const EDITOR: Author = { id: 'editor-1', name: 'Minh' };
const clock = () => '2026-01-02T03:04:05.000Z';
const para = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });
const turn = (speakerId: string, text: string) => ({ type: 'turn' as const, speakerId, children: [para(text)] });

const longBody = (): Block[] => Array.from({ length: 200 }, (_, i) => turn(i % 2 ? 'p2' : 'p1', `Đoạn ${i}.`));

describe('replaceBody', () => {
  it('touches only the blocks that differ, in one undo step, and keeps the caret', () => {
    const editor = withInterview(withHistory(createEditor()));
    editor.children = longBody() as Descendant[];
    Transforms.select(editor, { path: [150, 0, 0], offset: 3 });
    const before = [...editor.children];
    const doc: Interview = { ...newInterview('d', 'vi'), body: structuredClone(editor.children) as Block[] };
    const next = suggest(doc, [{ type: 'setSpeaker', at: 101, speakerId: 'p1' }], EDITOR, clock);
    replaceBody(editor, next.body);
    // Every other block is the very same node: React re-renders one turn, not 200.
    expect(editor.children.filter((b, i) => b !== before[i]).length).toBe(1);
    expect(editor.children[101]).toMatchObject({ speakerId: 'p1', changes: [{ field: 'speakerId', from: 'p2' }] });
    expect(editor.selection?.anchor).toEqual({ path: [150, 0, 0], offset: 3 });
    expect(editor.history.undos).toHaveLength(1);
    editor.undo();
    expect(editor.children[101]).toEqual(turn('p2', 'Đoạn 101.'));
  });

  it('inserts and removes blocks in the middle, leaving prefix and suffix alone', () => {
    const editor = withInterview(withHistory(createEditor()));
    editor.children = [para('a'), para('b'), para('c')] as Descendant[];
    const [first, , last] = editor.children;
    replaceBody(editor, [para('a'), turn('p1', 'x'), turn('p2', 'y'), para('c')]);
    expect(editor.children).toEqual([para('a'), turn('p1', 'x'), turn('p2', 'y'), para('c')]);
    expect(editor.children[0]).toBe(first);
    expect(editor.children[3]).toBe(last);
  });
});

describe('metadata suggestions', () => {
  const base = (): Interview => ({ ...newInterview('d', 'vi'), body: [turn('p1', 'Hỏi?')], meta: { ...newInterview('d', 'vi').meta, headline: 'Cũ' } });

  it('typing a headline letter by letter is one change with the old value; accept keeps it, reject restores', () => {
    let doc = base();
    for (const value of ['Cũ!', 'Mới', 'Mới hơn']) doc = { ...doc, ...suggestMeta(doc, 'headline', value, EDITOR)!, body: doc.body };
    expect(doc.meta.headline).toBe('Mới hơn');
    expect(doc.review?.metaChanges).toEqual([{ id: expect.any(String), field: 'headline', from: 'Cũ' }]);
    const [item] = listPending(doc);
    expect(item).toMatchObject({ kind: 'setMeta', authorName: 'Minh', removed: 'Cũ', added: 'Mới hơn', at: { field: 'headline' } });
    expect(accept(doc, [item!.id]).meta.headline).toBe('Mới hơn');
    expect(reject(doc, [item!.id]).meta.headline).toBe('Cũ');
    expect(changeLabel(doc, item!)).toEqual({ key: 'meta.headline', value: true });
  });

  it('status and language are not tracked: plain edits', () => {
    expect(suggestMeta(base(), 'status', 'approved', EDITOR)).toBeUndefined();
  });

  it('the document history undoes and redoes a metadata suggestion with its pending change', () => {
    const editor = withHistory(createEditor());
    editor.children = [para('')] as Descendant[];
    const history = attachDocumentHistory(editor);
    const doc = base();
    let state: DocState = { participants: doc.participants, meta: doc.meta, comments: [], metaChanges: [] };
    history.setApply((s) => (state = s));
    const next = suggestMeta(doc, 'headline', 'Mới', EDITOR)!;
    const before = state;
    history.record(before, { ...before, meta: next.meta, metaChanges: next.review!.metaChanges });
    expect(state.metaChanges).toHaveLength(1);
    history.undo();
    expect(state).toEqual(before);
    history.redo();
    expect(state.meta.headline).toBe('Mới');
    expect(state.metaChanges).toEqual(next.review!.metaChanges);
  });
});

describe('the Changes panel labels', () => {
  it('names speaker, photo and turn changes', () => {
    const doc: Interview = { ...newInterview('d', 'vi'), body: [turn('p1', 'Hỏi?'), turn('p2', 'Đáp.')] };
    const next = suggest(
      doc,
      [
        { type: 'setSpeaker', at: 1, speakerId: 'p1' },
        { type: 'insertTurn', at: 2, speakerId: 'p2', text: 'Thêm.' },
        { type: 'insertPhoto', at: [3], photo: { assetId: null, caption: 'Cảng', credit: '', alt: '' } },
      ],
      EDITOR,
      clock,
    );
    const labels = listPending(next).map((item) => [item.kind, item.removed, item.added, changeLabel(next, item)]);
    expect(labels).toEqual([
      ['setSpeaker', 'Khách mời', 'Phóng viên', { key: 'review.labels.speaker', value: true }],
      ['insertTurn', '', 'Thêm.', { key: 'review.labels.turn', values: { speaker: 'Khách mời' }, value: false }],
      ['insertPhoto', '', 'Cảng', { key: 'review.labels.photo', value: false }],
    ]);
  });
});
