import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeCards } from '../../../../renderer/src/review/place-cards';

/** Anchors as the text gives them: in document order, so their tops never go up. */
const layout = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 300 })), { maxLength: 40 })
  .chain((steps) =>
    fc.record({
      anchors: fc.constant(steps.reduce<number[]>((tops, [step]) => [...tops, (tops.at(-1) ?? 0) + step], [])),
      heights: fc.constant(steps.map(([, h]) => h)),
      gap: fc.integer({ min: 0, max: 24 }),
    }),
  );

describe('placeCards', () => {
  it('puts cards that do not crowd each other exactly at their anchors', () => {
    expect(placeCards([0, 200, 500], [100, 100, 100], 8)).toEqual([0, 200, 500]);
  });

  it('pushes a card down just below the one before when they would overlap, and the push carries on', () => {
    // 0–100, then 108 (not 50), then 216 (not 120), then 400 stays where it is.
    expect(placeCards([0, 50, 120, 400], [100, 100, 100, 50], 8)).toEqual([0, 108, 216, 400]);
  });

  it('keeps a card at or below its anchor even when the anchors come out of order', () => {
    expect(placeCards([300, 100], [20, 20], 10)).toEqual([300, 330]);
  });

  it('places nothing when there is nothing', () => {
    expect(placeCards([], [], 8)).toEqual([]);
  });

  it('never overlaps two cards, keeps their order and keeps each at or below its anchor', () => {
    fc.assert(
      fc.property(layout, ({ anchors, heights, gap }) => {
        const tops = placeCards(anchors, heights, gap);
        expect(tops).toHaveLength(anchors.length);
        tops.forEach((top, i) => {
          expect(top).toBeGreaterThanOrEqual(anchors[i]!);
          if (i > 0) expect(top).toBeGreaterThanOrEqual(tops[i - 1]! + heights[i - 1]! + gap);
        });
      }),
    );
  });

  it('pushes no card further than it must: each sits at its anchor or touches the card above', () => {
    fc.assert(
      fc.property(layout, ({ anchors, heights, gap }) => {
        const tops = placeCards(anchors, heights, gap);
        tops.forEach((top, i) => {
          const atAnchor = top === anchors[i];
          const touching = i > 0 && top === tops[i - 1]! + heights[i - 1]! + gap;
          expect(atAnchor || touching).toBe(true);
        });
      }),
    );
  });

  it('moves no earlier card when a later one is added', () => {
    fc.assert(
      fc.property(layout, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 300 }), ({ anchors, heights, gap }, step, height) => {
        const more = placeCards([...anchors, (anchors.at(-1) ?? 0) + step], [...heights, height], gap);
        expect(more.slice(0, anchors.length)).toEqual(placeCards(anchors, heights, gap));
      }),
    );
  });
});
