/**
 * The desktop harness: the real electron/main/ code under Node, on the `electron` stand-in
 * (electron-stand-in.ts), showing the real renderer in Chromium through Playwright, with the real
 * preload (electron/preload/index.ts) run in the page and its IPC carried to the stand-in's ipcMain.
 *
 * How each part is made to run:
 * - main: bundled with 'electron' aliased to the stand-in and loaded afresh for each run (load-main.ts);
 * - preload: bundled for the page with 'electron' aliased to page-electron.ts, added as an init
 *   script (it runs before the page's own scripts, as a preload does);
 * - app://bundle/: Chromium cannot be taught a new scheme from outside, so the page is loaded from
 *   PAGE_ORIGIN, and every request to it is answered by the handler the main code registered with
 *   `protocol.handle` (same files, same headers and CSP); the stand-in reports the app URL as the
 *   page's URL, so the main code's sender checks see what they would in Electron.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { StandInElectron, type StandInBrowserWindow, type StandInMenu, type StandInMenuItem, type StandInWebContents } from './electron-stand-in';
import { buildShellBundles, startMain, waitFor } from './load-main';
import { decodeWire, encodeWire, type WireMessage, type WireReply } from './wire';

export { disposeShellBundles as disposeHarnessBuild, waitFor } from './load-main';

export const PAGE_ORIGIN = 'https://bundle.harness.invalid';
const APP_ORIGIN = 'app://bundle';
const toPageUrl = (appUrl: string) => appUrl.replace(APP_ORIGIN, PAGE_ORIGIN);
const toAppUrl = (pageUrl: string) => pageUrl.replace(PAGE_ORIGIN, APP_ORIGIN);

export interface LaunchOptions {
  /** The library folder (app.getPath('userData')). */
  dataDir: string;
  /** Where dialogs start (app.getPath('documents')). */
  documentsDir: string;
  /** Command-line arguments after the executable (a packaged app: files to open). */
  args?: string[];
}

/** One run of the desktop app: the stand-in, its main window's page, and what a user can do to it. */
export class DesktopRun {
  /** Console errors of the page (an unhandled command is one): a test expects none. */
  readonly consoleErrors: string[] = [];
  private pageOf = new Map<StandInWebContents, Page>();

  constructor(
    readonly electron: StandInElectron,
    private readonly context: BrowserContext,
  ) {}

  get window(): StandInBrowserWindow {
    const win = this.electron.windows[0];
    if (!win) throw new Error('the app has no window');
    return win;
  }
  get page(): Page {
    const page = this.pageOf.get(this.window.webContents);
    if (!page) throw new Error('the window has no page');
    return page;
  }
  get menu(): StandInMenu {
    const menu = this.electron.applicationMenu;
    if (!menu) throw new Error('no application menu was set');
    return menu;
  }
  item(id: string): StandInMenuItem {
    const item = this.menu.find(id);
    if (!item) throw new Error(`no menu item "${id}"`);
    return item;
  }

  /** The first menu item with this role (Quit has no id). */
  itemWithRole(role: string): StandInMenuItem {
    const item = this.menu.all().find((i) => i.role === role);
    if (!item) throw new Error(`no menu item with role "${role}"`);
    return item;
  }

  /**
   * Click a menu item (by id, or `{ role }`) as a user would: only an enabled one; Electron ticks
   * a radio item first. Of the roles, only quit and about are modelled.
   */
  clickMenu(which: string | { role: string }): void {
    const item = typeof which === 'string' ? this.item(which) : this.itemWithRole(which.role);
    const id = item.id || item.role;
    if (!item.enabled || !item.visible) throw new Error(`menu item "${id}" is disabled`);
    if (item.type === 'radio') item.checked = true;
    if (item.click) return item.click(item, this.electron.focused ?? undefined, {});
    if (item.role === 'quit') return this.electron.app.quit();
    if (item.role === 'about') return this.electron.app.showAboutPanel();
    throw new Error(`menu item "${id}" (role ${item.role ?? 'none'}): the harness does not model it`);
  }

