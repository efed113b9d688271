/**
 * The application menu in the app's language (electron/main/app-menu.ts), over the real template
 * and plain objects shaped like Electron's Menu: a new language builds the menu again in it, and
 * the page's state — the commands it handles, the mode and view it shows — survives the rebuild.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { DESKTOP_CHANNELS, isUiLanguage } from '../../../../shared/desktop-bridge';
import { AppMenu, type BuiltMenu } from '../../../../electron/main/app-menu';

interface PlainItem {
  id: string;
  label: string;
  type: string;
  enabled: boolean;
  checked: boolean;
  submenu: PlainMenu | null;
}
interface PlainMenu extends BuiltMenu {
  items: PlainItem[];
}

/** A menu as Electron builds one: checking a radio item unchecks the adjacent radio items (its group). */
function build(template: MenuItemConstructorOptions[]): PlainMenu {
  const items: PlainItem[] = template.map((t) => {
    let checked = t.checked ?? false;
    const item: PlainItem = {
      id: t.id ?? '',
      label: t.label ?? '',
      type: t.type ?? 'normal',
      enabled: t.enabled ?? true,
      get checked() {
        return checked;
      },
      set checked(value: boolean) {
        if (value && item.type === 'radio') for (const other of groupOf(item)) if (other !== item) other.checked = false;
        checked = value;
      },
      submenu: Array.isArray(t.submenu) ? build(t.submenu) : null,
    };
    return item;
  });
  function groupOf(item: PlainItem): PlainItem[] {
    let start = items.indexOf(item);
    let end = start;
    while (start > 0 && items[start - 1]!.type === 'radio') start--;
    while (end < items.length - 1 && items[end + 1]!.type === 'radio') end++;
    return items.slice(start, end + 1);
  }
  const all = (m: PlainMenu): PlainItem[] => m.items.flatMap((i) => [i, ...(i.submenu ? all(i.submenu) : [])]);
  const menu: PlainMenu = { items, getMenuItemById: (id) => all(menu).find((i) => i.id === id) ?? null };
  return menu;
}

function appMenu(language: 'en' | 'vi' = 'en') {
  const installed: PlainMenu[] = [];
  const menu = new AppMenu({ language, platform: 'other', dev: false, send: () => undefined, port: { build, install: (m) => void installed.push(m) } });
  const item = (id: string) => {
    const found = installed.at(-1)!.getMenuItemById(id) as PlainItem | null;
    if (!found) throw new Error(`no item ${id}`);
    return found;
  };
  return { menu, installed, item };
}

describe('the application menu in the app’s language', () => {
  it('starts in the language it is given, with every command item greyed out', () => {
    const { installed, item } = appMenu('vi');
    expect(installed).toHaveLength(1);
    expect(installed[0]!.items.map((i) => i.label)).toEqual(['&Tệp', '&Sửa', '&Xem', 'Trợ &giúp']);
    expect(item('file.open')).toMatchObject({ label: 'Mở…', enabled: false });
    expect(item('edit.undo')).toMatchObject({ label: 'Hoàn tác', enabled: true });
  });

  it('a new language builds the menu again in it, keeping what the page handles and the mode it shows', () => {
    const { menu, installed, item } = appMenu('en');
    menu.showPage({ handled: new Set(['edit.find', 'view.mode', 'view.markup']), review: { mode: 'viewing', markup: 'final' } });
    expect(item('view.mode.viewing').checked).toBe(true);

    expect(menu.setLanguage('vi')).toBe(true);
    expect(installed).toHaveLength(2);
    expect(item('edit.find')).toMatchObject({ label: 'Tìm…', enabled: true });
    expect(item('file.open')).toMatchObject({ label: 'Mở…', enabled: false });
    expect(item('view.mode.viewing')).toMatchObject({ label: 'Chỉ xem', checked: true });
    expect(item('view.mode.editing').checked).toBe(false);
    expect(item('view.markup.final')).toMatchObject({ label: 'Bản cuối', checked: true });
    expect(menu.strings.unsaved.keepOpen).toBe('Giữ ứng dụng mở');

    // The same language again: nothing is rebuilt.
    expect(menu.setLanguage('vi')).toBe(false);
    expect(installed).toHaveLength(2);

    menu.setLanguage('en');
    expect(item('edit.find')).toMatchObject({ label: 'Find…', enabled: true });
    expect(item('view.mode.viewing')).toMatchObject({ label: 'Viewing', checked: true });
    expect(menu.strings.unsaved.keepOpen).toBe('Keep the app open');
  });

  it('accepts exactly "vi" and "en" from the page', () => {
    expect(DESKTOP_CHANNELS.uiLanguage).toBe('desktop:ui-language');
    expect(['vi', 'en'].filter(isUiLanguage)).toEqual(['vi', 'en']);
    for (const bad of ['fr', 'VI', 'vi-VN', ' vi', '', null, undefined, 1, { language: 'vi' }, ['vi'], new String('vi')]) expect(isUiLanguage(bad), String(bad)).toBe(false);
  });
});
