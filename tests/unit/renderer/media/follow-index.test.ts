/**
 * Which paragraph is being heard: bisection over the sorted starts, against a plain scan; and only
 * among the paragraphs stamped in the recording playing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryAt, sortEntries, timedParagraphs, type TimedEntry } from '../../../../renderer/src/media/follow-index';

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

describe('timedParagraphs', () => {
  const first = '1'.repeat(64);
  const second = '2'.repeat(64);
  // The attributes the editor renders on a timed paragraph (editor/elements/ElementView.tsx).
  const p = (name: string, data: Record<string, string>) => ({ name, dataset: data }) as unknown as HTMLElement;
  const paragraphs = [
    p('unnamed at 0:05', { timeStart: '5000' }),
    p('second at 0:02', { timeStart: '2000', timeRecording: second }),
    p('first by name at 0:09', { timeStart: '9000', timeEnd: '11000', timeRecording: first }),
    p('second at 0:07', { timeStart: '7000', timeRecording: second }),
  ];
  const root = { querySelectorAll: () => paragraphs } as unknown as ParentNode;
  const names = (list: TimedEntry<HTMLElement>[]) => list.map((x) => (x.item as unknown as { name: string }).name);

  it('lists for the first recording the paragraphs naming none or naming it, in time order', () => {
    const list = timedParagraphs(root, first, true);
    expect(names(list)).toEqual(['unnamed at 0:05', 'first by name at 0:09']);
    expect(list[1]!.endMs).toBe(11_000);
  });

  it('lists for another recording only the paragraphs naming it', () => {
    const list = timedParagraphs(root, second, false);
    expect(names(list)).toEqual(['second at 0:02', 'second at 0:07']);
    // At 0:05 of the second recording, what is heard is its 0:02 paragraph, not the first's 0:05.
    expect(names([list[entryAt(list, 5000)]!])).toEqual(['second at 0:02']);
  });
});
