import { describe, expect, it } from 'vitest';
import { acceleratorKeys, formatAccelerator, matchesAccelerator, typesCharacter, type KeyLike } from '../../../shared/accelerators';

const key = (key: string, code: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('accelerators', () => {
  it('CmdOrCtrl is Ctrl on Windows/Linux and Cmd on macOS, with no extra modifiers', () => {
    expect(matchesAccelerator(key('f', 'KeyF', { ctrlKey: true }), 'CmdOrCtrl+F', 'other')).toBe(true);
    expect(matchesAccelerator(key('f', 'KeyF', { metaKey: true }), 'CmdOrCtrl+F', 'other')).toBe(false);
    expect(matchesAccelerator(key('f', 'KeyF', { metaKey: true }), 'CmdOrCtrl+F', 'mac')).toBe(true);
    expect(matchesAccelerator(key('F', 'KeyF', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+F', 'other')).toBe(false);
    expect(matchesAccelerator(key('Z', 'KeyZ', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+Shift+Z', 'other')).toBe(true);
  });

  it('letters go by the typed character, or by the physical key on non-Latin layouts', () => {
    expect(matchesAccelerator(key('f', 'KeyE', { ctrlKey: true }), 'Ctrl+F', 'other')).toBe(true); // a remapped Latin layout
    expect(matchesAccelerator(key('а', 'KeyF', { ctrlKey: true }), 'Ctrl+F', 'other')).toBe(true); // Russian layout
  });

  it('digits go by the physical key (Alt+1 types ¡ on a Mac)', () => {
    expect(matchesAccelerator(key('¡', 'Digit1', { altKey: true }), 'Alt+1', 'mac')).toBe(true);
    expect(matchesAccelerator(key('1', 'Numpad1', { altKey: true }), 'Alt+1', 'other')).toBe(false);
  });

  it('? is the character, whatever Shift it took, and never with Ctrl', () => {
    expect(matchesAccelerator(key('?', 'Slash', { shiftKey: true }), '?', 'other')).toBe(true);
    expect(matchesAccelerator(key('?', 'KeyM', { shiftKey: true }), '?', 'other')).toBe(true);
    expect(matchesAccelerator(key('?', 'Slash', { shiftKey: true, ctrlKey: true }), '?', 'other')).toBe(false);
    expect(typesCharacter('?')).toBe(true);
    expect(typesCharacter('F1')).toBe(false);
    expect(typesCharacter('Ctrl+H')).toBe(false);
  });

  it('named keys', () => {
    expect(matchesAccelerator(key('F1', 'F1'), 'F1', 'other')).toBe(true);
    expect(matchesAccelerator(key('Enter', 'Enter', { shiftKey: true }), 'Shift+Enter', 'other')).toBe(true);
    expect(matchesAccelerator(key('Enter', 'Enter', { shiftKey: true }), 'Enter', 'other')).toBe(false);
    expect(matchesAccelerator(key('Escape', 'Escape'), 'Esc', 'other')).toBe(true);
  });

  it('prints keys as each platform does', () => {
    expect(formatAccelerator('CmdOrCtrl+Shift+Z', 'other')).toBe('Ctrl+Shift+Z');
    expect(formatAccelerator('CmdOrCtrl+Shift+Z', 'mac')).toBe('⇧⌘Z');
    expect(formatAccelerator('CmdOrCtrl+Enter', 'mac')).toBe('⌘↩');
    expect(formatAccelerator('Cmd+Alt+F', 'mac')).toBe('⌥⌘F');
    expect(acceleratorKeys('Alt+1', 'other')).toEqual(['Alt', '1']);
    expect(formatAccelerator('Escape', 'other')).toBe('Esc');
  });
});
