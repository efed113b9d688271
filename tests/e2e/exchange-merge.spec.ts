/**
 * What comes back is merged, not put on top (two web hosts on two data folders): the reporter saves
 * for review, then types "2025" into the intro and rewrites two words of the answer; the editor, in
 * Suggesting, changes a word of the answer, the same two words the reporter rewrote, and a word of
 * the intro's sentence, comments, and saves for review; the reporter opens the returned file:
 * "2025" is still there, the editor's suggestions are pending under the editor's name, the two
 * words both changed are listed as a conflict in the Changes panel, the History says who it came
 * from and since when, and nothing of either side is lost.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { HistoryEntry } from '../../shared/api/contract';
import type { Interview, Paragraph } from '../../shared/model/schema';
import { acceptAll, acceptedView, rejectAll } from '../../shared/review';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { api, firstStart, openFile, saveForReview, selectText } from './page-actions';

// A wide screen: this story clicks History, Send and the review buttons; which of them fit beside
// each other on a laptop's top bar (and go to More otherwise) is layout-laptop.spec.ts's concern.
test.use({ viewport: { width: 1600, height: 900 } });

let reporter: RunningHost;
let editor: RunningHost;
test.beforeAll(async () => {
  [reporter, editor] = await Promise.all([startWebHost(newDataDir()), startWebHost(newDataDir())]);
});
test.afterAll(async () => Promise.all([reporter.stop(), editor.stop()]));

const HEADLINE = 'Long An: Kết nạp đảng viên vượt chỉ tiêu';
const INTRO = 'Năm nay tỉnh Long An kết nạp nhiều đảng viên.';
const QUESTION = 'Thưa ông, tỉnh làm thế nào?';
const ANSWER = 'Chúng tôi chủ động lập kế hoạch từ đầu năm.';

const body = (page: Page) => page.getByRole('textbox', { name: 'Interview body' });
const intro = (page: Page) => body(page).locator(':scope > p').first();
const question = (page: Page) => page.getByRole('group', { name: 'Reporter' }).locator('p').first();
const answer = (page: Page) => page.getByRole('group', { name: 'Guest' }).locator('p').first();
const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toHaveText('Saved');
const openId = (page: Page) => new URL(page.url()).hash.split('/').pop()!;

/** Every paragraph's text, in order. */
function texts(doc: Interview): string[] {
  const paragraphs = doc.body.flatMap((b) => (b.type === 'paragraph' ? [b] : b.type === 'turn' ? b.children.filter((c): c is Paragraph => c.type === 'paragraph') : []));
  return paragraphs.map((p) => p.children.map((l) => l.text).join(''));
}

