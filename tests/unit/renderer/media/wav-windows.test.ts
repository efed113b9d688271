/**
 * A long WAV's waveform read by windows (renderer/src/media/wav-windows.ts): the header is found
 * through any chunks before the samples, the windows stay inside the samples on frame boundaries,
 * and a column's peak is never louder than the recording there (and is exact when the span is
 * read whole).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loudest, parseWavHeader, peakWindows, type WavLayout } from '../../../../renderer/src/media/wav-windows';
import { wavHeader } from '../../../helpers/wav';

const u8 = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.length);

describe('parseWavHeader', () => {
  it('reads the layout of a 16-bit mono WAV', () => {
    expect(parseWavHeader(u8(wavHeader(16_000, 8000)), 44 + 16_000)).toEqual({
      format: 1,
      channels: 1,
      sampleRate: 8000,
      bitsPerSample: 16,
      blockAlign: 2,
      dataOffset: 44,
      dataBytes: 16_000,
    });
  });

  it('skips chunks before the samples, with their padding byte', () => {
    const h = wavHeader(1000, 8000);
    // RIFF + WAVE + fmt (12 + 24 bytes), then a LIST chunk of 5 bytes (+1 pad), then data.
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([5, 0, 0, 0]), Buffer.from('INFOx'), Buffer.from([0])]);
    const file = Buffer.concat([h.subarray(0, 36), list, h.subarray(36)]);
    expect(parseWavHeader(u8(file), file.length + 1000)).toMatchObject({ dataOffset: 36 + 14 + 8, dataBytes: 1000 });
  });

  it('bounds a data size written before the length was known by the file, in whole frames', () => {
    const h = wavHeader(0, 8000);
    h.writeUInt32LE(0xffffffff, 40);
    expect(parseWavHeader(u8(h), 44 + 1001)).toMatchObject({ dataOffset: 44, dataBytes: 1000 });
  });

  it('takes no file it cannot read by offsets: not RIFF, compressed inside a WAV, no data chunk', () => {
    expect(parseWavHeader(u8(Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00 mp3 frames follow')), 1_000_000)).toBeNull();
    const mp3InWav = wavHeader(1000, 8000);
    mp3InWav.writeUInt16LE(0x55, 20);
    expect(parseWavHeader(u8(mp3InWav), 1044)).toBeNull();
    expect(parseWavHeader(u8(wavHeader(1000, 8000).subarray(0, 36)), 1044)).toBeNull();
  });
});

describe('loudest', () => {
  const layout = (bitsPerSample: 8 | 16 | 24 | 32, channels = 1, format: 1 | 3 = 1): WavLayout => ({
    format,
    channels,
    sampleRate: 8000,
    bitsPerSample,
    blockAlign: (channels * bitsPerSample) / 8,
    dataOffset: 44,
    dataBytes: 0,
  });

  it('reads each sample size at its own scale', () => {
    const s16 = Buffer.alloc(6);
    [0, -16384, 8192].forEach((v, i) => s16.writeInt16LE(v, i * 2));
    expect(loudest(layout(16), u8(s16))).toBe(0.5);
    // 8-bit WAV is unsigned around 128.
    expect(loudest(layout(8), u8(Buffer.from([128, 160, 96])))).toBe(0.25);
    // 24-bit: 0xC00000 is -4194304, half of full scale.
    expect(loudest(layout(24), u8(Buffer.from([0x00, 0x00, 0xc0, 0x00, 0x10, 0x00])))).toBe(0.5);
    const f32 = Buffer.alloc(8);
    f32.writeFloatLE(0.25, 0);
    f32.writeFloatLE(-0.75, 4);
    expect(loudest(layout(32, 1, 3), u8(f32))).toBe(0.75);
  });

  it('listens to every channel', () => {
    const stereo = Buffer.alloc(4);
    stereo.writeInt16LE(100, 0);
    stereo.writeInt16LE(-32768, 2);
    expect(loudest(layout(16, 2), u8(stereo))).toBe(1);
  });
});

describe('peakWindows', () => {
  const layoutArb = fc
    .record({ channels: fc.integer({ min: 1, max: 2 }), bits: fc.constantFrom(8 as const, 16 as const, 24 as const), frames: fc.nat(2_000_000), offset: fc.integer({ min: 44, max: 400 }) })
    .map(({ channels, bits, frames, offset }): WavLayout => ({ format: 1, channels, sampleRate: 8000, bitsPerSample: bits, blockAlign: (channels * bits) / 8, dataOffset: offset, dataBytes: frames * ((channels * bits) / 8) }));

  it('stays inside the samples, on frame boundaries, in order, and reads a bounded number of bytes (property)', () => {
    fc.assert(
      fc.property(layoutArb, fc.integer({ min: 1, max: 700 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 20_000 }), (layout, columns, perColumn, windowBytes) => {
        const windows = peakWindows(layout, columns, perColumn, windowBytes);
        let read = 0;
        // Checked as one boolean per window (an expect per window would make this slow).
        const wrong = windows.filter(
          (w, i) =>
            w.from < layout.dataOffset ||
            w.to >= layout.dataOffset + layout.dataBytes ||
            w.to < w.from ||
            (w.from - layout.dataOffset) % layout.blockAlign !== 0 ||
            (w.to + 1 - layout.dataOffset) % layout.blockAlign !== 0 ||
            (i > 0 && w.from < windows[i - 1]!.from),
        );
        expect(wrong).toEqual([]);
        for (const w of windows) read += w.to - w.from + 1;
        const perWindow = Math.max(layout.blockAlign, windowBytes - (windowBytes % layout.blockAlign));
        expect(read).toBeLessThanOrEqual(Math.min(layout.dataBytes, columns * perColumn * perWindow));
        // A column with samples in it has a window.
        const frames = layout.dataBytes / layout.blockAlign;
        const withWindows = new Set(windows.map((w) => w.column));
        for (let c = 0; c < columns; c++) {
          const has = Math.floor(((c + 1) * frames) / columns) > Math.floor((c * frames) / columns);
          expect(withWindows.has(c)).toBe(has);
        }
      }),
    );
  });

  it('finds a column no louder than the recording there, and exactly as loud when read whole (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -32768, max: 32767 }), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 2, max: 200 }), (samples, columns, windowBytes) => {
        const pcm = Buffer.alloc(samples.length * 2);
        samples.forEach((v, i) => pcm.writeInt16LE(v, i * 2));
        const file = Buffer.concat([wavHeader(pcm.length, 8000), pcm]);
        const layout = parseWavHeader(u8(file), file.length)!;
        const windows = peakWindows(layout, columns, 2, windowBytes);
        for (let c = 0; c < columns; c++) {
          const first = Math.floor((c * samples.length) / columns);
          const end = Math.floor(((c + 1) * samples.length) / columns);
          if (end <= first) continue;
          const truth = Math.min(1, Math.max(...samples.slice(first, end).map((v) => Math.abs(v) / 32768)));
          const mine = windows.filter((w) => w.column === c);
          const found = Math.max(...mine.map((w) => loudest(layout, u8(file.subarray(w.from, w.to + 1)))));
          expect(found).toBeLessThanOrEqual(truth);
          if ((end - first) * 2 <= 2 * Math.floor(windowBytes / 2) * 2) expect(found).toBe(truth);
        }
      }),
    );
  });
});
