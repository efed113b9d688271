/**
 * Resolving suggestions in the live editor (review/replace-body.ts): the algebra's result replaces
 * the body as ONE Slate batch, so the document history undoes and redoes it in one step.
 */
import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { newInterview } from '../../../../shared/model/factory';
import type { Block, Interview } from '../../../../shared/model/schema';
import { accept, listPending, reject } from '../../../../shared/review';
import { attachDocumentHistory } from '../../../../renderer/src/document/document-history';
import { withInterview } from '../../../../renderer/src/editor/with-interview';
import { replaceBody } from '../../../../renderer/src/review/replace-body';
import { setReviewEnv } from '../../../../renderer/src/review/review-env';
import { ReviewRecords } from '../../../../renderer/src/review/review-records';
import { withSuggestions } from '../../../../renderer/src/review/with-suggestions';
import '../../../../renderer/src/editor/slate-types';

function setup() {
  const base: Interview = { ...newInterview('doc1', 'en'), body: [{ type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: 'We plan ahead. We hired staff.' }] }] }] };
  let n = 0;
  const records = new ReviewRecords(base, () => `s${++n}`, () => '2026-01-02T03:04:05.000Z');
  const editor = withSuggestions(withInterview(withHistory(createEditor())));
  editor.children = structuredClone(base.body) as Descendant[];
  const history = attachDocumentHistory(editor);
  setReviewEnv(editor, { mode: () => 'suggesting', author: () => ({ id: 'e1', name: 'Minh' }), record: (id) => records.get(id), open: (kind) => records.open(kind, { id: 'e1', name: 'Minh' }) });
  const doc = () => records.attachTo({ ...base, body: structuredClone(editor.children) as Block[] });
  return { editor, history, doc };
}

const answer = (editor: Editor) => Editor.string(editor, [0, 0]);

describe('resolving in the editor', () => {
  it('accept and reject replace the body, each one undo step of the document history', () => {
    const { editor, history, doc } = setup();
    Transforms.select(editor, { anchor: { path: [0, 0, 0], offset: 3 }, focus: { path: [0, 0, 0], offset: 7 } });
    for (const ch of 'prepare') editor.insertText(ch);
    Transforms.select(editor, { anchor: { path: [0, 0, 3], offset: 7 }, focus: { path: [0, 0, 3], offset: 23 } });
    editor.deleteFragment({ direction: 'backward' });
    history.sync();
    const [replacement, deletion] = listPending(doc()).map((p) => p.id);
    expect(answer(editor)).toBe('We planprepare ahead. We hired staff.');

    replaceBody(editor, accept(doc(), [replacement!]).body);
    history.sync();
    expect(answer(editor)).toBe('We prepare ahead. We hired staff.');
    expect(listPending(doc()).map((p) => p.id)).toEqual([deletion]);

    replaceBody(editor, reject(doc(), [deletion!]).body);
    history.sync();
    expect(answer(editor)).toBe('We prepare ahead. We hired staff.');
    expect(doc().review).toBeUndefined();

    history.undo();
    expect(listPending(doc()).map((p) => p.id)).toEqual([deletion]);
    history.undo();
    expect(listPending(doc())).toHaveLength(2);
    history.redo();
    history.redo();
    expect(doc().review).toBeUndefined();
    expect(editor.selection).not.toBeNull();
  });
});
