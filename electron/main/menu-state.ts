/**
 * Which application-menu items are enabled: a command item is enabled exactly when the page in
 * the focused window handles its command (the renderer reports the list through
 * `window.desktop.reportHandledCommands`). So File ▸ Open… is greyed out on a screen with no
 * Open, instead of sending a command nobody takes. Role items (undo, copy, quit, …) are left alone.
 *
 * Pure: it works on anything shaped like Electron's Menu (the real one, or a test's plain
 * objects), so it is unit-tested without Electron.
 */
import { DESKTOP_COMMAND_TYPES, type DesktopCommandType } from '../../shared/desktop-commands';

export interface MenuLike {
  items: MenuItemLike[];
}
export interface MenuItemLike {
  id: string;
  enabled: boolean;
  submenu?: MenuLike | null;
}

/**
 * The command a menu item id stands for: the id itself (`file.open`), or the command plus its
 * argument (`file.export.nitf`, `view.mode.suggesting`). The Export submenu (`file.export`)
 * counts as its command too, so the whole submenu greys out. Null for role items.
 */
export function commandTypeOfMenuItem(id: string): DesktopCommandType | null {
  let found: DesktopCommandType | null = null;
  for (const type of DESKTOP_COMMAND_TYPES) {
    if ((id === type || id.startsWith(`${type}.`)) && (found === null || type.length > found.length)) found = type;
  }
  return found;
}

/** Keep only names of the closed command set (the message comes from the page). */
export function handledCommandsFrom(payload: unknown): Set<DesktopCommandType> | null {
  if (!Array.isArray(payload) || payload.length > DESKTOP_COMMAND_TYPES.length * 2) return null;
  const known: readonly unknown[] = DESKTOP_COMMAND_TYPES;
  return new Set(payload.filter((t): t is DesktopCommandType => known.includes(t)));
}

/** Enable each command item exactly when its command is handled; returns the ids it changed. */
export function applyHandledCommands(menu: MenuLike, handled: ReadonlySet<DesktopCommandType>): string[] {
  const changed: string[] = [];
  const walk = (m: MenuLike) => {
    for (const item of m.items) {
      const type = item.id ? commandTypeOfMenuItem(item.id) : null;
      if (type !== null && item.enabled !== handled.has(type)) {
        item.enabled = handled.has(type);
        changed.push(item.id);
      }
      if (item.submenu) walk(item.submenu);
    }
  };
  walk(menu);
  return changed;
}
