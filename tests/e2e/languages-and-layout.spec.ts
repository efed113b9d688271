/**
 * The UI follows the system language, and stays legible in a narrow window. Screenshots of each
 * case are written to test-results/screenshots/ for a person to look at.
 */
import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { clickTopbarAction, showStoryDetails } from './page-actions';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

async function fillSeedLikeInterview(page: Page, labels: { headline: string; sapo: string; body: string }) {
  await page.getByRole('textbox', { name: labels.headline, exact: true }).fill('Long An: Kết nạp đảng viên vượt chỉ tiêu Nghị quyết Đại hội Đảng bộ tỉnh đề ra');
  await showStoryDetails(page);
  await page.getByRole('textbox', { name: labels.sapo }).fill('Các cấp ủy tỉnh Long An đã chủ động xây dựng, triển khai hiệu quả kế hoạch tạo nguồn.');
  await page.getByRole('textbox', { name: labels.body }).click();
  await page.keyboard.type('TTXVN - Thời gian qua, Tỉnh ủy Long An luôn quan tâm củng cố, xây dựng tổ chức cơ sở đảng.');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Thời gian qua, công tác này đã được tỉnh thực hiện ra sao, thưa ông?');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Đảng bộ tỉnh Long An có 19 đảng bộ trực thuộc, gồm 15 đảng bộ cấp huyện.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ngay từ đầu nhiệm kỳ, các cấp ủy đã chủ động xây dựng kế hoạch.');
}

test('Vietnamese system language: Vietnamese UI and Vietnamese speakers', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Bài phỏng vấn' })).toBeVisible();
  await page.getByRole('button', { name: 'Bài phỏng vấn mới' }).click();
  await fillSeedLikeInterview(page, { headline: 'Tiêu đề', sapo: 'Sapo', body: 'Nội dung phỏng vấn' });
  await expect(page.getByRole('group', { name: 'Phóng viên' })).toContainText('thưa ông?');
  await expect(page.getByRole('group', { name: 'Khách mời' })).toContainText('19 đảng bộ');
  await expect(page.getByRole('status')).toHaveText('Đã lưu');
  await shot(page, 'document-vi');
  await page.getByRole('button', { name: 'Người tham gia' }).click();
  await expect(page.getByRole('region', { name: 'Người tham gia' })).toBeVisible();
  await shot(page, 'document-vi-participants-details');
  await page.getByRole('button', { name: 'Thư viện' }).click();
  await expect(page.getByRole('link', { name: /Long An/ })).toBeVisible();
  await shot(page, 'library-vi');
  await context.close();
});

test('English, wide and narrow windows', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New interview' }).click();
  await fillSeedLikeInterview(page, { headline: 'Headline', sapo: 'Sapo', body: 'Interview body' });
  await expect(page.getByRole('status')).toHaveText('Saved');
  await shot(page, 'document-en');

  await page.setViewportSize({ width: 420, height: 900 });
  // Nothing may overflow sideways in a narrow window.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'document-en-narrow');
  // At 420 px wide the Participants button is in the top bar's More menu.
  await clickTopbarAction(page, 'Participants');
  await expect(page.getByRole('region', { name: 'Participants' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await shot(page, 'document-en-narrow-participants');
  await page.getByRole('button', { name: 'Library' }).click();
  await shot(page, 'library-en-narrow');
  await context.close();
});
