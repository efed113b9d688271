/**
 * One way in for a text interview, in Chromium against the real web host: Import, and a paste of
 * the same text into a new interview, show the same preview and store the same document (its
 * id aside), in Vietnamese and in English; and in the preview a turn's speaker can be changed and
 * two speakers merged before the interview is made.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Interview } from '../../shared/model/schema';
import { FIXTURE_INTERVIEW, REPO_ROOT } from '../helpers/material';
import { api } from './page-actions';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

const ENGLISH_INTERVIEW = resolve(REPO_ROOT, 'tests/fixtures/english-interview.txt');
const PANEL = resolve(REPO_ROOT, 'tests/fixtures/import/en-panel.txt');

let host: RunningHost;
test.beforeEach(async () => {
  host = await startWebHost(newDataDir());
});
test.afterEach(async () => host.stop());

interface Ui {
  newInterview: string;
  import: string;
  file: string;
  preview: string;
  accept: string;
  body: string;
  saved: string;
}
const EN: Ui = { newInterview: 'New interview', import: 'Import', file: 'Text file to import', preview: 'Import preview', accept: 'Import interview', body: 'Interview body', saved: 'Saved' };
const VI: Ui = { newInterview: 'Bài phỏng vấn mới', import: 'Nhập bài', file: 'Tệp văn bản cần nhập', preview: 'Xem trước khi nhập', accept: 'Nhập bài phỏng vấn', body: 'Nội dung phỏng vấn', saved: 'Đã lưu' };

const openedId = (page: Page) => /#\/doc\/([A-Za-z0-9_-]+)$/.exec(page.url())?.[1] ?? '';

/** The stored document, as the API gives it, without its id (each copy has its own). */
async function storedWithoutId(page: Page, id: string): Promise<Omit<Interview, 'id'>> {
  const { doc } = await api<{ doc: Interview }>(page, 'document.load', { id });
  const { id: _id, ...rest } = doc;
  return rest;
}

async function importFile(page: Page, ui: Ui, file: string): Promise<string> {
  await page.goto(host.url);
  await page.getByRole('button', { name: ui.import, exact: true }).click();
  await page.getByLabel(ui.file).setInputFiles(file);
  const preview = page.getByRole('dialog', { name: ui.preview });
  await preview.getByRole('button', { name: ui.accept }).click();
  await expect(page).toHaveURL(/#\/doc\//);
  return openedId(page);
}

async function pasteIntoNewInterview(page: Page, ui: Ui, text: string): Promise<{ id: string; previewText: string }> {
  await page.goto(host.url);
  await page.getByRole('button', { name: ui.newInterview }).click();
  const body = page.getByRole('textbox', { name: ui.body });
  await body.click();
  await body.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  const preview = page.getByRole('dialog', { name: ui.preview });
  await expect(preview).toBeVisible();
  const previewText = await preview.innerText();
  await preview.getByRole('button', { name: ui.accept }).click();
  await expect(preview).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(ui.saved);
  return { id: openedId(page), previewText };
}

for (const [name, file, locale, ui] of [
  ['a Vietnamese agency article, English screen', FIXTURE_INTERVIEW, 'en-US', EN],
  ['an English interview, Vietnamese screen', ENGLISH_INTERVIEW, 'vi-VN', VI],
] as const) {
  test(`Import and a paste into a new interview store the same document: ${name}`, async ({ browser }) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const text = readFileSync(file, 'utf8');

    const importedId = await importFile(page, ui, file);
    const imported = await storedWithoutId(page, importedId);
    const pasted = await pasteIntoNewInterview(page, ui, text);
    expect(pasted.id).not.toBe(importedId);
    const stored = await storedWithoutId(page, pasted.id);

    // Byte for byte: metadata (language and dateline included), participants, body.
    expect(JSON.stringify(stored)).toBe(JSON.stringify(imported));
    // The text's language and speakers, not the screen's nor the new interview's defaults.
    expect(stored.meta.language).toBe(file === FIXTURE_INTERVIEW ? 'vi' : 'en');
    expect(stored.participants.map((p) => p.label)).toEqual(file === FIXTURE_INTERVIEW ? ['Phóng viên', 'Ông Phạm Văn Thành'] : ['Reporter', 'Dr Linh Pham']);
    expect(stored.meta.location).toBe(file === FIXTURE_INTERVIEW ? 'Quảng Ngãi' : 'Can Tho');
    expect(stored.meta.source).toBe(file === FIXTURE_INTERVIEW ? 'TTXVN' : 'VNA');
    // One undo takes the whole import back: the empty interview with its default speakers.
    // Into the text (the body's middle may be a photo's caption field, which has an undo of its own).
    await page.getByRole('textbox', { name: ui.body }).locator('p').first().click();
    await page.keyboard.press('Control+z');
    // (The empty interview shows its placeholder: no turns, no photos.)
    await expect(page.getByRole('textbox', { name: ui.body }).getByRole('group')).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: ui.body }).locator('figure')).toHaveCount(0);
    await expect(page.getByRole('status')).toHaveText(ui.saved);
    const undone = await storedWithoutId(page, pasted.id);
    expect(undone.participants.map((p) => p.label)).toEqual(locale === 'vi-VN' ? ['Phóng viên', 'Khách mời'] : ['Reporter', 'Guest']);
    expect(undone.meta.headline).toBe('');
    // The paste showed the same preview as Import.
    expect(pasted.previewText).toContain(file === FIXTURE_INTERVIEW ? 'Ông Phạm Văn Thành' : 'Dr Linh Pham');
    await context.close();
  });
}

