/**
 * The desktop shell's wiring (electron/main/index.ts, desktop-ipc.ts, window.ts) run for real on
 * the `electron` stand-in (tests/desktop-harness/), without a page: a fake page link records what
 * the main process sends. The menu starts greyed out and follows what the focused page reports;
 * a report from anything but the app's page is ignored; menu clicks reach the focused page; quit
 * waits for the page's flush, and asks before dropping unsaved edits; the menu and that question
 * speak the UI language the page reports.
 * The same code with the real renderer and preload: tests/e2e/desktop-*.spec.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DESKTOP_CHANNELS } from '../../../../shared/desktop-bridge';
import { StandInBrowserWindow, StandInElectron, type StandInWebContents } from '../../../desktop-harness/electron-stand-in';
import { buildShellBundles, disposeShellBundles, startMain, waitFor } from '../../../desktop-harness/load-main';

afterAll(disposeShellBundles);

/** Start the shell with a page link that only records; returns what it saw. */
async function startShell() {
  const { mainFile } = await buildShellBundles();
  const sent: { contents: StandInWebContents; channel: string; args: unknown[] }[] = [];
  const electron = new StandInElectron((contents) => ({ load: async () => undefined, send: (channel, args) => void sent.push({ contents, channel, args }) }));
  const root = mkdtempSync(join(tmpdir(), 'desk-wiring-'));
  electron.app.setPath('userData', join(root, 'library'));
  electron.app.setPath('documents', root);
  startMain(electron, mainFile, []);
  electron.app.becomeReady();
  await waitFor(() => electron.windows[0]?.visible === true, 'the main window');
  const win = electron.windows[0]!;
  const menu = electron.applicationMenu!;
  const enabledCommands = () =>
    menu
      .all()
      .filter((i) => i.click && i.enabled)
      .map((i) => i.id);
  const report = (types: string[], from = win.webContents) => electron.ipcMain.sendFrom(from, DESKTOP_CHANNELS.handledCommands, [types]);
  return { electron, win, menu, sent, enabledCommands, report };
}

