/**
 * The waveform's peaks: one loudness value (0–1) per column, computed once per recording and kept
 * in memory for the session.
 *
 * The browser decodes a whole file at once (decodeAudioData), so the file is fetched whole and,
 * inside Chromium, decoded at its own sample rate before being resampled to the context's 3000 Hz:
 * the transient memory is the file plus its PCM at its own rate. That is why peaks are computed only
 * for recordings up to PEAKS_MAX_BYTES (20 MB: about 20 minutes of 128 kbps MP3, or 10 minutes of
 * CD-quality WAV; a few hundred MB at worst while it lasts).
 *
 * A larger recording is read in a worker (waveform-worker.ts) by small windows of its PCM when it
 * is a WAV, its peaks posted as they come (the view draws them progressively) and cached
 * (peaks-cache.ts, IndexedDB) for the next opening. A larger compressed recording gets the plain
 * bar (position and transcribed parts) and the view says why; the element still streams it by
 * ranges. A streaming decoder (WebCodecs) could read those too, without the memory.
 */
import { cachedPeaks, cachePeaks } from './peaks-cache';
import type { PeaksReply, PeaksRequest } from './waveform-worker';

export const PEAKS_MAX_BYTES = 20 * 1024 * 1024;
/** The minimum rate an OfflineAudioContext accepts: peaks need no more. */
const PEAKS_RATE = 3000;
export const PEAK_COLUMNS = 600;

/** The loudest sample of each of `columns` equal slices of `samples` (0–1). */
export function peaksOf(samples: Float32Array, columns: number): Float32Array {
  const out = new Float32Array(columns);
  if (samples.length === 0) return out;
  for (let c = 0; c < columns; c++) {
    const from = Math.floor((c * samples.length) / columns);
    const to = Math.max(from + 1, Math.floor(((c + 1) * samples.length) / columns));
    let max = 0;
    for (let i = from; i < to && i < samples.length; i++) {
      const v = Math.abs(samples[i]!);
      if (v > max) max = v;
    }
    out[c] = Math.min(1, max);
  }
  return out;
}

const cache = new Map<string, Promise<Float32Array | null>>();

/** What the long-recording reader has so far: peaks (complete or not), or that it cannot read this file. */
export type LongPeaks = { peaks: Float32Array; done: boolean } | 'unreadable';

/**
 * The peaks of a recording over PEAKS_MAX_BYTES, read in a worker; `onPeaks` is called as they
 * come. Returns a function that stops the worker (the view closed or another recording shown).
 */
export function longRecordingPeaks(id: string, url: string, fileBytes: number, onPeaks: (state: LongPeaks) => void): () => void {
  let worker: Worker | null = null;
  let stopped = false;
  void cachedPeaks(id, PEAK_COLUMNS).then((cached) => {
    if (stopped) return;
    if (cached) return onPeaks({ peaks: cached, done: true });
    worker = new Worker(new URL('./waveform-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<PeaksReply>) => {
      const reply = event.data;
      if (reply.kind === 'unreadable') {
        onPeaks('unreadable');
        return worker?.terminate();
      }
      onPeaks({ peaks: reply.peaks, done: reply.done });
      if (reply.done) {
        worker?.terminate();
        void cachePeaks(id, reply.peaks);
      }
    };
    worker.onerror = () => onPeaks('unreadable');
    // The worker's own address is its base: the recording's is made absolute here.
    const request: PeaksRequest = { url: new URL(url, location.href).href, fileBytes, columns: PEAK_COLUMNS };
    worker.postMessage(request);
  });
  return () => {
    stopped = true;
    worker?.terminate();
  };
}

/** The peaks of the recording at `url` (null when the browser cannot decode it); once per id. */
export function recordingPeaks(id: string, url: string): Promise<Float32Array | null> {
  let pending = cache.get(id);
  if (!pending) {
    pending = (async () => {
      try {
        const bytes = await (await fetch(url)).arrayBuffer();
        const context = new OfflineAudioContext(1, 1, PEAKS_RATE);
        const audio = await context.decodeAudioData(bytes);
        return peaksOf(audio.getChannelData(0), PEAK_COLUMNS);
      } catch {
        return null;
      }
    })();
    cache.set(id, pending);
  }
  return pending;
}
