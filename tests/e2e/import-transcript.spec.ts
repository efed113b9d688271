/**
 * A machine transcript through the Import button, in Chromium against the real web host: a WebVTT
 * file with voices comes in as turns with the speakers' names in the preview and in the editor, a
 * speaker renamed in the preview is renamed everywhere, and the stored paragraphs keep their times.
 * whisper.cpp JSON with a letter's bytes cut in two comes in too (on a Vietnamese screen), the
 * damaged words flagged in the preview rather than the file refused. A recording dropped in the
 * preview is linked: every imported time names it, and the interview lists it.
 */
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Interview } from '../../shared/model/schema';
import { REPO_ROOT } from '../helpers/material';
import { sineWav } from '../helpers/wav';
import { api } from './page-actions';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

const VTT = resolve(REPO_ROOT, 'tests/fixtures/transcripts/vi-interview.vtt');
const WHISPER_CPP = resolve(REPO_ROOT, 'tests/fixtures/transcripts/vi-whisper-cpp.json');

let host: RunningHost;
test.beforeEach(async () => {
  host = await startWebHost(newDataDir());
});
test.afterEach(async () => host.stop());

test('a WebVTT transcript imports as turns with its speakers and times', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Text file to import').setInputFiles(VTT);
  const preview = page.getByRole('dialog', { name: 'Import preview' });
  await expect(preview).toContainText('vi-interview.vtt');
  await expect(preview).toContainText('4 turns, 0 photos, 2 speakers');
  await expect(preview).toContainText('kept for 5 paragraphs');
  await expect(preview.getByRole('listitem', { name: 'Phóng viên' })).toContainText('2 turns');
  await expect(preview.getByRole('listitem', { name: 'Ông Minh' })).toContainText('2 turns');
  const turns = preview.getByRole('list', { name: 'Turns' }).getByRole('listitem');
  await expect(turns).toHaveCount(4);
  await expect(turns.nth(0)).toContainText('Thưa ông, năm nay nước về sớm hơn mọi năm phải không?');
  await expect(preview.getByRole('combobox', { name: 'Speaker of turn 2 (line 18)' })).toHaveValue('p2');

  // The voice's short name becomes the full one before the interview is made.
  await preview.getByRole('listitem', { name: 'Ông Minh' }).getByRole('textbox', { name: 'Label' }).fill('Ông Trần Văn Minh');
  await page.screenshot({ path: 'test-results/screenshots/import-transcript-preview.png' });
  await preview.getByRole('button', { name: 'Import interview' }).click();
  await expect(page).toHaveURL(/#\/doc\//);

  const body = page.getByRole('textbox', { name: 'Interview body' });
  await expect(body.getByRole('group', { name: 'Phóng viên' })).toHaveCount(2);
  await expect(body.getByRole('group', { name: 'Ông Trần Văn Minh' })).toHaveCount(2);
  await expect(body.getByRole('group', { name: 'Phóng viên' }).first()).toContainText('Thưa ông, năm nay nước về sớm hơn mọi năm phải không?');
  await expect(body.getByRole('group', { name: 'Ông Trần Văn Minh' }).first()).toContainText('Cá linh năm nay cũng nhiều hơn & to hơn.');

  // Stored as shown, each paragraph with the time it is heard at.
  const id = /#\/doc\/([A-Za-z0-9_-]+)$/.exec(page.url())![1]!;
  const { doc } = await api<{ doc: Interview }>(page, 'document.load', { id });
  expect(doc.participants.map((p) => [p.label, p.role])).toEqual([
    ['Phóng viên', 'interviewer'],
    ['Ông Trần Văn Minh', 'interviewee'],
  ]);
  const times = doc.body.flatMap((b) => (b.type === 'turn' ? b.children.flatMap((c) => (c.type === 'paragraph' ? [c.time] : [])) : []));
  expect(times).toEqual([
    { startMs: 0, endMs: 4200 },
    { startMs: 4500, endMs: 12800 },
    { startMs: 16000, endMs: 19500 },
    { startMs: 20000, endMs: 23000 },
    { startMs: 20000, endMs: 23000 },
  ]);
});

