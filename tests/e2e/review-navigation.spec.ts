/**
 * Issue 14, points 4–6: every suggestion has a named author in their own colour; the workflow
 * status follows Save for review; Export and Send wait, visibly, for pending suggestions; cards,
 * threads and the next-change key bring the change into view.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { api, expectExportOnlyReviewCopy } from './page-actions';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());
test.use({ viewport: { width: 1366, height: 768 } });

const body = (page: Page) => page.getByRole('textbox', { name: 'Interview body' });
const paragraphs = (page: Page) => page.getByRole('group', { name: 'Guest' }).locator('p');
/** The suggestion the caret is in (its data-suggestion id), or null. */
const caretSuggestion = (page: Page) =>
  page.evaluate(() => {
    const node = getSelection()?.anchorNode;
    const el = node instanceof Element ? node : node?.parentElement;
    return el?.closest('[data-suggestion]')?.getAttribute('data-suggestion') ?? null;
  });
const inViewport = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  });

test('named authors in their colours, status and file name from Save for review, gated sending, navigable changes', async ({ page, browser }) => {
  // First start: the profile is put off.
  await page.goto(host.url);
  await page.getByRole('dialog', { name: 'Your profile' }).getByRole('button', { name: 'Later' }).click();
  await page.getByRole('button', { name: 'New interview' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Long An kết nạp đảng viên');
  await expect(page.getByTestId('current-status')).toHaveText('Draft');
  await body(page).click();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('How many joined?');
  await page.keyboard.press('Control+Enter');
  // A long answer, so the last paragraph is far below the first screen.
  for (let i = 1; i <= 30; i++) {
    await page.keyboard.insertText(`Paragraph ${i} of the answer, long enough to fill a line of the page.`);
    if (i < 30) await page.keyboard.press('Enter');
  }
  await expect(paragraphs(page)).toHaveCount(30);
  await expect(page.getByRole('status')).toHaveText('Saved');

  // Suggesting without a profile asks for a name first; the mode shows in the sticky top bar.
  await expect(page.getByTestId('current-mode')).toHaveText('Mode: Editing');
  // The radio stays on Editing until there is a name (check() would insist it changed at once).
  await page.getByRole('radio', { name: 'Suggesting' }).click();
  const ask = page.getByRole('dialog', { name: 'Your name' });
  await expect(ask).toBeVisible();
  await ask.getByRole('textbox', { name: 'Display name' }).fill('Minh');
  await ask.getByRole('button', { name: 'Continue' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Suggesting' })).toBeChecked();
  await expect(page.getByTestId('current-mode')).toHaveText('Mode: Suggesting');
  await paragraphs(page).first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Truly.');
  await expect(paragraphs(page).first().locator('ins')).toHaveText(' Truly.');

  // A second author (another machine's profile: another id; renaming oneself keeps one's id)
  // suggests at the very end. An editor's document opens in Suggesting.
  await expect(page.getByRole('status')).toHaveText('Saved');
  await api(page, 'profile.save', { profile: { id: 'lan-at-the-desk', name: 'Lan', role: 'editor' } });
  await page.reload();
  await expect(page.getByTestId('current-mode')).toHaveText('Mode: Suggesting');
  await paragraphs(page).last().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Lan adds this.');
  await expect(paragraphs(page).last().locator('ins')).toHaveText(' Lan adds this.');

  // The cards name the authors, in two different colours (the marks in the text too).
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Review' });
  const cards = panel.getByRole('listitem');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText('Minh');
  await expect(cards.nth(1)).toContainText('Lan');
  await expect(cards.nth(0).getByRole('button').first()).toHaveAttribute('title', /^Minh · /);
  const colourOf = (i: number) => cards.nth(i).locator('.change-author').evaluate((el) => getComputedStyle(el).color);
  expect(await colourOf(0)).not.toBe(await colourOf(1));
  const markColours = await body(page).locator('ins.suggestion').evaluateAll((els) => els.map((el) => getComputedStyle(el).color));
  expect(new Set(markColours).size).toBe(2);
  await expect(body(page).locator('ins.suggestion').first()).toHaveAttribute('title', /^Minh · /);

  // Send is disabled with the reason beside it, which leads to the panel; Export offers only the
  // Word review copy, which carries the suggestions.
  await expect(page.getByRole('button', { name: 'Send to newsroom' })).toBeDisabled();
  await expectExportOnlyReviewCopy(page);
  await expect(page.getByRole('button', { name: '2 suggestions are still pending: decide them first' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send to newsroom' })).toHaveAccessibleDescription('2 suggestions are still pending: decide them first');

  await page.screenshot({ path: 'test-results/screenshots/changes-two-authors-en.png' });

  // Clicking a card brings its change into view, from the top of the page.
  await page.evaluate(() => window.scrollTo(0, 0));
  const lastIns = `ins.suggestion:has-text("Lan adds this.")`;
  expect(await inViewport(page, lastIns)).toBe(false);
  await cards.nth(1).getByRole('button').first().click();
  await expect.poll(() => inViewport(page, lastIns)).toBe(true);
  await expect(page.getByTestId('current-mode')).toBeInViewport();

  // Next / Previous change move the caret from change to change.
  const ids = await body(page).locator('ins.suggestion').evaluateAll((els) => els.map((el) => el.getAttribute('data-suggestion')));
  await page.keyboard.press('Control+Alt+Period');
  await expect.poll(() => caretSuggestion(page)).toBe(ids[0]);
  await page.keyboard.press('Control+Alt+Period');
  await expect.poll(() => caretSuggestion(page)).toBe(ids[1]);
  expect(await inViewport(page, lastIns)).toBe(true);
  await page.keyboard.press('Control+Alt+Comma');
  await expect.poll(() => caretSuggestion(page)).toBe(ids[0]);

  // The same panel in Vietnamese.
  const vi = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 768 } });
  const viPage = await vi.newPage();
  await viPage.goto(page.url());
  await viPage.getByRole('button', { name: 'Thay đổi', exact: true }).click();
  await expect(viPage.getByRole('complementary', { name: 'Xem xét' }).getByRole('listitem')).toHaveCount(2);
  await expect(viPage.getByRole('button', { name: 'Còn 2 đề xuất chưa xử lý: hãy quyết định trước' })).toBeVisible();
  await viPage.getByRole('complementary', { name: 'Xem xét' }).getByRole('listitem').nth(1).getByRole('button').first().click();
  await viPage.screenshot({ path: 'test-results/screenshots/changes-two-authors-vi.png' });
  await vi.close();

  // Decided, the story can leave; Save for review puts it In review, named for the story and role.
  await panel.getByRole('button', { name: 'Accept all' }).click();
  await expect(cards).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Send to newsroom' })).toBeEnabled();
  await expect(page.getByRole('button', { name: /suggestions? (is|are) still pending/ })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save for review' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('long-an-ket-nap-dang-vien.editor.interview');
  await file.saveAs(join(mkdtempSync(join(tmpdir(), 'review-nav-')), file.suggestedFilename()));
  await expect(page.getByTestId('current-status')).toHaveText('In review');
  await expect(page.getByRole('status').getByText('Saved', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('current-status')).toHaveText('In review');

  // Sending a story still in review asks first (the question comes with Send, before any delivery).
  await page.getByRole('button', { name: 'Send to newsroom' }).click();
  const send = page.getByRole('dialog', { name: 'Send to newsroom' });
  await expect(send).toBeVisible();
  await send.getByRole('textbox', { name: 'Name' }).fill('Desk');
  await send.getByRole('textbox', { name: 'Folder' }).fill(mkdtempSync(join(tmpdir(), 'drop-')));
  await send.getByRole('button', { name: 'Add destination' }).click();
  await send.getByRole('button', { name: 'Send', exact: true }).click();
  const question = send.getByRole('alertdialog', { name: 'This story is still in review. Send it anyway?' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Send anyway' }).click();
  await expect(send.getByText(/^Sent to Desk/)).toBeVisible();
  await expect(page.getByTestId('current-status')).toHaveText('Sent');
});
