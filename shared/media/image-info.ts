/**
 * What kind of image a file is, and how large, read from its bytes alone. A file's name and the
 * type a browser or OS claims for it are not evidence: a text file renamed to .jpg must be
 * refused, and a PNG named .jpg is still a PNG.
 *
 * Pure byte parsing (no DOM, no Node), shared by the renderer (an immediate message before
 * uploading) and the backend (the authority, which stores only what passes here). The parsers
 * read just the headers, and every read is bounds-checked: a truncated or hostile file gives
 * `damaged`, never an exception.
 */

import { MAX_IMAGE_PIXELS } from './image-limits';

export const IMAGE_MIMES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type ImageMime = (typeof IMAGE_MIMES)[number];

/** Names for messages: "not a JPEG, PNG, WebP or GIF image". */
export const IMAGE_FORMAT_NAMES: Readonly<Record<ImageMime, string>> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
};

export interface ImageInfo {
  mime: ImageMime;
  /** Pixel size as displayed: a JPEG whose EXIF orientation turns it sideways has them swapped. */
  width: number;
  height: number;
}

export type ImageProbe =
  | { ok: true; info: ImageInfo }
  /** An SVG drawing: refused, since it is a document that can carry scripts and links. */
  | { ok: false; reason: 'svg' }
  /** None of the accepted formats. */
  | { ok: false; reason: 'not_image' }
  /** Starts like an accepted format but its header is cut short or does not make sense. */
  | { ok: false; reason: 'damaged'; mime: ImageMime }
  /** More pixels than MAX_IMAGE_PIXELS: refused before anything decodes it (a decompression bomb, or a huge scan). */
  | { ok: false; reason: 'too_many_pixels'; mime: ImageMime; width: number; height: number };

interface Size {
  width: number;
  height: number;
}

export function probeImage(bytes: Uint8Array): ImageProbe {
  const mime = signatureOf(bytes);
  if (mime === null) return looksLikeSvg(bytes) ? { ok: false, reason: 'svg' } : { ok: false, reason: 'not_image' };
  const size = SIZE_READERS[mime](bytes);
  if (size === null || size.width < 1 || size.height < 1) return { ok: false, reason: 'damaged', mime };
  if (size.width * size.height > MAX_IMAGE_PIXELS) return { ok: false, reason: 'too_many_pixels', mime, ...size };
  return { ok: true, info: { mime, ...size } };
}

