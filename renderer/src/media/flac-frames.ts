/**
 * FLAC frames found in any slice of a file. A FLAC file is "fLaC", metadata blocks (STREAMINFO
 * first: the sample rate, channels and bit depth every frame relies on), then frames, each opening
 * with a 14-bit sync (0xFFF8 or 0xFFF9) and a header closed by its CRC-8. A window read from the
 * middle is cut at a frame whose header's CRC holds, and decoded behind a copy of STREAMINFO.
 */

export interface FlacHead {
  /** "fLaC" and STREAMINFO alone, marked as the last block, with the length and checksum of the whole stream cleared (a window is neither). */
  prefix: Uint8Array;
  /** Where the frames start, as far as the block headers in the bytes read show (the start of the first block not read otherwise). */
  audioOffset: number;
}

export function flacHead(bytes: Uint8Array): FlacHead | null {
  if (bytes.length < 42 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'fLaC') return null;
  if ((bytes[4]! & 0x7f) !== 0 || ((bytes[5]! << 16) | (bytes[6]! << 8) | bytes[7]!) !== 34) return null;
  const prefix = bytes.slice(0, 42);
  prefix[4] = 0x80;
  // STREAMINFO bytes 13 (low nibble)–17: total samples; 18–33: MD5 of the whole stream.
  prefix[8 + 13] = prefix[8 + 13]! & 0xf0;
  prefix.fill(0, 8 + 14, 42);
  let at = 4;
  while (at + 4 <= bytes.length) {
    const last = bytes[at]! & 0x80;
    at += 4 + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);
    if (last) break;
  }
  return { prefix, audioOffset: at };
}

/** CRC-8 of FLAC frame headers: polynomial x^8 + x^2 + x + 1, initial 0. */
export function crc8(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

export interface FlacFrameHeader {
  /** 0 fixed block size (the number counts frames), 1 variable (it counts samples). */
  blocking: 0 | 1;
  number: number;
  /** Header length, CRC-8 included. */
  headerBytes: number;
}

/** The frame header at `at` when its fields are legal and its CRC-8 holds, else null. */
export function flacFrameHeader(bytes: Uint8Array, at: number): FlacFrameHeader | null {
  if (at + 6 > bytes.length || bytes[at] !== 0xff || (bytes[at + 1]! & 0xfe) !== 0xf8) return null;
  const blockCode = bytes[at + 2]! >> 4;
  const rateCode = bytes[at + 2]! & 0x0f;
  const channels = bytes[at + 3]! >> 4;
  const sizeCode = (bytes[at + 3]! >> 1) & 7;
  if (blockCode === 0 || rateCode === 15 || channels > 10 || sizeCode === 3 || bytes[at + 3]! & 1) return null;
  // The frame or sample number, coded like UTF-8 (up to 7 bytes, 36 bits).
  let p = at + 4;
  const lead = bytes[p]!;
  let extra = 0;
  let number = lead;
  if (lead >= 0x80) {
    extra = lead >= 0xfe ? 6 : lead >= 0xfc ? 5 : lead >= 0xf8 ? 4 : lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : -1;
    if (extra < 0) return null;
    number = extra === 6 ? 0 : lead & (0x3f >> extra);
  }
  p++;
  for (let i = 0; i < extra; i++, p++) {
    if (p >= bytes.length || (bytes[p]! & 0xc0) !== 0x80) return null;
    number = number * 64 + (bytes[p]! & 0x3f);
  }
  p += blockCode === 6 ? 1 : blockCode === 7 ? 2 : 0;
  p += rateCode === 12 ? 1 : rateCode === 13 || rateCode === 14 ? 2 : 0;
  if (p >= bytes.length || crc8(bytes.subarray(at, p)) !== bytes[p]) return null;
  return { blocking: (bytes[at + 1]! & 1) as 0 | 1, number, headerBytes: p + 1 - at };
}

/** The first frame header in `bytes` from `from` (-1 when there is none). */
export function findFlacFrame(bytes: Uint8Array, from = 0): number {
  for (let at = Math.max(0, from); at + 6 <= bytes.length; at++) if (bytes[at] === 0xff && flacFrameHeader(bytes, at)) return at;
  return -1;
}

/**
 * The whole frames of a window: from its first frame to the start of its last (that one may be cut
 * by the window's end), with the same blocking strategy throughout. Null when the window does not
 * hold one whole frame.
 */
export function wholeFlacFrames(bytes: Uint8Array): Uint8Array | null {
  const first = findFlacFrame(bytes);
  if (first < 0) return null;
  const kind = flacFrameHeader(bytes, first)!.blocking;
  let last = -1;
  for (let at = findFlacFrame(bytes, first + 1); at >= 0; at = findFlacFrame(bytes, at + 1)) if (flacFrameHeader(bytes, at)!.blocking === kind) last = at;
  return last > first ? bytes.subarray(first, last) : null;
}
