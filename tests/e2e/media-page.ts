/**
 * Recordings from inside the page, as the renderer handles them: a WAV made in the page (no sound
 * tool needed, tests/helpers/wav.ts), uploaded with `POST media`, and played in an <audio> element
 * from `media/<id>`.
 * Shared by the browser-mode and desktop specs, which must behave alike.
 */
import type { Page } from '@playwright/test';
import { wavFileInPage } from '../helpers/wav';

export interface Uploaded {
  status: number;
  result: { ok: boolean; value?: { id: string; name: string; mime: string; bytes: number; durationMs?: number }; error?: { message: string } };
}

/** Make a 16-bit mono PCM WAV of `seconds` in the page (a tone that changes pitch each second) and upload it. */
export async function uploadWav(page: Page, seconds: number, name: string): Promise<Uploaded> {
  const file = await page.evaluateHandle(wavFileInPage, { seconds, name, tone: 'steps' as const });
  return page.evaluate(async (file) => {
    const res = await fetch('media', { method: 'POST', body: file, headers: { 'Content-Type': file.type, 'X-File-Name': encodeURIComponent(file.name) } });
    return { status: res.status, result: await res.json() };
  }, file);
}

/** Load `media/<id>` in an <audio> element; its duration and seekable range once metadata is in. */
export async function loadAudio(page: Page, id: string): Promise<{ duration: number; seekableEnd: number; ranges: number }> {
  return page.evaluate(async (id) => {
    const audio = document.createElement('audio');
    audio.id = 'recording';
    audio.preload = 'metadata';
    document.body.append(audio);
    await new Promise<void>((resolve, reject) => {
      audio.addEventListener('loadedmetadata', () => resolve(), { once: true });
      audio.addEventListener('error', () => reject(new Error(`media error ${audio.error?.code}: ${audio.error?.message}`)), { once: true });
      audio.src = `media/${id}`;
    });
    return { duration: audio.duration, seekableEnd: audio.seekable.length ? audio.seekable.end(audio.seekable.length - 1) : 0, ranges: audio.seekable.length };
  }, id);
}

export async function seekTo(page: Page, seconds: number): Promise<number> {
  return page.evaluate(async (seconds) => {
    const audio = document.getElementById('recording') as HTMLAudioElement;
    await new Promise<void>((resolve) => {
      audio.addEventListener('seeked', () => resolve(), { once: true });
      audio.currentTime = seconds;
    });
    return audio.currentTime;
  }, seconds);
}
