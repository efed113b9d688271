/**
 * The desktop app and the operating system, through the desktop harness (tests/desktop-harness/):
 * a `.interview` file given on the command line or to a second launch is opened (and the window
 * brought forward); a damaged file is refused with a clear message and changes nothing; quitting
 * right after typing stores the text first; a window whose screen is gone opens on the primary one;
 * only links to the app's website leave the app. Real main-process code, real preload and
 * renderer; only Electron itself is the stand-in.
 */
import { expect, test, type Browser } from '@playwright/test';
import type * as E from 'electron';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { launchDesktop, waitFor } from '../desktop-harness/desktop-app';
import { desktopSpec, skipProfile } from '../desktop-harness/desktop-spec';
import { StandInEvent } from '../desktop-harness/electron-stand-in';

const { newRoot, launch } = desktopSpec('desk-harness-');

/** An interview saved for review through the menu, as a file in `documentsDir`. */
async function reviewFile(browser: Browser, root: string, headline: string): Promise<string> {
  const run = await launch(browser, join(root, 'sender'), root);
  await skipProfile(run.page);
  await run.settle();
  run.clickMenu('file.new');
  await run.page.getByRole('textbox', { name: 'Headline' }).fill(headline);
  await run.settle();
  const file = join(root, 'story.interview');
  run.electron.dialog.answers.save.push({ canceled: false, filePath: file });
  run.clickMenu('file.saveForReview');
  await expect(run.page.getByRole('status').filter({ hasText: 'Saved “' })).toBeVisible();
  run.clickMenu({ role: 'quit' });
  await waitFor(() => run.electron.app.quitted, 'the sender’s app to quit');
  return file;
}

test('a .interview file on the command line opens in the new window', async ({ browser }) => {
  const root = newRoot();
  const file = await reviewFile(browser, root, 'Handed over by the OS');
  const run = await launch(browser, join(root, 'receiver'), root, [file, '--some-switch', join(root, 'notes.txt')]);
  await expect(run.page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Handed over by the OS');
});

test('a second launch hands its file to the running app, which comes forward and opens it', async ({ browser }) => {
  const root = newRoot();
  const file = await reviewFile(browser, root, 'From a second launch');
  const run = await launch(browser, join(root, 'receiver'), root);
  await skipProfile(run.page);
  run.window.minimize();
  // What Electron does when the second instance fails to take the lock: the first gets its argv.
  run.electron.app.emit('second-instance', {}, [process.execPath, basename(file)], root); // relative to its working folder
  await expect(run.page.getByRole('textbox', { name: 'Headline' })).toHaveValue('From a second launch');
  expect(run.window.isMinimized()).toBe(false);
  expect(run.window.isFocused()).toBe(true);
});

test('the second instance itself quits at once, leaving the first one its file', async ({ browser }) => {
  const root = newRoot();
  const run = await launchDesktop(await browser.newContext(), { dataDir: join(root, 'lib'), documentsDir: root, args: [join(root, 'a.interview')] }, (electron) => {
    electron.app.singleInstanceLock = false;
  });
  expect(run.electron.app.quitted).toBe(true);
  expect(run.electron.windows).toEqual([]);
});

test('a damaged .interview file is refused with a clear message, and the library is unchanged', async ({ browser }) => {
  const root = newRoot();
  const damaged = join(root, 'damaged.interview');
  writeFileSync(damaged, 'PK\u0003\u0004 this is not a review file at all');
  const run = await launch(browser, join(root, 'lib'), root);
  await skipProfile(run.page);
  run.electron.app.emit('second-instance', {}, [process.execPath, damaged], root);
  await expect(run.page.getByRole('alert')).toContainText('damaged.interview');
  await expect(run.page.getByRole('button', { name: 'New interview' })).toBeVisible();
  await expect(run.page.getByText('No interviews yet', { exact: false })).toBeVisible();
});

test('quitting right after typing stores the text first (the quit guard waits for the flush)', async ({ browser }) => {
  const root = newRoot();
  const dataDir = join(root, 'lib');
  const run = await launch(browser, dataDir, root);
  await skipProfile(run.page);
  await run.settle();
  run.clickMenu('file.new');
  await run.page.getByRole('textbox', { name: 'Headline' }).fill('Typed just before quitting');
  // Well inside the autosave delay: only the flush on quit can store it.
  run.clickMenu({ role: 'quit' });
  await waitFor(() => run.electron.app.quitted, 'the app to quit');
  expect(run.electron.dialog.shown.filter((d) => d.kind === 'message')).toEqual([]); // no "quit without saving?" question

  const again = await launch(browser, dataDir, root);
  await expect(again.page.getByText('Typed just before quitting')).toBeVisible();
});

/** A laptop screen, and an external monitor to its right. */
const LAPTOP = { id: 1, workArea: { x: 0, y: 0, width: 1440, height: 875 }, bounds: { x: 0, y: 0, width: 1440, height: 900 }, scaleFactor: 2 } as Partial<E.Display> as E.Display;
const MONITOR = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1415 }, bounds: { x: 1440, y: 0, width: 2560, height: 1440 }, scaleFactor: 1 } as Partial<E.Display> as E.Display;

