/**
 * How far the window scrolls to take the caret out from under the sticky bars
 * (renderer/src/common/caret-clearance.ts): the 1366×768 laptop of the report, a 57 px top bar
 * and a 31 px footer from 737 px.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrollToClear } from '../../../../renderer/src/common/caret-clearance';

const laptop = { covered: { top: 57, bottom: 31 }, height: 768 };

describe('scrollToClear', () => {
  it('scrolls a caret typed under the footer (749–768 px) up to 8 px above it', () => {
    // The clear band ends at 768 - 31 - 8 = 729: the caret's bottom goes there.
    expect(scrollToClear({ top: 749, bottom: 768 }, laptop.covered, laptop.height)).toBe(39);
  });

  it('scrolls a caret under the top bar down to 8 px below it', () => {
    expect(scrollToClear({ top: 20, bottom: 39 }, laptop.covered, laptop.height)).toBe(-45);
  });

  it('leaves a caret already clear of both bars where it is', () => {
    expect(scrollToClear({ top: 65, bottom: 84 }, laptop.covered, laptop.height)).toBe(0);
    expect(scrollToClear({ top: 710, bottom: 729 }, laptop.covered, laptop.height)).toBe(0);
  });

  it('counts a footer that grew (the find bar opened: 120 px)', () => {
    expect(scrollToClear({ top: 630, bottom: 649 }, { top: 57, bottom: 120 }, 768)).toBe(9);
  });

  it('keeps the top of a line taller than the space between the bars in sight', () => {
    expect(scrollToClear({ top: 300, bottom: 1000 }, laptop.covered, laptop.height)).toBe(300 - 65);
  });

  it('puts any caret that fits between the bars, room included, inside them', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: 10, max: 40 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (top, line, coveredTop, coveredBottom) => {
        const height = 768;
        const caret = { top, bottom: top + line };
        const dy = scrollToClear(caret, { top: coveredTop, bottom: coveredBottom }, height);
        const after = { top: caret.top - dy, bottom: caret.bottom - dy };
        expect(after.top).toBeGreaterThanOrEqual(coveredTop + 8);
        expect(after.bottom).toBeLessThanOrEqual(height - coveredBottom - 8);
        // No scroll at all when it was already inside.
        if (caret.top >= coveredTop + 8 && caret.bottom <= height - coveredBottom - 8) expect(dy).toBe(0);
      }),
    );
  });
});
