/**
 * A whole review in one sitting: a reporter writes an interview; the profile switches to an
 * editor, who in Suggesting changes a word in an answer, deletes a sentence, changes a turn's
 * speaker, moves a photo, edits the headline and comments on a question; the reporter accepts some
 * and rejects the others, answers and resolves the comment; export is blocked while any suggestion
 * remains and is schema-valid NITF after.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { solidPng } from '../helpers/images';
import { assertValidNitf } from '../helpers/xml-validators';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { firstStart, selectText, setProfile, expectExportOnlyReviewCopy } from './page-actions';

// A wide screen: this story clicks History, Send and the review buttons; which of them fit beside
// each other on a laptop's top bar (and go to More otherwise) is layout-laptop.spec.ts's concern.
test.use({ viewport: { width: 1600, height: 900 } });

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

const body = (page: Page) => page.getByRole('textbox', { name: 'Interview body' });
const turns = (page: Page) => body(page).locator('.turn');
const answer = (page: Page) => page.getByRole('group', { name: 'Guest' }).first().locator('p').first();
const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toHaveText('Saved');

test('the whole review: suggest everything, comment, decide, export', async ({ page }) => {
  await firstStart(page, host.url, 'Lan', 'Reporter');

  // The reporter writes: a question, an answer with a photo after its text, a closing line.
  await page.getByRole('button', { name: 'New interview' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Long An kết nạp đảng viên');
  await body(page).click();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Thưa ông, tỉnh đã làm gì?');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Chúng tôi chủ động lập kế hoạch. Năm nay kết nạp vượt chỉ tiêu.');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Trân trọng cảm ơn ông!');
  await answer(page).click();
  await page.keyboard.press('End');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add photo' }).click();
  await (await chooser).setFiles({ name: 'hoi-nghi.png', mimeType: 'image/png', buffer: solidPng(64, 48) });
  const figure = page.getByRole('figure', { name: 'Photo' });
  await expect(figure.getByRole('textbox', { name: 'Caption' })).toBeFocused();
  await page.keyboard.type('Hội nghị tổng kết.');
  await figure.getByRole('textbox', { name: 'Credit' }).click();
  await page.keyboard.type('Thanh Hải/TTXVN');
  await expect(turns(page)).toHaveCount(3);
  await expect(turns(page).nth(1).locator('figure.photo')).toHaveCount(1);
  await saved(page);

  // The editor, in Suggesting.
  await setProfile(page, 'Minh', 'Editor');
  await page.keyboard.press('Control+Alt+KeyS');
  await expect(page.getByRole('radio', { name: 'Suggesting' })).toBeChecked();
  // a word in the answer, and a sentence deleted
  await selectText(answer(page), 'lập');
  await page.keyboard.type('xây dựng');
  await selectText(answer(page), ' Năm nay kết nạp vượt chỉ tiêu.');
  await page.keyboard.press('Backspace');
  await expect(answer(page).locator('del')).toHaveText(['lập', ' Năm nay kết nạp vượt chỉ tiêu.']);
  // the closing line's speaker
  await body(page).getByText('Trân trọng cảm ơn ông!').click();
  await page.keyboard.press('Alt+Digit2');
  await expect(turns(page).last()).toHaveAttribute('aria-label', 'Guest');
  // the photo, moved above the answer's text
  await figure.getByRole('button', { name: 'Move photo up' }).click();
  await expect(page.locator('figure.photo.block-ins')).toHaveCount(1);
  await expect(page.locator('figure.photo.block-del')).toHaveCount(1);
  // the headline
  await page.getByRole('textbox', { name: 'Headline' }).fill('Long An: Kết nạp đảng viên vượt chỉ tiêu');
  // and a comment on the question
  const question = page.getByRole('group', { name: 'Reporter' }).first().locator('p').first();
  await selectText(question, 'đã làm gì');
  await page.getByRole('button', { name: 'Add comment' }).click();
  const comments = page.getByRole('complementary', { name: 'Review' });
  await comments.getByRole('textbox', { name: 'New comment' }).fill('Hỏi cụ thể hơn: con số?');
  await comments.getByRole('button', { name: 'Comment', exact: true }).click();
  await saved(page);

  // Send waits while suggestions are pending: disabled, the reason beside it, which opens the
  // Changes panel. Export offers only the Word review copy, which carries them.
  await expect(page.getByRole('button', { name: 'Send to newsroom' })).toBeDisabled();
  await expectExportOnlyReviewCopy(page);
  await page.getByRole('button', { name: '5 suggestions are still pending: decide them first' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  const changes = page.getByRole('complementary', { name: 'Review' });
  await expect(changes.getByRole('heading', { name: '5 pending changes' })).toBeVisible();

  // The reporter decides: accept the new word, the photo move and the headline; reject the cut
  // and the speaker change.
  await setProfile(page, 'Lan', 'Reporter');
  await page.getByRole('radio', { name: 'Editing' }).check();
  const item = (name: string) => changes.getByRole('listitem', { name });
  await item('Replacement').getByRole('button', { name: 'Accept', exact: true }).click();
  await item('Photo moved').getByRole('button', { name: 'Accept', exact: true }).click();
  await item('Story detail changed').getByRole('button', { name: 'Accept', exact: true }).click();
  await item('Deletion').getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(changes.getByRole('heading', { name: '1 pending change' })).toBeVisible();
  // Still blocked by the one left.
  await expect(page.getByRole('button', { name: 'Send to newsroom' })).toBeDisabled();
  await expect(page.getByRole('button', { name: '1 suggestion is still pending: decide it first' })).toBeVisible();
  await item('Speaker changed').getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(changes.getByText('No pending changes.')).toBeVisible();

  await expect(answer(page)).toHaveText('Chúng tôi chủ động xây dựng kế hoạch. Năm nay kết nạp vượt chỉ tiêu.');
  await expect(turns(page).last()).toHaveAttribute('aria-label', 'Reporter');
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Long An: Kết nạp đảng viên vượt chỉ tiêu');
  await expect(page.locator('figure.photo')).toHaveCount(1);
  await expect(body(page).locator('ins, del, .block-ins, .block-del')).toHaveCount(0);

  // The reporter answers the comment and resolves it.
  await page.getByRole('button', { name: 'Comments (1)' }).click();
  const thread = comments.getByRole('listitem', { name: 'Minh: Hỏi cụ thể hơn: con số?' });
  await thread.getByRole('button', { name: 'Reply' }).click();
  await thread.getByRole('textbox', { name: 'Reply' }).fill('Đã thêm con số vào câu trả lời.');
  await thread.getByRole('button', { name: 'Reply' }).click();
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByRole('button', { name: 'Comments', exact: true })).toBeVisible();
  await saved(page);

  // Now it exports: valid NITF, from the decided text, without the comment.
  await page.getByRole('button', { name: 'Export' }).click();
  await exportDialog.getByRole('combobox', { name: 'Format' }).selectOption('nitf');
  await expect(exportDialog.getByRole('button', { name: 'Save file' })).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Save file' }).click()]);
  const file = (await download.path())!;
  const nitf = readFileSync(file, 'utf8');
  assertValidNitf(nitf); // its structure always; against the IPTC schema where present
  expect(nitf).toContain('Long An: Kết nạp đảng viên vượt chỉ tiêu');
  expect(nitf).toContain('Chúng tôi chủ động xây dựng kế hoạch. Năm nay kết nạp vượt chỉ tiêu.');
  expect(nitf).not.toContain('lập kế hoạch');
  expect(nitf).not.toContain('con số');
  // The photo went out once, before the answer's text, as accepted.
  expect(nitf.match(/Hội nghị tổng kết\./g)).toHaveLength(1);
  expect(nitf.indexOf('Hội nghị tổng kết.')).toBeLessThan(nitf.indexOf('Chúng tôi chủ động'));
});
