/**
 * The packaging icons in build/: the sizes electron-builder and the OSes expect, and exactly what
 * scripts/make-icons.mjs draws (compared pixel for pixel, so a hand-edited or stale icon fails).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

/** Width, height and raw (filtered) pixel rows of an 8-bit RGBA PNG. */
function readPng(bytes: Buffer) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]], 'bit depth 8, RGBA').toEqual([8, 6]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  return { width, height, pixels: inflateSync(Buffer.concat(idat)) };
}

/** The PNG images inside a .ico (PNG-compressed entries). */
function icoImages(bytes: Buffer) {
  expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, i) => {
    const e = 6 + 16 * i;
    return readPng(bytes.subarray(bytes.readUInt32LE(e + 12), bytes.readUInt32LE(e + 12) + bytes.readUInt32LE(e + 8)));
  });
}

/** The entries of a .icns: type and PNG. */
function icnsImages(bytes: Buffer) {
  expect(bytes.toString('ascii', 0, 4)).toBe('icns');
  expect(bytes.readUInt32BE(4)).toBe(bytes.length);
  const out: { type: string; png: ReturnType<typeof readPng> }[] = [];
  for (let offset = 8; offset < bytes.length; offset += bytes.readUInt32BE(offset + 4)) {
    out.push({ type: bytes.toString('ascii', offset, offset + 4), png: readPng(bytes.subarray(offset + 8, offset + bytes.readUInt32BE(offset + 4))) });
  }
  return out;
}

const fresh = mkdtempSync(join(tmpdir(), 'icons-'));
beforeAll(() => {
  const run = spawnSync(process.execPath, ['scripts/make-icons.mjs', '--out', fresh], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
}, 60_000);

describe('packaging icons', () => {
  it('app icon and file icon are 512×512 PNGs, with transparent corners and an opaque middle', () => {
    for (const name of ['icon.png', 'fileicon.png']) {
      const { width, height, pixels } = readPng(readFileSync(join('build', name)));
      expect([width, height], name).toEqual([512, 512]);
      const alpha = (x: number, y: number) => pixels[y * (512 * 4 + 1) + 1 + x * 4 + 3];
      expect(alpha(0, 0), name).toBe(0);
      expect(alpha(256, 300), name).toBe(255);
    }
  });

  it('the file icon exists for Windows (.ico: 16–256 px) and macOS (.icns: 128–512 px), as fileAssociations.icon needs', () => {
    expect(icoImages(readFileSync('build/fileicon.ico')).map((i) => i.width)).toEqual([16, 32, 48, 256]);
    expect(icnsImages(readFileSync('build/fileicon.icns')).map((e) => [e.type, e.png.width])).toEqual([
      ['ic07', 128],
      ['ic08', 256],
      ['ic09', 512],
    ]);
    expect(readFileSync('electron-builder.yml', 'utf8')).toMatch(/icon: fileicon/);
  });

  it('build/ holds what scripts/make-icons.mjs draws', () => {
    for (const name of ['icon.png', 'fileicon.png']) {
      expect(readPng(readFileSync(join('build', name))).pixels.equals(readPng(readFileSync(join(fresh, name))).pixels), name).toBe(true);
    }
    const committed = icoImages(readFileSync('build/fileicon.ico'));
    icoImages(readFileSync(join(fresh, 'fileicon.ico'))).forEach((img, i) => expect(img.pixels.equals(committed[i]!.pixels)).toBe(true));
    const committedIcns = icnsImages(readFileSync('build/fileicon.icns'));
    icnsImages(readFileSync(join(fresh, 'fileicon.icns'))).forEach((e, i) => expect(e.png.pixels.equals(committedIcns[i]!.png.pixels)).toBe(true));
  });
});
