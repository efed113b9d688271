/**
 * The transcription player in Chromium: a recording attached by the button, then typed up with the
 * keys alone (play, pause, back, stamp, next turn, faster), each checked on the media element
 * itself (its currentTime and playbackRate); a margin time clicked plays from there; Vietnamese
 * typed while it plays loses no letter; and after a reload the recording and the times are still
 * there. Screenshots of the docked player at 1366×768 in both UI languages.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sineWav, streamedWav } from '../helpers/wav';
import { commandPath } from '../helpers/material';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { api, firstStart } from './page-actions';

test.use({ viewport: { width: 1366, height: 768 } });

let host: RunningHost;
test.beforeEach(async () => {
  host = await startWebHost(newDataDir());
});
test.afterEach(async () => host.stop());

const body = (page: Page) => page.getByRole('textbox', { name: /Interview body|Nội dung phỏng vấn/ });
const audioTime = (page: Page) => page.locator('.player audio').evaluate((a: HTMLAudioElement) => a.currentTime);
const audioState = (page: Page) => page.locator('.player audio').evaluate((a: HTMLAudioElement) => ({ paused: a.paused, rate: a.playbackRate, pitch: a.preservesPitch, duration: a.duration }));

/** A WAV of `seconds` (a 440 Hz tone) written to a file of its own. */
function wavFile(seconds: number, name = 'phong-van.wav'): string {
  const dir = mkdtempSync(join(tmpdir(), 'interview-desk-wav-'));
  const file = join(dir, name);
  writeFileSync(file, sineWav({ seconds }));
  return file;
}

/** A new interview whose body is one empty turn of the reporter, opened. */
async function openEmptyInterview(page: Page, language: 'en' | 'vi'): Promise<string> {
  const created = await api<{ doc: { id: string; meta: Record<string, unknown>; body: unknown[] }; revision: number }>(page, 'document.create', { language });
  const doc = created.doc;
  doc.meta.headline = language === 'vi' ? 'Nước sạch cho vùng cao' : 'Clean water for the highlands';
  doc.body = [{ type: 'turn', speakerId: 'p1', children: [{ type: 'paragraph', children: [{ text: '' }] }] }];
  await api(page, 'document.save', { id: doc.id, baseRevision: created.revision, doc });
  await page.goto(`${host.url}#/doc/${doc.id}`);
  return doc.id;
}