function signatureOf(b: Uint8Array): ImageMime | null {
  if (startsWith(b, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

const SIZE_READERS: Readonly<Record<ImageMime, (b: Uint8Array) => Size | null>> = {
  // IHDR is always the first chunk: width and height are big-endian 32-bit at 16 and 20.
  'image/png': (b) => (b.length >= 24 && ascii(b, 12, 4) === 'IHDR' ? { width: u32be(b, 16), height: u32be(b, 20) } : null),
  // The logical screen descriptor follows the signature: little-endian 16-bit width, height.
  'image/gif': (b) => (b.length >= 10 ? { width: u16le(b, 6), height: u16le(b, 8) } : null),
  'image/webp': webpSize,
  'image/jpeg': jpegSize,
};

/** WebP: the first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended, with the canvas size). */
function webpSize(b: Uint8Array): Size | null {
  switch (ascii(b, 12, 4)) {
    case 'VP8 ':
      // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height (2 bits of scale).
      if (b.length < 30 || !startsWith(b, 23, [0x9d, 0x01, 0x2a])) return null;
      return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
    case 'VP8L': {
      // Signature byte 0x2F, then width-1 and height-1 as two 14-bit fields.
      if (b.length < 25 || b[20] !== 0x2f) return null;
      const bits = u32le(b, 21);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    case 'VP8X':
      // Flags (4 bytes), then canvas width-1 and height-1 as 24-bit little-endian.
      if (b.length < 30) return null;
      return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
    default:
      return null;
  }
}

/**
 * JPEG: walk the marker segments to the first frame header (SOFn), remembering the EXIF
 * orientation on the way. Entropy-coded data starts at SOS, so a frame header not found before
 * it (or before the end of the bytes) means the file is damaged.
 */
function jpegSize(b: Uint8Array): Size | null {
  let orientation = 1;
  let i = 2;
  while (i + 1 < b.length) {
    if (b[i] !== 0xff) return null; // lost the segment structure
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte before a marker
      continue;
    }
    if (marker === 0x01 || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda || i + 4 > b.length) return null;
    const length = u16be(b, i + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      // Length, precision (1 byte), then height and width, big-endian 16-bit.
      if (i + 9 > b.length) return null;
      const height = u16be(b, i + 5);
      const width = u16be(b, i + 7);
      // Orientations 5–8 turn the picture a quarter: browsers display it with the sides swapped.
      return orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
    }
    if (marker === 0xe1 && ascii(b, i + 4, 6) === 'Exif\0\0') {
      orientation = exifOrientation(b, i + 10, Math.min(b.length, i + 2 + length)) ?? orientation;
    }
    i += 2 + length;
  }
  return null;
}

/** SOF0–SOF15 carry the frame size; C4 (DHT), C8 (reserved) and CC (DAC) share the range but do not. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** The Orientation tag (0x0112) of IFD0 in the TIFF structure at [start, end), or null. */
function exifOrientation(b: Uint8Array, start: number, end: number): number | null {
  if (start + 8 > end) return null;
  const order = ascii(b, start, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  const u16 = (at: number) => (little ? u16le(b, at) : u16be(b, at));
  const u32 = (at: number) => (little ? u32le(b, at) : u32be(b, at));
  const ifd = start + u32(start + 4);
  if (ifd + 2 > end) return null;
  const count = u16(ifd);
  for (let n = 0; n < count; n++) {
    const entry = ifd + 2 + n * 12;
    if (entry + 12 > end) return null;
    if (u16(entry) === 0x0112) return u16(entry + 8);
  }
  return null;
}

/**
 * An SVG is text: an optional BOM and XML prolog, comments or doctype, then an `<svg` element.
 * Looking at the start of the file is enough to tell the user what they picked.
 */
function looksLikeSvg(b: Uint8Array): boolean {
  const head = ascii(b, startsWith(b, 0, [0xef, 0xbb, 0xbf]) ? 3 : 0, 4096).trimStart();
  return head.startsWith('<') && /<svg[\s>/]/i.test(head);
}

function startsWith(b: Uint8Array, at: number, sig: readonly number[]): boolean {
  return b.length >= at + sig.length && sig.every((v, k) => b[at + k] === v);
}

/** Bytes as Latin-1 text (enough for signatures and markup); shorter when the bytes end first. */
function ascii(b: Uint8Array, at: number, length: number): string {
  let s = '';
  for (let k = at; k < Math.min(b.length, at + length); k++) s += String.fromCharCode(b[k]!);
  return s;
}

// Callers check bounds first; `?? 0` only satisfies noUncheckedIndexedAccess.
const byte = (b: Uint8Array, at: number) => b[at] ?? 0;
const u16be = (b: Uint8Array, at: number) => (byte(b, at) << 8) | byte(b, at + 1);
const u16le = (b: Uint8Array, at: number) => byte(b, at) | (byte(b, at + 1) << 8);
const u24le = (b: Uint8Array, at: number) => byte(b, at) | (byte(b, at + 1) << 8) | (byte(b, at + 2) << 16);
const u32be = (b: Uint8Array, at: number) => ((byte(b, at) << 24) | (byte(b, at + 1) << 16) | (byte(b, at + 2) << 8) | byte(b, at + 3)) >>> 0;
const u32le = (b: Uint8Array, at: number) => (byte(b, at) | (byte(b, at + 1) << 8) | (byte(b, at + 2) << 16) | (byte(b, at + 3) << 24)) >>> 0;
