/**
 * Every keyboard shortcut of the app, in one table. The shortcuts panel lists it, the renderer
 * matches keys against it, and the Electron menu is to take its accelerators from it, so a key
 * and its description cannot drift apart. Accelerators are Electron's (see accelerators.ts).
 */
import { matchesAccelerator, type KeyLike, type KeyPlatform } from './accelerators';

/**
 * Where a shortcut works:
 * - `editor`: in the interview body (the caret is in the text);
 * - `document`: anywhere on an open interview;
 * - `find`: in the find bar;
 * - `player`: anywhere on an open interview with a recording, typing in the text included;
 * - `app`: anywhere in the app.
 */
export type ShortcutScope = 'editor' | 'document' | 'find' | 'player' | 'app';

export interface Shortcut {
  id: string;
  /** The accelerator; the one the menu shows. */
  accelerator: string;
  /** Further keys that do the same, listed in the panel (a menu item holds one accelerator). */
  alternatives?: readonly string[];
  /** Where macOS differs: its system owns some keys (Cmd+H hides the app) and has its own habits. */
  mac?: { accelerator?: string; alternatives?: readonly string[] };
  /** The last key of a numbered series: `Alt+1` through `Alt+9`. */
  through?: string;
  /** i18n key of the description, in the renderer's `shortcuts` section. */
  description: string;
  scope: ShortcutScope;
  /**
   * Whether the application menu may carry it. A menu accelerator takes its key before any text
   * field sees it, so keys that mean something while typing (Enter, Backspace, `?`, the find
   * bar's Enter and Escape) are never menu items.
   */
  menu: boolean;
}

