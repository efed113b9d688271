/**
 * The waveform's peaks: one loudness value (0–1) per column, computed once per recording and kept
 * in memory for the session.
 *
 * The browser decodes a whole file at once (decodeAudioData), so the file is fetched whole and,
 * inside Chromium, decoded at its own sample rate before being resampled to the context's 3000 Hz:
 * the transient memory is the file plus its PCM at its own rate. That is why peaks are computed only
 * for recordings up to PEAKS_MAX_BYTES (20 MB: about 20 minutes of 128 kbps MP3, or 10 minutes of
 * CD-quality WAV; a few hundred MB at worst while it lasts). Larger recordings get the plain bar
 * (position and transcribed parts) and the view says why; the element still streams them by
 * ranges. Reading PCM windows by range (WAV) or a streaming decoder (WebCodecs) in a worker would
 * lift the limit without the memory.
 */
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