test('reporter → editor → reporter: the reporter’s later typing stays, the editor’s suggestions arrive, the same words changed by both are a conflict', async ({ page }, info) => {
  const dir = info.outputDir;

  // The reporter writes an intro, a question and an answer, and saves for review.
  await firstStart(page, reporter.url, 'Lan', 'Reporter');
  await page.getByRole('button', { name: 'New interview' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill(HEADLINE);
  await body(page).click();
  await page.keyboard.type(INTRO);
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(QUESTION);
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(ANSWER);
  await expect(intro(page)).toHaveText(INTRO);
  await expect(answer(page)).toHaveText(ANSWER);
  await saved(page);
  const id = openId(page);
  await saveForReview(page, dir, 'outgoing.interview');

  // …then types on: "2025" into the intro, and two words of the answer rewritten.
  await selectText(intro(page), 'Năm nay');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(' 2025');
  await selectText(answer(page), 'chủ động');
  await page.keyboard.type('quyết liệt');
  await expect(intro(page)).toHaveText('Năm nay 2025 tỉnh Long An kết nạp nhiều đảng viên.');
  await expect(answer(page)).toHaveText('Chúng tôi quyết liệt lập kế hoạch từ đầu năm.');
  await saved(page);

  // The editor's library: open the file, suggest, comment, send it back.
  await firstStart(page, editor.url, 'Minh', 'Editor');
  await openFile(page, join(dir, 'outgoing.interview'));
  await page.getByRole('button', { name: 'Open the interview' }).click();
  await expect(page.getByRole('radio', { name: 'Suggesting' })).toBeChecked();
  await selectText(answer(page), 'năm');
  await page.keyboard.type('nhiệm kỳ');
  await selectText(answer(page), 'chủ động');
  await page.keyboard.type('tích cực');
  await selectText(intro(page), 'nhiều');
  await page.keyboard.type('hàng trăm');
  await selectText(question(page), 'làm thế nào');
  await page.getByRole('button', { name: 'Add comment' }).click();
  await page.getByRole('complementary', { name: 'Review' }).getByRole('textbox', { name: 'New comment' }).fill('Hỏi cụ thể hơn?');
  await page.getByRole('complementary', { name: 'Review' }).getByRole('button', { name: 'Comment', exact: true }).click();
  await saved(page);
  await saveForReview(page, dir, 'returned.interview');

  // The reporter opens the returned file: merged, with one conflict.
  await page.goto(reporter.url);
  await openFile(page, join(dir, 'returned.interview'));
  const notice = page.getByRole('status').filter({ hasText: 'returned.interview was merged into' });
  await expect(notice).toContainText('3 suggestions to review');
  await expect(notice).toContainText('In 1 place you both changed the same thing');
  await page.getByRole('link', { name: new RegExp(HEADLINE) }).click();

  // "2025" is still there; the editor's changes are suggestions around it.
  await expect(intro(page)).toContainText('2025');
  await expect(intro(page).locator('ins')).toHaveText(['hàng trăm']);
  await expect(intro(page).locator('del')).toHaveText(['nhiều']);
  await expect(answer(page).locator('del')).toHaveText(['quyết liệt', 'năm.']);
  await expect(answer(page).locator('ins')).toHaveText(['tích cực', 'nhiệm kỳ.']);
  await expect(question(page).locator('.comment-anchor')).toHaveText('làm thế nào');

  // The Changes panel: three suggestions by the editor, and the conflict with the text that was sent.
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Review' });
  await expect(panel.getByRole('heading', { name: '3 pending changes' })).toBeVisible();
  await expect(panel.locator('.change')).toHaveCount(3);
  for (const item of await panel.locator('.change').all()) await expect(item).toContainText('Minh');
  const conflicts = panel.getByRole('region', { name: '1 conflict' });
  await expect(conflicts.getByRole('heading', { name: '1 conflict' })).toBeVisible();
  await expect(conflicts).toContainText('You both changed these words');
  await expect(conflicts).toContainText('In the version you sent: “chủ động”');
  await expect(conflicts).toContainText('From Minh');

  // Nothing lost: rejecting everything gives the reporter's text, accepting everything the editor's on top.
  const stored = (await api<{ doc: Interview }>(page, 'document.load', { id })).doc;
  expect(texts(rejectAll(stored))).toEqual(['Năm nay 2025 tỉnh Long An kết nạp nhiều đảng viên.', QUESTION, 'Chúng tôi quyết liệt lập kế hoạch từ đầu năm.']);
  expect(texts(acceptAll(stored))).toEqual(['Năm nay 2025 tỉnh Long An kết nạp hàng trăm đảng viên.', QUESTION, 'Chúng tôi tích cực lập kế hoạch từ đầu nhiệm kỳ.']);
  expect(stored.review?.conflicts?.map((c) => [c.kind, c.base, c.authorName])).toEqual([['text', 'chủ động', 'Minh']]);
  expect(stored.comments?.map((c) => c.quote)).toEqual(['làm thế nào']);

  // The conflict is decided from its card: keeping mine rejects the editor's version there, and the
  // conflict is gone with it.
  await conflicts.getByRole('button', { name: 'Keep mine' }).click();
  await expect(panel.locator('.merge-conflicts')).toHaveCount(0);
  await expect(answer(page)).toContainText('quyết liệt');
  await saved(page);
  const decided = (await api<{ doc: Interview }>(page, 'document.load', { id })).doc;
  expect(decided.review?.conflicts).toBeUndefined();
  expect(texts(acceptedView(decided))[2]).toBe('Chúng tôi quyết liệt lập kế hoạch từ đầu nhiệm kỳ.');

  // The History: the returned file as it came, and the merge, saying from whom and since when.
  const versions = (await api<{ versions: HistoryEntry[] }>(page, 'history.list', { id })).versions;
  expect(versions.map((v) => v.kind)).toEqual(expect.arrayContaining(['merged', 'received', 'sent']));
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: 'History' });
  await expect(history.locator('.history-entry').filter({ hasText: 'Merged' })).toContainText('received from Minh, merged with your changes since');
});
