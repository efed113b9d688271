/**
 * The Word round trip, end to end in the browser: an interview with two pending suggestions and a
 * comment is exported as a Word review copy; a Word user ("Outside Editor")
 * replaces a word and deletes a sentence with change tracking on, and comments (made here on the
 * file's XML as Word writes it); the copy is opened back onto the original through "Open". The desk
 * sees our two suggestions and theirs, and two comment threads; decides them; and the NITF export
 * carries the decided text.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Interview } from '../../shared/model/schema';
import { addComment, deleteTracked, editDocx, replaceTracked } from '../helpers/word-edits';
import { reviewedDocument } from '../unit/shared/export/docx/reviewed-document';
import { api, clickTopbarAction, firstStart, openFile } from './page-actions';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

test.use({ viewport: { width: 1600, height: 900 } });

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

const OUTSIDE = { author: 'Outside Editor', date: '2026-12-08T09:00:00Z' };
const SENTENCE = ' Công tác phát triển đảng viên được chú trọng.';

/** The interview under review: our two suggestions (a word typed, a phrase struck) and one open comment. */
function underReview(): Interview {
  const doc = reviewedDocument();
  doc.body[0] = { type: 'paragraph', children: [{ text: `TTXVN - Tỉnh ủy Long An luôn quan tâm củng cố tổ chức cơ sở đảng.${SENTENCE}` }] };
  delete doc.comments![0]!.resolved;
  doc.comments![0]!.comments = doc.comments![0]!.comments.slice(0, 1);
  return doc;
}

