/**
 * The desktop app's menu, proven through the desktop harness (tests/desktop-harness/): the real
 * main-process code on the `electron` stand-in, the real preload and renderer in Chromium. Every
 * command item of the real menu is enabled exactly on the screens that handle it, and clicking it
 * there does what a user sees; File ▸ Open… and File ▸ Save for review… read and write real files.
 * Runs where the Electron binary cannot (tests/e2e/electron.spec.ts covers the real binary).
 */
import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESKTOP_CHANNELS } from '../../shared/desktop-bridge';
import { disposeHarnessBuild, launchDesktop, waitFor, type DesktopRun } from '../desktop-harness/desktop-app';
import { skipProfile } from '../desktop-harness/desktop-spec';

let run: DesktopRun | null = null;

function folders() {
  const root = mkdtempSync(join(tmpdir(), 'desk-harness-'));
  return { dataDir: join(root, 'library'), documentsDir: mkdtempSync(join(root, 'documents-')) };
}

async function start(context: Parameters<typeof launchDesktop>[0], args: string[] = [], dirs = folders()) {
  run = await launchDesktop(context, { ...dirs, args });
  await skipProfile(run.page);
  return { run, ...dirs };
}

test.afterEach(async () => {
  // An unhandled command, a CSP violation or an uncaught error is a failure of the test that caused it.
  if (run) expect(run.consoleErrors).toEqual([]);
  if (run && !run.electron.app.quitted) run.electron.app.exit(0);
  run = null;
});
test.afterAll(disposeHarnessBuild);

/** The command items each screen must enable: the rest stay greyed out there. */
const LIBRARY = ['file.new', 'file.open', 'file.import', 'help.shortcuts'];

test('the library screen enables exactly its commands, and File ▸ Open… opens a review file', async ({ context }) => {
  const { run } = await start(context);
  await expect(run.page.getByRole('button', { name: 'New interview' })).toBeVisible();
  await run.settle();
  expect(run.enabledCommandIds().sort()).toEqual(LIBRARY.sort());
  expect(run.item('file.saveForReview').enabled).toBe(false);

  run.clickMenu('file.open');
  await waitFor(() => run.electron.dialog.shown.length === 1, 'the open dialog');
  expect(run.electron.dialog.shown[0]).toMatchObject({ kind: 'open', options: { title: 'Open a review file (.interview) or a Word review copy (.docx)', filters: [{ extensions: ['interview', 'docx'] }] } });
});

test('File ▸ Save for review… on an interview writes the .interview file the library can open again', async ({ context }) => {
  const { run, documentsDir } = await start(context);
  run.clickMenu('file.new');
  const headline = run.page.getByRole('textbox', { name: 'Headline' });
  await headline.fill('Menu-saved interview');
  await run.settle();
  expect(run.item('file.saveForReview').enabled).toBe(true);
  expect(run.item('file.open').enabled).toBe(false);

  const target = join(documentsDir, 'for-review.interview');
  run.electron.dialog.answers.save.push({ canceled: false, filePath: target });
  run.clickMenu('file.saveForReview');
  await expect(run.page.getByRole('status').filter({ hasText: 'Saved “' })).toBeVisible();
  expect(existsSync(target)).toBe(true);
  expect(readFileSync(target).byteLength).toBeGreaterThan(100);
  await expect(run.page.getByTestId('current-status')).toHaveText('In review');

  // Back in the library, File ▸ Open… takes the same file: nothing new in it.
  run.clickMenu('file.close');
  await expect(run.page.getByRole('button', { name: 'New interview' })).toBeVisible();
  await run.settle();
  run.electron.dialog.answers.open.push({ canceled: false, filePaths: [target] });
  run.clickMenu('file.open');
  await expect(run.page.getByRole('status').filter({ hasText: 'for-review.interview' })).toBeVisible();
});

/** What clicking each command item visibly does, on the screen where it is enabled. */
type Effect = (run: DesktopRun) => Promise<void>;
const dialogShown = async (run: DesktopRun, kind: 'open' | 'save', title: string) => {
  await waitFor(() => run.electron.dialog.shown.length > 0, `a ${kind} dialog`);
  expect(run.electron.dialog.shown.pop()).toMatchObject({ kind, options: { title } });
};
const closesWithEscape = async (run: DesktopRun, name: string) => {
  const dialog = run.page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await run.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
};
const mode = (name: string) => async (run: DesktopRun) => {
  await expect(run.page.getByTestId('current-mode')).toHaveText(`Mode: ${name}`);
  // The View menu ticks what the page reports it shows.
  await expect.poll(() => run.item(`view.mode.${name.toLowerCase()}`).checked).toBe(true);
};
const markup = (name: 'Markup' | 'Final' | 'Original') => async (run: DesktopRun) => {
  const preview = run.page.getByRole('document', { name });
  if (name === 'Markup') await expect(run.page.locator('.review-preview')).toHaveCount(0);
  else await expect(preview).toBeVisible();
  await expect.poll(() => run.item(`view.markup.${name.toLowerCase()}`).checked).toBe(true);
};

