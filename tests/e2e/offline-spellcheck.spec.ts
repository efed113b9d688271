/**
 * The browser's own spellchecker stays off in every field (it may fetch dictionaries from the
 * network, and the app checks spelling and tone marks itself, offline): the editor, the metadata
 * fields, photo captions and credits, and comments.
 */
import { expect, test } from '@playwright/test';
import { FIXTURE_INTERVIEW } from '../helpers/material';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

test('no field of an interview is checked by the browser’s spellchecker', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Text file to import').setInputFiles(FIXTURE_INTERVIEW);
  await page.getByRole('dialog', { name: 'Import preview' }).getByRole('button', { name: 'Import interview' }).click();
  await expect(page.locator('.interview-body figure')).toHaveCount(3);

  const fields = page.locator('textarea, input[type="text"], input:not([type]), [contenteditable="true"]');
  const count = await fields.count();
  // The editor, headline, sapo and the other metadata fields, three photos' caption, credit and alt text.
  expect(count).toBeGreaterThan(10);
  const checked = await fields.evaluateAll((els) => els.filter((el) => (el as HTMLElement).spellcheck).map((el) => el.getAttribute('aria-label') ?? el.outerHTML.slice(0, 80)));
  expect(checked).toEqual([]);
});
