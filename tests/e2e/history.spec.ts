/**
 * History in the browser: autosaves listed as one entry per working burst, by their author; the
 * compare view showing a pending replacement as one deletion and one insertion; restore asking
 * first, taking the old version in place without reloading the page, and being undone.
 */
import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { api, firstStart, selectText } from './page-actions';

let host: RunningHost;
test.beforeAll(async ({ browser }) => {
  host = await startWebHost(newDataDir());
  // The library's first start: Lan, a reporter, works here.
  const page = await browser.newPage();
  await firstStart(page, host.url, 'Lan', 'Reporter');
  await page.close();
});
test.afterAll(async () => host.stop());

const body = (page: Page) => page.getByRole('textbox', { name: 'Interview body' });
const answer = (page: Page) => page.getByRole('group', { name: 'Guest' }).locator('p').first();
const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
const documentId = (page: Page) => decodeURIComponent(new URL(page.url()).hash.replace('#/doc/', ''));
/** The stored revision of the open interview: how many saves there were. */
const revision = async (page: Page) => (await api<{ revision: number }>(page, 'document.load', { id: documentId(page) })).revision;

/** Type, and wait until the autosave stored it (the revision moved on). */
async function typeAndSave(page: Page, text: string) {
  const before = await revision(page);
  await page.keyboard.type(text);
  await expect.poll(() => revision(page)).toBeGreaterThan(before);
  await saved(page);
}

async function newInterview(page: Page, headline: string) {
  await page.getByRole('button', { name: 'New interview' }).click();
  await expect(page.getByRole('radio', { name: 'Editing' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Headline' }).fill(headline);
  await body(page).click();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('How much did it grow?');
  await page.keyboard.press('Control+Enter');
}

test.beforeEach(async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'New interview' })).toBeVisible();
});

test('autosaves are listed as one entry per working burst, named with the author', async ({ page }) => {
  await newInterview(page, 'Two bursts');
  // First burst: several autosaves.
  await typeAndSave(page, 'It grew');
  await typeAndSave(page, ' by a third.');
  // A mode switch ends the burst (and keeps the text as it was then).
  await page.getByRole('radio', { name: 'Viewing' }).check();
  await page.getByRole('radio', { name: 'Editing' }).check();
  await answer(page).click();
  await page.keyboard.press('End');
  // Second burst: several autosaves again.
  await typeAndSave(page, ' Then it slowed.');
  await typeAndSave(page, ' Now it is steady.');
  expect(await revision(page)).toBeGreaterThanOrEqual(5);

  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: 'History' });
  const entries = history.locator('.history-entry');
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText('Edited by Lan');
  await expect(entries.nth(0)).toContainText('current');
  await expect(entries.nth(1)).toContainText('Mode switched · by Lan');
  await expect(entries.nth(2)).toContainText('Created by Lan');
  // Each entry holds the text as its burst left it: compared by default, the previous one with the current one.
  await history.getByRole('button', { name: 'Compare', exact: true }).click();
  const blocks = history.locator('.compare-blocks');
  await expect(blocks.locator('ins')).toHaveText([' Then it slowed. Now it is steady.']);
  await expect(blocks.locator('del')).toHaveCount(0);
});

