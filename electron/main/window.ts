import { BrowserWindow, dialog, screen, type WebContents } from 'electron';
import { join } from 'node:path';
import { DESKTOP_CHANNELS } from '../../shared/desktop-bridge';
import { openExternalLink } from './external-links';
import type { OpenFileQueue } from './open-file-queue';
import { APP_ENTRY_URL, isAppUrl, isNavigationAllowed } from './policy';
import { QuitGuard, type UnsavedProblem } from './quit-guard';
import type { ShellStrings } from './shell-strings';
import { initialWindowBounds } from './window-bounds';
import { loadWindowState, saveWindowState } from './window-state-store';

const DEFAULT_SIZE = { width: 1200, height: 860 };
const MIN_SIZE = { width: 480, height: 400 };

export interface MainWindowOptions {
  preloadPath: string;
  /** window-state.json in the user data folder. */
  stateFile: string;
  /** The shell's words now: they follow the app's language while the window is open. */
  strings: () => ShellStrings;
  openFiles: OpenFileQueue;
}

const guards = new WeakMap<WebContents, QuitGuard>();

/** The quit guard of the window showing `contents` (for the flush-done IPC message). */
export const guardOf = (contents: WebContents): QuitGuard | undefined => guards.get(contents);

export function createMainWindow({ preloadPath, stateFile, strings, openFiles }: MainWindowOptions): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const { maximized, ...bounds } = initialWindowBounds(loadWindowState(stateFile), workAreas, DEFAULT_SIZE, MIN_SIZE);

  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Interview Desk',
    // Spelled out here, where the security gate (electronegativity) and the unit test
    // (tests/unit/electron/main/web-preferences.test.ts) read them. `spellcheck` is off: Chromium's
    // spellchecker downloads Hunspell dictionaries from a Google server on Windows and Linux, and an
    // offline newsroom tool makes no request of its own; the app checks spelling itself, offline.
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const contents = win.webContents;
  const guard = new QuitGuard({
    requestFlush: (requestId) => contents.send(DESKTOP_CHANNELS.flushRequest, requestId),
    startTimer: (ms, onTimeout) => {
      const timer = setTimeout(onTimeout, ms);
      return () => clearTimeout(timer);
    },
    askQuitWithoutSaving: async (problem) => {
      const words = strings();
      const { response } = await dialog.showMessageBox(win, { type: 'warning', noLink: true, defaultId: 0, cancelId: 0, buttons: [words.unsaved.keepOpen, words.unsaved.quitAnyway], ...unsavedText(problem, words) });
      return response === 1;
    },
    // destroy, not close: the renderer has flushed (or cannot any more), so neither a second
    // round through the guard nor the page's beforeunload prompt should hold the window.
    close: () => win.destroy(),
    cancelled: () => undefined,
  });
  guards.set(contents, guard);

  win.on('close', (event) => {
    saveWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    if (!guard.closeRequested()) event.preventDefault();
  });
  contents.on('render-process-gone', () => {
    openFiles.detach();
    guard.rendererGone();
  });
  // Files to open reach the renderer only once its page (and the preload's listener) is loaded;
  // a new document (a reload) starts without one. Hash routes are in-page and change nothing.
  contents.on('did-navigate', () => openFiles.detach());
  contents.on('did-finish-load', () => openFiles.attach((command) => contents.send(DESKTOP_CHANNELS.command, command)));
  win.on('closed', () => openFiles.detach());

  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function unsavedText(problem: UnsavedProblem, { unsaved }: ShellStrings): { message: string; detail: string } {
  return problem.kind === 'timeout'
    ? { message: unsaved.timeoutMessage, detail: unsaved.timeoutDetail(problem.seconds) }
    : { message: unsaved.failedMessage, detail: unsaved.failedDetail(problem.message) };
}

/**
 * Applies to every web contents the app creates: no navigation away from the app (top frame or
 * any subframe, and no redirects), no <webview>, no new windows; a link to the app's website
 * (followed, or asking for a new window) opens in the system browser instead, any other opens
 * nothing (external-links.ts).
 */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternalLink(url);
  });
  contents.on('will-frame-navigate', (details) => {
    if (!isNavigationAllowed(details.url, details.isMainFrame)) details.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalLink(url);
    return { action: 'deny' };
  });
}

export const preloadPathFrom = (mainDir: string): string => join(mainDir, '..', 'preload', 'index.cjs');
