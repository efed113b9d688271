/**
 * What the desktop specs set up alike. Each test starts from a fresh folder; each launch is a new
 * app process with a browser context (and so a page) of its own. After each test every run must
 * have logged no console error (an unhandled command is one) and is ended; after the file, the
 * harness's bundles are removed.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { disposeHarnessBuild, launchDesktop, type DesktopRun } from './desktop-app';

type Prepare = Parameters<typeof launchDesktop>[2];

/** Registers the spec file's hooks; `rootPrefix` names its temporary folders. */
export function desktopSpec(rootPrefix: string) {
  const runs: DesktopRun[] = [];

  test.afterEach(async () => {
    for (const run of runs.splice(0)) {
      expect(run.consoleErrors).toEqual([]);
      if (!run.electron.app.quitted) run.electron.app.exit(0);
    }
  });
  test.afterAll(disposeHarnessBuild);

  return {
    newRoot: () => mkdtempSync(join(tmpdir(), rootPrefix)),

    /** Launches the app on this library folder, ended after the test; `prepare` sets up the stand-in first. */
    async launch(browser: Browser, dataDir: string, documentsDir: string, args: string[] = [], prepare?: Prepare): Promise<DesktopRun> {
      const run = await launchDesktop(await browser.newContext(), { dataDir, documentsDir, args }, prepare);
      runs.push(run);
      return run;
    },
  };
}

/** The first start asks who works here; the desktop specs do not care. */
export async function skipProfile(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Your profile' });
  await dialog.getByRole('textbox', { name: 'Display name' }).fill('Lan');
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(dialog).toHaveCount(0);
}
