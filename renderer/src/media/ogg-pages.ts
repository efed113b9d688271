/**
 * Ogg pages found in any slice of a file. An Ogg Vorbis or Opus file is a run of pages, each opening
 * with "OggS" and carrying its own CRC-32; the first pages hold the codec's headers (identification,
 * comments, and for Vorbis the setup), which every later page needs to be decoded. A window read
 * from the middle is cut at a page whose CRC holds and decoded behind a copy of those header pages.
 */

export interface OggPage {
  /** Granule position (samples up to the last packet ending on the page); -1 when no packet ends on it. */
  granule: number;
  serial: number;
  /** The whole page, header included. */
  pageBytes: number;
}

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    t[i] = r >>> 0;
  }
  return t;
})();

/** Ogg's CRC-32 (polynomial 0x04C11DB7, not reflected, initial 0) of a page with its CRC field read as zero. */
export function oggCrc(page: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < page.length; i++) {
    const b = i >= 22 && i < 26 ? 0 : page[i]!;
    crc = ((crc << 8) ^ TABLE[((crc >>> 24) ^ b) & 0xff]!) >>> 0;
  }
  return crc;
}

/** The page at `at` when it is whole in `bytes` and its CRC holds, else null. */
export function oggPage(bytes: Uint8Array, at: number): OggPage | null {
  if (at < 0 || at + 27 > bytes.length) return null;
  if (bytes[at] !== 0x4f || bytes[at + 1] !== 0x67 || bytes[at + 2] !== 0x67 || bytes[at + 3] !== 0x53 || bytes[at + 4] !== 0 || bytes[at + 5]! > 7) return null;
  const segments = bytes[at + 26]!;
  if (at + 27 + segments > bytes.length) return null;
  let body = 0;
  for (let i = 0; i < segments; i++) body += bytes[at + 27 + i]!;
  const pageBytes = 27 + segments + body;
  if (at + pageBytes > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, pageBytes);
  if (oggCrc(bytes.subarray(at, at + pageBytes)) !== view.getUint32(22, true)) return null;
  const low = view.getUint32(6, true);
  const high = view.getInt32(10, true);
  return { granule: high === -1 && low === 0xffffffff ? -1 : high * 2 ** 32 + low, serial: view.getUint32(14, true), pageBytes };
}

/**
 * The header pages at the start of the file: the pages before the first one that places audio
 * (granule above 0), all of one stream. Null when the bytes do not start so, or the file carries
 * more than one stream (a window could not be decoded with one stream's headers).
 */
export function oggHeaderPages(bytes: Uint8Array): { prefix: Uint8Array; serial: number } | null {
  let at = 0;
  let serial: number | null = null;
  for (let page = oggPage(bytes, 0); page; page = oggPage(bytes, at)) {
    if (serial === null) serial = page.serial;
    else if (page.serial !== serial) return null;
    if (page.granule > 0) return at > 0 ? { prefix: bytes.slice(0, at), serial } : null;
    at += page.pageBytes;
  }
  return null;
}

/** The whole pages of the stream `serial` in a window, from its first whole page on; null when there is none. */
export function wholeOggPages(bytes: Uint8Array, serial: number): Uint8Array | null {
  for (let at = 0; at + 27 <= bytes.length; at++) {
    if (bytes[at] !== 0x4f) continue;
    const first = oggPage(bytes, at);
    if (!first || first.serial !== serial) continue;
    let end = at;
    for (let p: OggPage | null = first; p && p.serial === serial; p = oggPage(bytes, end)) end += p.pageBytes;
    return bytes.subarray(at, end);
  }
  return null;
}
