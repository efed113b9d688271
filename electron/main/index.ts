/**
 * The desktop shell's composition root. It stays thin: every decision lives in a tested module
 * (policy, menu template, window bounds, argv parsing, quit guard, file dialogs, the backend's
 * dispatch and serving code); this file only wires them to Electron.
 */
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { join } from 'node:path';
import { DESKTOP_CHANNELS } from '../../shared/desktop-bridge';
import type { DesktopCommand } from '../../shared/desktop-commands';
import { openRecoverableSession } from '../backend/library-recovery';
import type { LibrarySession } from '../backend/library-session';
import { registerDesktopIpc } from './desktop-ipc';
import { registerIpc } from './ipc';
import { applyHandledCommands } from './menu-state';
import { buildMenuTemplate } from './menu-template';
import { interviewFilesInArgv } from './open-file-args';
import { OpenFileQueue } from './open-file-queue';
import { isPermissionAllowed } from './policy';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { SHELL_STRINGS, shellLanguage } from './shell-strings';
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
  let library: LibrarySession | null = null;
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
      const strings = SHELL_STRINGS[shellLanguage(app.getPreferredSystemLanguages())];
      session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) => callback(isPermissionAllowed(permission, details.requestingUrl)));
      session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
      session.defaultSession.setDevicePermissionHandler(() => false); // no USB, HID or serial devices
      try {
        // A library that fails its integrity check still opens: the renderer offers its backups.
        library = await openRecoverableSession(app.getPath('userData'));
      } catch (err) {
        dialog.showErrorBox(strings.cannotOpenLibrary, (err as Error).message);
        app.exit(1);
        return;
      }
      handleAppProtocol(join(__dirname, '..', 'renderer'), library.ctx);
      registerIpc(library.ctx);
      registerDesktopIpc({ openFiles, guardOf });

      const send = (command: DesktopCommand) => {
        const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
        if (target && !target.isDestroyed()) target.webContents.send(DESKTOP_CHANNELS.command, command);
      };
      const platform = process.platform === 'darwin' ? 'mac' : 'other';
      const menu = Menu.buildFromTemplate(buildMenuTemplate({ platform, strings, dev: !app.isPackaged, send }));
      // Command items start greyed out: each is enabled once the page says it handles it (menu-state.ts).
      applyHandledCommands(menu, new Set());
      Menu.setApplicationMenu(menu);
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
  app.on('will-quit', () => library?.close());
}
