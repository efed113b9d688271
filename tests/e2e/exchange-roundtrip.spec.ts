/**
 * The whole review round trip: a document goes from a reporter's library to an editor's (two web hosts on
 * two data folders) and back, with the editor's suggestions intact. The reporter writes turns and a
 * photo and saves for review; the editor opens the file, suggests in Suggesting under an editor
 * profile and saves for review; the reporter opens the returned file, which is merged into a new
 * version with the suggestions pending under the editor's name, accepts one, rejects the other, and keeps
 * every version of the history; the editor's comment on the question travels with it. Switching the
 * mode afterwards leaves a snapshot in the history.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { HistoryEntry } from '../../shared/api/contract';
import type { Interview } from '../../shared/model/schema';
import { solidPng } from '../helpers/images';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { api, firstStart, openFile, saveForReview, selectText } from './page-actions';

let reporter: RunningHost;
let editor: RunningHost;
test.beforeAll(async () => {
  [reporter, editor] = await Promise.all([startWebHost(newDataDir()), startWebHost(newDataDir())]);
});
test.afterAll(async () => Promise.all([reporter.stop(), editor.stop()]));

const HEADLINE = 'Long An: Kết nạp đảng viên vượt chỉ tiêu';
const ANSWER = 'Chúng tôi chủ động lập kế hoạch. Năm nay kết nạp vượt chỉ tiêu.';

const body = (page: Page) => page.getByRole('textbox', { name: 'Interview body' });
const answer = (page: Page) => page.getByRole('group', { name: 'Guest' }).locator('p').first();
const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toHaveText('Saved');

const openId = (page: Page) => new URL(page.url()).hash.split('/').pop()!;

test('reporter → editor → reporter: suggestions travel intact, are decided, and no version is lost', async ({ page }, info) => {
  const dir = info.outputDir;

  // The reporter writes a question, an answer and a photo in it.
  await firstStart(page, reporter.url, 'Lan', 'Reporter');
  await page.getByRole('button', { name: 'New interview' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill(HEADLINE);
  await body(page).click();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Thưa ông, tỉnh làm thế nào?');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(ANSWER);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add photo' }).click();
  await (await chooser).setFiles({ name: 'chan-dung.png', mimeType: 'image/png', buffer: solidPng(64, 48) });
  const figure = page.getByRole('figure', { name: 'Photo' });
  await expect(figure.getByRole('textbox', { name: 'Caption' })).toBeFocused();
  await page.keyboard.type('Đảng viên mới tại Long An.');
  await figure.getByRole('textbox', { name: 'Credit' }).click();
  await page.keyboard.type('Thanh Hải/TTXVN');
  await saved(page);
  const id = openId(page);
  await saveForReview(page, dir, 'outgoing.interview');
  const before = await api<{ versions: HistoryEntry[] }>(page, 'history.list', { id });
  expect(before.versions.map((v) => v.kind)).toContain('sent');

  // The editor's library: open the file, suggest in Suggesting, send it back.
  await firstStart(page, editor.url, 'Minh', 'Editor');
  await openFile(page, join(dir, 'outgoing.interview'));
  await expect(page.getByRole('status').filter({ hasText: 'was added to the library' })).toBeVisible();
  await page.getByRole('button', { name: 'Open the interview' }).click();
  await expect(answer(page)).toHaveText(ANSWER);
  await expect(page.getByRole('figure', { name: 'Photo' }).getByRole('img')).toBeVisible();
  // An editor opens documents straight into Suggesting.
  await expect(page.getByRole('radio', { name: 'Suggesting' })).toBeChecked();
  await answer(page).click();
  await selectText(answer(page), 'lập');
  await page.keyboard.type('xây dựng');
  await selectText(answer(page), ' Năm nay kết nạp vượt chỉ tiêu.');
  await page.keyboard.press('Backspace');
  await expect(answer(page).locator('del')).toHaveText(['lập', ' Năm nay kết nạp vượt chỉ tiêu.']);
  await expect(answer(page).locator('ins')).toHaveText(['xây dựng']);
  // …and comments on the question.
  const question = page.getByRole('group', { name: 'Reporter' }).locator('p').first();
  await selectText(question, 'làm thế nào');
  await page.getByRole('button', { name: 'Add comment' }).click();
  await page.getByRole('complementary', { name: 'Review' }).getByRole('textbox', { name: 'New comment' }).fill('Hỏi cụ thể: bao nhiêu đảng viên?');
  await page.getByRole('complementary', { name: 'Review' }).getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(question.locator('.comment-anchor')).toHaveText('làm thế nào');
  await saved(page);
  await saveForReview(page, dir, 'returned.interview');

  // Back in the reporter's library: the returned file is merged into a new version of the same interview.
  await page.goto(reporter.url);
  await openFile(page, join(dir, 'returned.interview'));
  await expect(page.getByRole('status').filter({ hasText: 'returned.interview was merged into' })).toBeVisible();
  await page.getByRole('link', { name: new RegExp(HEADLINE) }).click();
  await expect(page.getByRole('radio', { name: 'Editing' })).toBeChecked();
  await expect(answer(page).locator('del')).toHaveText(['lập', ' Năm nay kết nạp vượt chỉ tiêu.']);

  // The editor's comment came with it, on the words it was made on.
  await expect(page.getByRole('group', { name: 'Reporter' }).locator('.comment-anchor')).toHaveText('làm thế nào');
  await page.getByRole('button', { name: 'Comments (1)' }).click();
  const editorsThread = page.getByRole('complementary', { name: 'Review' }).getByRole('listitem', { name: 'Minh: Hỏi cụ thể: bao nhiêu đảng viên?' });
  await expect(editorsThread).toBeVisible();
  // It is the editor's: the reporter can answer it, not change it.
  await expect(editorsThread.getByRole('button', { name: 'Reply' })).toBeVisible();
  await expect(editorsThread.getByRole('button', { name: /^Edit your comment/ })).toHaveCount(0);

  // The suggestions are pending, under the editor's name.
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Review' });
  await expect(panel.getByRole('heading', { name: '2 pending changes' })).toBeVisible();
  await expect(panel.getByRole('listitem', { name: 'Replacement' })).toContainText('Minh');
  await expect(panel.getByRole('listitem', { name: 'Deletion' })).toContainText('Minh');

  // The reporter accepts the new word and rejects the cut.
  await panel.getByRole('listitem', { name: 'Replacement' }).getByRole('button', { name: 'Accept', exact: true }).click();
  await panel.getByRole('listitem', { name: 'Deletion' }).getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(panel.getByText('No pending changes.')).toBeVisible();
  await expect(answer(page)).toHaveText('Chúng tôi chủ động xây dựng kế hoạch. Năm nay kết nạp vượt chỉ tiêu.');
  await expect(body(page).locator('ins, del')).toHaveCount(0);
  await saved(page);

  // Stored as decided, the photo with it.
  const stored = (await api<{ doc: Interview }>(page, 'document.load', { id })).doc;
  expect(stored.review).toBeUndefined();
  expect(stored.comments?.map((c) => [c.quote, c.comments[0]!.authorName])).toEqual([['làm thế nào', 'Minh']]);
  expect(JSON.stringify(stored.body)).toContain('Chúng tôi chủ động xây dựng kế hoạch. Năm nay kết nạp vượt chỉ tiêu.');
  const photos = stored.body.flatMap((b) => (b.type === 'turn' ? b.children : [b])).filter((b) => b.type === 'photo');
  expect(photos).toEqual([expect.objectContaining({ caption: 'Đảng viên mới tại Long An.', credit: 'Thanh Hải/TTXVN', assetId: expect.stringMatching(/^[0-9a-f]{64}$/) })]);

  // Nothing of the reporter's history is lost: every version from before is still there, the file's
  // state is a version of its own, and what was sent for review is still labelled so.
  const after = await api<{ versions: HistoryEntry[] }>(page, 'history.list', { id });
  for (const v of before.versions) expect(after.versions).toContainEqual(v);
  expect(after.versions.filter((v) => v.kind === 'received')).toHaveLength(1);
  const received = after.versions.find((v) => v.kind === 'received')!;
  const receivedDoc = (await api<{ doc: Interview }>(page, 'history.get', { id, revision: received.revision })).doc;
  expect(receivedDoc.review?.suggestions.map((s) => s.authorName)).toEqual(['Minh', 'Minh']);

  // Switching the mode keeps the decided text as a version, named in the History dialog.
  await page.getByRole('radio', { name: 'Viewing' }).check();
  await expect.poll(async () => (await api<{ versions: HistoryEntry[] }>(page, 'history.list', { id })).versions[0]?.kind).toBe('mode');
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: 'History' });
  await expect(history.locator('.history-entry').first()).toContainText('Mode switched');
  await expect(history.locator('.history-entry').first()).toContainText('the text as it was when Editing became Viewing');
  await expect(history.locator('.history-entry').filter({ hasText: 'Opened from a review file' })).toHaveCount(1);
  await expect(history.locator('.history-entry').filter({ hasText: 'Saved for review' })).toHaveCount(1);
});
