/**
 * The application menu as plain data (Electron's MenuItemConstructorOptions), built without
 * touching Electron so it is unit-tested; index.ts passes it to Menu.buildFromTemplate.
 *
 * Two kinds of items:
 * - commands (New, Export ▸ NITF, Find, …) send a DesktopCommand to the renderer, which does
 *   the work in browser mode too;
 * - roles (undo, redo, cut, copy, paste, zoom, quit, about) are carried out by Chromium and the
 *   OS. Undo and redo must be roles: on macOS, ⌘Z in a text field works only through the menu's
 *   undo role, and the role reaches the editor as a `historyUndo` input event, which Slate handles.
 *
 * Accelerators come only from shared/shortcuts.ts, through MENU_SHORTCUTS, so the menu and the
 * renderer's shortcuts panel show the same keys. The renderer sees a key before the menu does
 * and the menu acts only on keys the page left unhandled, so the two never both act on one key.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { KeyPlatform } from '../../shared/accelerators';
import { EDITING_MODES, EXPORT_MENU_FORMATS, MARKUP_VIEWS, type DesktopCommand, type ReviewViewState } from '../../shared/desktop-commands';
import { acceleratorOf, shortcut, type ShortcutId } from '../../shared/shortcuts';
import type { ShellStrings } from './shell-strings';

/** Menu item id → the shortcut whose accelerator it carries. The only source of menu keys. */
export const MENU_SHORTCUTS = {
  'edit.undo': 'undo',
  'edit.redo': 'redo',
  'edit.find': 'find',
  'edit.replace': 'replace',
  'help.shortcuts': 'shortcuts',
} as const satisfies Record<string, ShortcutId>;

/** The ids of the View menu's radio items that show a document's mode and markup view. */
export function reviewMenuItemIds(state: ReviewViewState): string[] {
  return [`view.mode.${state.mode}`, `view.markup.${state.markup}`];
}

export interface MenuOptions {
  platform: KeyPlatform;
  strings: ShellStrings;
  /** Adds Reload and Developer tools (unpackaged runs only). */
  dev: boolean;
  /** Deliver a command to the focused window's renderer. */
  send: (command: DesktopCommand) => void;
}

export function buildMenuTemplate({ platform, strings: s, dev, send }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'mac';
  // macOS shows no mnemonics; an '&' would only be noise there.
  const label = (text: string) => (mac ? text.replace(/&(?!&)/g, '') : text);
  const accelerator = (id: keyof typeof MENU_SHORTCUTS) => acceleratorOf(shortcut(MENU_SHORTCUTS[id]), platform);
  const command = (id: string, text: string, cmd: DesktopCommand): MenuItemConstructorOptions => ({ id, label: label(text), click: () => send(cmd) });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  // macOS titles its first menu with the app's name, whatever the label says.
  const appMenu: MenuItemConstructorOptions = {
    id: 'app',
    label: 'Interview Desk',
    submenu: [
      { role: 'about', label: s.about },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    id: 'file',
    label: label(s.file),
    submenu: [
      command('file.new', s.newInterview, { type: 'file.new' }),
      command('file.open', s.open, { type: 'file.open' }),
      command('file.saveForReview', s.saveForReview, { type: 'file.saveForReview' }),
      separator,
      command('file.import', s.import, { type: 'file.import' }),
      {
        id: 'file.export',
        label: label(s.export),
        submenu: EXPORT_MENU_FORMATS.map((format) => command(`file.export.${format}`, s.formats[format], { type: 'file.export', format })),
      },
      command('file.sendToNewsroom', s.sendToNewsroom, { type: 'file.sendToNewsroom' }),
      separator,
      command('file.close', s.close, { type: 'file.close' }),
      // On macOS Quit lives in the application menu.
      ...(mac ? [] : [separator, { role: 'quit', label: s.quit } satisfies MenuItemConstructorOptions]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    id: 'edit',
    label: label(s.edit),
    submenu: [
      { id: 'edit.undo', role: 'undo', label: s.undo, accelerator: accelerator('edit.undo') },
      { id: 'edit.redo', role: 'redo', label: s.redo, accelerator: accelerator('edit.redo') },
      separator,
      { role: 'cut', label: s.cut },
      { role: 'copy', label: s.copy },
      { role: 'paste', label: s.paste },
      { role: 'selectAll', label: s.selectAll },
      separator,
      { ...command('edit.find', s.find, { type: 'edit.find' }), accelerator: accelerator('edit.find') },
      { ...command('edit.replace', s.replace, { type: 'edit.replace' }), accelerator: accelerator('edit.replace') },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    id: 'view',
    label: label(s.view),
    submenu: [
      // Radio items: Electron ticks the chosen one itself; the renderer owns the actual mode.
      ...EDITING_MODES.map((mode, i): MenuItemConstructorOptions => ({ ...command(`view.mode.${mode}`, s.modes[mode], { type: 'view.mode', mode }), type: 'radio', checked: i === 0 })),
      separator,
      ...MARKUP_VIEWS.map((markup, i): MenuItemConstructorOptions => ({ ...command(`view.markup.${markup}`, s.markup[markup], { type: 'view.markup', markup }), type: 'radio', checked: i === 0 })),
      separator,
      { role: 'resetZoom', label: s.actualSize },
      { role: 'zoomIn', label: s.zoomIn },
      { role: 'zoomOut', label: s.zoomOut },
      separator,
      { role: 'togglefullscreen', label: s.fullScreen },
      ...(dev ? [separator, { role: 'reload', label: s.reload }, { role: 'toggleDevTools', label: s.devTools }] satisfies MenuItemConstructorOptions[] : []),
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    id: 'help',
    role: 'help',
    label: label(s.help),
    submenu: [
      { ...command('help.shortcuts', s.shortcuts, { type: 'help.shortcuts' }), accelerator: accelerator('help.shortcuts') },
      // On macOS About lives in the application menu.
      ...(mac ? [] : [separator, { id: 'help.about', role: 'about', label: s.about } satisfies MenuItemConstructorOptions]),
    ],
  };

  return [
    ...(mac ? [appMenu] : []),
    fileMenu,
    editMenu,
    viewMenu,
    ...(mac ? [{ role: 'windowMenu', label: label(s.window) } satisfies MenuItemConstructorOptions] : []),
    helpMenu,
  ];
}
