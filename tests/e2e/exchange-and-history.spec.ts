/**
 * Review files and history in the browser: an interview goes from a reporter's library to an editor's (two web
 * hosts on two data folders) as a review file, is edited there and comes back, merged into a new
 * version whose changes the compare view shows; history restore; trash and restore.
 */
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { openFile, saveForReview } from './page-actions';

// A wide screen: this story clicks History, Send and the review buttons; which of them fit beside
// each other on a laptop's top bar (and go to More otherwise) is layout-laptop.spec.ts's concern.
test.use({ viewport: { width: 1600, height: 900 } });

let reporter: RunningHost;
let editor: RunningHost;
test.beforeAll(async () => {
  [reporter, editor] = await Promise.all([startWebHost(newDataDir()), startWebHost(newDataDir())]);
});
test.afterAll(async () => Promise.all([reporter.stop(), editor.stop()]));

async function write(page: Page, host: RunningHost, headline: string, answer: string) {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New interview' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill(headline);
  await page.getByRole('textbox', { name: 'Interview body' }).click();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Thưa ông, tỉnh làm thế nào?');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(answer);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved');
}

test('an interview goes to the editor and back; the returned version shows what changed', async ({ page }, info) => {
  const dir = info.outputDir;
  await write(page, reporter, 'Long An: Kết nạp đảng viên', 'Chúng tôi chủ động xây dựng kế hoạch.');
  expect(await saveForReview(page, dir, 'outgoing.interview')).toBeTruthy();
  await expect(page.getByRole('status').filter({ hasText: 'long-an' }).or(page.getByRole('status').filter({ hasText: '.interview' }))).toContainText('Saved “');

  // The editor's library: open the file, edit the answer, send it back.
  await page.goto(editor.url);
  await openFile(page, join(dir, 'outgoing.interview'));
  await expect(page.getByRole('status').filter({ hasText: 'was added to the library' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Long An: Kết nạp đảng viên/ })).toBeVisible();
  await page.getByRole('button', { name: 'Open the interview' }).click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Long An: Kết nạp đảng viên');
  const answer = page.getByRole('textbox', { name: 'Interview body' }).getByText('Chúng tôi chủ động xây dựng kế hoạch.');
  await answer.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Biên tập viên thêm câu này.');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved');
  await saveForReview(page, dir, 'returned.interview');

  // Back in the reporter's library: merged into a new version, and the compare view shows the edit.
  await page.goto(reporter.url);
  await openFile(page, join(dir, 'returned.interview'));
  await expect(page.getByRole('status').filter({ hasText: 'returned.interview was merged into' })).toBeVisible();
  await page.getByRole('button', { name: 'Show changes' }).click();
  const changes = page.getByRole('dialog', { name: 'Show changes' });
  await expect(changes.locator('ins')).toContainText(['Biên tập viên thêm câu này.']);
  await changes.getByRole('button', { name: 'Close' }).click();

  // Opening the same file again changes nothing, and says so.
  await openFile(page, join(dir, 'returned.interview'));
  await expect(page.getByRole('status').filter({ hasText: 'was already opened' })).toBeVisible();

  // A file that is not a review file is refused with a clear message.
  await openFile(page, join(process.cwd(), 'package.json'));
  await expect(page.getByRole('alert')).toContainText('is not an Interview Desk review file');

  // The reporter's history lists the versions: the merge on top, the file as it came below it, the
  // one sent for review kept.
  await page.getByRole('link', { name: /Long An: Kết nạp đảng viên/ }).click();
  await expect(page.getByRole('textbox', { name: 'Interview body' })).toContainText('Biên tập viên thêm câu này.');
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: 'History' });
  await expect(history.locator('.history-entry').first()).toContainText('Merged');
  await expect(history.locator('.history-entry').filter({ hasText: 'Opened from a review file' })).toHaveCount(1);
  await expect(history.locator('.history-entry').filter({ hasText: 'Saved for review' })).toHaveCount(1);
});