test('a Word review copy comes back onto its interview: their revisions and comment to decide beside ours, then NITF', async ({ page }, info) => {
  await firstStart(page, host.url, 'Lan', 'Reporter');
  const created = await api<{ doc: Interview }>(page, 'document.createFrom', { doc: underReview() });
  const id = created.doc.id;
  await page.goto(`${host.url}#/doc/${id}`);
  await expect(page.getByRole('textbox', { name: 'Interview body' })).toContainText('Đảng bộ tỉnh');

  // Exported as a Word review copy from the Export dialog: while suggestions are pending it is the
  // one format the dialog offers, and it opens on it.
  await clickTopbarAction(page, 'Export');
  const reviewCopy = page.getByRole('dialog', { name: 'Export' });
  await expect(reviewCopy.getByRole('combobox', { name: 'Format' })).toHaveValue('docx');
  await expect(reviewCopy.getByRole('button', { name: 'Save file' })).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), reviewCopy.getByRole('button', { name: 'Save file' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const sent = new Uint8Array(readFileSync((await download.path())!));
  await page.keyboard.press('Escape');

  // The Word user's copy: a replaced word, a deleted sentence, a new comment.
  const returned = editDocx(sent, (parts) => {
    replaceTracked(parts, 'thực hiện', 'triển khai', OUTSIDE);
    deleteTracked(parts, SENTENCE, OUTSIDE);
    addComment(parts, 'Trân trọng cảm ơn ông!', 'Giữ nguyên lời cảm ơn.', OUTSIDE);
  });
  mkdirSync(info.outputDir, { recursive: true });
  const file = join(info.outputDir, 'returned.docx');
  writeFileSync(file, returned);

  // Opened onto the original from the library.
  await page.goto(host.url);
  await openFile(page, file);
  const notice = page.getByRole('status').filter({ hasText: 'returned.docx was merged into' });
  await expect(notice).toBeVisible();
  await page.getByRole('button', { name: 'Open the interview' }).click();

  // Ours two, theirs the new ones, under each author; two comment threads.
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Review' });
  const changes = panel.locator('.change');
  await expect(changes.filter({ hasText: 'Trần Thị Biên Tập' })).toHaveCount(1);
  await expect(changes.filter({ hasText: 'Outside Editor' }).filter({ hasText: 'triển khai' })).not.toHaveCount(0);
  await expect(changes.filter({ hasText: 'Outside Editor' }).filter({ hasText: 'chú trọng' })).toHaveCount(1);
  const stored = (await api<{ doc: Interview }>(page, 'document.load', { id })).doc;
  expect(stored.comments?.map((t) => t.comments[0]!.authorName)).toEqual(['Lê Văn Duyệt', 'Outside Editor']);
  expect(stored.comments?.[1]?.quote).toBe('Trân trọng cảm ơn ông!');
  await panel.getByRole('radio', { name: 'Comments' }).check();
  await expect(panel.locator('.comment-thread')).toHaveCount(2);
  await expect(panel.getByRole('listitem', { name: 'Outside Editor: Giữ nguyên lời cảm ơn.' })).toBeVisible();
  await expect(panel.getByRole('listitem', { name: 'Lê Văn Duyệt: Số liệu này của năm nào?' })).toBeVisible();

  // Decided: every change accepted, except our struck phrase, which is rejected.
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  await changes.filter({ hasText: 'và rất nhiều chi bộ' }).getByRole('button', { name: 'Reject', exact: true }).click();
  for (let left = await changes.count(); left > 0; left = await changes.count()) {
    await changes.first().getByRole('button', { name: 'Accept', exact: true }).click();
    await expect(changes).toHaveCount(left - 1);
  }
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toHaveText('Saved');

  // NITF of the decided text.
  const decided = (await api<{ doc: Interview }>(page, 'document.load', { id })).doc;
  expect(decided.review?.suggestions ?? []).toEqual([]);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('nitf');
  const anyway = dialog.getByRole('checkbox', { name: 'Export anyway, despite these warnings' });
  if (await anyway.isVisible()) await anyway.check();
  const [nitf] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save file' }).click()]);
  const text = readFileSync((await nitf.path())!, 'utf8');
  expect(text).toContain('công tác này được triển khai ra sao');
  expect(text).toContain('Đảng bộ tỉnh Long An có 19 đảng bộ trực thuộc và rất nhiều chi bộ.');
  expect(text).toContain('Tỉnh ủy Long An luôn quan tâm củng cố tổ chức cơ sở đảng.');
  expect(text).not.toContain('chú trọng');
});

test('Import offers to merge a Word copy of one of our interviews into it, or to take it as a new interview', async ({ page }, info) => {
  await page.goto(host.url);
  // Who works here, whether or not the story above ran first in this library.
  await api(page, 'profile.save', { profile: { id: 'desk-lan', name: 'Lan', role: 'reporter' } });
  const created = await api<{ doc: Interview }>(page, 'document.createFrom', { doc: underReview() });
  const id = created.doc.id;
  const exported = await api<{ file: { data: string } }>(page, 'document.export', { id, format: 'docx', acceptWarnings: [] });
  const returned = editDocx(new Uint8Array(Buffer.from(exported.file.data, 'base64')), (parts) => replaceTracked(parts, 'Trân trọng', 'Xin chân thành', OUTSIDE));
  mkdirSync(info.outputDir, { recursive: true });
  const file = join(info.outputDir, 'via-import.docx');
  writeFileSync(file, returned);

  const pick = async () => {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByLabel('Text file to import').setInputFiles(file);
    return page.getByRole('dialog', { name: 'A Word copy of one of your interviews' });
  };

  // Taken as a new interview: the preview, as for any import.
  await (await pick()).getByRole('button', { name: 'Import as a new interview' }).click();
  await expect(page.getByRole('dialog', { name: 'Import preview' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Merged into the original: the Word user's replacement is pending there, under their name.
  const offer = await pick();
  await expect(offer).toContainText('via-import.docx was exported from “Long An: Kết nạp đảng viên vượt chỉ tiêu Nghị quyết Đại hội Đảng bộ tỉnh đề ra”');
  await offer.getByRole('button', { name: 'Merge into the original' }).click();
  await expect(page).toHaveURL(new RegExp(`#/doc/${id}$`));
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Review' }).locator('.change').filter({ hasText: 'Outside Editor' }).filter({ hasText: 'Xin chân thành' })).not.toHaveCount(0);
});
