/**
 * The one shortcuts table (shared/shortcuts.ts) against what uses it: the i18n files describe
 * every entry, and the editor's keymap handles the keys the table lists for it.
 */
import type { KeyboardEvent } from 'react';
import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { formatAccelerator, typesCharacter, type KeyLike } from '../../../../shared/accelerators';
import { newInterview } from '../../../../shared/model/factory';
import type { Block } from '../../../../shared/model/schema';
import { acceleratorOf, keysOf, matchesShortcut, shortcut, SHORTCUTS } from '../../../../shared/shortcuts';
import { handleEditorKey } from '../../../../renderer/src/editor/keymap';
import { withInterview } from '../../../../renderer/src/editor/with-interview';
import '../../../../renderer/src/editor/slate-types';
import { en } from '../../../../renderer/src/i18n/en';
import { vi } from '../../../../renderer/src/i18n/vi';

const key = (key: string, code: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

/** A React keyboard event as the keymap reads it, built from an accelerator's parts. */
function reactKey(k: KeyLike): KeyboardEvent<HTMLDivElement> {
  return { ...k, preventDefault: () => undefined, nativeEvent: { isComposing: false } } as unknown as KeyboardEvent<HTMLDivElement>;
}

const participants = newInterview('x', 'vi').participants;

describe('the shortcuts table', () => {
  it('has a description in English and Vietnamese for every shortcut', () => {
    for (const s of SHORTCUTS) {
      const name = s.description.replace(/^shortcuts\./, '') as keyof typeof en.shortcuts;
      expect(s.description, s.id).toMatch(/^shortcuts\./);
      expect(typeof en.shortcuts[name], s.id).toBe('string');
      expect(typeof vi.shortcuts[name], s.id).toBe('string');
    }
  });

  it('has unique ids, and every accelerator parses on both platforms', () => {
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
    for (const s of SHORTCUTS) for (const platform of ['mac', 'other'] as const) for (const k of keysOf(s, platform)) expect(() => formatAccelerator(k, platform)).not.toThrow();
  });

  it('never gives the menu a key that types text or edits at the caret', () => {
    for (const s of SHORTCUTS.filter((x) => x.menu)) {
      for (const platform of ['mac', 'other'] as const) {
        const k = keysOf(s, platform)[0]!;
        expect(typesCharacter(k), s.id).toBe(false);
        expect(['Enter', 'Backspace', 'Escape', 'Shift+Enter'], s.id).not.toContain(k);
      }
    }
  });

  it('replace is Ctrl+H on Windows/Linux and Cmd+Option+F on macOS (Cmd+H hides the app)', () => {
    expect(matchesShortcut(key('h', 'KeyH', { ctrlKey: true }), 'replace', 'other')).toBe(true);
    expect(matchesShortcut(key('h', 'KeyH', { metaKey: true }), 'replace', 'mac')).toBe(false);
    expect(matchesShortcut(key('ƒ', 'KeyF', { metaKey: true, altKey: true }), 'replace', 'mac')).toBe(true);
  });

  it('redo has Ctrl+Y only where Slate takes it (not macOS)', () => {
    expect(keysOf(shortcut('redo'), 'other')).toEqual(['CmdOrCtrl+Shift+Z', 'Ctrl+Y']);
    expect(keysOf(shortcut('redo'), 'mac')).toEqual(['CmdOrCtrl+Shift+Z']);
  });

  it('the editor keymap does what the table says for Ctrl+Enter and Alt+1 … Alt+9', () => {
    expect(acceleratorOf(shortcut('nextTurn'), 'other')).toBe('CmdOrCtrl+Enter');
    const editor = withInterview(withHistory(createEditor()));
    editor.children = [{ type: 'paragraph', children: [{ text: '' }] }] as Descendant[];
    Transforms.select(editor, Editor.start(editor, []));
    expect(handleEditorKey(reactKey(key('Enter', 'Enter', { ctrlKey: true })), editor, { participants })).toBe(true);
    expect((editor.children[0] as Block).type).toBe('turn');
    const s = shortcut('setSpeaker');
    expect([s.accelerator, s.through]).toEqual(['Alt+1', 'Alt+9']);
    expect(handleEditorKey(reactKey(key('2', 'Digit2', { altKey: true })), editor, { participants })).toBe(true);
    expect(editor.children[0]).toMatchObject({ type: 'turn', speakerId: participants[1]!.id });
  });
});
