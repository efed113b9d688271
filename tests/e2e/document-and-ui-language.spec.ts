/**
 * The document's language and the UI's are separate. The UI language is a setting (Settings:
 * Vietnamese, English, follow the system) that changes the app's words at once and stays over a
 * reload; a document keeps its own language, chosen next to its headline, which decides the
 * speakers' default names, the credit prefix and the checks (tone marks only in Vietnamese copy).
 */
import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeEach(async () => {
  // Each test its own library: the UI language is a setting of the library.
  host = await startWebHost(newDataDir());
});
test.afterEach(async () => host.stop());

/** A Vietnamese interview as an import leaves it: an intro with a misplaced tone mark and a typo, a credited photo. */
async function storedVietnameseInterview(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const post = async (channel: string, body: unknown) =>
      (await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json();
    const created = await post('document.create', { language: 'vi' });
    const doc = created.value.doc;
    doc.meta.headline = 'Long An: Kết nạp đảng viên vượt chỉ tiêu';
    doc.body = [
      { type: 'paragraph', children: [{ text: 'TTXVN - Ban Thường vụ đã tập trung lãnh đaọ trog nhiều năm.' }] },
      { type: 'photo', assetId: null, caption: 'Đảng viên Nguyễn Ngọc Hải', credit: 'Thanh Hải/TTXVN', alt: '', children: [{ text: '' }] },
      { type: 'paragraph', children: [{ text: 'Phóng viên TTXVN đã có cuộc trao đổi.' }] },
    ];
    const saved = await post('document.save', { id: doc.id, baseRevision: created.value.revision, doc });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    return doc.id as string;
  });
}

/** The stored document, read back through the API. */
async function stored(page: Page, id: string): Promise<{ meta: { language: string }; participants: { label: string }[] }> {
  return page.evaluate(async (docId) => {
    const res = await fetch('/api/document.load', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: docId }) });
    return (await res.json()).value.doc;
  }, id);
}

const pageLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

