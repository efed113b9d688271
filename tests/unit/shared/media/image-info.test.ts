import { describe, expect, it } from 'vitest';
import { probeImage } from '../../../../shared/media/image-info';
import { MAX_IMAGE_PIXELS } from '../../../../shared/media/image-limits';
import { pngClaiming, solidPng, TINY_GIF } from '../../../helpers/images';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const u16be = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u16le = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

// JPEG: SOI, marker segments (FF xx, 16-bit length including itself), EOI.
const segment = (marker: number, payload: number[]) => [0xff, marker, ...u16be(payload.length + 2), ...payload];
const app0 = segment(0xe0, [...bytes('JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0])]);
const sof = (marker: number, width: number, height: number) => segment(marker, [8, ...u16be(height), ...u16be(width), 1, 1, 0x11, 0]);
const sos = segment(0xda, [1, 1, 0, 0, 63, 0]);
const jpeg = (...segments: number[][]) => Uint8Array.from([0xff, 0xd8, ...segments.flat(), 0xff, 0xd9]);
/** APP1 Exif with an IFD0 holding only Orientation, in either byte order. */
function exif(orientation: number, order: 'II' | 'MM'): number[] {
  const le = order === 'II';
  const u16 = (n: number) => (le ? u16le(n) : u16be(n));
  const u32 = (n: number) => (le ? [...u16le(n), 0, 0] : u32be(n));
  return segment(0xe1, [...bytes('Exif\0\0', order), ...u16(42), ...u32(8), ...u16(1), ...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0, ...u32(0)]);
}

// WebP: RIFF container, then the first chunk's header.
const riff = (fourcc: string, payload: number[]) => bytes('RIFF', [0, 0, 0, 0], 'WEBP', fourcc, [0, 0, 0, 0], payload);

describe('probeImage: accepted formats and their size', () => {
  it('reads a real PNG', () => {
    expect(probeImage(solidPng(3, 2))).toEqual({ ok: true, info: { mime: 'image/png', width: 3, height: 2 } });
  });

  it('reads GIF87a and GIF89a', () => {
    expect(probeImage(TINY_GIF)).toEqual({ ok: true, info: { mime: 'image/gif', width: 1, height: 1 } });
    expect(probeImage(bytes('GIF87a', u16le(640), u16le(480), [0, 0, 0]))).toEqual({ ok: true, info: { mime: 'image/gif', width: 640, height: 480 } });
  });

  it('reads the three kinds of WebP', () => {
    // Lossy: frame tag, start code 9D 01 2A, 14-bit width and height.
    expect(probeImage(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...u16le(800), ...u16le(600)]))).toMatchObject({ ok: true, info: { mime: 'image/webp', width: 800, height: 600 } });
    // Lossless: 0x2F, then width-1 and height-1 packed in 14 bits each.
    const packed = (1024 - 1) | ((768 - 1) << 14);
    expect(probeImage(riff('VP8L', [0x2f, packed & 0xff, (packed >> 8) & 0xff, (packed >> 16) & 0xff, (packed >>> 24) & 0xff]))).toMatchObject({ info: { width: 1024, height: 768 } });
    // Extended: flags, then 24-bit width-1 and height-1.
    expect(probeImage(riff('VP8X', [0x10, 0, 0, 0, 0x7f, 0x07, 0x00, 0x37, 0x04, 0x00]))).toMatchObject({ info: { width: 1920, height: 1080 } });
  });

  it('finds the JPEG frame header after other segments, whatever SOF kind it is', () => {
    expect(probeImage(jpeg(app0, sof(0xc0, 1600, 1200), sos))).toEqual({ ok: true, info: { mime: 'image/jpeg', width: 1600, height: 1200 } });
    expect(probeImage(jpeg(app0, sof(0xc2, 300, 200), sos))).toMatchObject({ info: { width: 300, height: 200 } }); // progressive
    // Fill bytes (extra FFs) before a marker are allowed.
    expect(probeImage(Uint8Array.from([0xff, 0xd8, 0xff, ...sof(0xc0, 5, 7)]))).toMatchObject({ info: { width: 5, height: 7 } });
  });

  it('gives the displayed size of a JPEG that EXIF turns sideways (a phone held upright)', () => {
    expect(probeImage(jpeg(exif(6, 'MM'), sof(0xc0, 4000, 3000), sos))).toMatchObject({ info: { width: 3000, height: 4000 } });
    expect(probeImage(jpeg(exif(8, 'II'), sof(0xc0, 4000, 3000), sos))).toMatchObject({ info: { width: 3000, height: 4000 } });
    expect(probeImage(jpeg(exif(3, 'II'), sof(0xc0, 4000, 3000), sos))).toMatchObject({ info: { width: 4000, height: 3000 } }); // upside down
  });

  it('goes by the bytes, not by what the file claims to be', () => {
    // A PNG is a PNG even when its bytes follow nothing but the signature and IHDR.
    expect(probeImage(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], u32be(13), 'IHDR', u32be(10), u32be(20)))).toMatchObject({ info: { mime: 'image/png', width: 10, height: 20 } });
  });
});