async function attach(page: Page, file: string, button: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

test('a recording is typed up with the keys alone, and a margin time plays from there', async ({ page }) => {
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  await openEmptyInterview(page, 'en');
  await attach(page, wavFile(30), 'Attach recording');
  const player = page.getByRole('region', { name: 'Recording' });
  await expect(player.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect.poll(async () => (await audioState(page)).duration).toBeCloseTo(30, 1);
  expect(await audioState(page)).toMatchObject({ paused: true, rate: 1, pitch: true });

  // From here on, the keyboard only.
  await body(page).locator('p').first().click();
  await page.keyboard.press('F8');
  await expect.poll(() => audioTime(page), { timeout: 10_000 }).toBeGreaterThan(4.2);
  await page.keyboard.press('F8');
  await expect.poll(async () => (await audioState(page)).paused).toBe(true);
  const paused = await audioTime(page);
  await page.keyboard.press('F7');
  // Back by the 3 s step.
  await expect.poll(() => audioTime(page)).toBeCloseTo(paused - 3, 1);
  const firstStamp = await audioTime(page);

  await page.keyboard.type('How clean is the water now?');
  await page.keyboard.press('F4');
  const marks = body(page).locator('.time-mark');
  await expect(marks).toHaveCount(1);
  const firstMs = Number(await body(page).locator('p[data-time-start]').first().getAttribute('data-time-start'));
  expect(Math.abs(firstMs - firstStamp * 1000)).toBeLessThan(50);

  await page.keyboard.press('Control+Enter');
  // Resuming goes back 1 s first (the default rewind on resume).
  await page.keyboard.press('F8');
  await expect.poll(async () => (await audioState(page)).paused).toBe(false);
  await expect.poll(() => audioTime(page), { timeout: 10_000 }).toBeGreaterThan(firstStamp + 2.5);
  await page.keyboard.press('F8');
  await expect.poll(async () => (await audioState(page)).paused).toBe(true);
  const secondStamp = await audioTime(page);
  await page.keyboard.type('Much cleaner than last year.');
  await page.keyboard.press('F4');
  await expect(marks).toHaveCount(2);
  await expect(body(page).locator('.turn')).toHaveCount(2);
  const secondMs = Number(await body(page).locator('.turn').nth(1).locator('p').getAttribute('data-time-start'));
  expect(Math.abs(secondMs - secondStamp * 1000)).toBeLessThan(50);

  // Faster: one step along 0.5 … 2, pitch kept.
  await page.keyboard.press('Control+Alt+=');
  await expect.poll(async () => (await audioState(page)).rate).toBe(1.25);
  await expect(player.locator('output')).toHaveText('1.25×');

  // Clicking the first time plays from there.
  await marks.first().click();
  await expect.poll(async () => (await audioState(page)).paused).toBe(false);
  const heard = await audioTime(page);
  expect(heard).toBeGreaterThanOrEqual(firstMs / 1000 - 0.05);
  expect(heard).toBeLessThan(firstMs / 1000 + 1.5);

  // Vietnamese typed while it plays: every letter arrives (the player takes no typing key).
  await body(page).locator('.turn').nth(1).locator('p').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Đảng viên');
  await expect(body(page).locator('.turn').nth(1)).toContainText('Much cleaner than last year. Đảng viên');
  expect((await audioState(page)).paused).toBe(false);
  await page.keyboard.press('F8');

  // Stored: after a reload the recording is listed and the times are in the margin.
  await expect(page.locator('.save-status.save-saved')).toBeVisible({ timeout: 10_000 });
  await page.reload();
  await expect(body(page).locator('.time-mark')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Recording' }).getByRole('button', { name: 'Play' })).toBeEnabled();
  expect(await body(page).locator('p[data-time-start]').evaluateAll((ps) => ps.map((p) => Number(p.getAttribute('data-time-start'))))).toEqual([firstMs, secondMs]);
});

test('follow marks the paragraph being heard; Viewing mode refuses a stamp with the reason', async ({ page }) => {
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  const created = await api<{ doc: { id: string; body: unknown[] }; revision: number }>(page, 'document.create', { language: 'en' });
  const doc = created.doc;
  const p = (text: string, startMs: number) => ({ type: 'paragraph', children: [{ text }], time: { startMs } });
  doc.body = [
    { type: 'turn', speakerId: 'p1', children: [p('First question.', 0)] },
    { type: 'turn', speakerId: 'p2', children: [p('First answer.', 2000)] },
    { type: 'turn', speakerId: 'p1', children: [p('Second question.', 6000)] },
  ];
  await api(page, 'document.save', { id: doc.id, baseRevision: created.revision, doc });
  await page.goto(`${host.url}#/doc/${doc.id}`);
  await attach(page, wavFile(12), 'Attach recording');
  const player = page.getByRole('region', { name: 'Recording' });
  await expect(player.getByRole('button', { name: 'Play' })).toBeEnabled();

  await body(page).locator('p').first().click();
  await page.keyboard.press('Control+Alt+O');
  await expect(player.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true');
  // Play from the answer's time: the answer is marked as heard, nothing else.
  await body(page).locator('.time-mark').nth(1).click();
  await expect(body(page).locator('p.heard')).toHaveText('First answer.');
  await expect(body(page).locator('p.heard')).toHaveCount(1);
  await page.keyboard.press('F8');

  await page.keyboard.press('Control+Alt+V');
  await expect(page.getByTestId('current-mode')).toContainText('Viewing');
  await page.keyboard.press('F4');
  await expect(player.getByRole('alert')).toHaveText('Viewing mode is read only: switch to Editing or Suggesting to stamp a time.');
});

test('with two recordings, follow marks only the paragraphs stamped in the one playing', async ({ page }) => {
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  const first = wavFile(12, 'buổi sáng.wav');
  const second = join(mkdtempSync(join(tmpdir(), 'interview-desk-wav-')), 'buổi chiều.wav');
  writeFileSync(second, sineWav({ seconds: 12, frequency: 660 }));
  const secondId = createHash('sha256').update(readFileSync(second)).digest('hex');
  const created = await api<{ doc: { id: string; body: unknown[] }; revision: number }>(page, 'document.create', { language: 'en' });
  const doc = created.doc;
  // Both start at 0:02, each in its own recording; the afternoon's is first in the text.
  doc.body = [
    { type: 'turn', speakerId: 'p1', children: [{ type: 'paragraph', children: [{ text: 'Heard in the afternoon.' }], time: { startMs: 2000, recording: secondId } }] },
    { type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: 'Heard in the morning.' }], time: { startMs: 2000 } }] },
  ];
  await api(page, 'document.save', { id: doc.id, baseRevision: created.revision, doc });
  await page.goto(`${host.url}#/doc/${doc.id}`);
  await attach(page, first, 'Attach recording');
  const player = page.getByRole('region', { name: 'Recording' });
  await expect(player.getByRole('button', { name: 'Play' })).toBeEnabled();
  await attach(page, second, 'Attach recording');
  await expect(player.getByRole('combobox', { name: 'Recording' })).toHaveValue(secondId);
  await expect(body(page).locator('p', { hasText: 'Heard in the afternoon.' })).toHaveAttribute('data-time-recording', secondId);
  await expect(body(page).locator('p', { hasText: 'Heard in the morning.' })).not.toHaveAttribute('data-time-recording');

  await body(page).locator('p').first().click();
  await page.keyboard.press('Control+Alt+O');
  await expect(player.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true');
  // The afternoon recording plays from 0:02: its paragraph is heard, not the morning's at the same time.
  await body(page).locator('.time-mark').first().click();
  await expect.poll(() => audioTime(page)).toBeGreaterThan(2.2);
  await expect(body(page).locator('p.heard')).toHaveText(['Heard in the afternoon.']);
  await page.keyboard.press('F8');
  // The morning recording from 0:02: now its paragraph.
  await body(page).locator('.time-mark').nth(1).click();
  await expect(player.getByRole('combobox', { name: 'Recording' })).not.toHaveValue(secondId);
  await expect.poll(() => audioTime(page)).toBeGreaterThan(2.2);
  await expect(body(page).locator('p.heard')).toHaveText(['Heard in the morning.']);
  await page.keyboard.press('F8');
});

test('a long WAV draws its waveform from small windows read by range, then from the cache', async ({ page }) => {
  test.setTimeout(120_000);
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  await openEmptyInterview(page, 'en');
  // 40 minutes of 8 kHz 16-bit mono: 38.4 MB, over the 20 MB a browser is asked to decode whole.
  const file = join(mkdtempSync(join(tmpdir(), 'interview-desk-long-')), 'cả buổi.wav');
  const out = createWriteStream(file);
  for await (const chunk of streamedWav(40 * 60)) if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(() => r()));
  const size = statSync(file).size;

  // What the page asked for by bounded ranges (the worker's windows; the element asks open-ended).
  let windowBytes = 0;
  page.context().on('request', (req) => {
    const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers()['range'] ?? '');
    if (m && req.url().includes('/media/')) windowBytes += Number(m[2]) - Number(m[1]) + 1;
  });
  await attach(page, file, 'Attach recording');
  const wave = page.locator('.player-wave');
  await expect(wave).toHaveAttribute('data-peaks', 'drawn', { timeout: 60_000 });
  await expect(wave).toHaveAttribute('title', 'Waveform: click to play from there');
  expect(windowBytes).toBeGreaterThan(0);
  expect(windowBytes).toBeLessThan(size / 3);

  // Opened again: drawn from the cache, without reading a window.
  windowBytes = 0;
  await page.reload();
  await expect(wave).toHaveAttribute('data-peaks', 'drawn', { timeout: 10_000 });
  expect(windowBytes).toBe(0);
});

