/**
 * The desktop app and the operating system, through the desktop harness (tests/desktop-harness/):
 * a `.interview` file given on the command line or to a second launch is opened (and the window
 * brought forward); a damaged file is refused with a clear message and changes nothing; quitting
 * right after typing stores the text first. Real main-process code, real preload and renderer;
 * only Electron itself is the stand-in.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { disposeHarnessBuild, launchDesktop, waitFor, type DesktopRun } from '../desktop-harness/desktop-app';

const runs: DesktopRun[] = [];

test.afterEach(async () => {
  for (const run of runs.splice(0)) {
    expect(run.consoleErrors).toEqual([]);
    if (!run.electron.app.quitted) run.electron.app.exit(0);
  }
});
test.afterAll(disposeHarnessBuild);

const newRoot = () => mkdtempSync(join(tmpdir(), 'desk-harness-'));

/** A fresh browser context per run: each run is a new app process with its own page. */
async function launch(browser: Browser, dataDir: string, documentsDir: string, args: string[] = []): Promise<DesktopRun> {
  const run = await launchDesktop(await browser.newContext(), { dataDir, documentsDir, args });
  runs.push(run);
  return run;
}

async function skipProfile(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Your profile' });
  await dialog.getByRole('textbox', { name: 'Display name' }).fill('Lan');
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(dialog).toHaveCount(0);
}

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