describe('probeImage: refusals', () => {
  it('recognises SVG drawings, with or without prolog, BOM and doctype', () => {
    expect(probeImage(bytes('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'))).toEqual({ ok: false, reason: 'svg' });
    expect(probeImage(bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0"?>\n<!-- Generator: Inkscape -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg>'))).toEqual({ ok: false, reason: 'svg' });
    expect(probeImage(bytes('  \n<SVG>'))).toEqual({ ok: false, reason: 'svg' });
  });

  it('refuses a text file renamed to .jpg, other markup, and an empty file', () => {
    expect(probeImage(bytes('Đây không phải là ảnh. This is not a photo.'))).toEqual({ ok: false, reason: 'not_image' });
    expect(probeImage(bytes('<html><body>svg is mentioned here but this is no drawing</body></html>'))).toEqual({ ok: false, reason: 'not_image' });
    expect(probeImage(bytes('%PDF-1.7'))).toEqual({ ok: false, reason: 'not_image' });
    expect(probeImage(new Uint8Array(0))).toEqual({ ok: false, reason: 'not_image' });
  });

  it('reports truncated headers as damaged, naming the format they started as', () => {
    const png = solidPng(3, 2);
    expect(probeImage(png.subarray(0, 8))).toEqual({ ok: false, reason: 'damaged', mime: 'image/png' });
    expect(probeImage(png.subarray(0, 20))).toEqual({ ok: false, reason: 'damaged', mime: 'image/png' });
    expect(probeImage(TINY_GIF.subarray(0, 8))).toEqual({ ok: false, reason: 'damaged', mime: 'image/gif' });
    expect(probeImage(bytes('RIFF', [0, 0, 0, 0], 'WEBP'))).toEqual({ ok: false, reason: 'damaged', mime: 'image/webp' });
    expect(probeImage(riff('VP8 ', [0, 0, 0, 0x9d, 0x01]))).toEqual({ ok: false, reason: 'damaged', mime: 'image/webp' });
    expect(probeImage(Uint8Array.from([0xff, 0xd8, 0xff]))).toEqual({ ok: false, reason: 'damaged', mime: 'image/jpeg' });
    const full = jpeg(app0, sof(0xc0, 1600, 1200), sos);
    expect(probeImage(full.subarray(0, 2 + app0.length + 6))).toEqual({ ok: false, reason: 'damaged', mime: 'image/jpeg' }); // cut inside SOF
  });

  it('reports as damaged a JPEG whose image data starts before any frame header, and zero sizes', () => {
    expect(probeImage(jpeg(app0, sos, sof(0xc0, 10, 10)))).toMatchObject({ ok: false, reason: 'damaged' });
    expect(probeImage(Uint8Array.from([0xff, 0xd8, ...segment(0xe0, [0xaa, 0xbb]), 0x00, 0x00, 0x00]))).toMatchObject({ ok: false, reason: 'damaged' }); // lost the marker structure
    expect(probeImage(jpeg(segment(0xe0, [1]).slice(0, 2).concat([0, 1])))).toMatchObject({ ok: false, reason: 'damaged' }); // length < 2
    expect(probeImage(bytes('GIF89a', u16le(0), u16le(10)))).toMatchObject({ ok: false, reason: 'damaged' });
    expect(probeImage(jpeg(sof(0xc0, 10, 0)))).toMatchObject({ ok: false, reason: 'damaged' });
  });

  it('survives a hostile EXIF block (offsets past the end) and still reads the frame', () => {
    const badExif = segment(0xe1, [...bytes('Exif\0\0', 'MM'), ...u16be(42), ...u32be(0xfffffff0)]);
    expect(probeImage(jpeg(badExif, sof(0xc0, 64, 48), sos))).toMatchObject({ ok: true, info: { width: 64, height: 48 } });
  });
});

describe('probeImage: pixel limit, read from the header before anything decodes the image', () => {
  it('refuses decompression bombs: a tiny PNG claiming 2147483647² or 30000² pixels', () => {
    const bomb = pngClaiming(2147483647, 2147483647);
    expect(bomb.length).toBeLessThan(100);
    expect(probeImage(bomb)).toEqual({ ok: false, reason: 'too_many_pixels', mime: 'image/png', width: 2147483647, height: 2147483647 });
    expect(probeImage(pngClaiming(30000, 30000))).toMatchObject({ ok: false, reason: 'too_many_pixels', width: 30000, height: 30000 });
  });

  it('accepts exactly the limit and refuses one row more, in every format', () => {
    expect(MAX_IMAGE_PIXELS).toBe(100_000_000);
    expect(probeImage(pngClaiming(10000, 10000))).toMatchObject({ ok: true, info: { width: 10000, height: 10000 } });
    expect(probeImage(pngClaiming(10000, 10001))).toMatchObject({ ok: false, reason: 'too_many_pixels' });
    expect(probeImage(jpeg(app0, sof(0xc0, 65535, 65535), sos))).toMatchObject({ ok: false, reason: 'too_many_pixels', mime: 'image/jpeg' });
    expect(probeImage(bytes('GIF89a', u16le(65535), u16le(65535), [0, 0, 0]))).toMatchObject({ ok: false, reason: 'too_many_pixels', mime: 'image/gif' });
    // VP8X: 24-bit canvas width-1 and height-1.
    expect(probeImage(riff('VP8X', [0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toMatchObject({ ok: false, reason: 'too_many_pixels', mime: 'image/webp' });
  });
});