/** Launch with the window last left at `bounds`, on these screens; the window's bounds as it opens. */
async function openWith(browser: Browser, bounds: { x: number; y: number; width: number; height: number }, displays: E.Display[]) {
  const root = newRoot();
  const dataDir = join(root, 'lib');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'window-state.json'), JSON.stringify({ bounds, maximized: false }));
  const run = await launch(browser, dataDir, root, [], (electron) => {
    electron.displays = displays;
  });
  return run.window.getBounds();
}

const inside = (r: E.Rectangle, area: E.Rectangle) => r.x >= area.x && r.y >= area.y && r.x + r.width <= area.x + area.width && r.y + r.height <= area.y + area.height;

test('the window opens where it was left while that screen is there, and on the primary screen, fully visible, once it is gone', async ({ browser }) => {
  const onMonitor = { x: 2000, y: 120, width: 1400, height: 1000 };
  expect(await openWith(browser, onMonitor, [LAPTOP, MONITOR])).toEqual(onMonitor);

  // The monitor is unplugged: the saved place is off every screen.
  const reopened = await openWith(browser, onMonitor, [LAPTOP]);
  expect(inside(reopened, LAPTOP.workArea), JSON.stringify(reopened)).toBe(true);
  expect(reopened.width).toBeLessThanOrEqual(LAPTOP.workArea.width);
  expect(reopened.height).toBeLessThanOrEqual(LAPTOP.workArea.height);
});

test('only https links to the app’s website leave the app (to the system browser); no other link opens anything', async ({ browser }) => {
  const root = newRoot();
  const run = await launch(browser, join(root, 'lib'), root);
  const contents = run.window.webContents;
  // What Chromium asks the main process when the page opens a window, and when it follows a link.
  const openWindow = (url: string) => contents.windowOpenHandler!({ url, frameName: '', features: '', disposition: 'foreground-tab', referrer: { url: '', policy: 'no-referrer' }, postBody: undefined } as unknown as E.HandlerDetails);
  const follow = (url: string) => {
    const event = new StandInEvent();
    contents.emit('will-navigate', event, url);
    return event.defaultPrevented;
  };

  const ours = 'https://example.invalid/interview-desk/help#export';
  expect(openWindow(ours)).toEqual({ action: 'deny' }); // never a window of the app's own
  expect(follow('https://example.invalid/interview-desk')).toBe(true); // the page stays the app
  const refused = ['http://example.invalid/interview-desk', 'https://example.invalid/interview-desk-look-alike', 'https://vnanet.vn/', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@example.invalid/interview-desk', 'smb://server/share'];
  for (const url of refused) {
    expect(openWindow(url)).toEqual({ action: 'deny' });
    expect(follow(url), url).toBe(true);
  }
  expect(follow('app://bundle/index.html#/library')).toBe(false); // the app's own pages still navigate
  await waitFor(() => run.electron.openedExternally.length >= 2, 'the system browser to be asked');
  expect(run.electron.openedExternally).toEqual([ours, 'https://example.invalid/interview-desk']);
});
