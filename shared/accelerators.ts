/**
 * Electron-style accelerators ('CmdOrCtrl+Shift+Z', 'Alt+1', 'F1', '?') as the one notation for
 * keys: the Electron menu takes them as they are, the renderer matches key events against them
 * and shows them as the platform writes them (Ctrl+Shift+Z on Windows and Linux, ⇧⌘Z on macOS).
 * See https://www.electronjs.org/docs/latest/api/accelerator.
 */

export type KeyPlatform = 'mac' | 'other';

/** The parts of a DOM KeyboardEvent that matching needs (shared/ has no DOM types). */
export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

interface Parsed {
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
  /** The key, in Electron's spelling: 'F', '1', 'Enter', 'F1', '?'. */
  key: string;
}

const KEY_ALIASES: Record<string, string> = { Return: 'Enter', Esc: 'Escape', Plus: '+' };

function parse(accelerator: string, platform: KeyPlatform): Parsed {
  const parts = accelerator.split('+');
  // 'Ctrl+Plus' is how Electron writes the + key; a trailing '' means the accelerator ended in '+'.
  let key = parts.pop()!;
  if (key === '' && parts[parts.length - 1] === '') {
    parts.pop();
    key = '+';
  }
  key = KEY_ALIASES[key] ?? key;
  const out: Parsed = { ctrl: false, meta: false, alt: false, shift: false, key };
  for (const modifier of parts) {
    switch (modifier) {
      case 'CommandOrControl':
      case 'CmdOrCtrl':
        if (platform === 'mac') out.meta = true;
        else out.ctrl = true;
        break;
      case 'Command':
      case 'Cmd':
      case 'Super':
      case 'Meta':
        out.meta = true;
        break;
      case 'Control':
      case 'Ctrl':
        out.ctrl = true;
        break;
      case 'Alt':
      case 'Option':
        out.alt = true;
        break;
      case 'Shift':
        out.shift = true;
        break;
      default:
        throw new Error(`Unknown modifier "${modifier}" in accelerator "${accelerator}"`);
    }
  }
  return out;
}

const isLetter = (k: string) => /^[A-Za-z]$/.test(k);
const isDigit = (k: string) => /^[0-9]$/.test(k);
const NAMED_KEYS = new Set(['Enter', 'Escape', 'Backspace', 'Delete', 'Tab', 'Space', 'Up', 'Down', 'Left', 'Right', 'Home', 'End', 'PageUp', 'PageDown']);
const ARROWS: Record<string, string> = { Up: 'ArrowUp', Down: 'ArrowDown', Left: 'ArrowLeft', Right: 'ArrowRight' };

/** True when `event` is exactly this accelerator (no extra modifiers) on `platform`. */
export function matchesAccelerator(event: KeyLike, accelerator: string, platform: KeyPlatform): boolean {
  const want = parse(accelerator, platform);
  if (event.ctrlKey !== want.ctrl || event.metaKey !== want.meta || event.altKey !== want.alt) return false;
  const { key } = want;
  if (isLetter(key)) {
    if (event.shiftKey !== want.shift) return false;
    // By the character where the layout types a Latin letter (AZERTY, Vietnamese), else by the
    // physical key (a Russian layout types 'а' on KeyF).
    return /^[A-Za-z]$/.test(event.key) ? event.key.toLowerCase() === key.toLowerCase() : event.code === `Key${key.toUpperCase()}`;
  }
  if (isDigit(key)) {
    // By the physical key: Alt+1 types '¡' on a Mac and AZERTY needs Shift for digits.
    return event.shiftKey === want.shift && event.code === `Digit${key}`;
  }
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(key) || NAMED_KEYS.has(key)) {
    const domKey = key === 'Space' ? ' ' : (ARROWS[key] ?? key);
    return event.shiftKey === want.shift && event.key === domKey;
  }
  // Punctuation: the character decides, whatever Shift it took on this layout ('?' is Shift+/
  // on a US keyboard and Shift+, on a French one).
  return event.key === key;
}

const MAC_MODIFIERS = { ctrl: '⌃', alt: '⌥', shift: '⇧', meta: '⌘' } as const;
const OTHER_MODIFIERS = { ctrl: 'Ctrl', alt: 'Alt', shift: 'Shift', meta: 'Win' } as const;
const MAC_KEYS: Record<string, string> = { Enter: '↩', Backspace: '⌫', Delete: '⌦', Escape: 'Esc', Tab: '⇥', Up: '↑', Down: '↓', Left: '←', Right: '→' };
const OTHER_KEYS: Record<string, string> = { Escape: 'Esc', Up: '↑', Down: '↓', Left: '←', Right: '→' };

/**
 * The keys of an accelerator as the platform prints them, one label per key:
 * ['Ctrl', 'Shift', 'Z'] elsewhere, ['⇧', '⌘', 'Z'] on macOS (Apple's order: ⌃⌥⇧⌘).
 */
export function acceleratorKeys(accelerator: string, platform: KeyPlatform): string[] {
  const p = parse(accelerator, platform);
  const keyLabel = isLetter(p.key) ? p.key.toUpperCase() : ((platform === 'mac' ? MAC_KEYS : OTHER_KEYS)[p.key] ?? p.key);
  if (platform === 'mac') {
    const order = ['ctrl', 'alt', 'shift', 'meta'] as const;
    return [...order.filter((m) => p[m]).map((m) => MAC_MODIFIERS[m]), keyLabel];
  }
  const order = ['ctrl', 'meta', 'alt', 'shift'] as const;
  return [...order.filter((m) => p[m]).map((m) => OTHER_MODIFIERS[m]), keyLabel];
}

/** An accelerator as text: 'Ctrl+Shift+Z' elsewhere, '⇧⌘Z' on macOS. */
export function formatAccelerator(accelerator: string, platform: KeyPlatform): string {
  return acceleratorKeys(accelerator, platform).join(platform === 'mac' ? '' : '+');
}

/**
 * True when the accelerator is a key that types a character (no Ctrl, Cmd or Alt), such as `?`:
 * it is a shortcut only where nothing is being typed.
 */
export function typesCharacter(accelerator: string): boolean {
  const p = parse(accelerator, 'other');
  return !p.ctrl && !p.meta && !p.alt && [...p.key].length === 1;
}
