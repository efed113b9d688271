/** A restored body taken in place by the open editor: not an undo step, and the old undo steps gone. */
import { createEditor, Editor, Transforms } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { attachDocumentHistory } from '../../../../renderer/src/document/document-history';
import { takeStoredBody } from '../../../../renderer/src/document/take-stored-body';
import type { Block } from '../../../../shared/model/schema';
import '../../../../renderer/src/editor/slate-types';

const turn = (speakerId: string, text: string): Block => ({ type: 'turn', speakerId, children: [{ type: 'paragraph', children: [{ text }] }] });

function setup() {
  const editor = withHistory(createEditor());
  editor.children = [turn('p1', 'Thưa ông?'), turn('p2', 'Tăng 30%.')];
  const history = attachDocumentHistory(editor);
  const type = (text: string) => {
    editor.insertText(text);
    editor.onChange(); // Slate ends a batch when its onChange fires (next tick in the app)
    history.sync();
  };
  return { editor, history, type };
}

describe('takeStoredBody', () => {
  it('replaces the body, keeps unchanged blocks as they were, and leaves nothing to undo from before', () => {
    const { editor, history, type } = setup();
    Transforms.select(editor, Editor.end(editor, [1]));
    type(' Đúng vậy.');
    expect(history.canUndo).toBe(true);
    const unchanged = editor.children[0];

    const restored = [turn('p1', 'Thưa ông?'), turn('p2', 'Tăng 25%.'), turn('p1', 'Cảm ơn ông.')];
    takeStoredBody(editor, history, restored);
    expect(editor.children).toEqual(restored);
    expect(editor.children[0]).toBe(unchanged); // not re-rendered
    expect(history.canUndo).toBe(false);
    editor.undo();
    expect(editor.children).toEqual(restored);

    // Typing goes on from there, and undo takes back only that.
    Transforms.select(editor, Editor.end(editor, [2]));
    type(' Hết.');
    expect(Editor.string(editor, [2])).toBe('Cảm ơn ông. Hết.');
    editor.undo();
    expect(editor.children).toEqual(restored);
  });
});