test('the UI language is a setting: it changes the app’s words at once and stays, while documents keep theirs', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(host.url);
  const id = await storedVietnameseInterview(page);
  await page.reload();
  await expect(page.getByRole('button', { name: 'New interview' })).toBeVisible();
  expect(await pageLang(page)).toBe('en');

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const choices = settings.getByRole('radiogroup', { name: 'Language of the app' });
  await expect(choices.getByRole('radio', { name: 'Follow the system (English)' })).toBeChecked();
  await choices.getByRole('radio', { name: 'Tiếng Việt' }).check();
  // At once: the dialog and the screen behind it speak Vietnamese.
  const cai = page.getByRole('dialog', { name: 'Cài đặt' });
  await expect(cai.getByRole('radiogroup', { name: 'Ngôn ngữ giao diện' }).getByRole('radio', { name: 'Tiếng Việt' })).toBeChecked();
  await expect(cai.getByRole('heading', { name: 'Quy ước đặt dấu thanh' })).toBeVisible();
  expect(await pageLang(page)).toBe('vi');
  await cai.getByRole('button', { name: 'Đóng', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Bài phỏng vấn mới' })).toBeVisible();

  // Kept in the library: a reload starts in Vietnamese, though the browser prefers English.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Bài phỏng vấn mới' })).toBeVisible();
  expect(await pageLang(page)).toBe('vi');

  // The Vietnamese document: Vietnamese content and Vietnamese checks, as before.
  await page.goto(`${host.url}#/doc/${id}`);
  const body = page.getByRole('textbox', { name: 'Nội dung phỏng vấn' });
  await expect(body).toHaveAttribute('lang', 'vi');
  await expect(body.locator('.tone-error')).toHaveText(['đaọ']);
  await expect(body.locator('.spelling-error')).toHaveText(['trog']);
  await expect(page.getByRole('figure', { name: 'Ảnh' }).getByText('Ảnh:', { exact: true })).toBeVisible();

  // Back to following the system (English here): the app's words change, the document's do not.
  await page.getByRole('button', { name: 'Thư viện' }).click();
  await page.getByRole('button', { name: 'Cài đặt' }).click();
  await page.getByRole('radio', { name: 'Theo hệ thống (Tiếng Anh)' }).check();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  expect(await pageLang(page)).toBe('en');
  await page.reload();
  await expect(page.getByRole('button', { name: 'New interview' })).toBeVisible();
  await page.goto(`${host.url}#/doc/${id}`);
  const englishUiBody = page.getByRole('textbox', { name: 'Interview body' });
  await expect(englishUiBody).toHaveAttribute('lang', 'vi');
  await expect(englishUiBody.locator('.tone-error')).toHaveText(['đaọ']);
  await expect(page.getByRole('figure', { name: 'Photo' }).getByText('Ảnh:', { exact: true })).toBeVisible();
  expect((await stored(page, id)).meta.language).toBe('vi');
  await context.close();
});

test('a new interview starts in the UI’s language; the language beside the headline changes the defaults, the credit prefix and the checks', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(host.url);
  const id = await storedVietnameseInterview(page);
  await page.goto(`${host.url}#/doc/${id}`);

  // In view next to the headline, without opening "More details".
  const language = page.getByRole('combobox', { name: 'Ngôn ngữ của bài' });
  await expect(language).toBeVisible();
  await expect(language).toHaveValue('vi');
  await page.screenshot({ path: 'test-results/screenshots/document-language-beside-headline.png' });
  const body = page.getByRole('textbox', { name: 'Nội dung phỏng vấn' });
  const figure = page.getByRole('figure', { name: 'Ảnh' });
  await expect(body.locator('.tone-error')).toHaveText(['đaọ']);
  await expect(figure.getByText('Ảnh:', { exact: true })).toBeVisible();

  await language.selectOption('en');
  // The story is English now, the app still Vietnamese.
  await expect(body).toHaveAttribute('lang', 'en');
  await expect(figure.getByText('Photo:', { exact: true })).toBeVisible();
  await expect(figure.getByText('Ảnh:', { exact: true })).toHaveCount(0);
  await expect(body.locator('.tone-error')).toHaveCount(0);
  expect(await pageLang(page)).toBe('vi');
  await page.getByRole('button', { name: 'Người tham gia' }).click();
  const panel = page.getByRole('region', { name: 'Người tham gia' });
  const labels = panel.getByRole('textbox', { name: 'Tên in trong bài' });
  await expect(labels).toHaveCount(2);
  await expect(labels.nth(0)).toHaveValue('Reporter');
  await expect(labels.nth(1)).toHaveValue('Guest');
  await expect(page.getByRole('status')).toHaveText('Đã lưu');
  const english = await stored(page, id);
  expect(english.meta.language).toBe('en');
  expect(english.participants.map((p) => p.label)).toEqual(['Reporter', 'Guest']);

  // The reporter speaks; going back to Vietnamese keeps the label the text prints, renames the unused guest.
  await body.getByText('Phóng viên TTXVN đã có cuộc trao đổi.').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('How did it go?');
  await expect(page.getByRole('group', { name: 'Reporter' })).toContainText('How did it go?');
  await language.selectOption('vi');
  await expect(labels.nth(0)).toHaveValue('Reporter');
  await expect(labels.nth(1)).toHaveValue('Khách mời');
  await expect(page.getByRole('group', { name: 'Reporter' })).toContainText('How did it go?');
  await expect(body.locator('.tone-error')).toHaveText(['đaọ']);
  await expect(figure.getByText('Ảnh:', { exact: true })).toBeVisible();

  // A new interview takes the UI's language (Vietnamese here).
  await page.getByRole('button', { name: 'Thư viện' }).click();
  await page.getByRole('button', { name: 'Bài phỏng vấn mới' }).click();
  await expect(page.getByRole('combobox', { name: 'Ngôn ngữ của bài' })).toHaveValue('vi');
  await context.close();
});
