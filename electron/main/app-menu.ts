/**
 * The application menu as the main process keeps it: built from the template (menu-template.ts)
 * in the app's language, with the focused page's state applied to it — the commands the page
 * handles enable their items (menu-state.ts), and the mode and markup view it shows tick the View
 * menu's radio items. The language is the UI language the renderer reports (a library setting),
 * the system's until the first report. A menu's labels cannot be changed in place on every
 * platform, so a new language builds a new menu and applies the same page state to it: switching
 * the language never enables an item the page cannot handle, nor unticks the mode it shows.
 *
 * Pure: Electron's Menu comes in as a port, so it is unit-tested with plain objects.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { KeyPlatform } from '../../shared/accelerators';
import type { DesktopCommand, DesktopCommandType, ReviewViewState } from '../../shared/desktop-commands';
import { applyHandledCommands, type MenuLike } from './menu-state';
import { buildMenuTemplate, reviewMenuItemIds } from './menu-template';
import { SHELL_STRINGS, type ShellLanguage, type ShellStrings } from './shell-strings';

/** What of Electron's Menu this needs: its items, and an item by id to tick. */
export interface BuiltMenu extends MenuLike {
  getMenuItemById(id: string): { checked: boolean } | null;
}

export interface MenuPort<M extends BuiltMenu> {
  /** Menu.buildFromTemplate. */
  build(template: MenuItemConstructorOptions[]): M;
  /** Menu.setApplicationMenu. */
  install(menu: M): void;
}

/** What a page last reported for the menu. */
export interface PageMenuState {
  handled: ReadonlySet<DesktopCommandType>;
  /** Null until the page shows a document. */
  review: ReviewViewState | null;
}

export const NO_PAGE_STATE: PageMenuState = { handled: new Set(), review: null };

export interface AppMenuOptions<M extends BuiltMenu> {
  /** The language to start in (the system's, until the renderer reports the app's). */
  language: ShellLanguage;
  platform: KeyPlatform;
  dev: boolean;
  send: (command: DesktopCommand) => void;
  port: MenuPort<M>;
}

export class AppMenu<M extends BuiltMenu> {
  private current: ShellLanguage;
  private page: PageMenuState = NO_PAGE_STATE;
  private built: M;

  constructor(private readonly options: AppMenuOptions<M>) {
    this.current = options.language;
    this.built = this.install();
  }

  get language(): ShellLanguage {
    return this.current;
  }

  /** The shell's words in the current language, for its dialogs too. */
  get strings(): ShellStrings {
    return SHELL_STRINGS[this.current];
  }

  /** The menu installed now. */
  get menu(): M {
    return this.built;
  }

  /** Speak `language` from now on; the menu is built again only when it changed. */
  setLanguage(language: ShellLanguage): boolean {
    if (language === this.current) return false;
    this.current = language;
    this.built = this.install();
    return true;
  }

  /** Show the focused page's state: its handled commands enabled, its mode and view ticked. */
  showPage(state: PageMenuState): void {
    this.page = state;
    this.apply(this.built);
  }

  private install(): M {
    const { platform, dev, send, port } = this.options;
    const menu = port.build(buildMenuTemplate({ platform, strings: this.strings, dev, send }));
    this.apply(menu);
    port.install(menu);
    return menu;
  }

  private apply(menu: M): void {
    applyHandledCommands(menu, this.page.handled);
    if (!this.page.review) return;
    for (const id of reviewMenuItemIds(this.page.review)) {
      const item = menu.getMenuItemById(id);
      if (item) item.checked = true; // a radio item: checking one unchecks the rest of its group
    }
  }
}
