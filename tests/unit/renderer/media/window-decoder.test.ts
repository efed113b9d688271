/**
 * The peaks of a long compressed recording from its decoded windows
 * (renderer/src/media/window-decoder.ts): a decoded window sets the loudness of its columns, a
 * window that cannot be decoded leaves them a gap (NaN), never a guess; the end is told once, and
 * nothing at all decoded is told as a failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { windowDecoder, type WindowPeaks } from '../../../../renderer/src/media/window-decoder';

/** Every pending decode and its follow-ups run (they are promise chains; the schedule runs at once). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const now = (run: () => void) => run();
/** A stand-in decoder: the window's first byte is its loudness in hundredths; 255 cannot be decoded. */
const decode = (bytes: Uint8Array) => (bytes[0] === 255 ? Promise.reject(new Error('not audio')) : Promise.resolve(bytes[0]! / 100));

describe('windowDecoder', () => {
  it('fills each window’s columns, leaves a gap where a window fails, and tells the end once', async () => {
    const states: WindowPeaks[] = [];
    const d = windowDecoder(6, decode, (s) => states.push(s), now);
    d.add(0, 2, Uint8Array.from([50]));
    d.add(2, 4, Uint8Array.from([255]));
    d.add(4, 5, null);
    d.add(5, 6, Uint8Array.from([25]));
    d.finish();
    await settle();
    expect(states).toHaveLength(1);
    const last = states[0]!;
    if (last === 'failed') throw new Error('told as failed');
    expect(last.done).toBe(true);
    expect([...last.peaks]).toEqual([0.5, 0.5, NaN, NaN, NaN, 0.25]);
  });

  it('tells a failure when no window could be decoded', async () => {
    const states: WindowPeaks[] = [];
    const d = windowDecoder(4, decode, (s) => states.push(s), now);
    d.add(0, 2, Uint8Array.from([255]));
    d.add(2, 4, null);
    d.finish();
    await settle();
    expect(states).toEqual(['failed']);
  });

  it('decodes one window at a time, each in a moment of its own, and nothing once stopped', async () => {
    const moments: (() => void)[] = [];
    const states: WindowPeaks[] = [];
    const d = windowDecoder(2, decode, (s) => states.push(s), (run) => moments.push(run));
    d.add(0, 1, Uint8Array.from([10]));
    d.add(1, 2, Uint8Array.from([20]));
    d.finish();
    expect(moments).toHaveLength(1);
    moments.shift()!();
    await settle();
    expect(moments).toHaveLength(1);
    d.stop();
    moments.shift()!();
    await settle();
    expect(states).toEqual([]);
  });

  it('reports as it goes, and ends with every decoded window in place', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.integer({ min: 0, max: 255 }), { nil: null }), { minLength: 1, maxLength: 40 }), async (windows) => {
        const states: WindowPeaks[] = [];
        const d = windowDecoder(windows.length * 2, decode, (s) => states.push(s), now);
        windows.forEach((w, i) => d.add(i * 2, i * 2 + 2, w === null ? null : Uint8Array.from([w])));
        d.finish();
        await settle();
        const decoded = windows.filter((w) => w !== null && w !== 255);
        const ends = states.filter((s) => s === 'failed' || s.done);
        expect(ends).toHaveLength(1);
        if (decoded.length === 0) {
          expect(ends[0]).toBe('failed');
          return;
        }
        const end = ends[0] as { peaks: Float32Array };
        windows.forEach((w, i) => {
          const expected = w === null || w === 255 ? NaN : Math.fround(Math.min(1, w / 100));
          expect(end.peaks[i * 2]).toBe(expected);
          expect(end.peaks[i * 2 + 1]).toBe(expected);
        });
        // A report every ten windows on the way.
        expect(states.length - 1).toBe(Math.floor((windows.length - 1) / 10));
      }),
    );
  });
});
