/**
 * The desktop-only IPC channels behind `window.desktop` (shared/desktop-bridge.ts): native file
 * dialogs, reading a file the OS asked us to open, the renderer's answer to a flush request, the
 * document's review mode for the View menu, the commands the page handles (which menu items
 * are enabled), and the UI language (the menu's and the dialogs' language).
 * Each checks its sender like the API channels do; the work is done by tested modules.
 */
import { app, BrowserWindow, dialog, ipcMain, type Menu, type WebContents } from 'electron';
import { dirname, join } from 'node:path';
import { DESKTOP_CHANNELS, isUiLanguage, type DesktopReply } from '../../shared/desktop-bridge';
import { isReviewViewState } from '../../shared/desktop-commands';
import { NO_PAGE_STATE, type AppMenu, type PageMenuState } from './app-menu';
import { handledCommandsFrom } from './menu-state';
import { openFileWithDialog, readWithLimit, saveFileWithDialog, type DialogPorts } from './file-dialogs';
import { isFromAppPage } from './ipc';
import type { OpenFileQueue } from './open-file-queue';
import type { QuitGuard } from './quit-guard';

const REFUSED: DesktopReply<never> = { ok: false, message: 'Request refused: it did not come from the app window.' };

export interface DesktopIpcOptions {
  openFiles: OpenFileQueue;
  /** The quit guard of the window showing these contents. */
  guardOf: (contents: WebContents) => QuitGuard | undefined;
  /** The application menu, which follows the focused page and the UI language. */
  menu: AppMenu<Menu>;
}

export function registerDesktopIpc({ openFiles, guardOf, menu }: DesktopIpcOptions): void {
  ipcMain.handle(DESKTOP_CHANNELS.saveFile, (event, request: unknown) => (isFromAppPage(event) ? saveFileWithDialog(request, dialogsFor(event.sender)) : REFUSED));
  ipcMain.handle(DESKTOP_CHANNELS.openFile, (event, request: unknown) => (isFromAppPage(event) ? openFileWithDialog(request, dialogsFor(event.sender)) : REFUSED));
  ipcMain.handle(DESKTOP_CHANNELS.readOpenedFile, async (event, fileId: unknown) => {
    if (!isFromAppPage(event)) return REFUSED;
    const path = typeof fileId === 'string' ? openFiles.take(fileId) : null;
    return path === null ? { ok: true, value: null } : readWithLimit(path);
  });
  ipcMain.on(DESKTOP_CHANNELS.flushDone, (event, reply: unknown) => {
    if (!isFromAppPage(event) || typeof reply !== 'object' || reply === null) return;
    const { requestId, ok, message } = reply as Record<string, unknown>;
    if (typeof requestId !== 'number' || typeof ok !== 'boolean') return;
    const text = typeof message === 'string' && message ? message.slice(0, 2000) : 'The editor could not store its changes.';
    guardOf(event.sender)?.flushDone(requestId, ok ? { ok: true } : { ok: false, message: text });
  });
  // The menu shows the focused window's page: the commands it handles enabled, the mode and
  // markup view its document shows ticked. Each page's last report is kept, so focusing another
  // window (or coming back to the app) shows that window's state.
  const pages = new WeakMap<WebContents, PageMenuState>();
  const stateOf = (contents: WebContents) => pages.get(contents) ?? NO_PAGE_STATE;
  const report = (contents: WebContents, change: Partial<PageMenuState>) => {
    pages.set(contents, { ...stateOf(contents), ...change });
    const focused = BrowserWindow.getFocusedWindow();
    // No focused window: the app is in the background; its only window's state is the one to show.
    if (!focused || focused.webContents === contents) menu.showPage(stateOf(contents));
  };
  ipcMain.on(DESKTOP_CHANNELS.reviewState, (event, state: unknown) => {
    if (isFromAppPage(event) && isReviewViewState(state)) report(event.sender, { review: { mode: state.mode, markup: state.markup } });
  });
  ipcMain.on(DESKTOP_CHANNELS.handledCommands, (event, payload: unknown) => {
    const handled = isFromAppPage(event) ? handledCommandsFrom(payload) : null;
    if (handled) report(event.sender, { handled });
  });
  app.on('browser-window-focus', (_event, window) => menu.showPage(stateOf(window.webContents)));
  // The app's words are a library setting, one for every window: the menus and the shell's
  // dialogs follow it. Anything but exactly 'vi' or 'en' is ignored.
  ipcMain.on(DESKTOP_CHANNELS.uiLanguage, (event, language: unknown) => {
    if (isFromAppPage(event) && isUiLanguage(language)) menu.setLanguage(language);
  });
}

/** The folder the last dialog ended in, to start the next one there (for this run only). */
let lastFolder: string | null = null;

function dialogsFor(sender: WebContents): DialogPorts {
  const parent = BrowserWindow.fromWebContents(sender);
  const remember = (path: string) => {
    lastFolder = dirname(path);
    return path;
  };
  return {
    async chooseSavePath({ title, defaultName, filters }) {
      const options = { title, defaultPath: join(lastFolder ?? app.getPath('documents'), defaultName), filters };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : remember(result.filePath);
    },
    async chooseOpenPath({ title, filters }) {
      const options = { title, defaultPath: lastFolder ?? app.getPath('documents'), filters, properties: ['openFile' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      const path = result.canceled ? undefined : result.filePaths[0];
      return path ? remember(path) : null;
    },
  };
}
