/**
 * Keyboard shortcuts of the editor, as a list of bindings tried in order. A binding returns true
 * when it handled the key (the default action is then prevented).
 *
 * Keys are never handled while an input method is composing (Vietnamese Telex/VNI, CJK), and
 * bare Backspace/letters are never bound: Telex tools such as UniKey send synthetic Backspaces.
 */
import type { KeyboardEvent } from 'react';
import { Editor, Text, Transforms, type Point } from 'slate';
import type { Participant } from '../../../shared/model/schema';
import { setTurnSpeaker, startNextTurn } from './commands';

export interface KeyContext {
  participants: readonly Participant[];
}

export type KeyBinding = (event: KeyboardEvent<HTMLDivElement>, editor: Editor, ctx: KeyContext) => boolean;

export const isMod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;

const nextTurn: KeyBinding = (event, editor, ctx) => {
  if (event.key !== 'Enter' || !isMod(event) || event.shiftKey || event.altKey) return false;
  startNextTurn(editor, ctx.participants);
  return true;
};

const chooseSpeaker: KeyBinding = (event, editor, ctx) => {
  if (!event.altKey || isMod(event) || !/^Digit[1-9]$/.test(event.code)) return false;
  return setTurnSpeaker(editor, ctx.participants, Number(event.code.slice(5)));
};

/**
 * The first or last place text can be typed, outside photos (a photo is a void block: a caret "in"
 * it types nothing). The browser's own Ctrl+End stopped at the start of the last paragraph when
 * the end of a long interview was not laid out yet (chunks off screen skip layout), so a
 * following Ctrl+Enter split the last turn instead of adding one after it.
 */
export function textEdge(editor: Editor, edge: 'start' | 'end'): Point | null {
  const [entry] = Editor.nodes(editor, { at: [], match: Text.isText, reverse: edge === 'end', voids: false });
  if (!entry) return null;
  return edge === 'end' ? Editor.end(editor, entry[1]) : Editor.start(editor, entry[1]);
}

/** Ctrl+Home / Ctrl+End: the very start or end of the text; with Shift, the selection reaches there. */
const textStartOrEnd: KeyBinding = (event, editor) => {
  if ((event.key !== 'Home' && event.key !== 'End') || !isMod(event) || event.altKey) return false;
  const point = textEdge(editor, event.key === 'Home' ? 'start' : 'end');
  if (!point) return false;
  if (event.shiftKey && editor.selection) Transforms.setSelection(editor, { focus: point });
  else Transforms.select(editor, point);
  return true;
};

export const editorKeyBindings: KeyBinding[] = [nextTurn, chooseSpeaker, textStartOrEnd];

export function handleEditorKey(event: KeyboardEvent<HTMLDivElement>, editor: Editor, ctx: KeyContext): boolean {
  for (const binding of editorKeyBindings) {
    if (binding(event, editor, ctx)) {
      event.preventDefault();
      return true;
    }
  }
  return false;
}
