import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { FIXTURE_INTERVIEW, fixtureInterviewText } from '../helpers/material';
import { assertValidNitf } from '../helpers/xml-validators';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

// An agency article, as a reporter would import it: header, photos with credits, 9 turns, byline, web chrome.
const articleText = fixtureInterviewText();
const articleUpToByline = articleText.slice(0, articleText.indexOf('Minh Trang') + 'Minh Trang'.length);

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

test('import an agency article through the preview, then export it as agency text, byte for byte', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Text file to import').setInputFiles(FIXTURE_INTERVIEW);
  const preview = page.getByRole('dialog', { name: 'Import preview' });
  await expect(preview).toContainText('9 turns, 3 photos, 2 speakers');
  await expect(preview.getByRole('listitem', { name: 'Ông Phạm Văn Thành' })).toContainText('4 turns');
  // The web page's related links after the byline (lines 50–52 of the file) are left out, and said so.
  await expect(preview.getByRole('list', { name: /places? the import was unsure of/ })).toContainText('Lines 50–52: left out as page furniture: "Tin liên quan"');
  await page.screenshot({ path: 'test-results/screenshots/import-preview.png' });
  await preview.getByRole('button', { name: 'Import interview' }).click();

  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(/^Quảng Ngãi: Đưa nước sạch về các xã vùng cao/);
  await expect(page.getByRole('group', { name: 'Phóng viên' })).toHaveCount(5);
  await expect(page.getByRole('group', { name: 'Ông Phạm Văn Thành' })).toHaveCount(4);
  await expect(page.locator('.interview-body figure')).toHaveCount(3);

  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  // NITF needs the photos' images, which a text file does not have: the preflight blocks it.
  await expect(dialog.getByRole('alert')).toContainText('Photo 1 has no image attached.');
  await expect(dialog.getByRole('button', { name: 'Save file' })).toBeDisabled();

  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('agency-text');
  await expect(dialog.getByRole('button', { name: 'Save file' })).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save file' }).click()]);
  const exported = readFileSync((await download.path())!, 'utf8');
  expect(exported.startsWith(articleUpToByline)).toBe(true);
  expect(exported.length - articleUpToByline.length).toBeLessThanOrEqual(1);
});

test('a written interview exports as valid NITF after its warnings are accepted', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New interview' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Tom & Jerry <say> ]]> “hello”');
  await page.getByRole('textbox', { name: 'Interview body' }).click();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Câu hỏi & trả lời?');
  await page.keyboard.press('Control+Enter');
  // An empty answer turn: a warning, not an error.
  await expect(page.getByRole('status')).toHaveText('Saved');

  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toContainText('has no text');
  await expect(dialog.getByRole('button', { name: 'Save file' })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'Export anyway, despite these warnings' }).check();
  await expect(dialog.getByRole('button', { name: 'Save file' })).toBeEnabled();
  await page.screenshot({ path: 'test-results/screenshots/export-dialog.png' });
  await expect(dialog.getByRole('region', { name: 'Export preview' }).or(dialog.getByLabel('Export preview'))).toContainText('<nitf');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save file' }).click()]);
  const file = (await download.path())!;
  // Its structure always; against the IPTC schema where the schemas are present (tests/helpers/material.ts).
  assertValidNitf(readFileSync(file, 'utf8'));
  expect(readFileSync(file, 'utf8')).toContain('Tom &amp; Jerry &lt;say&gt; ]]&gt; “hello”');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
