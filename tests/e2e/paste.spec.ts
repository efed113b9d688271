/**
 * Paste in the editor, in Chromium against the real web host: an agency article pasted as plain
 * text into a new interview opens the import preview, and accepted, becomes the interview (turns,
 * photos, metadata, its own speakers instead of the defaults) and is saved; HTML is reduced to paragraphs
 * with nothing foreign; a 10 MB paste is refused with a message and the document stays saved.
 *
 * Pastes are dispatched as the browser would deliver them to Slate: a `paste` ClipboardEvent for
 * plain text, a `beforeinput` insertFromPaste for HTML (Chromium sends rich pastes that way).
 */
import { expect, test, type Page } from '@playwright/test';
import type { Interview } from '../../shared/model/schema';
import { fixtureInterviewText } from '../helpers/material';
import { api, showStoryDetails } from './page-actions';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

const ARTICLE = fixtureInterviewText();

let host: RunningHost;
test.beforeEach(async () => {
  host = await startWebHost(newDataDir());
});
test.afterEach(async () => host.stop());

const body = (page: Page) => page.getByRole('textbox', { name: /Interview body|Nội dung phỏng vấn/ });

async function newInterview(page: Page, button = 'New interview') {
  await page.goto(host.url);
  await page.getByRole('button', { name: button }).click();
  await body(page).click();
}

/** A plain-text paste, as a `paste` event whose clipboard holds only text/plain. */
async function pastePlainText(page: Page, text: string | { repeat: string; times: number }) {
  await body(page).evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', typeof t === 'string' ? t : t.repeat.repeat(t.times));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** A whole interview pasted into an empty one: the import preview, accepted as it is. */
async function acceptImportPreview(page: Page, accept = 'Import interview') {
  const preview = page.getByRole('dialog', { name: /Import preview|Xem trước khi nhập/ });
  await preview.getByRole('button', { name: accept }).click();
  await expect(preview).toHaveCount(0);
}

async function expectArticleInterview(page: Page) {
  await expect(page.getByRole('group', { name: 'Phóng viên', exact: true })).toHaveCount(5);
  await expect(page.getByRole('group', { name: 'Ông Phạm Văn Thành', exact: true })).toHaveCount(4);
  await expect(body(page).locator('figure')).toHaveCount(3);
  await expect(page.getByRole('textbox', { name: /^Headline/ })).toHaveValue('Quảng Ngãi: Đưa nước sạch về các xã vùng cao, vượt mục tiêu Nghị quyết Đại hội Đảng bộ tỉnh đề ra');
  await showStoryDetails(page);
  await expect(page.getByRole('textbox', { name: 'Section' })).toHaveValue('Nông nghiệp - Nông thôn');
  await expect(page.getByRole('textbox', { name: 'Location' })).toHaveValue('Quảng Ngãi');
  await expect(page.getByRole('textbox', { name: 'Byline' })).toHaveValue('Minh Trang');
  // The answer that holds a photo continues after it, in the same turn.
  const firstAnswer = page.getByRole('group', { name: 'Ông Phạm Văn Thành', exact: true }).first();
  await expect(firstAnswer.locator('figure')).toHaveCount(1);
  await expect(firstAnswer).toContainText('Theo kế hoạch, đến cuối năm 2025');
  await expect(body(page)).not.toContainText('Tin liên quan');
  await expect(page.getByRole('status')).toHaveText('Saved');
}

test('pasting an agency article into a new interview: 9 turns, 3 photos, metadata, saved across a reload', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await newInterview(page);
  await pastePlainText(page, ARTICLE);
  // Nothing goes in until the preview is accepted.
  await expect(page.getByRole('dialog', { name: 'Import preview' })).toContainText('9 turns, 3 photos, 2 speakers');
  await expect(page.getByRole('group', { name: 'Phóng viên', exact: true })).toHaveCount(0);
  await acceptImportPreview(page);
  await expectArticleInterview(page);
  await page.screenshot({ path: 'test-results/screenshots/paste-seed.png' });

  await page.reload();
  await expectArticleInterview(page);
  // The text's speakers, in its order; the new interview's unused "Reporter" and "Guest" are gone.
  const id = /#\/doc\/([A-Za-z0-9_-]+)$/.exec(page.url())![1];
  const { doc } = await api<{ doc: Interview }>(page, 'document.load', { id });
  expect(doc.participants.map((p) => p.label)).toEqual(['Phóng viên', 'Ông Phạm Văn Thành']);
  expect(doc.meta.language).toBe('vi');
  expect(errors).toEqual([]);
});

