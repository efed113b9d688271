/**
 * Keyboard shortcuts of the editor, as a list of bindings tried in order. A binding returns true
 * when it handled the key (the default action is then prevented).
 *
 * Keys are never handled while an input method is composing (Vietnamese Telex/VNI, CJK), and
 * bare Backspace/letters are never bound: Telex tools such as UniKey send synthetic Backspaces.
 */
import type { KeyboardEvent } from 'react';
import type { Editor } from 'slate';
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

export const editorKeyBindings: KeyBinding[] = [nextTurn, chooseSpeaker];

export function handleEditorKey(event: KeyboardEvent<HTMLDivElement>, editor: Editor, ctx: KeyContext): boolean {
  for (const binding of editorKeyBindings) {
    if (binding(event, editor, ctx)) {
      event.preventDefault();
      return true;
    }
  }
  return false;
}
