import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocSignal } from '../../../../renderer/src/review/doc-signal';

describe('answers derived from the open document', () => {
  it('are read once per change and equal a fresh reading of the document as it was then', () => {
    // Each step either changes the document (a keystroke: the signal fires) or asks (a render).
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.record({ type: fc.string({ maxLength: 3 }) }), fc.constant('ask' as const)), { maxLength: 40 }), (steps) => {
        const signal = new DocSignal();
        let doc = '';
        let reads = 0;
        const count = signal.derive(() => {
          reads++;
          return doc.length;
        });
        let changes = 0;
        let asked = false;
        for (const s of steps) {
          if (s === 'ask') {
            expect(count()).toBe(doc.length);
            asked = true;
          } else {
            doc += s.type;
            signal.bump();
            changes++;
          }
        }
        expect(reads).toBeLessThanOrEqual(changes + 1);
        if (asked) expect(reads).toBeGreaterThan(0);
      }),
      { seed: 20261208, numRuns: 200 },
    );
  });

  it('give the same answer between two changes without asking again', () => {
    const signal = new DocSignal();
    let reads = 0;
    const answer = signal.derive(() => ++reads);
    expect([answer(), answer(), answer()]).toEqual([1, 1, 1]);
    signal.bump();
    expect([answer(), answer()]).toEqual([2, 2]);
  });
});