test('Ctrl+V from the system clipboard does the same', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await newInterview(page);
  await page.evaluate((text) => navigator.clipboard.writeText(text), ARTICLE);
  await page.keyboard.press('Control+v');
  await acceptImportPreview(page);
  await expectArticleInterview(page);
  await context.close();
});

test('a 10 MB paste is refused with a message; the document stays as it was, and saved', async ({ page }) => {
  await newInterview(page);
  await page.keyboard.type('TTXVN - Phần mở đầu đã viết.');
  await expect(page.getByRole('status')).toHaveText('Saved');

  await pastePlainText(page, { repeat: 'x', times: 10 * 1024 * 1024 });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Nothing was pasted');
  await expect(alert).toContainText('10,485,760 characters');
  await expect(body(page)).toHaveText('TTXVN - Phần mở đầu đã viết.');
  await expect(page.getByRole('status')).toHaveText('Saved');

  // The editor still works, and the next paste clears the message.
  await pastePlainText(page, ' Thêm một câu.');
  await expect(alert).toHaveCount(0);
  await expect(body(page)).toHaveText('TTXVN - Phần mở đầu đã viết. Thêm một câu.');
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await expect(body(page)).toHaveText('TTXVN - Phần mở đầu đã viết. Thêm một câu.');
});

test('the message is in Vietnamese in the Vietnamese UI', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await newInterview(page, 'Bài phỏng vấn mới');
  await pastePlainText(page, { repeat: 'x', times: 10 * 1024 * 1024 });
  await expect(page.getByRole('alert')).toContainText('Chưa dán gì');
  await expect(page.getByRole('alert')).toContainText('10.485.760 ký tự');
  await context.close();
});

test('pasted HTML becomes paragraphs: no styles, scripts or remote images', async ({ page }) => {
  const remote: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(host.url)) remote.push(r.url());
  });
  await newInterview(page);
  await body(page).evaluate((el) => {
    const data = new DataTransfer();
    data.setData(
      'text/html',
      '<meta charset="utf-8"><style>p{color:red}</style><p style="color:red" class="x">Đoạn <b>một</b></p>' +
        '<script>window.__pasted = 1</script><div>Đoạn hai<img src="http://192.0.2.1/tracker.png" onerror="window.__pasted = 2"></div>',
    );
    // The plain version is one line: two paragraphs can only come from the HTML's blocks.
    data.setData('text/plain', 'Đoạn một Đoạn hai');
    el.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(body(page).locator('p')).toHaveText(['Đoạn một', 'Đoạn hai']);
  await expect(body(page).locator('img, script, style, [style]')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await page.evaluate(() => (window as unknown as { __pasted?: number }).__pasted)).toBeUndefined();
  expect(remote).toEqual([]);
});

test('HTML in the agency layout goes through the importer', async ({ page }) => {
  await newInterview(page);
  await body(page).evaluate((el) => {
    const data = new DataTransfer();
    data.setData(
      'text/html',
      '<p><strong>* Phóng viên:</strong> Thưa bà, mùa vụ năm nay thế nào?</p><p><strong>* Bà Lê Thị Mai:</strong> Năm nay được mùa.</p>' +
        '<p>Lúa chín ở cánh đồng xã.<br>Ảnh: Văn Dũng/TTXVN</p><p>Giá lúa cũng tốt hơn.</p><p><strong>* Phóng viên:</strong> Cảm ơn bà!</p>',
    );
    el.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await acceptImportPreview(page);
  await expect(page.getByRole('group', { name: 'Phóng viên', exact: true })).toHaveCount(2);
  const answer = page.getByRole('group', { name: 'Bà Lê Thị Mai', exact: true });
  await expect(answer).toHaveCount(1);
  await expect(answer.locator('figure')).toHaveCount(1);
  await expect(answer).toContainText('Giá lúa cũng tốt hơn.');
  await expect(page.getByRole('status')).toHaveText('Saved');
});
