/**
 * FLAC frames found in a slice of a file (renderer/src/media/flac-frames.ts): the stream's
 * STREAMINFO is kept for the decoder with the whole-stream fields cleared, a frame header counts
 * only when its CRC-8 holds, and in a real file every frame is found in order.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc8, findFlacFrame, flacFrameHeader, flacHead, wholeFlacFrames } from '../../../../renderer/src/media/flac-frames';
import { commandPath } from '../../../helpers/material';

// Fixed blocking, 4096 samples, 44.1 kHz, mono, 16-bit, frame 5; the CRC-8 worked out by hand (0x8E).
const HEADER = [0xff, 0xf8, 0xc9, 0x08, 0x05, 0x8e];
// The same with frame number 128, coded on two bytes (0xC2 0x80); CRC-8 0xAC.
const HEADER_128 = [0xff, 0xf8, 0xc9, 0x08, 0xc2, 0x80, 0xac];

describe('flacFrameHeader', () => {
  it('reads a header whose CRC-8 holds, with its frame number', () => {
    expect(crc8(Uint8Array.from(HEADER.slice(0, 5)))).toBe(0x8e);
    expect(flacFrameHeader(Uint8Array.from(HEADER), 0)).toEqual({ blocking: 0, number: 5, headerBytes: 6 });
    expect(flacFrameHeader(Uint8Array.from(HEADER_128), 0)).toEqual({ blocking: 0, number: 128, headerBytes: 7 });
  });

  it('refuses a header with a wrong CRC or a reserved field', () => {
    expect(flacFrameHeader(Uint8Array.from([...HEADER.slice(0, 5), 0x8f]), 0)).toBeNull();
    expect(flacFrameHeader(Uint8Array.from([0xff, 0xf8, 0x09, 0x08, 0x05, 0x00]), 0)).toBeNull(); // block size 0 is reserved
    expect(flacFrameHeader(Uint8Array.from([0xff, 0xf8, 0xcf, 0x08, 0x05, 0x00]), 0)).toBeNull(); // rate 15 is invalid
  });
});

describe('wholeFlacFrames', () => {
  it('cuts from the first frame to the start of the last, passing over a sync with a bad CRC', () => {
    const data = (n: number) => new Array<number>(n).fill(0x22);
    const bytes = Uint8Array.from([...data(7), ...HEADER, ...data(20), 0xff, 0xf8, 0xc9, 0x08, 0x06, 0x00, ...data(9), ...HEADER_128, ...data(5)]);
    expect(findFlacFrame(bytes)).toBe(7);
    expect(wholeFlacFrames(bytes)).toEqual(bytes.subarray(7, 7 + 6 + 20 + 6 + 9));
    expect(wholeFlacFrames(Uint8Array.from([...HEADER, ...data(30)]))).toBeNull();
  });
});

describe('flacHead', () => {
  it('keeps STREAMINFO as the only block, without the total length and checksum', () => {
    const info = Array.from({ length: 34 }, (_, i) => i + 1);
    const file = Uint8Array.from([0x66, 0x4c, 0x61, 0x43, 0x00, 0, 0, 34, ...info, 0x84, 0, 0, 3, 9, 9, 9, ...HEADER]);
    const head = flacHead(file)!;
    expect(head.audioOffset).toBe(4 + 38 + 7);
    expect([...head.prefix.subarray(0, 8)]).toEqual([0x66, 0x4c, 0x61, 0x43, 0x80, 0, 0, 34]);
    // Bytes 0–12 of STREAMINFO kept, the high nibble of 13 (bits per sample) kept, the rest zero.
    expect([...head.prefix.subarray(8, 8 + 14)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 0]);
    expect([...head.prefix.subarray(22)]).toEqual(new Array<number>(20).fill(0));
    expect(flacHead(Uint8Array.from([0x4f, 0x67, 0x67, 0x53, ...info, ...info]))).toBeNull();
  });

  it('finds every frame of a real file in order', (ctx) => {
    ctx.skip(commandPath('sox') === null, 'needs sox on PATH to make a FLAC file: apt-get install sox');
    const file = join(mkdtempSync(join(tmpdir(), 'interview-desk-flac-')), 'mười giây.flac');
    execFileSync('sox', ['-n', '-r', '16000', '-b', '16', '-c', '1', file, 'synth', '10', 'sine', '440']);
    const bytes = new Uint8Array(readFileSync(file));
    const head = flacHead(bytes)!;
    const numbers: number[] = [];
    for (let at = findFlacFrame(bytes, head.audioOffset); at >= 0; at = findFlacFrame(bytes, at + 1)) numbers.push(flacFrameHeader(bytes, at)!.number);
    // 10 s at 16 kHz in blocks of 4096 samples (sox's FLAC writer): 40 frames, each found once, in order.
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });
});
