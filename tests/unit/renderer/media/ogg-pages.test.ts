/**
 * Ogg pages found in a slice of a file (renderer/src/media/ogg-pages.ts): a page counts only when
 * its CRC-32 holds, the header pages are those before the first that places audio, and a window of
 * a real Vorbis file is cut at whole pages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oggHeaderPages, oggPage, wholeOggPages } from '../../../../renderer/src/media/ogg-pages';
import { commandPath } from '../../../helpers/material';

/** A page of one segment: "OggS", version 0, no flags, granule, serial 7, sequence, the given CRC, then `body`. */
const page = (granule: number, sequence: number, body: number[], crc: number) =>
  Uint8Array.from([0x4f, 0x67, 0x67, 0x53, 0, 0, granule, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, sequence, 0, 0, 0, crc & 0xff, (crc >> 8) & 0xff, (crc >> 16) & 0xff, crc >>> 24, 1, body.length, ...body]);

describe('oggPage', () => {
  it('reads a page whose CRC holds, and refuses one byte changed', () => {
    // CRC-32 (0x04C11DB7, unreflected, initial 0) of the page with its CRC field zero, computed apart from the code.
    const p = page(0, 0, [1, 2, 3], 0x21840ca2);
    expect(oggPage(p, 0)).toEqual({ granule: 0, serial: 7, pageBytes: 31 });
    const changed = p.slice();
    changed[29] = 9;
    expect(oggPage(changed, 0)).toBeNull();
    // Cut short: the page is not whole in the bytes.
    expect(oggPage(p.subarray(0, 30), 0)).toBeNull();
  });
});

const vorbis = (seconds: number) => {
  const file = join(mkdtempSync(join(tmpdir(), 'interview-desk-ogg-')), 'giọng nói.ogg');
  execFileSync('sox', ['-n', '-r', '16000', '-c', '1', file, 'synth', String(seconds), 'sine', '440']);
  return new Uint8Array(readFileSync(file));
};

describe('a real Ogg Vorbis file', () => {
  it('is read page by page to its end, headers first', (ctx) => {
    ctx.skip(commandPath('sox') === null, 'needs sox on PATH to make an Ogg Vorbis file: apt-get install sox');
    const bytes = vorbis(10);
    const granules: number[] = [];
    let at = 0;
    for (let p = oggPage(bytes, 0); p; p = oggPage(bytes, at)) {
      granules.push(p.granule);
      at += p.pageBytes;
    }
    // Every page's CRC held, to the last byte; the last page places the 160,000th sample (10 s at 16 kHz).
    expect(at).toBe(bytes.length);
    expect(granules.at(-1)).toBe(160_000);
    const headers = oggHeaderPages(bytes)!;
    const firstAudio = granules.findIndex((g) => g > 0);
    expect(firstAudio).toBeGreaterThanOrEqual(2);
    expect(oggPage(bytes, headers.prefix.length)!.granule).toBeGreaterThan(0);
    expect(granules.slice(0, firstAudio).every((g) => g === 0)).toBe(true);
  });

  it('is cut at whole pages wherever a window falls', (ctx) => {
    ctx.skip(commandPath('sox') === null, 'needs sox on PATH to make an Ogg Vorbis file: apt-get install sox');
    const bytes = vorbis(120);
    const starts: number[] = [];
    for (let at = 0, p = oggPage(bytes, 0); p; p = oggPage(bytes, at)) {
      starts.push(at);
      at += p.pageBytes;
    }
    starts.push(bytes.length);
    const { serial } = oggHeaderPages(bytes)!;
    let cut = 0;
    for (let from = 5000; from + 24 * 1024 < bytes.length; from += 7919) {
      const window = bytes.subarray(from, from + 24 * 1024);
      const pages = wholeOggPages(window, serial);
      if (!pages) continue;
      const begin = pages.byteOffset - window.byteOffset + from;
      expect(starts).toContain(begin);
      expect(starts).toContain(begin + pages.length);
      // The first page starting inside the window, and every whole page after it.
      expect(begin).toBe(starts.find((s) => s >= from));
      expect(begin + pages.length).toBe(starts.filter((s) => s <= from + 24 * 1024).pop());
      cut++;
    }
    expect(cut).toBeGreaterThan(5);
  });
});