for (const [format, name, options, seconds] of [
  // 40 minutes of noise as FLAC (noise does not compress): about 38 MB of compressed frames.
  ['FLAC', 'dài.flac', ['-r', '8000', '-b', '16', '-c', '1'], 2400],
  // 10 minutes of stereo noise as Ogg Vorbis at its highest quality: about 29 MB.
  ['Ogg Vorbis', 'dài.ogg', ['-r', '44100', '-c', '2', '-C', '10'], 600],
] as const) {
  test(`a long ${format} draws its waveform from windows decoded alone, read by range, then from the cache`, async ({ page }) => {
    test.skip(commandPath('sox') === null, `needs sox on PATH to make a long ${format}: apt-get install sox, as .ci/run does`);
    test.setTimeout(120_000);
    await firstStart(page, host.url, 'Hoa', 'Reporter');
    await openEmptyInterview(page, 'en');
    const file = join(mkdtempSync(join(tmpdir(), 'interview-desk-long-compressed-')), name);
    execFileSync('sox', ['-n', ...options, file, 'synth', String(seconds), 'whitenoise', 'vol', '0.5']);
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(20 * 1024 * 1024);

    // What the page asked for by bounded ranges (the worker's windows; the element asks open-ended).
    let windowBytes = 0;
    page.context().on('request', (req) => {
      const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers()['range'] ?? '');
      if (m && req.url().includes('/media/')) windowBytes += Number(m[2]) - Number(m[1]) + 1;
    });
    await attach(page, file, 'Attach recording');
    const wave = page.locator('.player-wave');
    await expect(wave).toHaveAttribute('data-peaks', 'drawn', { timeout: 90_000 });
    await expect(wave).toHaveAttribute('title', 'Waveform: click to play from there');
    // The head, then 300 windows of at most 32 KB: a third of the file at most, whatever its length.
    expect(windowBytes).toBeGreaterThan(0);
    expect(windowBytes).toBeLessThanOrEqual(64 * 1024 + 300 * 32 * 1024);
    expect(windowBytes).toBeLessThan(size / 3);

    // Opened again: drawn from the cache, without reading a window.
    windowBytes = 0;
    await page.reload();
    await expect(wave).toHaveAttribute('data-peaks', 'drawn', { timeout: 10_000 });
    expect(windowBytes).toBe(0);
  });
}

