/**
 * MP3 frames found in a slice of a file (renderer/src/media/mp3-frames.ts): a window read anywhere
 * is cut at a real frame, never at frame data that happens to look like a header, and only whole
 * frames are kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMp3Frame, id3v2End, mp3Header, wholeMp3Frames } from '../../../../renderer/src/media/mp3-frames';

// MPEG-1 Layer III, 128 kbps, 44.1 kHz, mono: 144 × 128000 / 44100 = 417 bytes, 418 when padded.
const header = (padded: boolean) => [0xff, 0xfb, padded ? 0x92 : 0x90, 0xc0];
/** A frame whose data holds no 0xFF byte (so no sync by chance) unless `data` says otherwise. */
const frame = (padded: boolean, data = 0x11) => Uint8Array.from([...header(padded), ...new Array<number>((padded ? 418 : 417) - 4).fill(data)]);
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const FIRST = { version: 1, layer: 3, sampleRate: 44100, frameBytes: 417 } as const;

describe('mp3Header', () => {
  it('reads version, layer, rate and the frame length with its padding byte', () => {
    expect(mp3Header(frame(false), 0)).toEqual(FIRST);
    expect(mp3Header(frame(true), 0)).toEqual({ ...FIRST, frameBytes: 418 });
    // MPEG-2 Layer III, 64 kbps, 22.05 kHz: 72 × 64000 / 22050 = 208 bytes.
    expect(mp3Header(Uint8Array.from([0xff, 0xf3, 0x80, 0xc0]), 0)).toEqual({ version: 2, layer: 3, sampleRate: 22050, frameBytes: 208 });
  });

  it('refuses reserved and free-format fields', () => {
    expect(mp3Header(Uint8Array.from([0xff, 0xeb, 0x90, 0xc0]), 0)).toBeNull(); // reserved version
    expect(mp3Header(Uint8Array.from([0xff, 0xf9, 0x90, 0xc0]), 0)).toBeNull(); // reserved layer
    expect(mp3Header(Uint8Array.from([0xff, 0xfb, 0x00, 0xc0]), 0)).toBeNull(); // free format
    expect(mp3Header(Uint8Array.from([0xff, 0xfb, 0xf0, 0xc0]), 0)).toBeNull(); // bad bitrate
    expect(mp3Header(Uint8Array.from([0xff, 0xfb, 0x9c, 0xc0]), 0)).toBeNull(); // reserved rate
    expect(mp3Header(Uint8Array.from([0xff, 0xfb, 0x90, 0xc2]), 0)).toBeNull(); // reserved emphasis
  });
});

describe('id3v2End', () => {
  it('reads the synchsafe size, and the footer when flagged', () => {
    // Size 0x00 0x00 0x02 0x01 synchsafe: 2 × 128 + 1 = 257, after the 10-byte header.
    expect(id3v2End(Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 2, 1]))).toBe(267);
    expect(id3v2End(Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0x10, 0, 0, 2, 1]))).toBe(277);
    expect(id3v2End(frame(false))).toBe(0);
  });
});

describe('findMp3Frame', () => {
  it('passes over frame data that looks like a header but is not followed by one', () => {
    const decoy = frame(false);
    decoy.set(header(false), 100);
    const bytes = join(decoy, frame(true), frame(false));
    // From inside the first frame: the decoy at 100 is not confirmed (100 + 417 is frame data), the next frame is.
    expect(findMp3Frame(bytes, 50, FIRST)).toBe(417);
  });

  it('takes only frames of the same kind as the first one', () => {
    const other = Uint8Array.from([0xff, 0xf3, 0x80, 0xc0, ...new Array<number>(204).fill(0x11)]);
    const bytes = join(other, other, frame(false), frame(false));
    expect(findMp3Frame(bytes, 0)).toBe(0);
    expect(findMp3Frame(bytes, 0, FIRST)).toBe(416);
  });

  it('finds the first frame boundary after any cut, and keeps whole frames only', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 3, maxLength: 12 }), fc.nat(), fc.nat(), (paddings, cutSeed, lengthSeed) => {
        const frames = paddings.map((p) => frame(p));
        const starts = frames.map((_, i) => frames.slice(0, i).reduce((n, f) => n + f.length, 0));
        const file = join(...frames);
        const cut = cutSeed % file.length;
        const end = cut + 1 + (lengthSeed % (file.length - cut));
        const window = file.subarray(cut, end);
        const at = findMp3Frame(window, 0, FIRST);
        // The next frame start at or after the cut whose following header is inside the window.
        const expected = starts.findIndex((s, i) => s >= cut && i + 1 < starts.length && starts[i + 1]! + 4 <= end);
        expect(at).toBe(expected < 0 ? -1 : starts[expected]! - cut);
        if (at < 0) return;
        const whole = wholeMp3Frames(window, at, FIRST);
        const lastEnd = [...starts, file.length].filter((s) => s <= end).pop()!;
        expect(whole?.length).toBe(lastEnd - (at + cut));
      }),
    );
  });
});
