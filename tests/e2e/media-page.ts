/**
 * Recordings from inside the page, as the renderer handles them: a WAV made in the page (no sound
 * tool needed), uploaded with `POST media`, and played in an <audio> element from `media/<id>`.
 * Shared by the browser-mode and desktop specs, which must behave alike.
 */
import type { Page } from '@playwright/test';

export interface Uploaded {
  status: number;
  result: { ok: boolean; value?: { id: string; name: string; mime: string; bytes: number; durationMs?: number }; error?: { message: string } };
}

/** Make a 16-bit mono PCM WAV of `seconds` in the page (a tone that changes pitch each second) and upload it. */
export async function uploadWav(page: Page, seconds: number, name: string): Promise<Uploaded> {
  return page.evaluate(
    async ({ seconds, name }) => {
      const rate = 8000;
      const samples = seconds * rate;
      const buffer = new ArrayBuffer(44 + samples * 2);
      const view = new DataView(buffer);
      const ascii = (at: number, text: string) => [...text].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
      ascii(0, 'RIFF');
      view.setUint32(4, 36 + samples * 2, true);
      ascii(8, 'WAVEfmt ');
      view.setUint32(16, 16, true);
      view.setUint16(20, 1, true);
      view.setUint16(22, 1, true);
      view.setUint32(24, rate, true);
      view.setUint32(28, rate * 2, true);
      view.setUint16(32, 2, true);
      view.setUint16(34, 16, true);
      ascii(36, 'data');
      view.setUint32(40, samples * 2, true);
      for (let i = 0; i < samples; i++) view.setInt16(44 + i * 2, Math.round(Math.sin((2 * Math.PI * (300 + 20 * Math.floor(i / rate)) * i) / rate) * 6000), true);
      const file = new File([buffer], name, { type: 'audio/wav' });
      const res = await fetch('media', { method: 'POST', body: file, headers: { 'Content-Type': file.type, 'X-File-Name': encodeURIComponent(name.normalize('NFC')) } });
      return { status: res.status, result: await res.json() };
    },
    { seconds, name },
  );
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