const LIBRARY_EFFECTS: Record<string, Effect> = {
  'file.open': (run) => dialogShown(run, 'open', 'Open a review file (.interview) or a Word review copy (.docx)'),
  'file.import': (run) => dialogShown(run, 'open', 'Text file to import'),
  'help.shortcuts': (run) => closesWithEscape(run, 'Keyboard shortcuts'),
  'file.new': (run) => expect(run.page.getByRole('textbox', { name: 'Headline' })).toBeVisible(),
};

const DOCUMENT_EFFECTS: Record<string, Effect> = {
  'file.saveForReview': async (run) => {
    await dialogShown(run, 'save', 'Save for review');
    await expect(run.page.getByTestId('current-status')).toHaveText('Draft'); // cancelled: status put back
  },
  'file.sendToNewsroom': (run) => closesWithEscape(run, 'Send to newsroom'),
  'edit.find': (run) => expect(run.page.getByRole('search', { name: 'Find' })).toBeVisible(),
  'edit.replace': (run) => expect(run.page.getByRole('textbox', { name: 'Replace with' })).toBeVisible(),
  'view.mode.editing': mode('Editing'),
  'view.mode.suggesting': mode('Suggesting'),
  'view.mode.viewing': mode('Viewing'),
  'view.markup.markup': markup('Markup'),
  'view.markup.final': markup('Final'),
  'view.markup.original': markup('Original'),
  'help.shortcuts': (run) => closesWithEscape(run, 'Keyboard shortcuts'),
  'file.close': (run) => expect(run.page.getByRole('button', { name: 'New interview' })).toBeVisible(),
};

test('every command item of the real menu is enabled exactly where it works, and does its job there', async ({ context }) => {
  const { run } = await start(context);
  const commandItems = run.menu.all().filter((i) => i.click);
  const exportItems = commandItems.filter((i) => i.id.startsWith('file.export.'));
  for (const item of exportItems) {
    DOCUMENT_EFFECTS[item.id] = async (r) => {
      const dialog = r.page.getByRole('dialog', { name: 'Export' });
      await expect(dialog.getByRole('combobox', { name: 'Format' })).toHaveValue(item.id.slice('file.export.'.length));
      await closesWithEscape(r, 'Export');
    };
  }
  // Each item has a proven effect on some screen: a new menu item must be added here.
  expect(commandItems.map((i) => i.id).filter((id) => !(id in LIBRARY_EFFECTS) && !(id in DOCUMENT_EFFECTS))).toEqual([]);

  for (const [screen, effects] of [
    ['library', LIBRARY_EFFECTS],
    ['document', DOCUMENT_EFFECTS],
  ] as const) {
    await run.settle();
    expect(run.enabledCommandIds().sort(), `enabled on the ${screen} screen`).toEqual(Object.keys(effects).sort());
    // The item that leaves the screen goes last.
    const leaves = (id: string) => id === 'file.new' || id === 'file.close';
    for (const [id, effect] of Object.entries(effects).sort(([a], [b]) => Number(leaves(a)) - Number(leaves(b)))) {
      await test.step(`${screen}: ${id}`, async () => {
        run.clickMenu(id);
        await effect(run);
      });
    }
  }
  // The items not enabled on a screen are greyed out, not silently dead: clicking one is refused.
  await run.settle();
  expect(() => run.clickMenu('file.saveForReview')).toThrow('disabled');

  // The other items are Electron roles, carried out by Chromium and the OS: the harness proves
  // Quit (desktop-os.spec.ts) and About; the rest need a real Electron run (electron.spec.ts).
  const roles = run.menu
    .all()
    .filter((i) => i.role && !i.submenu)
    .map((i) => i.role);
  expect(roles.sort()).toEqual(['about', 'copy', 'cut', 'paste', 'quit', 'redo', 'reload', 'resetZoom', 'selectAll', 'toggleDevTools', 'togglefullscreen', 'undo', 'zoomIn', 'zoomOut'].sort());
  run.clickMenu({ role: 'about' });
  expect(run.electron.app.aboutPanelShown).toBe(1);
});

test('a command that still reaches a screen without a handler is reported, never silently dropped', async ({ context }) => {
  const { run } = await start(context);
  await run.settle();
  // As if the screen changed between a click and its delivery: the library has no Save for review.
  run.window.webContents.send(DESKTOP_CHANNELS.command, { type: 'file.saveForReview' });
  await expect.poll(() => run.consoleErrors).toEqual([expect.stringContaining('"file.saveForReview" arrived, but nothing on this screen handles it')]);
  run.consoleErrors.length = 0; // expected here; any other error still fails the test
});

