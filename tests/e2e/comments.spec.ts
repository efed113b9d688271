/**
 * Comments as a reporter and an editor use them: a thread on a question,
 * a reply, resolve and reopen, kept through a reload, orphaned (not lost) when its text is deleted,
 * and back on its text after undo.
 */
import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { firstStart, selectText, setProfile } from './page-actions';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

const body = (page: Page) => page.getByRole('textbox', { name: 'Interview body' });
const question = (page: Page) => page.getByRole('group', { name: 'Reporter' }).locator('p').first();
const panel = (page: Page) => page.getByRole('complementary', { name: 'Review' });

test('an editor comments on a question, the reporter replies and resolves; the thread survives reload and deletion of its text', async ({ page }) => {
  await firstStart(page, host.url, 'Lan', 'Reporter');

  await page.getByRole('button', { name: 'New interview' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Hội nghị');
  await body(page).click();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Thưa ông, kết quả năm nay ra sao?');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Vượt chỉ tiêu.');
  await expect(page.getByRole('status')).toHaveText('Saved');

  // Nothing selected: the panel says what to do instead of opening an empty comment.
  await page.keyboard.press('Control+Alt+KeyM');
  await expect(panel(page)).toContainText('Select the text you want to comment on first.');

  // The editor comments on part of the question (the button, in Suggesting mode).
  await setProfile(page, 'Minh', 'Editor');
  await selectText(question(page), 'kết quả năm nay');
  await page.getByRole('button', { name: 'Add comment' }).click();
  await expect(panel(page)).toContainText('On: “kết quả năm nay”');
  await panel(page).getByRole('textbox', { name: 'New comment' }).fill('Nêu con số cụ thể?');
  await panel(page).getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(question(page).locator('.comment-anchor')).toHaveText('kết quả năm nay');
  const thread = panel(page).getByRole('listitem', { name: /^Minh: Nêu con số cụ thể\?/ });
  await expect(thread).toContainText('Minh');
  // Commenting is not a suggestion: nothing is pending in the text.
  await expect(body(page).locator('ins, del')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Comments (1)' })).toBeVisible();
  // Reopened, an editor's document starts in Suggesting (the profile is known before it opens).
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Suggesting' })).toBeChecked();
  await page.getByRole('button', { name: 'Comments (1)' }).click();

  // The reporter replies and resolves it.
  await setProfile(page, 'Lan', 'Reporter');
  await thread.getByRole('button', { name: 'Reply' }).click();
  await thread.getByRole('textbox', { name: 'Reply' }).fill('Đã thêm: 1.250 đảng viên mới.');
  await thread.getByRole('button', { name: 'Reply' }).click();
  await expect(thread.locator('.comment-entries > li')).toHaveCount(2);
  // One's own comment can be edited (another library's author cannot: exchange-roundtrip.spec.ts).
  await thread.getByRole('button', { name: 'Edit your comment “Đã thêm: 1.250 đảng viên mới.”' }).click();
  await thread.getByRole('textbox', { name: 'Edit comment' }).fill('Đã thêm: 1.250 đảng viên mới trong năm.');
  await thread.getByRole('button', { name: 'Save' }).click();
  await expect(thread.locator('.comment-entries > li').nth(1)).toContainText('Đã thêm: 1.250 đảng viên mới trong năm.');
  await expect(thread.locator('.comment-entries > li').nth(1)).toContainText('edited');
  await expect(thread.locator('.comment-entries > li').nth(0)).not.toContainText('edited');
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(thread).toHaveCount(0); // resolved threads are hidden unless asked for
  await expect(question(page).locator('.comment-anchor')).toHaveCount(0);
  await panel(page).getByRole('checkbox', { name: 'Show resolved comments' }).check();
  await expect(thread).toContainText('Resolved by Lan');

  // Kept through a reload, with its reply; reopened, it is highlighted again.
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await page.getByRole('button', { name: 'Comments' }).click();
  await expect(panel(page).getByRole('radio', { name: 'Comments' })).toBeChecked();
  await panel(page).getByRole('checkbox', { name: 'Show resolved comments' }).check();
  await expect(thread.locator('.comment-entries > li')).toHaveCount(2);
  await thread.getByRole('button', { name: 'Reopen' }).click();
  await expect(question(page).locator('.comment-anchor')).toHaveText('kết quả năm nay');

  // Deleting the commented words keeps the thread, orphaned, with the words it was on.
  await selectText(question(page), 'kết quả năm nay ');
  await page.keyboard.press('Backspace');
  await expect(question(page)).toHaveText('Thưa ông, ra sao?');
  await expect(panel(page)).toContainText('The commented text was deleted. The thread is kept.');
  await expect(panel(page)).toContainText('Was on: “kết quả năm nay”');
  await expect(thread.locator('.comment-entries > li')).toHaveCount(2);

  // Undo brings the words back, and the thread is on them again.
  await page.keyboard.press('Control+Z');
  await expect(question(page).locator('.comment-anchor')).toHaveText('kết quả năm nay');
  await expect(panel(page)).not.toContainText('The commented text was deleted.');

  // Deleting the thread takes its highlight out of the text; undo puts both back.
  page.once('dialog', (d) => void d.accept());
  await thread.getByRole('button', { name: 'Delete thread' }).click();
  await expect(thread).toHaveCount(0);
  await expect(question(page).locator('.comment-anchor')).toHaveCount(0);
  await body(page).click();
  await page.keyboard.press('Control+Z');
  await expect(question(page).locator('.comment-anchor')).toHaveText('kết quả năm nay');
});

test('a reader in Viewing mode can still comment (the text stays unchanged)', async ({ page }) => {
  // A library of its own, so this does not depend on the test above having set a profile.
  const own = await startWebHost(newDataDir());
  try {
    await firstStart(page, own.url, 'Hà', 'Reporter');
    await page.getByRole('button', { name: 'New interview' }).click();
    await body(page).click();
    await page.keyboard.press('Control+Enter');
    await page.keyboard.type('Thưa ông, kết quả ra sao?');
    await page.getByRole('radio', { name: 'Viewing' }).check();
    await selectText(question(page), 'kết quả');
    await page.keyboard.press('Control+Alt+KeyM');
    await panel(page).getByRole('textbox', { name: 'New comment' }).fill('Rõ hơn');
    await panel(page).getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(question(page).locator('.comment-anchor')).toHaveText('kết quả');
    await expect(question(page)).toHaveText('Thưa ông, kết quả ra sao?');
    await expect(body(page).locator('ins, del')).toHaveCount(0);
  } finally {
    await own.stop();
  }
});
