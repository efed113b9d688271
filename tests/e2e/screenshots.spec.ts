/**
 * How the product looks: the main screens at a newsroom laptop's 1366×768 and a desktop's
 * 1920×1080, in Vietnamese and in English, written to test-results/screenshots/ for the team to
 * look at. It asserts only that each screen rendered.
 */
import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { api, firstStart, selectText, setProfile } from './page-actions';

const DIR = 'test-results/screenshots';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startWebHost(newDataDir());
});
test.afterEach(async () => host.stop());

const body = (page: Page) => page.locator('.interview-body');

const TEXT = {
  vi: {
    headline: 'Long An: Kết nạp đảng viên mới từ cơ sở',
    section: 'Xây dựng Đảng',
    location: 'Long An',
    sapo: 'Năm qua, các cấp ủy tỉnh Long An đã chủ động tạo nguồn và kết nạp đảng viên mới từ xã, ấp và doanh nghiệp.',
    question: 'Thưa ông, năm qua tỉnh đã làm gì để tạo nguồn kết nạp đảng viên mới, và việc lựa chọn được tiến hành ra sao?',
    answer:
      'Chúng tôi xuống từng xã, từng nhà máy, đề nghị những người đang cùng làm việc giới thiệu người họ tin tưởng. ' +
      'Sau đó chi bộ gặp mỗi người hai lần trước khi biểu quyết, để không ai được kết nạp chỉ vì cái tên.',
  },
  en: {
    headline: 'Long An: new party members from the grassroots',
    section: 'Politics',
    location: 'Long An',
    sapo: 'Over the year, the province’s party committees went looking for new members in communes, hamlets and factories.',
    question: 'What did the province do to bring in new members over the year, and how did it choose them?',
    answer:
      'We went to every commune and every factory, and we asked the people who already work with us to name the ones they trust. ' +
      'Then we met each of them twice before the branch voted, so that nobody joined on a name alone.',
  },
};

async function longInterview(page: Page, language: 'vi' | 'en', turns = 15): Promise<string> {
  const created = await api<{ doc: { id: string; meta: Record<string, unknown>; body: unknown[] }; revision: number }>(page, 'document.create', { language });
  const doc = created.doc;
  const text = TEXT[language];
  Object.assign(doc.meta, { headline: text.headline, section: text.section, location: text.location, sapo: text.sapo, byline: 'Thanh Bình' });
  const turn = (speakerId: string, ...texts: string[]) => ({ type: 'turn', speakerId, children: texts.map((t) => ({ type: 'paragraph', children: [{ text: t }] })) });
  doc.body = [{ type: 'paragraph', children: [{ text: text.sapo }] }];
  for (let i = 1; i <= turns; i++) doc.body.push(turn('p1', text.question), turn('p2', text.answer, text.answer));
  await api(page, 'document.save', { id: doc.id, baseRevision: created.revision, doc });
  return doc.id;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${DIR}/${name}.png` });

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
] as const) {
  for (const language of ['vi', 'en'] as const) {
    const tag = `${width}x${height}-${language}`;
    test(`screens at ${tag}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height });
      await firstStart(page, host.url, 'Lan', 'Reporter');
      await api(page, 'ui.save', { settings: { language } });
      const id = await longInterview(page, language);
      await longInterview(page, language === 'vi' ? 'en' : 'vi', 2);

      // The library.
      await page.goto(host.url);
      await expect(page.locator('.doc-list li')).toHaveCount(2);
      await shot(page, `library-${tag}`);

      // A new interview, its headline typed.
      await page.getByRole('button', { name: language === 'vi' ? 'Bài phỏng vấn mới' : 'New interview' }).click();
      await page.locator('[data-meta-field="headline"]').fill(TEXT[language].headline);
      await body(page).click();
      await page.keyboard.type(TEXT[language].question);
      await shot(page, `new-interview-${tag}`);

      // A long interview, typing at its end.
      await page.goto(`${host.url}#/doc/${id}`);
      await expect(body(page).locator('.turn')).toHaveCount(30);
      await body(page).focus();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Control+Enter');
      await page.keyboard.type(TEXT[language].question.slice(0, 60));
      await shot(page, `long-interview-typing-${tag}`);

      // The review: suggestions and comments by two authors (the profile changed between them).
      // The picture is taken whatever a step made of it: this spec looks, the review specs check.
      await review(page, language).catch((err: unknown) => console.warn(`review screen at ${tag}: ${String(err)}`));
      await page.waitForTimeout(300);
      await shot(page, `review-${tag}`);
      await expect(body(page)).toBeVisible();
    });
  }
}

async function review(page: Page, language: 'vi' | 'en'): Promise<void> {
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('Control+Alt+S');
      await page.keyboard.press('End');
      await page.keyboard.type(language === 'vi' ? ' Xin cảm ơn.' : ' Thank you.');
      const second = body(page).locator('.turn').nth(1).locator('p').first();
      await selectText(second, language === 'vi' ? 'từng nhà máy' : 'every factory');
      await page.keyboard.press('Control+Alt+M');
      await page.locator('.comment-composer textarea').fill(language === 'vi' ? 'Nhà máy nào? Ghi rõ tên.' : 'Which factories? Name them.');
      await page.locator('.comment-composer button[type="submit"], .comment-composer button').first().click();
      await setProfile(page, 'Minh', 'Editor', language);
      await body(page).locator('.turn').nth(2).locator('p').first().click();
      await page.keyboard.press('End');
      await page.keyboard.type(language === 'vi' ? ' Cụ thể là bao nhiêu người?' : ' How many, exactly?');
      const third = body(page).locator('.turn').nth(3).locator('p').first();
      await selectText(third, language === 'vi' ? 'hai lần' : 'twice');
      await page.keyboard.press('Control+Alt+M');
      await page.locator('.comment-composer textarea').fill(language === 'vi' ? 'Có biên bản không?' : 'Is there a record of the meetings?');
      await page.locator('.comment-composer button').first().click();
      await page.getByRole('button', { name: language === 'vi' ? 'Thay đổi' : 'Changes', exact: true }).click({ timeout: 5_000 });
}
