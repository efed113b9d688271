/**
 * The desktop-only IPC channels behind `window.desktop` (shared/desktop-bridge.ts): native file
 * dialogs, reading a file the OS asked us to open, the renderer's answer to a flush request, the
 * document's review mode for the View menu, and the commands the page handles (which menu items
 * are enabled).
 * Each checks its sender like the API channels do; the work is done by tested modules.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, type WebContents } from 'electron';
import { dirname, join } from 'node:path';
import { DESKTOP_CHANNELS, type DesktopReply } from '../../shared/desktop-bridge';
import { isReviewViewState, type DesktopCommandType } from '../../shared/desktop-commands';
import { reviewMenuItemIds } from './menu-template';
import { applyHandledCommands, handledCommandsFrom } from './menu-state';
import { openFileWithDialog, readWithLimit, saveFileWithDialog, type DialogPorts } from './file-dialogs';
import { isFromAppPage } from './ipc';
import type { OpenFileQueue } from './open-file-queue';
import type { QuitGuard } from './quit-guard';

const REFUSED: DesktopReply<never> = { ok: false, message: 'Request refused: it did not come from the app window.' };

export interface DesktopIpcOptions {
  openFiles: OpenFileQueue;
  /** The quit guard of the window showing these contents. */
  guardOf: (contents: WebContents) => QuitGuard | undefined;
}

export function registerDesktopIpc({ openFiles, guardOf }: DesktopIpcOptions): void {
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
  // The View menu ticks the mode and markup view the focused document shows.
  ipcMain.on(DESKTOP_CHANNELS.reviewState, (event, state: unknown) => {
    if (!isFromAppPage(event) || !isReviewViewState(state)) return;
    if (BrowserWindow.getFocusedWindow()?.webContents !== event.sender) return;
    const menu = Menu.getApplicationMenu();
    for (const id of reviewMenuItemIds(state)) {
      const item = menu?.getMenuItemById(id);
      if (item) item.checked = true; // a radio item: checking one unchecks the rest of its group
    }
  });
  // The menu enables the commands the focused window's page handles. Each page's last report is
  // kept, so focusing another window (or coming back to the app) shows that window's items.
  const handledBy = new WeakMap<WebContents, Set<DesktopCommandType>>();
  const applyFor = (contents: WebContents) => {
    const menu = Menu.getApplicationMenu();
    if (menu) applyHandledCommands(menu, handledBy.get(contents) ?? new Set());
  };
  ipcMain.on(DESKTOP_CHANNELS.handledCommands, (event, payload: unknown) => {
    const handled = isFromAppPage(event) ? handledCommandsFrom(payload) : null;
    if (!handled) return;
    handledBy.set(event.sender, handled);
    const focused = BrowserWindow.getFocusedWindow();
    // No focused window: the app is in the background; its only window's state is the one to show.
    if (!focused || focused.webContents === event.sender) applyFor(event.sender);
  });
  app.on('browser-window-focus', (_event, window) => applyFor(window.webContents));
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
