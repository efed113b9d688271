/**
 * Where Find scrolls a match (renderer/src/find/reveal-match.ts): clear of the sticky bars as
 * measured, in the middle of the band between them; a match already in sight stays put.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrollToShow } from '../../../../renderer/src/find/reveal-match';

describe('scrollToShow', () => {
  // A 768 px window; a top bar wrapped to two lines (130 px) and the dock with the find bar (150 px).
  const covered = { top: 130, bottom: 150 };
  const view = 768;

  it('leaves a match that is already between the bars where it is', () => {
    expect(scrollToShow({ top: 131, bottom: 150 }, covered, view)).toBe(0);
    expect(scrollToShow({ top: 600, bottom: 618 }, covered, view)).toBe(0);
  });

  it('scrolls a match under the top bar, or under the dock, to the middle of the band', () => {
    // The band is 130..618, its middle 374; a line at 90..110 (behind a 130 px top bar) centres at 100.
    expect(scrollToShow({ top: 90, bottom: 110 }, covered, view)).toBe(-274);
    // Behind the dock.
    expect(scrollToShow({ top: 640, bottom: 660 }, covered, view)).toBe(276);
    // Far above the window (the reader is at the bottom of a long interview).
    expect(scrollToShow({ top: -20_000, bottom: -19_980 }, covered, view)).toBe(-20_364);
  });

  it('keeps the top of a match taller than the band in sight', () => {
    expect(scrollToShow({ top: -100, bottom: 700 }, covered, view)).toBe(-230);
  });

  it('always ends with the match clear of both bars when it fits between them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: -50_000, max: 50_000 }), fc.integer({ min: 1, max: 60 }), (top, bottom, at, height) => {
        const band = view - top - bottom;
        fc.pre(height <= band);
        const dy = scrollToShow({ top: at, bottom: at + height }, { top, bottom }, view);
        expect(at - dy).toBeGreaterThanOrEqual(top);
        expect(at + height - dy).toBeLessThanOrEqual(view - bottom);
      }),
    );
  });
});