test('a file that is not a recording is refused with the reason', async ({ page }) => {
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  await openEmptyInterview(page, 'en');
  const dir = mkdtempSync(join(tmpdir(), 'interview-desk-notwav-'));
  const fake = join(dir, 'notes.mp3');
  writeFileSync(fake, 'These are notes, not sound.\n'.repeat(50));
  await attach(page, fake, 'Attach recording');
  await expect(page.getByRole('region', { name: 'Recording' }).getByRole('alert')).toContainText('This file is not a recording the app can play.');
  expect(await api<{ doc: { recordings?: unknown[] } }>(page, 'document.load', { id: await page.evaluate(() => location.hash.split('/').pop()) }).then((l) => l.doc.recordings)).toBeUndefined();
});

test('a recording dropped on the text is attached, and the text is left as it was', async ({ page }) => {
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  const id = await openEmptyInterview(page, 'en');
  await body(page).locator('p').first().click();
  await page.keyboard.type('Before the drop.');
  const wav = sineWav({ seconds: 3 }).toString('base64');
  const dataTransfer = await page.evaluateHandle((b64) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'thả vào.wav', { type: 'audio/wav' }));
    return dt;
  }, wav);
  await body(page).locator('p').first().dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('region', { name: 'Recording' }).getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(body(page).locator('p')).toHaveText(['Before the drop.']);
  await expect.poll(async () => (await api<{ doc: { recordings?: { name: string }[] } }>(page, 'document.load', { id })).doc.recordings?.map((r) => r.name)).toEqual(['thả vào.wav']);
});

/**
 * ADTS AAC frames (AAC-LC, 8 kHz mono) of silence: what a voice recorder's .aac holds. Debian's
 * Chromium, which the tests drive, has no AAC decoder; the desktop app's Chromium has one.
 */
function adtsSilence(frames: number): Buffer {
  // One raw AAC-LC frame of digital silence (a single channel element, all zero spectra).
  const payload = Buffer.from([0x00, 0xc8, 0x00, 0x00, 0x00, 0x00]);
  const length = 7 + payload.length;
  const header = Buffer.from([0xff, 0xf1, 0x6c, 0x40, (length >> 3) & 0xff, ((length & 7) << 5) | 0x1f, 0xfc]);
  return Buffer.concat(Array.from({ length: frames }, () => Buffer.concat([header, payload])));
}

test('a recording this browser has no codec for is named, with where it plays', async ({ page }) => {
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  await openEmptyInterview(page, 'en');
  const dir = mkdtempSync(join(tmpdir(), 'interview-desk-aac-'));
  const file = join(dir, 'ghi âm.aac');
  writeFileSync(file, adtsSilence(400));
  await attach(page, file, 'Attach recording');
  await expect(page.getByRole('region', { name: 'Recording' }).getByRole('alert')).toHaveText('This browser cannot play “ghi âm.aac” (audio/aac): its codec is missing here. The desktop app plays it.');
  // What the element itself says: the stream was found and no decoder takes it (Debian's Chromium
  // answers canPlayType('audio/aac') with "probably" all the same, so only playing tells).
  expect(await page.locator('.player audio').evaluate((a: HTMLAudioElement) => `${a.error?.code} ${a.error?.message}`)).toMatch(/^4 .*no supported streams/);
  await expect(page.getByRole('region', { name: 'Recording' }).getByRole('button', { name: 'Attach recording' })).toBeVisible();
});

