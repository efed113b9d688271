/**
 * The desktop shell's composition root. It stays thin: every decision lives in a tested module
 * (policy, menu template, window bounds, argv parsing, quit guard, file dialogs, the backend
 * process's protocol); this file only wires them to Electron. The library itself is not here: it
 * runs in the backend process (backend-process.ts), and main only routes requests to it.
 */
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { join } from 'node:path';
import { DESKTOP_CHANNELS } from '../../shared/desktop-bridge';
import type { DesktopCommand } from '../../shared/desktop-commands';
import { backendEntryFrom, forkBackend } from './backend-fork';
import { BackendProcess } from './backend-process';
import { AppMenu } from './app-menu';
import { registerDesktopIpc } from './desktop-ipc';
import { registerIpc } from './ipc';
import { interviewFilesInArgv } from './open-file-args';
import { OpenFileQueue } from './open-file-queue';
import { isPermissionAllowed } from './policy';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { shellLanguage, type ShellStrings } from './shell-strings';
import { createMainWindow, guardOf, lockDownContents, preloadPathFrom } from './window';
import { windowStateFile } from './window-state-store';

registerAppScheme();
// Every renderer sandboxed, whatever a future BrowserWindow forgets to set.
app.enableSandbox();
// Unpackaged runs (the desktop smoke tests) may use a scratch library instead of the user's.
if (!app.isPackaged && process.env.INTERVIEW_DESK_DATA_DIR) app.setPath('userData', process.env.INTERVIEW_DESK_DATA_DIR);

const openFiles = new OpenFileQueue();
// `electron .` (unpackaged) puts the app folder after the executable; a packaged app does not.
const programArgs = process.defaultApp ? 2 : 1;

if (!app.requestSingleInstanceLock()) {
  // Another instance runs: it receives our argv through 'second-instance' and opens the files.
  app.quit();
} else {
  for (const file of interviewFilesInArgv(process.argv, { programArgs, cwd: process.cwd() })) openFiles.open(file);
  start();
}

function start(): void {
  let backend: BackendProcess | null = null;
  let backendClosed = false;
  let mainWindow: BrowserWindow | null = null;

  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

  // macOS: Finder's "open with", a file dropped on the Dock icon. Can fire before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFiles.open(path);
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const file of interviewFilesInArgv(argv, { programArgs, cwd: workingDirectory })) openFiles.open(file);
    if (mainWindow && !mainWindow.isDestroyed()) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.whenReady().then(
    async () => {
      const send = (command: DesktopCommand) => {
        const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
        if (target && !target.isDestroyed()) target.webContents.send(DESKTOP_CHANNELS.command, command);
      };
      // The menu and the shell's dialogs speak the system's language until the page reports the
      // app's (the UI language setting), then that one (app-menu.ts). Command items start greyed
      // out: each is enabled once the page says it handles it (menu-state.ts).
      const menu = new AppMenu({
        language: shellLanguage(app.getPreferredSystemLanguages()),
        platform: process.platform === 'darwin' ? 'mac' : 'other',
        dev: !app.isPackaged,
        send,
        port: { build: (template) => Menu.buildFromTemplate(template), install: (built) => Menu.setApplicationMenu(built) },
      });
      const strings = () => menu.strings;
      session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) => callback(isPermissionAllowed(permission, details.requestingUrl)));
      session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
      session.defaultSession.setDevicePermissionHandler(() => false); // no USB, HID or serial devices
      // The backend process opens the library while the window loads; requests wait for it. A
      // library that fails its integrity check still opens: the renderer offers its backups.
      const library = new BackendProcess({
        dataDir: app.getPath('userData'),
        fork: () => forkBackend(backendEntryFrom(__dirname)),
        onOpenFailed: (message) => {
          dialog.showErrorBox(strings().cannotOpenLibrary, message);
          app.exit(1);
        },
        onCrash: (restarting) => showBackendStopped(mainWindow, strings(), restarting),
      });
      backend = library;
      library.start();
      handleAppProtocol(join(__dirname, '..', 'renderer'), (path) => library.asset(path), { dataDir: app.getPath('userData'), library });
      registerIpc((channel, input) => library.call(channel, input));
      registerDesktopIpc({ openFiles, guardOf, menu });
      app.setAboutPanelOptions({ applicationName: 'Interview Desk', applicationVersion: app.getVersion() });

      mainWindow = createMainWindow({ preloadPath: preloadPathFrom(__dirname), stateFile: windowStateFile(app.getPath('userData')), strings, openFiles });
    },
    (err: unknown) => {
      console.error(err);
      app.exit(1);
    },
  );

  // Closing the window goes through its quit guard (window.ts) first, which flushes the editor.
  app.on('window-all-closed', () => app.quit());
  // The windows are closed (their editors flushed): close the library in the backend process
  // before the app goes, then quit again for real.
  app.on('will-quit', (event) => {
    if (!backend || backendClosed) return;
    event.preventDefault();
    void backend.close().finally(() => {
      backendClosed = true;
      app.quit();
    });
  });
}

/** Told on the window, not in it: the page may be the very thing waiting for the library. */
function showBackendStopped(window: BrowserWindow | null, strings: ShellStrings, restarting: boolean): void {
  const { message, restartingDetail, goneDetail } = strings.backendStopped;
  const options = { type: 'error' as const, message, detail: restarting ? restartingDetail : goneDetail, noLink: true };
  void (window && !window.isDestroyed() ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}
