/** What a decision takes, by kind (shared/review/kind-tally.ts): the words of decision-text.ts count these. */
import { describe, expect, it } from 'vitest';
import type { SuggestionKind } from '../../../../shared/model/schema';
import { tallyKinds } from '../../../../shared/review/kind-tally';

const kinds: Record<string, SuggestionKind> = { a: 'deleteText', b: 'setSpeaker', c: 'deleteText', d: 'movePhoto' };
const tally = (ids: string[]) => tallyKinds(ids, (id) => kinds[id]);

describe('tallyKinds', () => {
  it('counts each id once, by kind, in the schema order of kinds; an id without a record is an unknown change', () => {
    expect(tally(['b', 'a', 'c', 'a'])).toEqual([
      { kind: 'deleteText', count: 2 },
      { kind: 'setSpeaker', count: 1 },
    ]);
    expect(tally(['ghost', 'd'])).toEqual([
      { kind: 'movePhoto', count: 1 },
      { kind: 'unknown', count: 1 },
    ]);
    expect(tally([])).toEqual([]);
  });
});

