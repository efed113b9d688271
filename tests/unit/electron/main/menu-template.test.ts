/**
 * The application menu (electron/main/menu-template.ts): every File, Edit, View and Help item, its
 * command, and accelerators that are exactly the shortcuts table's on both platforms.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { KeyPlatform } from '../../../../shared/accelerators';
import { DESKTOP_COMMAND_TYPES, EXPORT_MENU_FORMATS, isDesktopCommand, type DesktopCommand } from '../../../../shared/desktop-commands';
import { acceleratorOf, shortcut, SHORTCUTS } from '../../../../shared/shortcuts';
import { buildMenuTemplate, MENU_SHORTCUTS, reviewMenuItemIds } from '../../../../electron/main/menu-template';
import { SHELL_STRINGS, shellLanguage } from '../../../../electron/main/shell-strings';
import { UI_EXPORT_FORMATS } from '../../../../renderer/src/export/formats';

const PLATFORMS: KeyPlatform[] = ['mac', 'other'];

function build(platform: KeyPlatform, dev = false) {
  const send = vi.fn<(command: DesktopCommand) => void>();
  const template = buildMenuTemplate({ platform, strings: SHELL_STRINGS.en, dev, send });
  return { template, send };
}

/** Every item of the template, depth first. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const byId = (template: MenuItemConstructorOptions[], id: string) => {
  const found = items(template).find((i) => i.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
};

/** Click an item as Electron would and return the command it sent. */
function click(template: MenuItemConstructorOptions[], send: ReturnType<typeof vi.fn>, id: string): unknown {
  send.mockClear();
  (byId(template, id).click as () => void)();
  expect(send).toHaveBeenCalledTimes(1);
  return send.mock.calls[0]![0];
}