export const SHORTCUTS = [
  { id: 'newParagraph', accelerator: 'Enter', description: 'shortcuts.newParagraph', scope: 'editor', menu: false },
  { id: 'nextTurn', accelerator: 'CmdOrCtrl+Enter', description: 'shortcuts.nextTurn', scope: 'editor', menu: true },
  { id: 'setSpeaker', accelerator: 'Alt+1', through: 'Alt+9', description: 'shortcuts.setSpeaker', scope: 'editor', menu: true },
  { id: 'mergeTurn', accelerator: 'Backspace', description: 'shortcuts.mergeTurn', scope: 'editor', menu: false },
  // The very start and end of the text (the browser's own stopped short in a long interview).
  { id: 'textStart', accelerator: 'CmdOrCtrl+Home', description: 'shortcuts.textStart', scope: 'editor', menu: false },
  { id: 'textEnd', accelerator: 'CmdOrCtrl+End', description: 'shortcuts.textEnd', scope: 'editor', menu: false },
  // P for photo, with Ctrl+Alt as the review keys: Telex and VNI type with bare letters and
  // digits only, and Ctrl+Shift+P opens a private window in browsers.
  { id: 'addPhoto', accelerator: 'CmdOrCtrl+Alt+P', description: 'shortcuts.addPhoto', scope: 'editor', menu: false },
  { id: 'undo', accelerator: 'CmdOrCtrl+Z', description: 'shortcuts.undo', scope: 'editor', menu: true },
  // Slate takes Ctrl+Y as redo on Windows and Linux only; on macOS Cmd+Y is not redo.
  { id: 'redo', accelerator: 'CmdOrCtrl+Shift+Z', alternatives: ['Ctrl+Y'], mac: { alternatives: [] }, description: 'shortcuts.redo', scope: 'editor', menu: true },
  { id: 'find', accelerator: 'CmdOrCtrl+F', description: 'shortcuts.find', scope: 'document', menu: true },
  // Cmd+H hides the application on macOS; Cmd+Option+F is the Mac's find-and-replace key.
  { id: 'replace', accelerator: 'Ctrl+H', mac: { accelerator: 'Cmd+Alt+F' }, description: 'shortcuts.replace', scope: 'document', menu: true },
  { id: 'findNext', accelerator: 'Enter', description: 'shortcuts.findNext', scope: 'find', menu: false },
  { id: 'findPrevious', accelerator: 'Shift+Enter', description: 'shortcuts.findPrevious', scope: 'find', menu: false },
  { id: 'findClose', accelerator: 'Escape', description: 'shortcuts.findClose', scope: 'find', menu: false },
  // `?` only outside text fields and the editor: Vietnamese questions end with "?".
  { id: 'shortcuts', accelerator: 'F1', alternatives: ['?'], description: 'shortcuts.shortcuts', scope: 'app', menu: true },
  // Review: the editing modes, and deciding the suggestions at the caret or in the selection.
  { id: 'modeEditing', accelerator: 'CmdOrCtrl+Alt+E', description: 'shortcuts.modeEditing', scope: 'document', menu: false },
  { id: 'modeSuggesting', accelerator: 'CmdOrCtrl+Alt+S', description: 'shortcuts.modeSuggesting', scope: 'document', menu: false },
  { id: 'modeViewing', accelerator: 'CmdOrCtrl+Alt+V', description: 'shortcuts.modeViewing', scope: 'document', menu: false },
  { id: 'acceptSuggestion', accelerator: 'CmdOrCtrl+Alt+Shift+A', description: 'shortcuts.acceptSuggestion', scope: 'document', menu: false },
  { id: 'rejectSuggestion', accelerator: 'CmdOrCtrl+Alt+Shift+R', description: 'shortcuts.rejectSuggestion', scope: 'document', menu: false },
  // Going through the changes one by one, as Word's Next/Previous: Ctrl+Alt with the keys under
  // > and < (neither types anything with Ctrl+Alt, and Ctrl+. is the IME switch on some systems).
  { id: 'nextChange', accelerator: 'CmdOrCtrl+Alt+.', description: 'shortcuts.nextChange', scope: 'document', menu: false },
  { id: 'previousChange', accelerator: 'CmdOrCtrl+Alt+,', description: 'shortcuts.previousChange', scope: 'document', menu: false },
  // Word's and Google Docs' key for a new comment.
  { id: 'addComment', accelerator: 'CmdOrCtrl+Alt+M', description: 'shortcuts.addComment', scope: 'document', menu: false },
  // The story's details (section, sapo, byline, wire fields) fold into one line over the text;
  // I for information (Cmd+Option+D would toggle the macOS Dock, Ctrl+Alt+D shows some Linux desktops).
  { id: 'storyDetails', accelerator: 'CmdOrCtrl+Alt+I', description: 'shortcuts.storyDetails', scope: 'document', menu: false },
  // The recording's player, used while typing: F7, F8, F9 are the back, play and forward keys of
  // Apple keyboards and of many others' media row; F4 stamps. Each has a Ctrl+Alt chord for
  // keyboards whose F-keys need Fn: Ctrl even on macOS, where Cmd+Option+I, J and U are the
  // browser's developer keys. Nothing here types with Telex or VNI (bare letters, digits,
  // [ ]), nor is an input-method switch (Ctrl+Space, Alt+Z, Ctrl+Shift), nor a browser or Electron
  // key a page cannot take (F5 reload, F6 address bar, F10 menu bar, F11, F12, Ctrl+0 zoom).
  // Ctrl+Alt+L and Ctrl+Alt+T are left alone: desktop Linux locks the screen and opens a terminal.
  // Never menu items: a menu accelerator would take them before the text sees its own keys.
  { id: 'playerPlayPause', accelerator: 'F8', alternatives: ['Ctrl+Alt+K'], description: 'shortcuts.playerPlayPause', scope: 'player', menu: false },
  { id: 'playerBack', accelerator: 'F7', alternatives: ['Ctrl+Alt+J'], description: 'shortcuts.playerBack', scope: 'player', menu: false },
  { id: 'playerForward', accelerator: 'F9', alternatives: ['Ctrl+Alt+U'], description: 'shortcuts.playerForward', scope: 'player', menu: false },
  { id: 'playerSlower', accelerator: 'Ctrl+Alt+-', description: 'shortcuts.playerSlower', scope: 'player', menu: false },
  { id: 'playerFaster', accelerator: 'Ctrl+Alt+=', description: 'shortcuts.playerFaster', scope: 'player', menu: false },
  // oTranscribe's timestamp key is Ctrl+J; here J is "back" and I the story's details, so N for "note the time".
  { id: 'playerStamp', accelerator: 'F4', alternatives: ['Ctrl+Alt+N'], description: 'shortcuts.playerStamp', scope: 'player', menu: false },
  { id: 'playerFollow', accelerator: 'Ctrl+Alt+O', description: 'shortcuts.playerFollow', scope: 'player', menu: false },
] as const satisfies readonly Shortcut[];

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];

export function shortcut(id: ShortcutId): Shortcut {
  return SHORTCUTS.find((s) => s.id === id)!;
}

/** The accelerator on this platform. */
export function acceleratorOf(s: Shortcut, platform: KeyPlatform): string {
  return (platform === 'mac' ? s.mac?.accelerator : undefined) ?? s.accelerator;
}

/** Every key of a shortcut on this platform: the accelerator first, then the alternatives. */
export function keysOf(s: Shortcut, platform: KeyPlatform): string[] {
  const alternatives = (platform === 'mac' ? s.mac?.alternatives : undefined) ?? s.alternatives ?? [];
  return [acceleratorOf(s, platform), ...alternatives];
}

/** True when `event` is one of the shortcut's keys on this platform (series excluded). */
export function matchesShortcut(event: KeyLike, id: ShortcutId, platform: KeyPlatform): boolean {
  return keysOf(shortcut(id), platform).some((k) => matchesAccelerator(event, k, platform));
}
