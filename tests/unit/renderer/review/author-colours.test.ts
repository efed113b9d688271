import { describe, expect, it } from 'vitest';
import { AUTHOR_PALETTE, assignAuthorSlots, authorColours, contrastRatio, preferredSlot } from '../../../../renderer/src/review/author-colours';

const ids = (n: number, prefix = 'author') => Array.from({ length: n }, (_, i) => `${prefix}-${i}-${(i * 7919).toString(36)}`);

describe('author colours', () => {
  it('gives the first authors of a document distinct colours, up to the size of the palette', () => {
    for (const prefix of ['a', 'b', 'c', 'uuid']) {
      for (let n = 1; n <= AUTHOR_PALETTE.length; n++) {
        const slots = assignAuthorSlots(ids(n, prefix));
        expect(new Set(slots.values()).size).toBe(n);
      }
    }
  });

  it('separates two authors whose ids hash to the same slot', () => {
    const pool = ids(200);
    const a = pool[0]!;
    const clash = pool.find((o) => o !== a && preferredSlot(o) === preferredSlot(a))!;
    expect(clash).toBeDefined();
    const colour = authorColours([a, clash]);
    expect(colour(a)).not.toBe(colour(clash));
  });

  it('is stable: the same authors get the same colours whatever order they are met in, and one alone keeps its own', () => {
    const some = ids(6);
    const forward = authorColours(some);
    const backward = authorColours([...some].reverse().concat(some[0]!));
    for (const id of some) expect(backward(id)).toBe(forward(id));
    for (const id of some) expect(authorColours([id])(id)).toBe(AUTHOR_PALETTE[preferredSlot(id)]);
    expect(authorColours([])('someone')).toBe(AUTHOR_PALETTE[preferredSlot('someone')]);
  });

  it('uses colours readable as text (4.5:1) on every background a mark sits on', () => {
    // The page, a panel, an interviewer's turn, an insertion's 6% tint and the comment highlights.
    const backgrounds = ['#ffffff', '#fbfaf7', '#f3efe6', '#fdf0c4', '#f8e2a0'];
    for (const colour of AUTHOR_PALETTE) {
      for (const bg of backgrounds) expect(contrastRatio(colour, bg), `${colour} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      const tint = '#' + [1, 3, 5].map((i) => Math.round(parseInt(colour.slice(i, i + 2), 16) * 0.06 + parseInt('fbfaf7'.slice(i - 1, i + 1), 16) * 0.94).toString(16).padStart(2, '0')).join('');
      expect(contrastRatio(colour, tint), `${colour} on its tint`).toBeGreaterThanOrEqual(4.5);
    }
    expect(new Set(AUTHOR_PALETTE).size).toBe(AUTHOR_PALETTE.length);
  });

  it('computes the WCAG contrast ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
