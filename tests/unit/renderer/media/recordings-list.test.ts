/**
 * Where an uploaded recording goes in the interview's list, the parts already transcribed, and
 * the autosave carrying the list (a changes-only save once dropped it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changesBetween } from '../../../../shared/api/document-changes';
import { newInterview } from '../../../../shared/model/factory';
import type { MediaTime, Recording } from '../../../../shared/model/schema';
import { placeRecording } from '../../../../renderer/src/media/upload-recording';
import { transcribedRanges } from '../../../../renderer/src/media/transcribed-ranges';

const rec = (c: string, name = `${c}.wav`): Recording => ({ id: c.repeat(64), name, mime: 'audio/wav', bytes: 100 });

describe('placeRecording', () => {
  it('links an upload the list already names, adding nothing', () => {
    expect(placeRecording([rec('a'), rec('b')], rec('b', 'my copy.wav'), new Set(['b'.repeat(64)]))).toEqual({ kind: 'linked' });
  });

  it('adds a new one; says so when a listed one was missing and this is another', () => {
    expect(placeRecording([rec('a')], rec('b'), new Set())).toEqual({ kind: 'added', recordings: [rec('a'), rec('b')] });
    expect(placeRecording([rec('a')], rec('b'), new Set(['a'.repeat(64)]))).toEqual({ kind: 'addedNew', recordings: [rec('a'), rec('b')] });
  });

  it('refuses a 21st recording', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ({ ...rec('a'), id: i.toString(16).padStart(64, '0') }));
    expect(placeRecording(twenty, rec('f'), new Set())).toEqual({ kind: 'full' });
  });
});

describe('transcribedRanges', () => {
  const first = 'a'.repeat(64);
  const other = 'b'.repeat(64);

  it('covers from each stamp to the next, or to its own end; times naming no recording are the first one’s', () => {
    const times: MediaTime[] = [{ startMs: 1000 }, { startMs: 4000, endMs: 5000 }, { startMs: 9000 }, { startMs: 2000, recording: other }];
    expect(transcribedRanges(times, first, true)).toEqual([[1000, 5000]]);
    expect(transcribedRanges(times, other, false)).toEqual([]);
    expect(transcribedRanges([...times, { startMs: 3000, endMs: 7000, recording: other }], other, false)).toEqual([[2000, 7000]]);
  });

  it('gives sorted, disjoint ranges inside the times given (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ startMs: fc.nat(100_000), endMs: fc.option(fc.nat(100_000), { nil: undefined }) }), { maxLength: 40 }), (raw) => {
        const times: MediaTime[] = raw.map((t) => (t.endMs !== undefined && t.endMs >= t.startMs ? { startMs: t.startMs, endMs: t.endMs } : { startMs: t.startMs }));
        const ranges = transcribedRanges(times, first, true);
        const lo = Math.min(...times.map((t) => t.startMs));
        const hi = Math.max(...times.map((t) => Math.max(t.startMs, t.endMs ?? 0)));
        ranges.forEach(([a, b], i) => {
          expect(b).toBeGreaterThan(a);
          expect(a).toBeGreaterThanOrEqual(lo);
          expect(b).toBeLessThanOrEqual(hi);
          if (i > 0) expect(a).toBeGreaterThan(ranges[i - 1]![1]);
        });
      }),
    );
  });
});

describe('autosaving the recordings', () => {
  it('sends the list when it changed, and null when it is gone', () => {
    const base = newInterview('d1', 'en');
    const withOne = { ...base, recordings: [rec('a')] };
    expect(changesBetween(base, withOne)?.fields).toEqual({ recordings: [rec('a')] });
    const { recordings: _gone, ...without } = withOne;
    expect(changesBetween(withOne, without)?.fields).toEqual({ recordings: null });
  });
});
