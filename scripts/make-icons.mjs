// Draw the packaging icons into build/ (electron-builder's buildResources) with no image tools:
// the shapes of renderer/public/favicon.svg (two speech bubbles, question and answer, on the
// app's blue), rasterised here with 4×4 supersampling and written as PNG with node:zlib.
//
//   build/icon.png        512×512 app icon; electron-builder derives the .icns/.ico from it
//   build/fileicon.png    512×512 icon of a .interview file (a page carrying the app icon)
//   build/fileicon.icns   the same for macOS Finder (fileAssociations.icon: fileicon)
//   build/fileicon.ico    the same for Windows Explorer
//
// node scripts/make-icons.mjs [--out <dir>]     (the output is committed; rerun after a design change)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1f, 0x5f, 0x8b, 255];
const PAPER = [0xfb, 0xfa, 0xf7, 255];
const SAND = [0xc7, 0xb9, 0x8f, 255];
const PAGE_EDGE = [0x8c, 0x98, 0xa6, 255];
const PAGE = [0xff, 0xff, 0xff, 255];
const FOLD = [0xd5, 0xdb, 0xe2, 255];

// Shapes in the favicon's 64×64 units: each is a point test.
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return dx * dx + dy * dy <= r * r;
};
const polygon = (points) => (x, y) => {
  // Even-odd rule.
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const xi = points[i][0], yi = points[i][1], xj = points[j][0], yj = points[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const union = (a, b) => (x, y) => a(x, y) || b(x, y);
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);
/** A shape drawn at `scale` with its origin moved to (dx, dy). */
const place = (shape, scale, dx, dy) => (x, y) => shape((x - dx) / scale, (y - dy) / scale);

/** The app icon: favicon.svg's paths (rounded square, question bubble, answer bubble). */
const APP_LAYERS = [
  [roundedRect(0, 0, 64, 64, 14), BLUE],
  [union(roundedRect(8, 18, 44, 40, 6), polygon([[26, 39.9], [18, 47], [18, 39.9]])), PAPER],
  [union(roundedRect(24, 30, 56, 50, 6), polygon([[48, 49.9], [48, 56], [41, 49.9]])), SAND],
];

/** The file icon: a page with a folded corner, carrying the app icon. */
const corner = polygon([[41, 3], [55, 3], [55, 17]]);
const FILE_LAYERS = [
  [minus(roundedRect(9, 3, 55, 61, 3), corner), PAGE_EDGE],
  [minus(roundedRect(10.5, 4.5, 53.5, 59.5, 2), polygon([[40, 3], [56, 3], [56, 19]])), PAGE],
  [polygon([[41, 3], [41, 17], [55, 17]]), FOLD],
  ...APP_LAYERS.map(([shape, color]) => [place(shape, 0.5, 16, 26), color]),
];

/** Render layers (painter's order) to RGBA at size×size, 4×4 samples per pixel. */
function render(layers, size) {
  const S = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = ((px + (sx + 0.5) / S) * 64) / size;
          const y = ((py + (sy + 0.5) / S) * 64) / size;
          // The topmost layer that covers the sample wins.
          let color = null;
          for (let l = layers.length - 1; l >= 0 && color === null; l--) if (layers[l][0](x, y)) color = layers[l][1];
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      // Colour averaged over the covered samples (straight alpha), coverage as alpha.
      rgba[i] = a ? Math.round(r / a) : 0;
      rgba[i + 1] = a ? Math.round(g / a) : 0;
      rgba[i + 2] = a ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An 8-bit RGBA PNG; each row with filter 0 (none). */
export function encodePng(rgba, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // depth 8, colour type RGBA, deflate, filter set 0, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Windows .ico holding PNG images (supported since Windows Vista). */
function encodeIco(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.png)]);
}

/** macOS .icns with PNG entries: ic07 128, ic08 256, ic09 512 pixels. */
function encodeIcns(pngs) {
  const TYPES = { 128: 'ic07', 256: 'ic08', 512: 'ic09' };
  const entries = pngs.map(({ size, png }) => {
    const head = Buffer.alloc(8);
    head.write(TYPES[size], 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

const png = (layers, size) => ({ size, png: encodePng(render(layers, size), size) });

const { values } = parseArgs({ options: { out: { type: 'string', default: 'build' } } });
mkdirSync(values.out, { recursive: true });
writeFileSync(join(values.out, 'icon.png'), png(APP_LAYERS, 512).png);
writeFileSync(join(values.out, 'fileicon.png'), png(FILE_LAYERS, 512).png);
writeFileSync(join(values.out, 'fileicon.ico'), encodeIco([16, 32, 48, 256].map((s) => png(FILE_LAYERS, s))));
writeFileSync(join(values.out, 'fileicon.icns'), encodeIcns([128, 256, 512].map((s) => png(FILE_LAYERS, s))));
console.log(`icons written to ${values.out}/`);
