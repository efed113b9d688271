/**
 * The waveform of a long recording, computed off the main thread as far as this browser allows.
 *
 * A WAV: its header is read, then small windows of its PCM by byte range (wav-windows.ts), a few
 * requests at a time; the peaks so far are posted after each batch of columns, so the waveform
 * draws as they come.
 *
 * MP3, Ogg (Vorbis, Opus) and FLAC: the start of the file is read for what a decoder needs, then a
 * few hundred windows spread over the file; each is cut at whole frames and posted, ready to decode
 * alone (compressed-windows.ts). The decoding itself is done on the main thread (window-decoder.ts):
 * Chromium has no OfflineAudioContext in workers, and WebCodecs would need each container's packets
 * taken apart here. A window that holds no whole frame is posted empty and its columns stay a gap.
 *
 * Anything else (MP4/M4A/MOV, WebM, ADTS AAC) is answered `unreadable` at once. At most one window
 * per request is in memory here, whatever the recording's length.
 */
import { compressedLayout, decodableWindow, mp3AudioAfterTag, spanWindows, type CompressedLayout } from './compressed-windows';
import { loudest, parseWavHeader, peakWindows, type ByteWindow, type WavLayout } from './wav-windows';

export interface PeaksRequest {
  url: string;
  fileBytes: number;
  columns: number;
}

export type PeaksReply =
  | { kind: 'peaks'; peaks: Float32Array; done: boolean }
  /** A compressed window, decodable alone, standing for columns [columnFrom, columnTo); null when it held no whole frame. */
  | { kind: 'window'; columnFrom: number; columnTo: number; bytes: Uint8Array | null }
  /** Every compressed window has been posted. */
  | { kind: 'windows-done' }
  | { kind: 'unreadable' };

const HEADER_BYTES = 64 * 1024;
const WINDOWS_PER_COLUMN = 2;
const WINDOW_BYTES = 8 * 1024;
const PARALLEL = 6;
const COLUMNS_PER_REPLY = 50;
/**
 * Compressed windows: 300 of them (each stands for two of the 600 columns), sized to hold a few
 * whole frames of the format (an MP3 frame is under 1.5 KB, an Ogg page usually 4–8 KB, a FLAC
 * frame up to about 16 KB for CD audio). A two-hour recording is read for 5–10 MB at most.
 */
const COMPRESSED_WINDOWS = 300;
const COMPRESSED_WINDOW_BYTES: Record<CompressedLayout['kind'], number> = { mp3: 16 * 1024, ogg: 24 * 1024, flac: 32 * 1024 };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PeaksRequest>) => void) | null;
  postMessage(message: PeaksReply, transfer?: Transferable[]): void;
};

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

async function wavPeaks(url: string, layout: WavLayout, columns: number): Promise<void> {
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

async function compressedWindows(url: string, layout: CompressedLayout, fileBytes: number, columns: number): Promise<void> {
  const windows = spanWindows(layout.audioOffset, fileBytes, columns, COMPRESSED_WINDOWS, COMPRESSED_WINDOW_BYTES[layout.kind]);
  for (let i = 0; i < windows.length; i += PARALLEL) {
    const batch = windows.slice(i, i + PARALLEL);
    const read = await Promise.all(batch.map((w) => range(url, w.from, w.to)));
    for (const [k, w] of batch.entries()) {
      const bytes = read[k];
      if (!bytes) return scope.postMessage({ kind: 'unreadable' });
      const cut = decodableWindow(layout, bytes);
      scope.postMessage({ kind: 'window', columnFrom: w.columnFrom, columnTo: w.columnTo, bytes: cut }, cut ? [cut.buffer] : []);
    }
  }
  scope.postMessage({ kind: 'windows-done' });
}

async function peaksOf({ url, fileBytes, columns }: PeaksRequest): Promise<void> {
  const head = await range(url, 0, Math.min(fileBytes, HEADER_BYTES) - 1);
  if (!head) return scope.postMessage({ kind: 'unreadable' });
  const wav = parseWavHeader(head, fileBytes);
  if (wav) return wav.dataBytes === 0 ? scope.postMessage({ kind: 'unreadable' }) : wavPeaks(url, wav, columns);
  // An MP3 whose ID3v2 tag (cover art, chapters) runs past the head: its first frame is read after the tag.
  const afterTag = mp3AudioAfterTag(head);
  const audioHead = afterTag > 0 && afterTag < fileBytes ? await range(url, afterTag, Math.min(fileBytes, afterTag + HEADER_BYTES) - 1) : head;
  const layout = audioHead && compressedLayout(audioHead, afterTag > 0 ? afterTag : 0);
  if (!layout) return scope.postMessage({ kind: 'unreadable' });
  return compressedWindows(url, layout, fileBytes, columns);
}

scope.onmessage = (event) => {
  peaksOf(event.data).catch(() => scope.postMessage({ kind: 'unreadable' }));
};