test('a recording the library does not hold says so, and attaching the same file links it', async ({ page }) => {
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  const file = wavFile(6, 'bản gốc.wav');
  const id = createHash('sha256').update(readFileSync(file)).digest('hex');
  const created = await api<{ doc: { id: string; body: unknown[]; recordings?: unknown[] }; revision: number }>(page, 'document.create', { language: 'en' });
  // As a review file that left its recording out: listed, not stored.
  const doc = { ...created.doc, recordings: [{ id, name: 'bản gốc.wav', mime: 'audio/wav', bytes: 96_044 }] };
  await api(page, 'document.save', { id: doc.id, baseRevision: created.revision, doc });
  await page.goto(`${host.url}#/doc/${doc.id}`);
  const player = page.getByRole('region', { name: 'Recording' });
  await expect(player).toContainText('Recording not included — attach your copy');
  await expect(player.getByRole('button', { name: 'Play' })).toHaveCount(0);

  await attach(page, file, 'Attach recording');
  await expect(player.locator('.player-notice[role="status"]')).toHaveText('“bản gốc.wav” is linked: it is the recording the interview names.');
  await expect(player.getByRole('button', { name: 'Play' })).toBeEnabled();
  const loaded = await api<{ doc: { recordings?: { id: string }[] } }>(page, 'document.load', { id: doc.id });
  expect(loaded.doc.recordings?.map((r) => r.id)).toEqual([id]);
});

test('the steps and the keys are set in the player and kept by the library; a typing key is refused', async ({ page }) => {
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  await openEmptyInterview(page, 'en');
  await attach(page, wavFile(20), 'Attach recording');
  const player = page.getByRole('region', { name: 'Recording' });
  await expect(player.getByRole('button', { name: 'Play' })).toBeEnabled();

  await player.getByLabel('Player settings').click();
  await player.getByRole('spinbutton', { name: 'Back step (seconds)' }).fill('2');
  const playRow = player.locator('.player-key-row', { hasText: 'Play or pause the recording' });
  await playRow.getByRole('button', { name: 'Change' }).click();
  await page.keyboard.press('F10');
  await expect(player.getByRole('alert')).toHaveText('F10 belongs to the input method, the browser or the system.');
  await playRow.getByRole('button', { name: 'Change' }).click();
  await page.keyboard.press('s');
  await expect(player.getByRole('alert')).toContainText('S types text');
  await playRow.getByRole('button', { name: 'Change' }).click();
  await page.keyboard.press('Control+Alt+Y');
  await expect(playRow.locator('kbd')).toHaveText('Ctrl+Alt+Y');
  await expect.poll(async () => (await api<{ settings: unknown }>(page, 'player.get', {})).settings).toEqual({ backMs: 2000, forwardMs: 5000, rewindMs: 1000, keys: { playPause: ['Ctrl+Alt+Y'] } });

  // After a reload: the new key plays, the old one no longer does, and back goes 2 s.
  await page.reload();
  await expect(player.getByRole('button', { name: 'Play' })).toBeEnabled();
  await body(page).locator('p').first().click();
  await page.keyboard.press('F8');
  await page.waitForTimeout(300);
  expect((await audioState(page)).paused).toBe(true);
  await page.keyboard.press('Control+Alt+Y');
  await expect.poll(() => audioTime(page), { timeout: 10_000 }).toBeGreaterThan(3);
  await page.keyboard.press('Control+Alt+Y');
  await expect.poll(async () => (await audioState(page)).paused).toBe(true);
  const at = await audioTime(page);
  await page.keyboard.press('F7');
  await expect.poll(() => audioTime(page)).toBeCloseTo(at - 2, 1);
});

for (const [language, locale, attachLabel, play] of [
  ['en', 'en-US', 'Attach recording', 'Play'],
  ['vi', 'vi-VN', 'Đính kèm bản ghi âm', 'Phát'],
] as const) {
  test.describe(`screenshot (${language})`, () => {
    test.use({ locale });
    test(`the player docked at 1366×768 (${language})`, async ({ page }) => {
      await page.goto(host.url);
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox').first().fill('Hoa');
      await dialog.getByRole('radio').first().check();
      await dialog.getByRole('button').last().click();
      await openEmptyInterview(page, language);
      await attach(page, wavFile(95, language === 'vi' ? 'phỏng vấn ông Hải.wav' : 'interview.wav'), attachLabel);
      await expect(page.getByRole('button', { name: play, exact: true })).toBeEnabled();
      await body(page).locator('p').first().click();
      await page.keyboard.type(language === 'vi' ? 'Thưa ông, dự án nước sạch đến đâu rồi?' : 'How far has the water project come?');
      await page.keyboard.press('F8');
      await expect.poll(() => audioTime(page), { timeout: 10_000 }).toBeGreaterThan(1.5);
      await page.keyboard.press('F8');
      await page.keyboard.press('F4');
      const row = page.locator('.player-row');
      // One row: the player is no taller than a row of controls.
      expect((await row.boundingBox())!.height).toBeLessThan(44);
      await page.screenshot({ path: `test-results/screenshots/player-${language}.png` });
      await page.locator('.player-settings summary').click();
      await page.screenshot({ path: `test-results/screenshots/player-settings-${language}.png` });
    });
  });
}
