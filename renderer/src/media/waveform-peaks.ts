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
 * A larger recording is read in a worker (waveform-worker.ts) by small windows: of its PCM when it
 * is a WAV; cut at whole frames when it is MP3, Ogg or FLAC, each window then decoded alone here
 * (window-decoder.ts, in idle moments). Its peaks come as they are known (the view draws them
 * progressively, a window that cannot be decoded as a gap) and are cached (peaks-cache.ts,
 * IndexedDB) for the next opening. A larger MP4/M4A/MOV or WebM recording gets the plain bar
 * (position and transcribed parts) and the view says why; the element still streams it by ranges.
 */
import { cachedPeaks, cachePeaks } from './peaks-cache';
import { windowDecoder, type WindowDecoder } from './window-decoder';
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

/**
 * What the long-recording reader has so far: peaks (complete or not; NaN where a column is not
 * known), that it does not read this kind of file, or that it read it and no window could be decoded.
 */
export type LongPeaks = { peaks: Float32Array; done: boolean } | 'unreadable' | 'failed';

let decodingContext: OfflineAudioContext | null = null;

/** The loudest sample of a window of compressed audio, over every channel (null when it cannot be decoded). */
async function decodeLoudest(bytes: Uint8Array): Promise<number | null> {
  // One context for every window: decodeAudioData may be called on it again and again.
  decodingContext ??= new OfflineAudioContext(1, 1, PEAKS_RATE);
  const copy = bytes.slice();
  const audio = await decodingContext.decodeAudioData(copy.buffer);
  let max = 0;
  for (let c = 0; c < audio.numberOfChannels; c++) for (const v of audio.getChannelData(c)) max = Math.max(max, Math.abs(v));
  return audio.length > 0 ? max : null;
}

/**
 * The peaks of a recording over PEAKS_MAX_BYTES, read in a worker; `onPeaks` is called as they
 * come. Returns a function that stops the worker (the view closed or another recording shown).
 */
export function longRecordingPeaks(id: string, url: string, fileBytes: number, onPeaks: (state: LongPeaks) => void): () => void {
  let worker: Worker | null = null;
  let decoder: WindowDecoder | null = null;
  let stopped = false;
  void cachedPeaks(id, PEAK_COLUMNS).then((cached) => {
    if (stopped) return;
    if (cached) return onPeaks({ peaks: cached, done: true });
    worker = new Worker(new URL('./waveform-worker.ts', import.meta.url), { type: 'module' });
    const finish = (state: LongPeaks) => {
      onPeaks(state);
      if (typeof state !== 'string' && state.done) void cachePeaks(id, state.peaks);
    };
    worker.onmessage = (event: MessageEvent<PeaksReply>) => {
      const reply = event.data;
      if (reply.kind === 'unreadable') {
        decoder?.stop();
        onPeaks('unreadable');
        return worker?.terminate();
      }
      if (reply.kind === 'peaks') {
        finish({ peaks: reply.peaks, done: reply.done });
        if (reply.done) worker?.terminate();
        return;
      }
      decoder ??= windowDecoder(PEAK_COLUMNS, decodeLoudest, (state) => {
        if (!stopped) finish(state);
      });
      if (reply.kind === 'window') decoder.add(reply.columnFrom, reply.columnTo, reply.bytes);
      else {
        decoder.finish();
        worker?.terminate();
      }
    };
    worker.onerror = () => onPeaks('unreadable');
    // The worker's own address is its base: the recording's is made absolute here.
    const request: PeaksRequest = { url: new URL(url, location.href).href, fileBytes, columns: PEAK_COLUMNS };
    worker.postMessage(request);
  });
  return () => {
    stopped = true;
    decoder?.stop();
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
