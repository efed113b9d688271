/**
 * TEST DOUBLE: what `import … from 'electron'` gives the harness's bundle of electron/main/
 * (esbuild aliases 'electron' to this file). The harness puts the current run's stand-in
 * (electron-stand-in.ts) on globalThis before it loads the bundle afresh, so each run reads its own.
 */
import type { StandInModule } from './electron-stand-in';

const standIn = (globalThis as { __desktopHarnessElectron?: StandInModule }).__desktopHarnessElectron;
if (!standIn) throw new Error('the desktop harness loads electron/main/ only after putting its electron stand-in in place');

export const { app, BrowserWindow, Menu, ipcMain, dialog, protocol, session, screen, shell, utilityProcess } = standIn;