test('whisper.cpp JSON that is not quite UTF-8 imports, the damaged segment flagged (Vietnamese screen)', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  // `kệ` with its last byte lost, as whisper.cpp can write it: E1 BB 87 → E1 BB.
  const json = Buffer.from(readFileSync(WHISPER_CPP, 'utf8').replace('k\\ufffd', 'KE_CUT'), 'utf8');
  const at = json.indexOf('KE_CUT');
  const buffer = Buffer.concat([json.subarray(0, at), Buffer.from([0x6b, 0xe1, 0xbb]), json.subarray(at + 'KE_CUT'.length)]);

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Nhập bài', exact: true }).click();
  await page.getByLabel('Tệp văn bản cần nhập').setInputFiles({ name: 'quan-sach.json', mimeType: 'application/json', buffer });
  const preview = page.getByRole('dialog', { name: 'Xem trước khi nhập' });
  await expect(preview).toContainText('3 lượt lời, 0 ảnh, 2 người nói');
  await expect(preview).toContainText('giữ cho 3 đoạn');
  await expect(preview).toContainText('Dòng 3: "Lúc đầu chỉ có hai k\uFFFD sách cũ." có ký tự không đọc được (�); hãy đối chiếu với bản ghi âm');
  await expect(preview).toContainText('Dòng 1: người nói "0" được đặt tên "Người nói 1": hãy đổi thành tên người thật');
  await preview.getByRole('listitem', { name: 'Người nói 1' }).getByRole('textbox', { name: 'Tên in trong bài' }).fill('Phóng viên');
  await preview.getByRole('listitem', { name: 'Người nói 2' }).getByRole('textbox', { name: 'Tên in trong bài' }).fill('Chị Thu');
  await page.screenshot({ path: 'test-results/screenshots/import-transcript-preview-vi.png' });
  await preview.getByRole('button', { name: 'Nhập bài phỏng vấn' }).click();
  await expect(page).toHaveURL(/#\/doc\//);
  const body = page.getByRole('textbox', { name: 'Nội dung phỏng vấn' });
  await expect(body.getByRole('group', { name: 'Phóng viên' })).toHaveCount(2);
  await expect(body.getByRole('group', { name: 'Chị Thu' })).toContainText('Được năm năm rồi em. Lúc đầu chỉ có hai k\uFFFD sách cũ.');
  await context.close();
});

test('a recording dropped in the preview is linked: the imported times play it', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Text file to import').setInputFiles(VTT);
  const preview = page.getByRole('dialog', { name: 'Import preview' });
  const field = preview.getByRole('group', { name: 'Recording' });
  await expect(field.getByRole('combobox', { name: 'Recording to link' })).toHaveValue('');
  // Dropped on the field, as from a file manager.
  const wav = sineWav({ seconds: 25 });
  const dataTransfer = await page.evaluateHandle((b64) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'ông Minh.wav', { type: 'audio/wav' }));
    return dt;
  }, wav.toString('base64'));
  await field.dispatchEvent('drop', { dataTransfer });
  await expect(field.getByRole('status')).toHaveText('The times will play “ông Minh.wav”.');
  await preview.getByRole('button', { name: 'Import interview' }).click();
  await expect(page).toHaveURL(/#\/doc\//);

  const id = /#\/doc\/([A-Za-z0-9_-]+)$/.exec(page.url())![1]!;
  const { doc } = await api<{ doc: Interview }>(page, 'document.load', { id });
  const hash = createHash('sha256').update(wav).digest('hex');
  expect(doc.recordings?.map((r) => [r.id, r.name])).toEqual([[hash, 'ông Minh.wav']]);
  const times = doc.body.flatMap((b) => (b.type === 'turn' ? b.children.flatMap((c) => (c.type === 'paragraph' && c.time ? [c.time] : [])) : []));
  expect(times.map((t) => t.recording)).toEqual([hash, hash, hash, hash, hash]);
  // The recording is the interview's: the player can play it, and a margin time plays from there.
  await expect(page.getByRole('region', { name: 'Recording' }).getByRole('button', { name: 'Play' })).toBeEnabled();
  await page.getByRole('textbox', { name: 'Interview body' }).locator('.time-mark').nth(1).click();
  await expect.poll(() => page.locator('.player audio').evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThanOrEqual(4.5);
});
