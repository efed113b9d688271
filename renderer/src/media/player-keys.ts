/**
 * The player's keys, from the one shortcuts table (shared/shortcuts.ts). They are read on keydown in
 * the capture phase, before the editor and its text see the key, so they work while typing in every
 * mode; and they are skipped while an input method composes (Telex, VNI and CJK input send
 * keyCode 229 then), so a key of a syllable being built is never taken.
 */
import { matchesAccelerator, type KeyLike, type KeyPlatform } from '../../../shared/accelerators';
import { PLAYER_ACTIONS, playerKeys, type PlayerAction, type PlayerKeyMap } from '../../../shared/api/player-settings';

export { PLAYER_SHORTCUTS, type PlayerAction } from '../../../shared/api/player-settings';

export interface PlayerKeyEvent extends KeyLike {
  isComposing?: boolean;
  keyCode?: number;
}

/** True while an input method is composing: such a key belongs to the text being typed. */
export function isComposingKey(event: PlayerKeyEvent): boolean {
  return event.isComposing === true || event.keyCode === 229;
}

/** The player action a key stands for on this platform (with the reporter's key map), or null. */
export function playerActionOf(event: PlayerKeyEvent, platform: KeyPlatform, map?: PlayerKeyMap): PlayerAction | null {
  if (isComposingKey(event)) return null;
  const keys = playerKeys(map, platform);
  return PLAYER_ACTIONS.find((action) => keys[action].some((k) => matchesAccelerator(event, k, platform))) ?? null;
}

/**
 * The accelerator a key event makes, for remapping ("press the new key"), or null for a lone
 * modifier. Letters are named by their physical key, so a layout's accents do not change them.
 */
export function acceleratorOfEvent(event: PlayerKeyEvent, platform: KeyPlatform): string | null {
  if (['Control', 'Alt', 'Shift', 'Meta', 'AltGraph', 'Process', 'Dead', 'Unidentified'].includes(event.key)) return null;
  let key = event.key;
  if (/^Key[A-Z]$/.test(event.code)) key = event.code.slice(3);
  else if (/^Digit[0-9]$/.test(event.code)) key = event.code.slice(5);
  else if (key === ' ') key = 'Space';
  else if (key.startsWith('Arrow')) key = key.slice(5);
  const mods = [event.ctrlKey ? 'Ctrl' : '', event.metaKey ? (platform === 'mac' ? 'Cmd' : 'Super') : '', event.altKey ? 'Alt' : '', event.shiftKey ? 'Shift' : ''].filter(Boolean);
  return [...mods, key].join('+');
}
