/**
 * Windows of a long compressed recording (MP3, Ogg Vorbis/Opus, FLAC), each made decodable alone:
 * compressed audio has no sample at a known offset, but its frames (or pages) carry a sync pattern,
 * so a window read anywhere is cut from its first whole frame to its last, and put behind what the
 * decoder needs from the file's start (nothing for MP3, STREAMINFO for FLAC, the header pages for
 * Ogg). The decoded window's loudest sample is the peak of the columns it stands for.
 *
 * Not taken (null): MP4/M4A/MOV, whose frames have no sync and are found only through the sample
 * tables of the `moov` box (which can be many megabytes, at either end of the file); WebM, whose
 * blocks need the track header and cluster framing rebuilt around them; ADTS AAC, which this
 * Chromium does not decode. Those keep the plain bar, and the view says why.
 *
 * Pure functions: the worker (waveform-worker.ts) fetches the ranges they name.
 */
import { flacHead, wholeFlacFrames } from './flac-frames';
import { findMp3Frame, id3v2End, mp3Header, wholeMp3Frames, type Mp3Header } from './mp3-frames';
import { oggHeaderPages, wholeOggPages } from './ogg-pages';

export type CompressedLayout =
  | { kind: 'mp3'; audioOffset: number; first: Mp3Header }
  | { kind: 'flac'; audioOffset: number; prefix: Uint8Array }
  | { kind: 'ogg'; audioOffset: number; prefix: Uint8Array; serial: number };

/**
 * The layout from the file's first bytes (`head`, read at `headOffset`: for an MP3 behind a long
 * ID3v2 tag, the bytes after the tag), or null when it is not a container read here.
 */
export function compressedLayout(head: Uint8Array, headOffset = 0): CompressedLayout | null {
  const tag = (at: number) => (head.length >= at + 4 ? String.fromCharCode(...head.subarray(at, at + 4)) : '');
  // MP4/M4A/MOV ('ftyp') and WebM/Matroska (EBML): refused by name, before their payload (raw
  // AAC, Opus blocks) is searched for MP3 syncs it could hold by chance.
  if (headOffset === 0 && (tag(4) === 'ftyp' || tag(0) === '\x1a\x45\xdf\xa3')) return null;
  if (headOffset === 0 && tag(0) === 'fLaC') {
    const flac = flacHead(head);
    return flac && { kind: 'flac', ...flac };
  }
  if (headOffset === 0 && tag(0) === 'OggS') {
    const ogg = oggHeaderPages(head);
    return ogg && { kind: 'ogg', audioOffset: ogg.prefix.length, ...ogg };
  }
  const tagEnd = headOffset === 0 ? id3v2End(head) : 0;
  const at = findMp3Frame(head, tagEnd);
  // The first frame must come right after the tag (or at the start): sync bytes found further in
  // are as likely chance as audio, in a file that is something else.
  if (at < 0 || at > tagEnd + 4096) return null;
  return { kind: 'mp3', audioOffset: headOffset + at, first: mp3Header(head, at)! };
}

/**
 * Where the audio starts when an MP3's ID3v2 tag (cover art, chapters) leaves no confirmed frame in
 * the head read (0 otherwise): the head is read again from there.
 */
export function mp3AudioAfterTag(head: Uint8Array): number {
  const end = id3v2End(head);
  return end > 0 && findMp3Frame(head, end) < 0 ? end : 0;
}

/** A window of the file, its range inclusive of `to` (as an HTTP Range names it), and the columns [`columnFrom`, `columnTo`) it stands for. */
export interface SpanWindow {
  columnFrom: number;
  columnTo: number;
  from: number;
  to: number;
}

/**
 * `count` windows of `windowBytes` spread evenly over the audio (from `audioOffset` to the file's
 * end), each standing for an equal share of the `columns`. A file whose compressed bytes grow
 * evenly with time (constant or average bitrate) puts each window near its columns' time.
 */
export function spanWindows(audioOffset: number, fileBytes: number, columns: number, count: number, windowBytes: number): SpanWindow[] {
  const audio = fileBytes - audioOffset;
  const out: SpanWindow[] = [];
  if (audio <= 0) return out;
  // Never more windows than bytes: each starts on a byte of its own.
  const n = Math.max(1, Math.min(count, columns, audio));
  for (let i = 0; i < n; i++) {
    const from = audioOffset + Math.floor((i * audio) / n);
    const to = Math.min(fileBytes, from + windowBytes) - 1;
    out.push({ columnFrom: Math.floor((i * columns) / n), columnTo: Math.floor(((i + 1) * columns) / n), from, to });
  }
  return out;
}

/**
 * The window as a file of its own that a decoder takes (the header it needs, then whole frames or
 * pages), or null when the window holds none (then its columns stay a gap: nothing is guessed).
 */
export function decodableWindow(layout: CompressedLayout, bytes: Uint8Array): Uint8Array | null {
  let frames: Uint8Array | null;
  if (layout.kind === 'mp3') {
    const at = findMp3Frame(bytes, 0, layout.first);
    frames = at < 0 ? null : wholeMp3Frames(bytes, at, layout.first);
    return frames && frames.slice();
  }
  frames = layout.kind === 'flac' ? wholeFlacFrames(bytes) : wholeOggPages(bytes, layout.serial);
  if (!frames) return null;
  const out = new Uint8Array(layout.prefix.length + frames.length);
  out.set(layout.prefix);
  out.set(frames, layout.prefix.length);
  return out;
}
