import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inTextOrder, type MarginPlace, type Placed } from '../../../../renderer/src/review/margin-order';

describe('the order of the review margin', () => {
  it('lists details first in field order, then the body by place, then what lost its place', () => {
    const items: Placed<string>[] = [
      { value: 'comment on the second answer', place: { path: [3, 1, 0] } },
      { value: 'orphaned comment', place: null },
      { value: 'insertion in the intro', place: { path: [0, 2] } },
      { value: 'sapo change', place: { field: 4 } },
      { value: 'new turn', place: { path: [3] } },
      { value: 'headline change', place: { field: 1 } },
      { value: 'deletion later in the answer', place: { path: [3, 1, 4] } },
      { value: 'vanished suggestion', place: null },
    ];
    expect(inTextOrder(items)).toEqual({
      placed: ['headline change', 'sapo change', 'insertion in the intro', 'new turn', 'comment on the second answer', 'deletion later in the answer'],
      gone: ['orphaned comment', 'vanished suggestion'],
    });
  });

  it('keeps a suggestion given before a comment at the same place before it', () => {
    const { placed } = inTextOrder([
      { value: 'suggestion', place: { path: [1, 0, 2] } },
      { value: 'comment', place: { path: [1, 0, 2] } },
    ]);
    expect(placed).toEqual(['suggestion', 'comment']);
  });

  const place: fc.Arbitrary<MarginPlace> = fc.oneof(
    fc.constant(null),
    fc.record({ field: fc.integer({ min: 0, max: 12 }) }),
    fc.record({ path: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }) }),
  );
  const items = fc.array(place, { maxLength: 30 }).map((places) => places.map((p, i) => ({ value: i, place: p })));

  it('loses and repeats no card, and puts in the gone list exactly those without a place', () => {
    fc.assert(
      fc.property(items, (all) => {
        const { placed, gone } = inTextOrder(all);
        expect([...placed, ...gone].sort((a, b) => a - b)).toEqual(all.map((i) => i.value));
        expect(gone).toEqual(all.filter((i) => i.place === null).map((i) => i.value));
      }),
    );
  });

  it('never puts a body card before a details card, nor a later path before an earlier one', () => {
    fc.assert(
      fc.property(items, (all) => {
        const { placed } = inTextOrder(all);
        const places = placed.map((v) => all[v]!.place!);
        for (let i = 1; i < places.length; i++) {
          const a = places[i - 1]!;
          const b = places[i]!;
          if ('field' in b) {
            expect('field' in a).toBe(true);
            if ('field' in a) expect(a.field).toBeLessThanOrEqual(b.field);
          } else if ('path' in a) {
            // lexicographic, by hand: the first differing index decides, else the shorter first
            const k = a.path.findIndex((x, j) => x !== b.path[j]);
            if (k === -1) expect(a.path.length).toBeLessThanOrEqual(b.path.length);
            else if (k < b.path.length) expect(a.path[k]!).toBeLessThan(b.path[k]!);
            else expect.unreachable();
            if (a.path.length === b.path.length && k === -1) expect(placed[i - 1]!).toBeLessThan(placed[i]!);
          }
        }
      }),
    );
  });
});