test('the menus speak the app’s language: switched in Settings, they follow at once; a bad report is ignored', async ({ context }) => {
  const { run } = await start(context);
  await expect(run.page.getByRole('button', { name: 'New interview' })).toBeVisible();
  await run.settle();
  const topLabels = () => run.menu.items.map((i) => i.label);
  expect(topLabels()).toEqual(['&File', '&Edit', '&View', '&Help']);

  await run.page.getByRole('button', { name: 'Settings' }).click();
  await run.page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: 'Tiếng Việt' }).check();
  await expect(run.page.getByRole('dialog', { name: 'Cài đặt' })).toBeVisible();
  await expect.poll(topLabels).toEqual(['&Tệp', '&Sửa', '&Xem', 'Trợ &giúp']);
  expect(run.item('file.open').label).toBe('Mở…');
  expect(run.item('file.new').label).toBe('Bài phỏng vấn mới');
  expect(run.itemWithRole('quit').label).toBe('Thoát');
  // The new menu shows the same screen: the library's items enabled, the rest greyed out.
  await run.settle();
  expect(run.enabledCommandIds().sort()).toEqual(LIBRARY.sort());

  // Anything but exactly 'vi' or 'en' on the channel changes nothing.
  for (const bad of ['fr', 'EN', 'en-US', '', null, 42, { language: 'en' }, ['en']]) run.electron.ipcMain.sendFrom(run.window.webContents, DESKTOP_CHANNELS.uiLanguage, [bad]);
  expect(topLabels()).toEqual(['&Tệp', '&Sửa', '&Xem', 'Trợ &giúp']);
  // Nor does a report from a page that is not the app's.
  run.window.webContents.url = 'https://example.com/';
  run.electron.ipcMain.sendFrom(run.window.webContents, DESKTOP_CHANNELS.uiLanguage, ['en']);
  run.window.webContents.url = 'app://bundle/index.html';
  expect(topLabels()).toEqual(['&Tệp', '&Sửa', '&Xem', 'Trợ &giúp']);

  await run.page.getByRole('dialog', { name: 'Cài đặt' }).getByRole('radio', { name: 'English' }).check();
  await expect(run.page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await expect.poll(topLabels).toEqual(['&File', '&Edit', '&View', '&Help']);
  expect(run.item('file.open').label).toBe('Open…');
  await run.settle();
  expect(run.enabledCommandIds().sort()).toEqual(LIBRARY.sort());
});

test('a document’s mode stays ticked in the new language, and the next start speaks the stored one', async ({ context, browser }) => {
  const dirs = folders();
  const { run: first } = await start(context, [], dirs);
  await first.page.getByRole('button', { name: 'Settings' }).click();
  await first.page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: 'Tiếng Việt' }).check();
  await expect.poll(() => first.item('file.open').label).toBe('Mở…');
  await first.page.getByRole('dialog', { name: 'Cài đặt' }).getByRole('button', { name: 'Đóng', exact: true }).click();
  first.clickMenu('file.new');
  await expect(first.page.getByRole('textbox', { name: 'Tiêu đề' })).toBeVisible();
  await first.settle();
  // Viewing ticked, then the language changes (as Settings would report it): still ticked, in English.
  first.clickMenu('view.mode.viewing');
  await expect(first.page.getByTestId('current-mode')).toHaveText('Chế độ: Xem');
  await first.settle(); // the page's own report of its mode has arrived, not just the click's tick
  await expect.poll(() => first.item('view.mode.viewing').checked).toBe(true);
  expect(first.item('view.mode.viewing').label).toBe('Chỉ xem');
  first.electron.ipcMain.sendFrom(first.window.webContents, DESKTOP_CHANNELS.uiLanguage, ['en']);
  expect(first.item('view.mode.viewing')).toMatchObject({ label: 'Viewing', checked: true });
  expect(first.item('view.mode.editing').checked).toBe(false);
  first.electron.ipcMain.sendFrom(first.window.webContents, DESKTOP_CHANNELS.uiLanguage, ['vi']);
  expect(first.item('file.saveForReview').enabled).toBe(true);
  // Quit once the page is quiet: nothing of it still on its way to the library as it closes.
  await first.settle();
  first.clickMenu({ role: 'quit' });
  await waitFor(() => first.electron.app.quitted, 'the app to quit');
  expect(first.consoleErrors).toEqual([]);

  // The setting is the library's: the next start's menu is Vietnamese as soon as the page reports.
  const second = await launchDesktop(await browser.newContext(), { ...dirs, args: [] });
  run = second;
  await expect(second.page.getByRole('button', { name: 'Bài phỏng vấn mới' })).toBeVisible();
  await expect.poll(() => second.item('file.new').label).toBe('Bài phỏng vấn mới');
});
