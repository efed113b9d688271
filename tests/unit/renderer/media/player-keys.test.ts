/**
 * The player's keys: what each does, that none is taken while an input method composes, and that
 * none can be typed with Telex or VNI or clashes with another shortcut of the table.
 */
import { describe, expect, it } from 'vitest';
import { matchesAccelerator, typesCharacter, type KeyLike } from '../../../../shared/accelerators';
import { keysOf, SHORTCUTS } from '../../../../shared/shortcuts';
import { acceleratorOfEvent, PLAYER_SHORTCUTS, playerActionOf } from '../../../../renderer/src/media/player-keys';

const key = (key: string, code: string, mods: Partial<KeyLike> & { isComposing?: boolean; keyCode?: number } = {}) => ({ key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('player keys', () => {
  it('F7, F8, F9 step back, play or pause, step forward; F4 stamps', () => {
    expect(playerActionOf(key('F8', 'F8'), 'other')).toBe('playPause');
    expect(playerActionOf(key('F7', 'F7'), 'other')).toBe('back');
    expect(playerActionOf(key('F9', 'F9'), 'other')).toBe('forward');
    expect(playerActionOf(key('F4', 'F4'), 'mac')).toBe('stamp');
  });

  it('has Ctrl+Alt chords, with Ctrl on macOS too', () => {
    expect(playerActionOf(key('k', 'KeyK', { ctrlKey: true, altKey: true }), 'other')).toBe('playPause');
    expect(playerActionOf(key('˚', 'KeyK', { ctrlKey: true, altKey: true }), 'mac')).toBe('playPause');
    expect(playerActionOf(key('=', 'Equal', { ctrlKey: true, altKey: true }), 'other')).toBe('faster');
    expect(playerActionOf(key('-', 'Minus', { ctrlKey: true, altKey: true }), 'other')).toBe('slower');
    expect(playerActionOf(key('n', 'KeyN', { ctrlKey: true, altKey: true }), 'other')).toBe('stamp');
    expect(playerActionOf(key('o', 'KeyO', { ctrlKey: true, altKey: true }), 'other')).toBe('follow');
  });

  it('takes no key while an input method composes (isComposing, or keyCode 229)', () => {
    expect(playerActionOf(key('F8', 'F8', { isComposing: true }), 'other')).toBeNull();
    expect(playerActionOf(key('Process', 'F8', { keyCode: 229 }), 'other')).toBeNull();
  });

  it('takes none of the keys Telex, VNI and the input-method switches use', () => {
    for (const [k, code, mods] of [
      ['s', 'KeyS', {}], ['w', 'KeyW', {}], ['d', 'KeyD', {}], ['1', 'Digit1', {}], ['9', 'Digit9', {}], ['[', 'BracketLeft', {}], [']', 'BracketRight', {}],
      ['Backspace', 'Backspace', {}], [' ', 'Space', { ctrlKey: true }], ['z', 'KeyZ', { altKey: true }], ['0', 'Digit0', { ctrlKey: true }], ['S', 'KeyS', { shiftKey: true }],
    ] as const) {
      expect(playerActionOf(key(k, code, mods), 'other'), k).toBeNull();
    }
    for (const id of Object.values(PLAYER_SHORTCUTS)) {
      for (const k of keysOf(SHORTCUTS.find((s) => s.id === id)!, 'other')) expect(typesCharacter(k), k).toBe(false);
    }
  });

  it('shares no key with any other shortcut of the table, on either platform', () => {
    const playerIds = new Set<string>(Object.values(PLAYER_SHORTCUTS));
    for (const platform of ['mac', 'other'] as const) {
      const mine = SHORTCUTS.filter((s) => playerIds.has(s.id)).flatMap((s) => keysOf(s, platform));
      const theirs = SHORTCUTS.filter((s) => !playerIds.has(s.id)).flatMap((s) => keysOf(s, platform));
      expect(new Set(mine).size).toBe(mine.length);
      for (const a of mine) for (const b of theirs) expect(a === b, `${a} / ${b}`).toBe(false);
      // And a key event of one never matches another: e.g. Ctrl+Alt+P (Add photo) is not a player key.
      expect(playerActionOf(key('p', 'KeyP', { ctrlKey: platform === 'other', metaKey: platform === 'mac', altKey: true }), platform)).toBeNull();
      expect(playerActionOf(key('F1', 'F1'), platform)).toBeNull();
      expect(matchesAccelerator(key('F8', 'F8'), 'F8', platform)).toBe(true);
    }
  });
});

describe('remapped keys', () => {
  it('a key map replaces an action’s keys and leaves the others', () => {
    const map = { playPause: ['F13'] };
    expect(playerActionOf(key('F13', 'F13'), 'other', map)).toBe('playPause');
    expect(playerActionOf(key('F8', 'F8'), 'other', map)).toBeNull();
    expect(playerActionOf(key('F7', 'F7'), 'other', map)).toBe('back');
  });

  it('a pressed key is written as an accelerator by its physical key', () => {
    expect(acceleratorOfEvent(key('F13', 'F13'), 'other')).toBe('F13');
    expect(acceleratorOfEvent(key('˙', 'KeyH', { ctrlKey: true, altKey: true }), 'mac')).toBe('Ctrl+Alt+H');
    expect(acceleratorOfEvent(key('!', 'Digit1', { shiftKey: true }), 'other')).toBe('Shift+1');
    expect(acceleratorOfEvent(key('Control', 'ControlLeft', { ctrlKey: true }), 'other')).toBeNull();
  });
});