  /** The ids of the command items enabled now (roles excluded). */
  enabledCommandIds(): string[] {
    return this.menu
      .all()
      .filter((i) => i.click && i.enabled)
      .map((i) => i.id);
  }

  /** When the page last sent anything to the main process (the menu's state among it). */
  private lastMessageAt = 0;

  /**
   * Wait until the page has gone quiet (no message to the main process for 150 ms), so the menu
   * shows what the current screen reported: reports travel asynchronously, once per task.
   */
  async settle(): Promise<void> {
    await this.page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    await waitFor(() => Date.now() - this.lastMessageAt >= 150, 'the page to go quiet');
  }

  // ---- the page link: loading and delivering, used by the stand-in's webContents

  async load(contents: StandInWebContents, appUrl: string): Promise<void> {
    let page = this.pageOf.get(contents);
    if (!page) {
      page = await this.context.newPage();
      this.pageOf.set(contents, page);
      page.on('console', (message) => {
        if (message.type() === 'error') this.consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => this.consoleErrors.push(error.message));
    }
    await page.goto(toPageUrl(appUrl));
  }

  deliver(contents: StandInWebContents, channel: string, args: unknown[]): void {
    const page = this.pageOf.get(contents);
    if (!page || page.isClosed()) return;
    const payload = encodeWire(args);
    page
      .evaluate(([c, a]) => (window as unknown as { __harnessDeliver(c: string, a: unknown): void }).__harnessDeliver(c, a), [channel, payload] as const)
      .catch(() => undefined); // the page is closing: Electron drops such messages too
  }

  async fromPage(page: Page, message: WireMessage): Promise<WireReply | undefined> {
    const contents = [...this.pageOf].find(([, p]) => p === page)?.[0];
    if (!contents || contents.destroyed) return { ok: false, message: 'the window is gone' };
    this.lastMessageAt = Date.now();
    const args = decodeWire(message.args) as unknown[];
    if (message.kind === 'send') {
      this.electron.ipcMain.sendFrom(contents, message.channel, args);
      return undefined;
    }
    try {
      return { ok: true, value: encodeWire(await this.electron.ipcMain.invokeFrom(contents, message.channel, args)) };
    } catch (err) {
      return { ok: false, message: (err as Error).message };
    }
  }

  /** Close the pages of windows that are gone (the stand-in's windows have no real surface). */
  async closeGonePages(): Promise<void> {
    for (const [contents, page] of this.pageOf) if (contents.destroyed && !page.isClosed()) await page.close();
  }
}

/**
 * Start the app: load main's bundle on a fresh stand-in, make the app ready, and wait for the
 * main window's page to load. One run per Playwright browser context.
 */
export async function launchDesktop(context: BrowserContext, options: LaunchOptions, prepare?: (electron: StandInElectron) => void): Promise<DesktopRun> {
  const { mainFile, preloadScript } = await buildShellBundles();
  let run: DesktopRun | null = null;
  const electron = new StandInElectron((contents) => ({
    load: (url) => run!.load(contents, url),
    send: (channel, args) => run!.deliver(contents, channel, args),
  }));
  run = new DesktopRun(electron, context);
  const current = run;

  await context.addInitScript({ content: preloadScript });
  await context.exposeBinding('__harnessIpc', ({ page }, message: WireMessage) => current.fromPage(page, message));
  await context.route(`${PAGE_ORIGIN}/**`, async (route) => {
    const request = route.request();
    const response = await electron.protocol.fetch(toAppUrl(request.url()), request.method(), { headers: await request.allHeaders(), body: request.postDataBuffer() });
    await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
  });

  // A quit app's pages go too, so nothing left in them (an autosave timer) can reach the next run.
  electron.app.on('quit', () => void current.closeGonePages());
  electron.app.setPath('userData', options.dataDir);
  electron.app.setPath('documents', options.documentsDir);
  prepare?.(electron);

  startMain(electron, mainFile, options.args ?? []);
  if (electron.app.quitted) return run; // another instance held the lock
  electron.app.becomeReady();
  await waitFor(() => electron.windows[0]?.visible === true, 'the main window to show');
  return run;
}
