/**
 * Recordings in Chromium against the real web host: a WAV made in the page is uploaded as the
 * renderer uploads it (`POST media`, the file as the body), then played from `media/<sha-256>` in
 * an <audio> element. Chromium only seeks a recording served with byte ranges (a plain 200 makes
 * every seek snap back to 0), so the seek assertions prove the ranges; the CSP's `media-src 'self'`
 * is what lets the element load it at all.
 */
import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { loadAudio, seekTo, uploadWav } from './media-page';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

let host: RunningHost;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = newDataDir();
  host = await startWebHost(dataDir);
});
test.afterAll(async () => {
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a recording uploaded from the page plays from media/<id>, seekable to the millisecond', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') violations.push(msg.text());
  });
  await page.goto(host.url);
  const uploaded = await uploadWav(page, 4, 'Phỏng vấn bà Lan.wav');
  expect(uploaded.status).toBe(200);
  expect(uploaded.result.value).toMatchObject({ name: 'Phỏng vấn bà Lan.wav', mime: 'audio/wav', bytes: 44 + 4 * 8000 * 2, durationMs: 4000 });

  const { duration, seekableEnd, ranges } = await loadAudio(page, uploaded.result.value!.id);
  expect(duration).toBeCloseTo(4, 2);
  expect(ranges).toBe(1);
  expect(seekableEnd).toBeCloseTo(duration, 2);
  // WAV seeks exactly: the position set is the position read back.
  expect(await seekTo(page, 1.234)).toBe(1.234);
  expect(await seekTo(page, 3.5)).toBe(3.5);
  expect(violations).toEqual([]);
});

test('seeking near the end of a long recording asks for the bytes there, not the whole file', async ({ page }) => {
  await page.goto(host.url);
  const uploaded = await uploadWav(page, 20 * 60, 'long.wav'); // 20 minutes: 19.2 MB
  expect(uploaded.status).toBe(200);
  const total = uploaded.result.value!.bytes;

  const ranges: { status: number; range: string }[] = [];
  page.on('response', (res) => {
    if (res.url().includes('/media/')) ranges.push({ status: res.status(), range: res.headers()['content-range'] ?? '' });
  });
  const { duration } = await loadAudio(page, uploaded.result.value!.id);
  expect(duration).toBeCloseTo(1200, 1);
  expect(await seekTo(page, 1198.5)).toBe(1198.5);
  await expect.poll(() => ranges.some((r) => r.status === 206 && Number(/^bytes (\d+)-/.exec(r.range)?.[1]) > total * 0.9)).toBe(true);
  // Every answer was a range (Chromium asks bytes=0- first); none was a plain 200 of the whole file.
  expect(ranges.every((r) => r.status === 206)).toBe(true);
});

test('a text file renamed as a recording is refused with the reason', async ({ page }) => {
  await page.goto(host.url);
  const refused = await page.evaluate(async () => {
    const file = new File(['Phóng viên: Thưa bà, năm nay thế nào?\n'.repeat(200)], 'ghi-âm.mp3', { type: 'audio/mpeg' });
    const res = await fetch('media', { method: 'POST', body: file, headers: { 'Content-Type': file.type, 'X-File-Name': encodeURIComponent(file.name) } });
    return { status: res.status, result: await res.json() };
  });
  expect(refused.status).toBe(400);
  expect(refused.result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('not a recording') } });
});
