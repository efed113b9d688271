import { showStoryDetails } from './page-actions';
import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

async function write(page: Page, headline: string, answer: string, status?: string) {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New interview' }).click();
  await page.getByRole('textbox', { name: /^Headline/ }).fill(headline);
  if (status) {
    await showStoryDetails(page);
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: status });
  }
  await page.getByRole('textbox', { name: 'Interview body' }).click();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Thưa ông?');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(answer);
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Library' }).click();
}

test('search finds Vietnamese without diacritics and marks the words; filter and sort the list', async ({ page }) => {
  await write(page, 'Long An: Kết nạp đảng viên', 'Đảng bộ tỉnh có 19 đảng bộ trực thuộc ở Hà Nội.', 'In review');
  await write(page, 'Giáo dục đại học', 'Trường học mở rộng tuyển sinh.');

  const search = page.getByRole('searchbox', { name: 'Search interviews' });
  await search.fill('dang vien');
  await expect(page.getByRole('status')).toHaveText('1 interview found');
  const hit = page.getByRole('link', { name: /Long An: Kết nạp đảng viên/ });
  await expect(hit).toBeVisible();
  const marks = await hit.locator('mark').allTextContents();
  expect(marks.slice(0, 2)).toEqual(['đảng', 'viên']);
  // Every marked word is one of the query's words, whatever its accents and case.
  for (const m of marks) expect(['dang', 'vien']).toContain(m.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase());

  await search.fill('ha no');
  await expect(page.getByRole('status')).toHaveText('1 interview found');
  await search.fill('"dang -vien AND (');
  await expect(page.getByRole('status')).toHaveText('1 interview found');
  await search.fill('truong hoc');
  await expect(page.getByRole('link', { name: /Giáo dục đại học/ })).toBeVisible();

  await search.fill('');
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'In review' });
  await expect(page.locator('.doc-list li')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'All' });
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Headline' });
  await expect(page.locator('.doc-headline')).toHaveText(['Giáo dục đại học', 'Long An: Kết nạp đảng viên']);
});

test('a search shows its 20 best matches first and the rest on request', async ({ page }) => {
  await page.goto(host.url);
  // 25 interviews about the same port, stored as the app stores them.
  await page.evaluate(async () => {
    const post = async (channel: string, payload: unknown) =>
      (await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) })).json();
    for (let i = 1; i <= 25; i++) {
      const created = await post('document.create', { language: 'vi' });
      const doc = created.value.doc;
      doc.meta.headline = `Cảng Cát Lái ${i}`;
      doc.body = [{ type: 'paragraph', children: [{ text: `Cảng Cát Lái mở rộng bến số ${i}.` }] }];
      const saved = await post('document.save', { id: doc.id, baseRevision: created.value.revision, doc });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    }
  });
  await page.reload();
  const search = page.getByRole('searchbox', { name: 'Search interviews' });
  await search.fill('cat lai');
  await expect(page.getByRole('status')).toHaveText('The 20 best matches');
  await expect(page.getByRole('link', { name: /Cảng Cát Lái/ })).toHaveCount(20);
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect(page.getByRole('status')).toHaveText('25 interviews found');
  await expect(page.getByRole('link', { name: /Cảng Cát Lái/ })).toHaveCount(25);
  await expect(page.getByRole('button', { name: 'Show more results' })).toHaveCount(0);
  // A new query starts again from its best 20.
  await search.fill('cang');
  await expect(page.getByRole('status')).toHaveText('The 20 best matches');
});