describe('the desktop shell on the electron stand-in', () => {
  it('opens one sandboxed window on the app page, with every command item greyed out until the page reports', async () => {
    const { win, menu, enabledCommands } = await startShell();
    expect(win.webContents.getURL()).toBe('app://bundle/index.html');
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(enabledCommands()).toEqual([]);
    expect(menu.all().filter((i) => i.role === 'undo' || i.role === 'quit').every((i) => i.enabled)).toBe(true);
  });

  it('enables exactly what the focused page handles; a report from elsewhere changes nothing', async () => {
    const { electron, win, enabledCommands, report } = await startShell();
    report(['file.open', 'file.new', 'no.such.command']);
    expect(enabledCommands().sort()).toEqual(['file.new', 'file.open']);

    win.webContents.url = 'https://example.com/'; // navigated away: not the app's page any more
    report(['file.saveForReview']);
    expect(enabledCommands().sort()).toEqual(['file.new', 'file.open']);
    win.webContents.url = 'app://bundle/index.html';

    // A second window's page reports while the first is focused: the menu shows it on focus.
    const other = new StandInBrowserWindow(electron, {});
    other.webContents.url = 'app://bundle/index.html';
    report(['edit.find'], other.webContents);
    expect(enabledCommands().sort()).toEqual(['file.new', 'file.open']);
    other.focus();
    expect(enabledCommands()).toEqual(['edit.find']);
    win.focus();
    expect(enabledCommands().sort()).toEqual(['file.new', 'file.open']);
  });

  it('a menu click sends its command to the focused page', async () => {
    const { electron, win, sent, report } = await startShell();
    report(['file.export']);
    electron.applicationMenu!.find('file.export.nitf')!.click!(electron.applicationMenu!.find('file.export.nitf')!, win, {});
    expect(sent.filter((s) => s.channel === DESKTOP_CHANNELS.command)).toEqual([{ contents: win.webContents, channel: DESKTOP_CHANNELS.command, args: [{ type: 'file.export', format: 'nitf' }] }]);
  });

  it('quit waits for the page’s flush; a failed flush asks, and "keep open" keeps everything', async () => {
    const { electron, win, sent } = await startShell();
    const flushRequests = () => sent.filter((s) => s.channel === DESKTOP_CHANNELS.flushRequest).map((s) => s.args[0] as number);

    electron.app.quit();
    expect(win.isDestroyed()).toBe(false); // held while the page stores its edits
    expect(flushRequests()).toHaveLength(1);
    electron.ipcMain.sendFrom(win.webContents, DESKTOP_CHANNELS.flushDone, [{ requestId: flushRequests()[0], ok: false, message: 'The disk is full.' }]);
    await waitFor(() => electron.dialog.shown.length === 1, 'the question');
    expect(electron.dialog.shown[0]).toMatchObject({ kind: 'message', options: { detail: expect.stringContaining('The disk is full.') } });
    await new Promise((r) => setTimeout(r, 10));
    expect(electron.app.quitted).toBe(false); // the answer was "Keep the app open" (the cancel button)
    expect(win.isDestroyed()).toBe(false);

    electron.app.quit();
    electron.ipcMain.sendFrom(win.webContents, DESKTOP_CHANNELS.flushDone, [{ requestId: flushRequests()[1], ok: true }]);
    await waitFor(() => electron.app.quitted, 'the app to quit');
    expect(win.isDestroyed()).toBe(true);
  });

  it('the menu and the quit question speak the language the page reports; anything else is ignored', async () => {
    const { electron, win, sent, report } = await startShell();
    const language = (payload: unknown, from = win.webContents) => electron.ipcMain.sendFrom(from, DESKTOP_CHANNELS.uiLanguage, [payload]);
    const labels = () => electron.applicationMenu!.items.map((i) => i.label);
    report(['view.mode', 'edit.find']);
    electron.ipcMain.sendFrom(win.webContents, DESKTOP_CHANNELS.reviewState, [{ mode: 'suggesting', markup: 'final' }]);
    expect(labels()).toEqual(['&File', '&Edit', '&View', '&Help']);

    language('vi');
    expect(labels()).toEqual(['&Tệp', '&Sửa', '&Xem', 'Trợ &giúp']);
    const menu = electron.applicationMenu!;
    expect(menu.find('edit.find')).toMatchObject({ label: 'Tìm…', enabled: true });
    expect(menu.find('file.open')!.enabled).toBe(false);
    expect(menu.find('view.mode.suggesting')).toMatchObject({ label: 'Đề xuất sửa', checked: true });
    expect(menu.find('view.markup.final')!.checked).toBe(true);

    for (const bad of ['fr', 'EN', 'vi-VN', '', null, 7, { language: 'en' }, ['en']]) language(bad);
    win.webContents.url = 'https://example.com/'; // not the app's page
    language('en');
    win.webContents.url = 'app://bundle/index.html';
    expect(electron.applicationMenu).toBe(menu);
    expect(labels()).toEqual(['&Tệp', '&Sửa', '&Xem', 'Trợ &giúp']);

    // The shell's own dialog speaks it too.
    electron.app.quit();
    const request = sent.filter((s) => s.channel === DESKTOP_CHANNELS.flushRequest).at(-1)!.args[0];
    electron.ipcMain.sendFrom(win.webContents, DESKTOP_CHANNELS.flushDone, [{ requestId: request, ok: false, message: 'Ổ đĩa đầy.' }]);
    await waitFor(() => electron.dialog.shown.length === 1, 'the question');
    expect(electron.dialog.shown[0]).toMatchObject({ kind: 'message', options: { message: 'Không lưu được các thay đổi mới nhất.', buttons: ['Giữ ứng dụng mở', 'Thoát, không lưu'] } });
  });
});
