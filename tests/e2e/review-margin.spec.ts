/**
 * The review margin: suggestions and comments of two people in one list, in the order of the text
 * they are about (the headline's change first), filtered to all, the suggestions or the comments by
 * a keyboard-operable switch; the card the caret is on marked current; and, in a wide window, each
 * card level with its words.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { firstStart, selectText, setProfile } from './page-actions';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

test.use({ viewport: { width: 1920, height: 1080 } });

const body = (page: Page) => page.getByRole('textbox', { name: 'Interview body' });
const question = (page: Page) => page.getByRole('group', { name: 'Reporter' }).locator('p').first();
const answer = (page: Page, n: number) => page.getByRole('group', { name: 'Guest' }).locator('p').nth(n);
const margin = (page: Page) => page.getByRole('complementary', { name: 'Review' });
const cards = (page: Page) => margin(page).locator('.margin-cards > li');
const MIDDLE = 7;
const LAST = 13;
const LONG = 'Chúng tôi mở rộng sản xuất, tuyển thêm công nhân và đầu tư máy móc mới cho cả ba nhà máy ở Bình Dương, Đồng Nai và Long An.';

async function comment(page: Page, on: Locator, words: string, text: string): Promise<void> {
  await selectText(on, words);
  await page.keyboard.press('Control+Alt+KeyM');
  await margin(page).getByRole('textbox', { name: 'New comment' }).fill(text);
  await margin(page).getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(margin(page).getByRole('listitem', { name: `${text.split(':')[0]}` }).or(margin(page).locator('.comment-thread', { hasText: text }))).toHaveCount(1);
}

test('suggestions and comments of two people in one margin, in text order, filtered, current at the caret and level with their words', async ({ page }) => {
  await firstStart(page, host.url, 'Lan', 'Reporter');
  await page.getByRole('button', { name: 'New interview' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Kế hoạch năm nay');
  await body(page).click();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Thưa ông, kết quả năm nay ra sao?');
  await page.keyboard.press('Control+Enter');
  // Paragraphs enough between the places commented and changed for each card to stand at its words.
  for (let i = 0; i < LAST + 1; i++) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(i === LAST ? 'Doanh thu tăng gấp đôi so với năm ngoái.' : `${LONG} (${i + 1})`);
  }
  await expect(page.getByRole('status')).toHaveText('Saved');

  // The reporter comments on her question.
  await comment(page, question(page), 'kết quả năm nay', 'Lan: hỏi thêm về lợi nhuận');

  // The editor suggests in the headline and in the last paragraph, and comments on the second.
  await setProfile(page, 'Minh', 'Editor');
  await page.keyboard.press('Control+Alt+KeyS');
  await expect(page.getByRole('radio', { name: 'Suggesting' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Kế hoạch năm 2026');
  await selectText(answer(page, LAST), 'gấp đôi');
  await page.keyboard.type('gấp ba');
  await expect(answer(page, LAST).locator('ins')).toHaveText(['gấp ba']);
  await comment(page, answer(page, MIDDLE), 'đầu tư máy móc mới', 'Minh: con số đầu tư?');

  // All: the headline's change, then the body from the top: Lan's question, Minh's comment, the replacement.
  await margin(page).getByRole('radio', { name: 'All' }).check();
  await expect(cards(page)).toHaveCount(4);
  const names = () => cards(page).evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')));
  await expect.poll(names).toEqual(['Story detail changed', 'Lan: Lan: hỏi thêm về lợi nhuận', 'Minh: Minh: con số đầu tư?', 'Replacement']);
  await expect(cards(page).nth(0)).toContainText('Minh');
  await expect(cards(page).nth(3)).toContainText('Minh');

  // The filter, by keyboard: the arrows move through All, Suggestions, Comments.
  await margin(page).getByRole('radio', { name: 'All' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(margin(page).getByRole('radio', { name: 'Suggestions' })).toBeChecked();
  await expect.poll(names).toEqual(['Story detail changed', 'Replacement']);
  await page.keyboard.press('ArrowRight');
  await expect(margin(page).getByRole('radio', { name: 'Comments' })).toBeChecked();
  await expect.poll(names).toEqual(['Lan: Lan: hỏi thêm về lợi nhuận', 'Minh: Minh: con số đầu tư?']);
  // The top bar's Changes shows the suggestions; Comments the comments.
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  await expect(margin(page).getByRole('radio', { name: 'Suggestions' })).toBeChecked();
  await margin(page).getByRole('radio', { name: 'All' }).check();

  // The caret in a commented word marks its thread; in the suggested words, the suggestion.
  const lanCard = margin(page).getByRole('listitem', { name: 'Lan: Lan: hỏi thêm về lợi nhuận' });
  const replacementCard = margin(page).getByRole('listitem', { name: 'Replacement' });
  await question(page).locator('.comment-anchor').click();
  await expect(lanCard).toHaveAttribute('aria-current', 'true');
  await expect(replacementCard).not.toHaveAttribute('aria-current', 'true');
  await answer(page, LAST).locator('ins').first().click();
  await expect(replacementCard).toHaveAttribute('aria-current', 'true');
  await expect(lanCard).not.toHaveAttribute('aria-current', 'true');
  await expect(margin(page).locator('[aria-current="true"]')).toHaveCount(1);

  // Wide window: each card's top at its words' top, unless the cards above it (or the margin's own
  // controls) leave no room: then it sits right under the card above, no lower. Minh's comment,
  // halfway down, has room; it follows its words as the story scrolls.
  const top = async (l: Locator) => (await l.boundingBox())!.y;
  const minhCard = margin(page).getByRole('listitem', { name: 'Minh: Minh: con số đầu tư?' });
  const minhWords = answer(page, MIDDLE).locator('.comment-anchor');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect.poll(async () => Math.abs((await top(minhCard)) - (await top(minhWords)))).toBeLessThanOrEqual(4);
  await page.mouse.move(400, 600);
  await page.mouse.wheel(0, 120);
  await expect.poll(async () => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await expect.poll(async () => Math.abs((await top(minhCard)) - (await top(minhWords)))).toBeLessThanOrEqual(4);
  // The replacement, further down: level with its words, or pushed just under Minh's card.
  const replacementWords = answer(page, LAST).locator('del, ins').first();
  await replacementWords.scrollIntoViewIfNeeded();
  await expect
    .poll(async () => {
      const cardTop = await top(replacementCard);
      const wordsTop = await top(replacementWords);
      const above = (await minhCard.boundingBox())!;
      return Math.abs(cardTop - wordsTop) <= 4 || (cardTop > wordsTop && Math.abs(cardTop - (above.y + above.height + 8)) <= 2);
    })
    .toBe(true);
  // No two cards overlap.
  const boxes = await cards(page).evaluateAll((items) => items.map((li) => li.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom);

  // Accepting from the margin still decides, and the card goes.
  await replacementCard.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(answer(page, LAST)).toHaveText('Doanh thu tăng gấp ba so với năm ngoái.');
  await expect(cards(page)).toHaveCount(3);
});
