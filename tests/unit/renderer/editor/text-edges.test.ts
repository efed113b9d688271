/**
 * Ctrl+Home and Ctrl+End (renderer/src/editor/keymap.ts): the very start and end of the text,
 * never inside a photo, so Ctrl+Enter after Ctrl+End adds a turn after the last one.
 */
import type { KeyboardEvent } from 'react';
import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { newInterview } from '../../../../shared/model/factory';
import type { Block } from '../../../../shared/model/schema';
import { handleEditorKey } from '../../../../renderer/src/editor/keymap';
import { withInterview } from '../../../../renderer/src/editor/with-interview';
import '../../../../renderer/src/editor/slate-types';

const participants = newInterview('x', 'en').participants;
const p = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });
const photo = { type: 'photo' as const, assetId: null, caption: '', credit: '', alt: '', children: [{ text: '' }] };
const turn = (speakerId: string, ...children: unknown[]) => ({ type: 'turn' as const, speakerId, children });

function press(editor: Editor, key: string, mods: { ctrlKey?: boolean; shiftKey?: boolean; altKey?: boolean } = {}): boolean {
  const event = { key, code: key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods, preventDefault: () => undefined, nativeEvent: { isComposing: false } };
  return handleEditorKey(event as unknown as KeyboardEvent<HTMLDivElement>, editor, { participants });
}

function editorWith(children: unknown[]): Editor {
  const editor = withInterview(withHistory(createEditor()));
  editor.children = children as Descendant[];
  Editor.normalize(editor, { force: true });
  Transforms.select(editor, { path: [1, 0, 0], offset: 2 });
  return editor;
}

describe('Ctrl+Home and Ctrl+End', () => {
  const body = [p('Intro.'), turn('p1', p('Question?')), turn('p2', p('First answer.'), p('The last words.'))];

  it('Ctrl+End puts the caret after the last character of the last paragraph', () => {
    const editor = editorWith(body);
    expect(press(editor, 'End', { ctrlKey: true })).toBe(true);
    expect(editor.selection).toEqual({ anchor: { path: [2, 1, 0], offset: 15 }, focus: { path: [2, 1, 0], offset: 15 } });
  });

  it('Ctrl+Home puts the caret before the first character', () => {
    const editor = editorWith(body);
    expect(press(editor, 'Home', { ctrlKey: true })).toBe(true);
    expect(editor.selection).toEqual({ anchor: { path: [0, 0], offset: 0 }, focus: { path: [0, 0], offset: 0 } });
  });

  it('with Shift, the selection reaches from the caret to the end', () => {
    const editor = editorWith(body);
    press(editor, 'End', { ctrlKey: true, shiftKey: true });
    expect(editor.selection).toEqual({ anchor: { path: [1, 0, 0], offset: 2 }, focus: { path: [2, 1, 0], offset: 15 } });
  });

  it('skips a photo that ends the last answer: the caret goes to the text before it', () => {
    const editor = editorWith([p('Intro.'), turn('p1', p('Question?')), turn('p2', p('Answer.'), photo), p('Closing.')]);
    press(editor, 'End', { ctrlKey: true });
    expect(editor.selection?.focus).toEqual({ path: [3, 0], offset: 8 });
    const inAnswer = editorWith([turn('p1', p('Question?')), turn('p2', p('Answer.'), photo)]);
    press(inAnswer, 'End', { ctrlKey: true });
    const focus = inAnswer.selection!.focus;
    expect(Editor.void(inAnswer, { at: focus })).toBeUndefined();
  });

  it('Ctrl+End then Ctrl+Enter adds a turn after the last one, which stays whole', () => {
    const editor = editorWith(body);
    press(editor, 'End', { ctrlKey: true });
    press(editor, 'Enter', { ctrlKey: true });
    const blocks = editor.children as Block[];
    expect(blocks).toHaveLength(4);
    expect(blocks[2]).toEqual(turn('p2', p('First answer.'), p('The last words.')));
    expect(blocks[3]).toMatchObject({ type: 'turn', speakerId: 'p1' });
  });

  it('leaves Home and End without Ctrl to the browser', () => {
    const editor = editorWith(body);
    expect(press(editor, 'End')).toBe(false);
    expect(press(editor, 'Home', { shiftKey: true })).toBe(false);
  });
});