test('history: name a version, change the text, restore the named version', async ({ page }) => {
  await write(page, reporter, 'Bản đầu tiên', 'Câu trả lời ban đầu.');
  await page.getByRole('button', { name: 'History' }).click();
  let history = page.getByRole('dialog', { name: 'History' });
  await history.getByRole('textbox', { name: 'Name this version' }).fill('Bản nháp 1');
  await history.getByRole('button', { name: 'Name version' }).click();
  await expect(history.getByRole('status')).toContainText('“Bản nháp 1”');
  await history.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('textbox', { name: 'Headline' }).fill('Tiêu đề đã sửa');
  await page.getByRole('textbox', { name: 'Interview body' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved');

  await page.getByRole('button', { name: 'History' }).click();
  history = page.getByRole('dialog', { name: 'History' });
  const named = history.locator('.history-entry').filter({ hasText: 'Bản nháp 1' });
  await history.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(history.locator('.compare-meta')).toContainText('Tiêu đề đã sửa');
  await named.getByRole('button', { name: 'Restore' }).click();
  // Restore asks first; then the open editor takes the restored version, now the newest revision.
  await page.getByRole('dialog', { name: /^Restore version \d+\?$/ }).getByRole('button', { name: /^Restore version/ }).click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Bản đầu tiên');
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('dialog', { name: 'History' }).locator('.history-entry').first()).toContainText('Restored');
});

test('trash: move an interview to the trash, restore it; delete a copy forever after confirming', async ({ page }) => {
  await write(page, editor, 'Bài sẽ bỏ vào thùng rác', 'Nội dung.');
  await page.getByRole('button', { name: 'Library' }).click();
  const row = page.locator('.doc-row').filter({ hasText: 'Bài sẽ bỏ vào thùng rác' }).filter({ hasNotText: '(copy)' });
  await row.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.locator('.doc-row').filter({ hasText: 'Bài sẽ bỏ vào thùng rác (copy)' })).toHaveCount(1);
  await row.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByRole('link', { name: /^Bài sẽ bỏ vào thùng rác/ })).toHaveCount(1); // only the copy
  await page.getByRole('searchbox', { name: 'Search interviews' }).fill('thung rac');
  await expect(page.locator('.doc-list li')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search interviews' }).fill('');

  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const trashed = page.getByRole('region', { name: 'Trash' }).locator('.doc-row').filter({ hasText: 'Bài sẽ bỏ vào thùng rác' });
  await expect(trashed).not.toContainText('(copy)');
  await expect(trashed).toHaveCount(1);
  await trashed.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await expect(page.getByRole('link', { name: /^Bài sẽ bỏ vào thùng rác/ })).toHaveCount(2);

  const copy = page.locator('.doc-row').filter({ hasText: '(copy)' });
  await copy.getByRole('button', { name: 'Move to trash' }).click();
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await page.getByRole('button', { name: 'Delete forever' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete forever?' });
  await confirm.getByRole('button', { name: 'Delete forever' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
});

test('a damaged library: the app offers its backups and restores one, keeping the damaged file', async ({ page }) => {
  const data = newDataDir();
  let host = await startWebHost(data); // makes the on-open backup
  await host.stop();
  const file = join(data, 'library.sqlite');
  const bytes = readFileSync(file);
  for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0xff;
  writeFileSync(file, bytes);

  host = await startWebHost(data);
  try {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'The library is damaged' })).toBeVisible();
    const backups = page.getByRole('list', { name: 'Backups' }).getByRole('listitem');
    await expect(backups).toHaveCount(1);
    await expect(backups.first()).toContainText('Automatic backup');
    await backups.first().getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('button', { name: 'New interview' })).toBeVisible();
    await page.getByRole('button', { name: 'New interview' }).click();
    await expect(page.getByRole('textbox', { name: 'Headline' })).toBeVisible();
    expect(readdirSync(join(data, 'damaged')).filter((n) => n.endsWith('.sqlite'))).toHaveLength(1);
  } finally {
    await host.stop();
  }
});
