/** The value-history rule under speakers, captions, metadata and paragraph breaks (shared/review/history.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decide, Decision } from '../../../../shared/review/decisions';
import { changeValue, currentValue, historyOf, resolveHistory, storedOf, type History } from '../../../../shared/review/history';

const SEED = 20261127;

const history: fc.Arbitrary<History<string>> = fc
  .record({ base: fc.constantFrom('p1', 'p2', 'p3'), tos: fc.array(fc.constantFrom('p1', 'p2', 'p3'), { maxLength: 6 }) })
  .map(({ base, tos }) => ({ base, steps: tos.map((to, i) => ({ id: `c${i}`, to })) }));

const decisionsFor = (h: History<string>) =>
  fc.array(fc.constantFrom<Decision | undefined>('accept', 'reject', undefined), { minLength: h.steps.length, maxLength: h.steps.length }).map((ds) => new Map(h.steps.map((s, i) => [s.id, ds[i]] as const)));

const decideBy =
  (m: ReadonlyMap<string, Decision | undefined>): Decide =>
  (id) =>
    m.get(id);

/** The rule: the value set by the last accepted change, or the base. */
function finalValue(h: History<string>, decisions: ReadonlyMap<string, Decision | undefined>): string {
  const accepted = h.steps.filter((s) => decisions.get(s.id) === 'accept');
  return accepted.length > 0 ? accepted[accepted.length - 1]!.to : h.base;
}

describe('value history', () => {
  it('ends at the value of the last accepted change, deciding in two rounds or in one', () => {
    fc.assert(
      fc.property(
        history.chain((h) => fc.tuple(fc.constant(h), decisionsFor(h), decisionsFor(h))),
        ([h, first, second]) => {
          const all = new Map([...h.steps.map((s) => [s.id, first.get(s.id) ?? second.get(s.id)] as const)]);
          const complete = new Map(h.steps.map((s) => [s.id, all.get(s.id) ?? ('reject' as Decision)] as const));
          const twoRounds = resolveHistory(resolveHistory(h, decideBy(first)), decideBy(complete));
          const oneRound = resolveHistory(h, decideBy(complete));
          expect(twoRounds).toEqual(oneRound);
          expect(currentValue(oneRound)).toBe(finalValue(h, complete));
          // what is still pending after the first round decides the same way
          expect(resolveHistory(resolveHistory(h, decideBy(first)), decideBy(second))).toEqual(resolveHistory(h, decideBy(all)));
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('is stored as the old values, and read back unchanged', () => {
    fc.assert(
      fc.property(history, (h) => {
        const { changes, current } = storedOf(h);
        expect(historyOf(changes, current)).toEqual(h.steps.length > 0 ? h : { base: current, steps: [] });
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("amends the author's own last change, drops it when undone, and stacks on someone else's", () => {
    const mine = new Set(['c0']);
    let n = 0;
    const rules = { isOwn: (id: string) => mine.has(id), plain: false, open: () => `new${n++}` };
    const h: History<string> = { base: 'p1', steps: [{ id: 'c0', to: 'p2' }] };
    expect(changeValue(h, 'p3', rules)).toEqual({ base: 'p1', steps: [{ id: 'c0', to: 'p3' }] });
    expect(changeValue(h, 'p1', rules)).toEqual({ base: 'p1', steps: [] });
    expect(changeValue(h, 'p2', rules)).toBe(h);
    mine.clear();
    expect(changeValue(h, 'p3', rules)).toEqual({ base: 'p1', steps: [{ id: 'c0', to: 'p2' }, { id: 'new0', to: 'p3' }] });
    expect(changeValue({ base: 'p1', steps: [] }, 'p2', { ...rules, plain: true })).toEqual({ base: 'p2', steps: [] });
  });
});
