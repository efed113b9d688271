/** Which paragraph is being heard: bisection over the sorted starts, against a plain scan. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryAt, sortEntries, type TimedEntry } from '../../../../renderer/src/media/follow-index';

const e = (startMs: number, item: string, endMs?: number): TimedEntry<string> => ({ startMs, item, ...(endMs !== undefined ? { endMs } : {}) });

describe('entryAt', () => {
  const list = sortEntries([e(5000, 'b'), e(0, 'a'), e(9000, 'c', 12_000)]);

  it('finds the paragraph whose start is the latest one not after the position', () => {
    expect(list.map((x) => x.item)).toEqual(['a', 'b', 'c']);
    expect(entryAt(list, 0)).toBe(0);
    expect(entryAt(list, 4999)).toBe(0);
    expect(entryAt(list, 5000)).toBe(1);
    expect(entryAt(list, 11_999)).toBe(2);
  });

  it('finds none before the first time or past a known end', () => {
    expect(entryAt(sortEntries([e(1000, 'a')]), 999)).toBe(-1);
    expect(entryAt(list, 12_000)).toBe(-1);
    expect(entryAt([], 5)).toBe(-1);
  });

  it('keeps document order among equal starts and takes the last of them', () => {
    const same = sortEntries([e(10, 'x'), e(10, 'y')]);
    expect(same.map((x) => x.item)).toEqual(['x', 'y']);
    expect(same[entryAt(same, 10)]!.item).toBe('y');
  });

  it('agrees with a scan of every entry (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(100_000), { maxLength: 60 }), fc.nat(110_000), (starts, ms) => {
        const sorted = sortEntries(starts.map((s, i) => e(s, String(i))));
        let expected = -1;
        sorted.forEach((x, i) => {
          if (x.startMs <= ms) expected = i;
        });
        expect(entryAt(sorted, ms)).toBe(expected);
      }),
    );
  });
});
