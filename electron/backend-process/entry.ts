/**
 * The backend process: the desktop app's library runs here, in an Electron utilityProcess started
 * by the main process (electron/main/backend-process.ts), so that a long import, export or search
 * never holds up the main process's menus, dialogs and window events. This file must not import
 * 'electron' (the layer rule says so): a utilityProcess is a Node process, and Electron gives it
 * the channel to main as `process.parentPort`.
 */
import { serveBackend, type ParentPortLike } from './serve';

const port = (process as NodeJS.Process & { parentPort?: ParentPortLike | null }).parentPort;
if (!port) {
  console.error('[interview-desk] the backend process runs only as a child of the desktop app (process.parentPort is missing).');
  process.exit(2);
}
process.on('unhandledRejection', (err) => console.error('[interview-desk] backend process:', err));
serveBackend(port);
