/**
 * Time in the text: an interview whose paragraphs carry times in the recording shows them in the
 * margin (outside the text: not in what the paragraph reads), Enter at the end of a timed paragraph
 * starts an untimed one, and the Export dialog writes the turns as WebVTT subtitles with voice tags.
 * No recording is attached here: the times show as plain text that says so.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { api, firstStart } from './page-actions';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startWebHost(newDataDir());
});
test.afterEach(async () => host.stop());

const body = (page: Page) => page.getByRole('textbox', { name: 'Interview body' });

interface Created {
  doc: { id: string; meta: Record<string, unknown>; participants: { id: string; label: string }[]; body: unknown[] };
  revision: number;
}

const para = (text: string, time?: { startMs: number; endMs?: number }) => ({ type: 'paragraph', children: [{ text }], ...(time ? { time } : {}) });

/** A short interview with three timed paragraphs; returns its id and the guest's label. */
async function timedInterview(page: Page): Promise<{ id: string; guest: string; reporter: string }> {
  const created = await api<Created>(page, 'document.create', { language: 'vi' });
  const doc = created.doc;
  doc.meta.headline = 'Dự án nước sạch';
  doc.body = [
    para('TTXVN - Lời dẫn chưa có mốc.'),
    { type: 'turn', speakerId: 'p1', children: [para('Thưa bà, dự án ra sao?', { startMs: 5000, endMs: 9000 })] },
    { type: 'turn', speakerId: 'p2', children: [para('Rất tốt & đúng hạn.', { startMs: 83_400 }), para('Chúng tôi <đã> xong.')] },
    { type: 'turn', speakerId: 'p1', children: [para('Cảm ơn bà!', { startMs: 3_725_010 })] },
  ];
  await api(page, 'document.save', { id: doc.id, baseRevision: created.revision, doc });
  const label = (id: string) => doc.participants.find((p) => p.id === id)!.label;
  return { id: doc.id, guest: label('p2'), reporter: label('p1') };
}

test('times show in the margin, Enter starts untimed, and WebVTT carries the cues', async ({ page }) => {
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  const { id, guest, reporter } = await timedInterview(page);
  await page.goto(`${host.url}#/doc/${id}`);

  const marks = body(page).locator('.time-mark');
  await expect(marks).toHaveCount(3);
  expect(await marks.evaluateAll((els) => els.map((e) => e.getAttribute('data-clock')))).toEqual(['0:05', '1:23', '1:02:05']);
  // Nothing plays without a recording, and the time says so.
  await expect(marks.first()).toHaveAttribute('title', 'Heard at 0:05 in the recording. No recording is attached to play it.');
  // The time is outside the text: the paragraph reads its words alone.
  const question = body(page).locator('p[data-time-start="5000"]');
  await expect(question).toHaveText('Thưa bà, dự án ra sao?');
  await page.screenshot({ path: 'test-results/screenshots/media-time-margin.png' });

  // Enter at the end of the timed question: the new paragraph has no time of its own.
  await question.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Thêm ý.');
  const questionTurn = body(page).locator('.turn').first();
  await expect(questionTurn.locator('p')).toHaveText(['Thưa bà, dự án ra sao?', 'Thêm ý.']);
  await expect(questionTurn.locator('p').nth(1)).not.toHaveAttribute('data-time-start');
  await expect(marks).toHaveCount(3);

  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('webvtt');
  // The intro has no time: it is not in the subtitles, and the dialog says so before saving.
  await expect(dialog).toContainText('1 paragraph before the first time in the recording is left out of the subtitles.');
  await expect(dialog.getByRole('button', { name: 'Save file' })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'Export anyway, despite these warnings' }).check();
  await expect(dialog.getByRole('button', { name: 'Save file' })).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save file' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.vtt$/);
  expect(readFileSync((await download.path())!, 'utf8')).toBe(
    [
      'WEBVTT',
      '',
      'NOTE language: vi',
      '',
      '1',
      '00:00:05.000 --> 00:00:09.000',
      `<v ${reporter}>Thưa bà, dự án ra sao?`,
      `<v ${reporter}>Thêm ý.`,
      '',
      '2',
      '00:01:23.400 --> 01:02:05.010',
      `<v ${guest}>Rất tốt &amp; đúng hạn.`,
      `<v ${guest}>Chúng tôi &lt;đã&gt; xong.`,
      '',
      '3',
      // No end known and nothing after it: a second, the shortest a subtitle stays up.
      '01:02:05.010 --> 01:02:06.010',
      `<v ${reporter}>Cảm ơn bà!`,
      '',
    ].join('\n'),
  );
});
