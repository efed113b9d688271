/**
 * MPEG audio (MP3) frames found in any slice of a file, so a window read from the middle of a long
 * recording can be cut at a frame boundary and decoded alone. A frame starts with an 11-bit sync
 * (0xFFE) that can also occur by chance inside frame data, so a header counts only when it agrees
 * with the file's first frame (version, layer, sample rate) and another header of the same kind
 * starts exactly one frame length later.
 */

export interface Mp3Header {
  /** 1 MPEG-1, 2 MPEG-2, 25 MPEG-2.5. */
  version: 1 | 2 | 25;
  layer: 1 | 2 | 3;
  sampleRate: number;
  /** The whole frame, header included. */
  frameBytes: number;
}

const RATES = [44100, 48000, 32000];
// kbps by bitrate index 1–14, per (MPEG-1 or not) and layer.
const V1 = { 1: [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448], 2: [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384], 3: [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320] };
const V2 = { 1: [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256], 2: [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160], 3: [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160] };

/** The frame header at `at`, or null when the four bytes there are not one (free format is not taken: its length is unknown). */
export function mp3Header(bytes: Uint8Array, at: number): Mp3Header | null {
  if (at < 0 || at + 4 > bytes.length) return null;
  const [b0, b1, b2, b3] = [bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!];
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const v = (b1 >> 3) & 3;
  const l = (b1 >> 1) & 3;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (v === 1 || l === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3 || (b3 & 3) === 2) return null;
  const version = v === 3 ? 1 : v === 2 ? 2 : 25;
  const layer = (4 - l) as 1 | 2 | 3;
  const sampleRate = RATES[rateIndex]! / (version === 1 ? 1 : version === 2 ? 2 : 4);
  const bitrate = (version === 1 ? V1 : V2)[layer][bitrateIndex - 1]! * 1000;
  const padding = (b2 >> 1) & 1;
  const frameBytes =
    layer === 1 ? (Math.floor((12 * bitrate) / sampleRate) + padding) * 4 : Math.floor(((layer === 3 && version !== 1 ? 72 : 144) * bitrate) / sampleRate) + padding;
  return { version, layer, sampleRate, frameBytes };
}

const sameKind = (a: Mp3Header, b: Mp3Header) => a.version === b.version && a.layer === b.layer && a.sampleRate === b.sampleRate;

/** Where an ID3v2 tag at the start of the file ends (0 when there is none); it may end past `bytes`. */
export function id3v2End(bytes: Uint8Array): number {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  // The size is "synchsafe": 7 bits per byte, so it never contains a frame sync.
  const size = ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f);
  const footer = bytes[5]! & 0x10 ? 10 : 0;
  return 10 + size + footer;
}

/**
 * The first frame in `bytes` from `from` that is confirmed by the next one, and agrees with
 * `like` when given (the file's first frame); -1 when there is none.
 */
export function findMp3Frame(bytes: Uint8Array, from = 0, like?: Mp3Header): number {
  for (let at = Math.max(0, from); at + 4 <= bytes.length; at++) {
    if (bytes[at] !== 0xff) continue;
    const h = mp3Header(bytes, at);
    if (!h || (like && !sameKind(h, like))) continue;
    const next = mp3Header(bytes, at + h.frameBytes);
    if (next && sameKind(h, next)) return at;
  }
  return -1;
}

/**
 * The whole frames of `bytes` from a confirmed frame at `at`, in one piece: from `at` to the end
 * of the last frame that fits (a frame cut by the window's end is left out). Null when not even
 * one fits.
 */
export function wholeMp3Frames(bytes: Uint8Array, at: number, like: Mp3Header): Uint8Array | null {
  let end = at;
  for (let h = mp3Header(bytes, end); h && sameKind(h, like) && end + h.frameBytes <= bytes.length; h = mp3Header(bytes, end)) end += h.frameBytes;
  return end > at ? bytes.subarray(at, end) : null;
}
