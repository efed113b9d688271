import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { FIXTURE_INTERVIEW } from '../helpers/material';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

test('an imported interview is saved from the Export dialog as a Word document a desk template can restyle', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Text file to import').setInputFiles(FIXTURE_INTERVIEW);
  await page.getByRole('dialog', { name: 'Import preview' }).getByRole('button', { name: 'Import interview' }).click();
  await expect(page.getByRole('group', { name: 'Ông Phạm Văn Thành' })).toHaveCount(4);

  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('docx');
  // Photos without images do not stop a document meant for people.
  await expect(dialog.getByRole('button', { name: 'Save file' })).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save file' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const document = strFromU8(files['word/document.xml'] ?? new Uint8Array());
  expect(document).toContain('Quảng Ngãi: Đưa nước sạch về các xã vùng cao');
  // Nine turns, each opening with its speaker label in a run of its own.
  expect(document.match(/<w:rStyle w:val="Speaker"\/>/g)).toHaveLength(9);
  expect(document).toContain('<w:lang w:val="vi-VN"/>');
  expect(strFromU8(files['docProps/custom.xml'] ?? new Uint8Array())).toContain('name="InterviewDeskId"');
});
