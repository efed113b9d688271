/**
 * Windows of a long compressed recording (renderer/src/media/compressed-windows.ts): the container
 * is told from its first bytes (MP4 and WebM are not taken), the windows cover every column once,
 * and each window is made a file of its own that starts with what its decoder needs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressedLayout, decodableWindow, mp3AudioAfterTag, spanWindows } from '../../../../renderer/src/media/compressed-windows';
import { flacFrameHeader } from '../../../../renderer/src/media/flac-frames';
import { oggPage } from '../../../../renderer/src/media/ogg-pages';
import { commandPath } from '../../../helpers/material';

const mp3Frame = () => Uint8Array.from([0xff, 0xfb, 0x90, 0xc0, ...new Array<number>(413).fill(0x11)]);
const join8 = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
// The tag's size is synchsafe: 7 bits in each of its four bytes.
const id3 = (size: number) => [0x49, 0x44, 0x33, 4, 0, 0, (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f, ...new Array<number>(size).fill(0)];

describe('compressedLayout', () => {
  it('finds the first MP3 frame after an ID3v2 tag', () => {
    const file = join8(id3(300), mp3Frame(), mp3Frame(), mp3Frame());
    expect(compressedLayout(file)).toMatchObject({ kind: 'mp3', audioOffset: 310, first: { frameBytes: 417 } });
  });

  it('reads the head again after a tag that runs past it (cover art)', () => {
    expect(mp3AudioAfterTag(Uint8Array.from(id3(100_000).slice(0, 65_536)))).toBe(100_010);
    expect(mp3AudioAfterTag(join8(id3(300), mp3Frame(), mp3Frame()))).toBe(0);
    // The head read after the tag: offsets are the file's.
    expect(compressedLayout(join8(mp3Frame(), mp3Frame()), 100_010)).toMatchObject({ kind: 'mp3', audioOffset: 100_010 });
  });

  it('does not take MP4, WebM, or bytes that are not audio', () => {
    const mp4 = join8([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x4d, 0x34, 0x41, 0x20], new Array<number>(5000).fill(0));
    expect(compressedLayout(mp4)).toBeNull();
    expect(compressedLayout(join8([0x1a, 0x45, 0xdf, 0xa3], new Array<number>(5000).fill(0)))).toBeNull();
    expect(compressedLayout(new TextEncoder().encode('These are notes, not sound.\n'.repeat(200)))).toBeNull();
    // A frame far into bytes that are something else is chance, not the start of the audio.
    expect(compressedLayout(join8(new Array<number>(10_000).fill(0x20), mp3Frame(), mp3Frame()))).toBeNull();
  });
});

describe('spanWindows', () => {
  it('gives every column to exactly one window, windows inside the audio and in file order', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.integer({ min: 1, max: 500_000_000 }), fc.integer({ min: 1, max: 800 }), fc.integer({ min: 1, max: 400 }), (audioOffset, audio, columns, count) => {
        const windows = spanWindows(audioOffset, audioOffset + audio, columns, count, 16 * 1024);
        const owners = new Array<number>(columns).fill(0);
        for (const w of windows) for (let c = w.columnFrom; c < w.columnTo; c++) owners[c]!++;
        expect(owners.every((n) => n === 1)).toBe(true);
        for (const [i, w] of windows.entries()) {
          expect(w.from).toBeGreaterThanOrEqual(audioOffset);
          expect(w.to).toBeLessThan(audioOffset + audio);
          expect(w.to - w.from + 1).toBeLessThanOrEqual(16 * 1024);
          if (i > 0) expect(w.from).toBeGreaterThan(windows[i - 1]!.from);
        }
      }),
    );
  });

  it('reads a few megabytes of a two-hour recording', () => {
    // Two hours of 128 kbps MP3: 115.2 MB; 300 windows of 16 KB.
    const windows = spanWindows(0, 115_200_000, 600, 300, 16 * 1024);
    expect(windows.reduce((n, w) => n + w.to - w.from + 1, 0)).toBe(300 * 16 * 1024);
  });
});

describe('decodableWindow', () => {
  it('an MP3 window is its whole frames alone', () => {
    const file = join8(mp3Frame(), mp3Frame(), mp3Frame(), mp3Frame());
    const layout = compressedLayout(file)!;
    // Frames at 417 and 834 are whole in 200–1300 (the one at 1251 is cut).
    expect(decodableWindow(layout, file.subarray(200, 1300))).toEqual(file.subarray(417, 1251));
    // 417–834 is whole in 200–1000, confirmed by the header at 834.
    expect(decodableWindow(layout, file.subarray(200, 1000))).toEqual(file.subarray(417, 834));
    // In 200–800 no frame is whole: nothing is taken.
    expect(decodableWindow(layout, file.subarray(200, 800))).toBeNull();
  });

  it('a FLAC window starts with STREAMINFO, then frames of the real file', (ctx) => {
    ctx.skip(commandPath('sox') === null, 'needs sox on PATH to make a FLAC file: apt-get install sox');
    const file = join(mkdtempSync(join(tmpdir(), 'interview-desk-flac-')), 'một phút.flac');
    execFileSync('sox', ['-n', '-r', '16000', '-b', '16', '-c', '1', file, 'synth', '60', 'whitenoise']);
    const bytes = new Uint8Array(readFileSync(file));
    const layout = compressedLayout(bytes.subarray(0, 65_536))!;
    expect(layout.kind).toBe('flac');
    const out = decodableWindow(layout, bytes.subarray(bytes.length / 2, bytes.length / 2 + 32 * 1024))!;
    expect([...out.subarray(0, 5)]).toEqual([0x66, 0x4c, 0x61, 0x43, 0x80]);
    expect(flacFrameHeader(out, 42)).not.toBeNull();
  });

  it('an Ogg window starts with the header pages, then whole pages of the real file', (ctx) => {
    ctx.skip(commandPath('sox') === null, 'needs sox on PATH to make an Ogg Vorbis file: apt-get install sox');
    const file = join(mkdtempSync(join(tmpdir(), 'interview-desk-ogg-')), 'một phút.ogg');
    execFileSync('sox', ['-n', '-r', '16000', '-c', '1', file, 'synth', '60', 'whitenoise']);
    const bytes = new Uint8Array(readFileSync(file));
    const layout = compressedLayout(bytes.subarray(0, 65_536))!;
    if (layout.kind !== 'ogg') throw new Error(`read as ${layout.kind}`);
    const out = decodableWindow(layout, bytes.subarray(bytes.length / 2, bytes.length / 2 + 24 * 1024))!;
    expect(out.subarray(0, layout.prefix.length)).toEqual(bytes.subarray(0, layout.prefix.length));
    let at = layout.prefix.length;
    for (let p = oggPage(out, at); p; p = oggPage(out, at)) at += p.pageBytes;
    expect(at).toBe(out.length);
    expect(out.length).toBeGreaterThan(layout.prefix.length);
  });
});
