/**
 * Menu items follow the screen (electron/main/menu-state.ts): over the real menu template, a
 * command item is enabled exactly when the page handles its command; roles are never touched.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { DESKTOP_COMMAND_TYPES, type DesktopCommandType } from '../../../../shared/desktop-commands';
import { applyHandledCommands, commandTypeOfMenuItem, handledCommandsFrom, type MenuLike } from '../../../../electron/main/menu-state';
import { buildMenuTemplate } from '../../../../electron/main/menu-template';
import { SHELL_STRINGS } from '../../../../electron/main/shell-strings';

/** The template as Electron's Menu holds it: every item with an id and an `enabled` flag. */
function menuOf(template: MenuItemConstructorOptions[]): MenuLike {
  return { items: template.map((t) => ({ id: t.id ?? '', enabled: t.enabled ?? true, sends: typeof t.click === 'function', submenu: Array.isArray(t.submenu) ? menuOf(t.submenu) : null })) };
}
const flat = (m: MenuLike): (MenuLike['items'][number] & { sends?: boolean })[] => m.items.flatMap((i) => [i, ...(i.submenu ? flat(i.submenu) : [])]);
const enabledIds = (m: MenuLike) => flat(m).filter((i) => i.enabled && i.id).map((i) => i.id);

describe('menu state', () => {
  const template = buildMenuTemplate({ platform: 'other', strings: SHELL_STRINGS.en, dev: false, send: () => undefined });

  it('maps every item that sends a command to that command, and no other item but the Export submenu', () => {
    for (const item of flat(menuOf(template))) {
      if (!item.id) continue;
      const type = commandTypeOfMenuItem(item.id);
      if (item.sends || item.id === 'file.export') expect(type, item.id).not.toBeNull();
      else expect(type, item.id).toBeNull();
    }
    // The id names the command its click really sends.
    const sent: string[] = [];
    const sending = buildMenuTemplate({ platform: 'mac', strings: SHELL_STRINGS.en, dev: true, send: (c) => void sent.push(c.type) });
    const walk = (items: MenuItemConstructorOptions[]): void =>
      items.forEach((i) => {
        if (i.click) {
          (i.click as () => void)();
          expect(sent.pop(), i.id).toBe(commandTypeOfMenuItem(i.id!));
        }
        if (Array.isArray(i.submenu)) walk(i.submenu);
      });
    walk(sending);
    expect(commandTypeOfMenuItem('file.export.nitf')).toBe('file.export');
    expect(commandTypeOfMenuItem('view.mode.suggesting')).toBe('view.mode');
    expect(commandTypeOfMenuItem('edit.undo')).toBeNull();
  });

  it('enables exactly the handled commands’ items, the Export submenu with its formats', () => {
    const menu = menuOf(template);
    applyHandledCommands(menu, new Set<DesktopCommandType>(['file.new', 'file.open', 'file.import', 'help.shortcuts']));
    const enabled = enabledIds(menu).filter((id) => commandTypeOfMenuItem(id) !== null);
    expect(enabled.sort()).toEqual(['file.import', 'file.new', 'file.open', 'help.shortcuts']);
    applyHandledCommands(menu, new Set<DesktopCommandType>(['file.export']));
    expect(enabledIds(menu).filter((id) => id.startsWith('file.export'))).toEqual(['file.export', ...flat(menu).filter((i) => i.id.startsWith('file.export.')).map((i) => i.id)]);
    expect(enabledIds(menu)).not.toContain('file.open');
    // Roles stay enabled whatever the page handles.
    expect(enabledIds(menu)).toEqual(expect.arrayContaining(['edit.undo', 'edit.redo']));
  });

  it('takes only names of the closed command set from the page', () => {
    expect(handledCommandsFrom(['file.open', 'file.delete', 3, null])).toEqual(new Set(['file.open']));
    expect(handledCommandsFrom('file.open')).toBeNull();
    expect(handledCommandsFrom(new Array(DESKTOP_COMMAND_TYPES.length * 2 + 1).fill('file.open'))).toBeNull();
  });
});
