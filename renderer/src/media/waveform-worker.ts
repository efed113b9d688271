/**
 * The waveform of a long recording, computed off the main thread: the WAV's header is read, then
 * small windows of its PCM by byte range (wav-windows.ts), a few requests at a time; the peaks so
 * far are posted after each batch of columns, so the waveform draws as they come. At most one
 * window per request is in memory, whatever the recording's length.
 *
 * A file that is not a PCM WAV is answered `unreadable` at once: compressed audio cannot be read
 * at an offset without decoding from a frame boundary, and decoding a long file whole is what this
 * avoids (the view then says the waveform is not drawn for it).
 */
import { loudest, parseWavHeader, peakWindows, type ByteWindow } from './wav-windows';

export interface PeaksRequest {
  url: string;
  fileBytes: number;
  columns: number;
}

export type PeaksReply = { kind: 'peaks'; peaks: Float32Array; done: boolean } | { kind: 'unreadable' };

const HEADER_BYTES = 64 * 1024;
const WINDOWS_PER_COLUMN = 2;
const WINDOW_BYTES = 8 * 1024;
const PARALLEL = 6;
const COLUMNS_PER_REPLY = 50;

const scope = self as unknown as { onmessage: ((event: MessageEvent<PeaksRequest>) => void) | null; postMessage(message: PeaksReply): void };

/** The bytes of `from`–`to` (inclusive), or null when the server did not answer with that range. */
async function range(url: string, from: number, to: number): Promise<Uint8Array | null> {
  const res = await fetch(url, { headers: { Range: `bytes=${from}-${to}` } });
  if (res.status !== 206) {
    // A whole file sent instead of a range: not read (that is the memory this avoids).
    await res.body?.cancel();
    return null;
  }
  return new Uint8Array(await res.arrayBuffer());
}

async function peaksOf({ url, fileBytes, columns }: PeaksRequest): Promise<void> {
  const head = await range(url, 0, Math.min(fileBytes, HEADER_BYTES) - 1);
  const layout = head && parseWavHeader(head, fileBytes);
  if (!layout || layout.dataBytes === 0) return scope.postMessage({ kind: 'unreadable' });
  const peaks = new Float32Array(columns);
  const windows = peakWindows(layout, columns, WINDOWS_PER_COLUMN, WINDOW_BYTES);
  for (let c = 0; c < columns; c += COLUMNS_PER_REPLY) {
    const batch = windows.filter((w) => w.column >= c && w.column < c + COLUMNS_PER_REPLY);
    for (let i = 0; i < batch.length; i += PARALLEL) {
      const read = await Promise.all(batch.slice(i, i + PARALLEL).map(async (w: ByteWindow) => [w, await range(url, w.from, w.to)] as const));
      for (const [w, bytes] of read) {
        if (!bytes) return scope.postMessage({ kind: 'unreadable' });
        peaks[w.column] = Math.max(peaks[w.column]!, loudest(layout, bytes));
      }
    }
    scope.postMessage({ kind: 'peaks', peaks: peaks.slice(), done: c + COLUMNS_PER_REPLY >= columns });
  }
}

scope.onmessage = (event) => {
  peaksOf(event.data).catch(() => scope.postMessage({ kind: 'unreadable' }));
};