describe('application menu', () => {
  it.each(PLATFORMS)('every accelerator (%s) is the shortcuts table’s, and only table keys are used', (platform) => {
    const { template } = build(platform);
    const withKeys = items(template).filter((i) => i.accelerator !== undefined);
    expect(withKeys.map((i) => i.id).sort()).toEqual(Object.keys(MENU_SHORTCUTS).sort());
    for (const item of withKeys) {
      const id = MENU_SHORTCUTS[item.id as keyof typeof MENU_SHORTCUTS];
      expect(item.accelerator, item.id).toBe(acceleratorOf(shortcut(id), platform));
    }
  });

  it('carries only shortcuts the table allows in a menu', () => {
    for (const id of Object.values(MENU_SHORTCUTS)) expect(SHORTCUTS.find((s) => s.id === id)?.menu, id).toBe(true);
  });

  it('uses the platform’s keys: Cmd+Alt+F for replace on macOS, Ctrl+H elsewhere', () => {
    expect(byId(build('mac').template, 'edit.replace').accelerator).toBe('Cmd+Alt+F');
    expect(byId(build('other').template, 'edit.replace').accelerator).toBe('Ctrl+H');
    expect(byId(build('other').template, 'edit.redo').accelerator).toBe('CmdOrCtrl+Shift+Z');
    expect(byId(build('other').template, 'help.shortcuts').accelerator).toBe('F1');
  });

  it.each(PLATFORMS)('File, Edit, View and Help hold the items of the issue, each sending its command (%s)', (platform) => {
    const { template, send } = build(platform);
    const commands: [string, DesktopCommand][] = [
      ['file.new', { type: 'file.new' }],
      ['file.open', { type: 'file.open' }],
      ['file.saveForReview', { type: 'file.saveForReview' }],
      ['file.import', { type: 'file.import' }],
      ['file.sendToNewsroom', { type: 'file.sendToNewsroom' }],
      ['file.close', { type: 'file.close' }],
      ['edit.find', { type: 'edit.find' }],
      ['edit.replace', { type: 'edit.replace' }],
      ['view.mode.editing', { type: 'view.mode', mode: 'editing' }],
      ['view.mode.suggesting', { type: 'view.mode', mode: 'suggesting' }],
      ['view.mode.viewing', { type: 'view.mode', mode: 'viewing' }],
      ['view.markup.markup', { type: 'view.markup', markup: 'markup' }],
      ['view.markup.final', { type: 'view.markup', markup: 'final' }],
      ['view.markup.original', { type: 'view.markup', markup: 'original' }],
      ['help.shortcuts', { type: 'help.shortcuts' }],
      ...EXPORT_MENU_FORMATS.map((format): [string, DesktopCommand] => [`file.export.${format}`, { type: 'file.export', format }]),
    ];
    for (const [id, command] of commands) {
      const sent = click(template, send, id);
      expect(sent, id).toEqual(command);
      expect(isDesktopCommand(sent), id).toBe(true);
    }
    // Every command type a menu can send is exercised above (open-file comes from the OS).
    expect(new Set(commands.map(([, c]) => c.type))).toEqual(new Set(DESKTOP_COMMAND_TYPES.filter((t) => t !== 'open-file')));
  });

  it('names the radio items that tick a document’s mode and view, and those items exist as radios', () => {
    const { template } = build('other');
    const ids = reviewMenuItemIds({ mode: 'suggesting', markup: 'final' });
    expect(ids).toEqual(['view.mode.suggesting', 'view.markup.final']);
    for (const id of ids) expect(byId(template, id).type).toBe('radio');
  });

  it('undo and redo are roles (native undo in text fields, historyUndo for the editor)', () => {
    const { template } = build('other');
    expect(byId(template, 'edit.undo').role).toBe('undo');
    expect(byId(template, 'edit.redo').role).toBe('redo');
    expect(byId(template, 'edit.undo').click).toBeUndefined();
  });

  it('offers the Export dialog’s formats, in its order', () => {
    expect([...EXPORT_MENU_FORMATS]).toEqual([...UI_EXPORT_FORMATS]);
    const submenu = byId(build('other').template, 'file.export').submenu as MenuItemConstructorOptions[];
    expect(submenu.map((i) => i.id)).toEqual(EXPORT_MENU_FORMATS.map((f) => `file.export.${f}`));
  });

  it('follows each platform’s layout: app menu, Quit and About on macOS; Quit in File, About in Help elsewhere', () => {
    const mac = build('mac').template;
    expect((mac[0]!.submenu as MenuItemConstructorOptions[])[0]!.role).toBe('about');
    expect(mac.map((m) => m.id ?? m.role)).toEqual(['app', 'file', 'edit', 'view', 'windowMenu', 'help']);
    expect(items(mac).filter((i) => i.role === 'quit')).toHaveLength(1);
    expect(items(mac).some((i) => typeof i.label === 'string' && i.label.includes('&'))).toBe(false);

    const other = build('other').template;
    expect(other.map((m) => m.id)).toEqual(['file', 'edit', 'view', 'help']);
    expect((other[0]!.submenu as MenuItemConstructorOptions[]).at(-1)!.role).toBe('quit');
    expect(byId(other, 'help.about').role).toBe('about');
  });

  it('shows developer tools only in unpackaged runs', () => {
    expect(items(build('other').template).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(items(build('other', true).template).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('speaks Vietnamese when the system does, with a label for every format', () => {
    expect(shellLanguage(['vi-VN', 'en-US'])).toBe('vi');
    expect(shellLanguage(['en-GB', 'vi'])).toBe('en');
    expect(shellLanguage([])).toBe('en');
    const vi = buildMenuTemplate({ platform: 'other', strings: SHELL_STRINGS.vi, dev: false, send: () => undefined });
    expect(byId(vi, 'file').label).toBe('&Tệp');
    for (const strings of Object.values(SHELL_STRINGS)) for (const f of EXPORT_MENU_FORMATS) expect(strings.formats[f]).toMatch(/\S/);
  });
});