test('compare shows a pending replacement once; restore asks, happens in place without a reload, and is undone', async ({ page }) => {
  await newInterview(page, 'Growth');
  await typeAndSave(page, 'This year it grew 30% over last year.');
  await page.getByRole('button', { name: 'History' }).click();
  let history = page.getByRole('dialog', { name: 'History' });
  await history.getByRole('textbox', { name: 'Name this version' }).fill('Reporter’s draft');
  await history.getByRole('button', { name: 'Name version' }).click();
  await expect(history.getByRole('status')).toContainText('“Reporter’s draft”');
  await history.getByRole('button', { name: 'Close' }).click();

  // Suggesting: 30% replaced by 25% (struck and inserted in the text, pending).
  await page.getByRole('radio', { name: 'Suggesting' }).check();
  await answer(page).click();
  await selectText(answer(page), '30%');
  await page.keyboard.type('25%');
  await expect(answer(page).locator('del')).toHaveText(['30%']);
  await expect(answer(page).locator('ins')).toHaveText(['25%']);
  await saved(page);

  // Compare the named version with the current one: one deletion, one insertion, listed as a suggestion by Lan.
  await page.getByRole('button', { name: 'History' }).click();
  history = page.getByRole('dialog', { name: 'History' });
  const named = history.locator('.history-entry').filter({ hasText: 'Reporter’s draft' });
  const namedRevision = Number((await named.locator('strong').innerText()).replace(/\D/g, ''));
  await history.getByRole('combobox', { name: 'Compare' }).selectOption({ label: await history.getByRole('combobox', { name: 'Compare' }).locator('option', { hasText: 'Reporter’s draft' }).innerText() });
  await history.getByRole('button', { name: 'Compare', exact: true }).click();
  const text = history.locator('.compare-blocks');
  await expect(text.locator('li')).toHaveCount(1);
  await expect(text.locator('li')).toContainText('Guest');
  await expect(text.locator('del')).toHaveText(['30%']);
  await expect(text.locator('ins')).toHaveText(['25%']);
  await expect(text).not.toContainText('30%30%');
  const suggestions = history.locator('.compare-suggestions li');
  await expect(suggestions).toHaveCount(1);
  await expect(suggestions).toContainText('Lan');
  await expect(suggestions.locator('del')).toHaveText(['30%']);
  await expect(suggestions.locator('ins')).toHaveText(['25%']);

  // Restore the named version: asked first; the page is not reloaded (a marker on window survives).
  await page.evaluate(() => ((window as unknown as { restoreMarker: string }).restoreMarker = 'still here'));
  const current = Number((await history.locator('.history-entry').filter({ hasText: 'current' }).locator('strong').innerText()).replace(/\D/g, ''));
  await named.getByRole('button', { name: 'Restore' }).click();
  const confirm = page.getByRole('dialog', { name: `Restore version ${namedRevision}?` });
  await expect(confirm).toContainText(`Version ${namedRevision}`);
  await expect(confirm).toContainText('Reporter’s draft');
  await expect(confirm).toContainText(`The current text (version ${current}) stays in the history`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(answer(page).locator('ins')).toHaveText(['25%']); // nothing happened
  await named.getByRole('button', { name: 'Restore' }).click();
  await confirm.getByRole('button', { name: `Restore version ${namedRevision}` }).click();
  await expect(history).toHaveCount(0);
  await expect(answer(page)).toHaveText('This year it grew 30% over last year.');
  await expect(body(page).locator('ins, del')).toHaveCount(0);
  const notice = page.getByRole('status').filter({ hasText: 'is restored' });
  await expect(notice).toContainText(`Version ${namedRevision} is restored. The text you had is kept in the history as version ${current}.`);
  expect(await page.evaluate(() => (window as unknown as { restoreMarker?: string }).restoreMarker)).toBe('still here');
  // The editor goes on from the restored text: it is still in Suggesting mode, and it saves on the new revision.
  await expect(page.getByRole('radio', { name: 'Suggesting' })).toBeChecked();
  expect((await api<{ revision: number }>(page, 'document.load', { id: documentId(page) })).revision).toBe(current + 1);

  // Undo restore: the text before it is back, still without a reload.
  await notice.getByRole('button', { name: 'Undo restore' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restore undone' })).toBeVisible();
  await expect(answer(page).locator('del')).toHaveText(['30%']);
  await expect(answer(page).locator('ins')).toHaveText(['25%']);
  expect(await page.evaluate(() => (window as unknown as { restoreMarker?: string }).restoreMarker)).toBe('still here');

  // Typing goes on and is saved on top; both restores are in the history.
  await answer(page).click();
  await page.keyboard.press('End');
  await typeAndSave(page, ' Good.');
  await page.getByRole('button', { name: 'History' }).click();
  history = page.getByRole('dialog', { name: 'History' });
  const entries = history.locator('.history-entry');
  await expect(entries.nth(1)).toContainText(`Restored · by Lan`);
  await expect(entries.nth(1)).toContainText(`from version ${current}`);
  await expect(entries.nth(2)).toContainText(`from version ${namedRevision}`);
});