test('in the preview, one turn given to another speaker and two speakers merged: stored as corrected', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Text file to import').setInputFiles(PANEL);
  const preview = page.getByRole('dialog', { name: 'Import preview' });
  await expect(preview).toContainText('10 turns, 0 photos, 4 speakers');
  const turns = preview.getByRole('list', { name: 'Turns' });
  await expect(turns.getByRole('listitem')).toHaveCount(10);
  await expect(turns.getByRole('listitem').nth(3)).toContainText('Line 7');
  await expect(turns.getByRole('listitem').nth(3)).toContainText('Not quite. Our visitors come for the children');

  // Tom's first answer was Mei's.
  const fourth = preview.getByRole('combobox', { name: 'Speaker of turn 4 (line 7)' });
  await expect(fourth).toHaveValue('p3');
  await fourth.focus();
  await fourth.selectOption({ label: 'MEI LIN' });
  await expect(preview.getByRole('listitem', { name: 'TOM BRANDT' })).toContainText('1 turn');
  await expect(preview.getByRole('listitem', { name: 'MEI LIN' })).toContainText('3 turns');

  // Then Tom is merged into Mei: his other turn goes to her, and he is gone from the list.
  const tom = preview.getByRole('listitem', { name: 'TOM BRANDT' });
  await tom.getByRole('combobox', { name: 'Merge TOM BRANDT into' }).selectOption({ label: 'MEI LIN' });
  await tom.getByRole('button', { name: 'Merge' }).click();
  await expect(preview.getByRole('listitem', { name: 'TOM BRANDT' })).toHaveCount(0);
  await expect(preview).toContainText('10 turns, 0 photos, 3 speakers');
  await expect(preview.getByRole('listitem', { name: 'MEI LIN' })).toContainText('4 turns');
  await expect(preview.getByRole('combobox', { name: 'Speaker of turn 9 (line 17)' })).toHaveValue('p4');
  await page.screenshot({ path: 'test-results/screenshots/import-preview-turns.png' });

  await preview.getByRole('button', { name: 'Import interview' }).click();
  await expect(page).toHaveURL(/#\/doc\//);
  const { doc } = await api<{ doc: Interview }>(page, 'document.load', { id: openedId(page) });
  expect(doc.participants).toEqual([
    { id: 'p1', label: 'MODERATOR', fullName: '', title: '', role: 'interviewer' },
    // The importer reads the full name off the printed label.
    { id: 'p2', label: 'ANA SOUZA', fullName: 'Ana Souza', title: '', role: 'interviewee' },
    { id: 'p3', label: 'MEI LIN', fullName: 'Mei Lin', title: '', role: 'interviewee' },
  ]);
  const speakers = doc.body.flatMap((b) => (b.type === 'turn' ? [b.speakerId] : []));
  expect(speakers).toEqual(['p1', 'p2', 'p1', 'p3', 'p1', 'p3', 'p1', 'p2', 'p3', 'p3']);
  const words = doc.body.flatMap((b) => (b.type === 'turn' ? [b.children.map((c) => (c.type === 'paragraph' ? c.children.map((l) => l.text).join('') : '')).join(' ')] : []));
  expect(words[3]).toBe("Not quite. Our visitors come for the children's room. The reading hour on Saturday is always full.");
  expect(words[8]).toBe("A second children's room.");
});
