/**
 * Find and replace (ignoring diacritics), the word and character counts, and the keyboard
 * shortcuts panel, in Chromium against the web host. Screenshots of the find bar (English,
 * Vietnamese, narrow window) go to test-results/screenshots/ for a person to look at.
 */
import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` });

// 9 + 12 + 9 + 15 = 45 words ("-" is not one); 44 + 54 + 38 + 65 = 201 characters.
const INTRO = 'TTXVN - Long An kết nạp 1.200 đảng viên mới.';
const QUESTION = 'Đảng bộ tỉnh làm gì để phát triển đảng viên, thưa ông?';
const ANSWER_1 = 'Đảng bộ tỉnh có 19 đảng bộ trực thuộc.';
const ANSWER_2 = 'Mỗi dang vien mới là một hạt nhân, mỗi dang vien cũ là tấm gương.'; // typed in a hurry, without diacritics

async function typeInterview(page: Page, labels = { newInterview: 'New interview', body: 'Interview body' }) {
  await page.goto(host.url);
  await page.getByRole('button', { name: labels.newInterview }).click();
  await page.getByRole('textbox', { name: labels.body }).click();
  await page.keyboard.type(INTRO);
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(QUESTION);
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(ANSWER_1);
  await page.keyboard.press('Enter');
  await page.keyboard.type(ANSWER_2);
}

const paragraphs = (page: Page) => page.locator('.interview-body p');
const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

test('find ignoring diacritics, replace all as one undo step, counts', async ({ page }) => {
  await typeInterview(page);
  const body = page.getByRole('textbox', { name: 'Interview body' });
  const counts = page.locator('.counts-line');
  await expect(counts).toContainText('45 words · 201 characters');
  await expect(counts).toContainText('This turn: 24 words');

  // Ctrl+F opens the find bar with the Find box focused.
  await page.keyboard.press('Control+F');
  const bar = page.getByRole('search', { name: 'Find' });
  await expect(bar).toBeVisible();
  const find = bar.getByRole('textbox', { name: 'Find' });
  await expect(find).toBeFocused();
  await expect(bar.getByRole('checkbox', { name: 'Ignore diacritics' })).toBeChecked();
  await expect(bar.getByRole('checkbox', { name: 'Match case' })).not.toBeChecked();

  // `dang` finds đảng, Đảng and the unaccented dang: 1 + 2 + 2 + 2. The caret was at the end,
  // so the search wraps to the first match.
  await find.fill('dang');
  const counter = bar.locator('.find-counter');
  await expect(counter).toHaveText('1 of 7');
  await expect(page.locator('.interview-body .find-match')).toHaveCount(7);
  await expect(page.locator('.interview-body .find-current')).toHaveText('đảng');

  // Next (button, then Enter) moves the selection on; Shift+Enter goes back.
  await bar.getByRole('button', { name: 'Next' }).click();
  await expect(counter).toHaveText('2 of 7');
  const question = page.getByRole('group', { name: 'Reporter' });
  await expect(question.locator('.find-current')).toHaveText('Đảng');
  await find.press('Enter');
  await expect(counter).toHaveText('3 of 7');
  await expect(question.locator('.find-current')).toHaveText('đảng');
  await find.press('Shift+Enter');
  await expect(counter).toHaveText('2 of 7');

  // With diacritics counting, `dang` is only the unaccented word.
  await bar.getByRole('checkbox', { name: 'Ignore diacritics' }).uncheck();
  await expect(counter).toHaveText('1 of 2');
  await expect(page.locator('.interview-body .find-current')).toHaveText('dang');
  // Back on: the search starts from that selection, the sixth of seven.
  await bar.getByRole('checkbox', { name: 'Ignore diacritics' }).check();
  await expect(counter).toHaveText('6 of 7');
  await bar.getByRole('button', { name: 'Previous' }).click();
  await expect(counter).toHaveText('5 of 7');
  for (let i = 0; i < 3; i++) await find.press('Shift+Enter');
  await expect(counter).toHaveText('2 of 7');
  await shot(page, 'find-bar-en');

  // Escape closes the bar and puts the caret back in the text, on the current match.
  await find.press('Escape');
  await expect(bar).toBeHidden();
  await expect(body).toBeFocused();
  expect(await selectedText(page)).toBe('Đảng');
  await expect(counts).toContainText('This turn: 12 words');

  // Ctrl+H: fix the words typed without diacritics, all at once.
  await page.keyboard.press('Control+H');
  await expect(bar.getByRole('textbox', { name: 'Replace with' })).toBeFocused();
  await find.fill('dang vien');
  await expect(counter).toHaveText(/of 4$/);
  await bar.getByRole('textbox', { name: 'Replace with' }).fill('đảng viên');
  await bar.getByRole('button', { name: 'Replace all', exact: true }).click();
  await expect(counter).toHaveText('2 replaced'); // the two already written right are left alone
  const fixed = ANSWER_2.replaceAll('dang vien', 'đảng viên');
  await expect(paragraphs(page)).toHaveText([INTRO, QUESTION, ANSWER_1, fixed]);
  await expect(page.getByRole('status')).toHaveText('Saved');

  // One Ctrl+Z in the text brings both back.
  await find.press('Escape');
  await expect(body).toBeFocused();
  await page.keyboard.press('Control+Z');
  await expect(paragraphs(page)).toHaveText([INTRO, QUESTION, ANSWER_1, ANSWER_2]);
  await page.keyboard.press('Control+Shift+Z');
  await expect(paragraphs(page)).toHaveText([INTRO, QUESTION, ANSWER_1, fixed]);
  await expect(page.getByRole('status')).toHaveText('Saved');
  await expect(counts).toContainText('45 words · 201 characters');

  // It is stored: a reload shows the fixed text.
  await page.reload();
  await expect(paragraphs(page)).toHaveText([INTRO, QUESTION, ANSWER_1, fixed]);
});

test('the shortcuts panel: F1, the toolbar button, ? only outside the text', async ({ page }) => {
  await typeInterview(page);
  const body = page.getByRole('textbox', { name: 'Interview body' });
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

  // `?` typed in the editor is a question mark, not a shortcut.
  await page.keyboard.type(' Vì sao?');
  await expect(dialog).toBeHidden();
  await expect(paragraphs(page).last()).toHaveText(`${ANSWER_2} Vì sao?`);

  // F1 from the editor; Escape returns to the editor with the caret where it was.
  await page.keyboard.press('F1');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Ctrl+Enter');
  await expect(dialog).toContainText('Alt+1 … Alt+9');
  await expect(dialog).toContainText('Ctrl+H');
  await expect(dialog).toContainText('Ctrl+Shift+Z or Ctrl+Y');
  await shot(page, 'shortcuts-en');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(body).toBeFocused();
  await page.keyboard.type('!');
  await expect(paragraphs(page).last()).toHaveText(`${ANSWER_2} Vì sao?!`);

  // The toolbar button; then `?` on a button (not a text field) opens it too, and focus returns there.
  const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await button.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  await page.keyboard.press('Shift+Slash');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(button).toBeFocused();

  // In a metadata field `?` is typed, too.
  const headline = page.getByRole('textbox', { name: 'Headline' });
  await headline.click();
  await page.keyboard.type('Vì sao?');
  await expect(dialog).toBeHidden();
  await expect(headline).toHaveValue('Vì sao?');
  await expect(page.getByRole('status')).toHaveText('Saved');
});

test('Vietnamese: the find bar and the counts in Vietnamese, numbers written the Vietnamese way', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await typeInterview(page, { newInterview: 'Bài phỏng vấn mới', body: 'Nội dung phỏng vấn' });
  // A long answer: the counts reach the thousands.
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Ngay từ đầu nhiệm kỳ, các cấp ủy đã chủ động xây dựng kế hoạch tạo nguồn. '.repeat(16).trim());
  const counts = page.locator('.counts-line');
  await expect(counts).toContainText(/^\d+ chữ · 1\.\d{3} ký tự/);
  await expect(counts).toContainText(/Lượt này: \d+ chữ/);

  await page.keyboard.press('Control+F');
  const bar = page.getByRole('search', { name: 'Tìm' });
  await bar.getByRole('textbox', { name: 'Tìm' }).fill('Dang Vien');
  await expect(bar.locator('.find-counter')).toHaveText('1 trong số 4');
  await expect(bar.getByRole('checkbox', { name: 'Bỏ qua dấu' })).toBeChecked();
  await expect(bar.getByRole('textbox', { name: 'Thay bằng' })).toBeVisible();
  await shot(page, 'find-bar-vi');
  await context.close();
});

test('a narrow window: the find bar fits and nothing overflows sideways', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 420, height: 860 } });
  const page = await context.newPage();
  await typeInterview(page);
  await page.keyboard.press('Control+H');
  const bar = page.getByRole('search', { name: 'Find' });
  await bar.getByRole('textbox', { name: 'Find' }).fill('đảng');
  await bar.getByRole('textbox', { name: 'Replace with' }).fill('Đảng');
  await expect(bar.locator('.find-counter')).toHaveText('1 of 7'); // đảng, Đảng and the unaccented dang
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // Every control of the bar is inside the window.
  for (const control of await bar.locator('input, button').all()) {
    const box = (await control.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(420);
  }
  await expect(page.locator('.counts-line')).toContainText('45 words · 201 characters');
  await shot(page, 'find-bar-narrow');
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await shot(page, 'shortcuts-narrow');
  await context.close();
});
