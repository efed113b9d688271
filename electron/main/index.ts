/**
 * The desktop shell's composition root. It stays thin: every decision lives in a tested module
 * (policy.ts, the backend's dispatch and serving code); this file only wires them to Electron.
 */
import { app, BrowserWindow, dialog, session } from 'electron';
import { join } from 'node:path';
import { openLibrarySession, type LibrarySession } from '../backend/library-session';
import { registerIpc } from './ipc';
import { isPermissionAllowed } from './policy';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createMainWindow, lockDownContents, preloadPathFrom } from './window';

registerAppScheme();

if (!app.requestSingleInstanceLock()) app.quit();

let library: LibrarySession | null = null;

app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

app.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows()[0];
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) => callback(isPermissionAllowed(permission, details.requestingUrl)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  try {
    library = await openLibrarySession(app.getPath('userData'));
  } catch (err) {
    dialog.showErrorBox('Interview Desk cannot open its library', (err as Error).message);
    app.exit(1);
    return;
  }
  handleAppProtocol(join(__dirname, '..', 'renderer'), library.ctx);
  registerIpc(library.ctx);
  createMainWindow(preloadPathFrom(__dirname));
}, (err: unknown) => {
  console.error(err);
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => library?.close());
