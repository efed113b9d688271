import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interview, Turn } from '../../../../shared/model/schema';
import { listPending } from '../../../../shared/review/pending';
import { accept, acceptedView, reject } from '../../../../shared/review/resolve';
import { suggest, type Author } from '../../../../shared/review/suggest';
import { usedIds } from '../../../../shared/review/usages';
import { pendingCountOf, usedIdsOf } from '../../../../renderer/src/review/block-ids';
import { desk, editor, editSeed, editsFrom, interview, reporter, testClock, type EditSeed } from '../../shared/review/arbitraries';

const AUTHORS: readonly Author[] = [reporter, editor, desk];

/** One step of a review: an author suggests edits drawn against the accepted view, or one pending suggestion is decided. */
type Step = { suggest: EditSeed[]; author: number } | { decide: number; accept: boolean };
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ suggest: fc.array(editSeed, { minLength: 1, maxLength: 4 }), author: fc.nat(2) }), weight: 3 },
  { arbitrary: fc.record({ decide: fc.nat(100), accept: fc.boolean() }), weight: 1 },
);

describe('suggestion ids kept per top-level block', () => {
  it('give the ids and the pending count of a full reading after every step of a review', () => {
    fc.assert(
      fc.property(interview, fc.array(step, { minLength: 1, maxLength: 6 }), (start, steps) => {
        const clock = testClock();
        let doc: Interview = start;
        for (const s of steps) {
          if ('suggest' in s) {
            const view = acceptedView(doc);
            fc.pre(view.body.length > 0);
            doc = suggest(doc, editsFrom(view, s.suggest), AUTHORS[s.author]!, clock);
          } else {
            const pending = listPending(doc);
            if (pending.length === 0) continue;
            const id = pending[s.decide % pending.length]!.id;
            doc = s.accept ? accept(doc, [id]) : reject(doc, [id]);
          }
          // Blocks the step left alone are the same objects as before it: their ids come from the
          // cache, the changed ones are read afresh; together they must equal a full reading.
          expect(usedIdsOf(doc.body, doc.review?.metaChanges ?? [])).toEqual(usedIds(doc));
          expect(pendingCountOf(doc)).toBe(listPending(doc).length);
        }
      }),
      { seed: 20261208, numRuns: 150 },
    );
  }, 60_000);

  it('counts a suggestion used in several blocks once, and metadata suggestions too', () => {
    const base = fc.sample(interview, { seed: 7, numRuns: 1 })[0]!;
    const doc: Interview = {
      ...base,
      body: [
        { type: 'turn', speakerId: 'p1', children: [{ type: 'paragraph', children: [{ text: 'Chào ' }, { text: 'ông', ins: 's1' }] }] } as Turn,
        { type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: 'Vâng', ins: 's1' }, { text: ' ạ', del: 's2' }] }] } as Turn,
      ],
      review: { suggestions: [], metaChanges: [{ id: 's3', field: 'headline', from: 'Cũ' }] } as unknown as Interview['review'],
    };
    expect([...usedIdsOf(doc.body, doc.review!.metaChanges)].sort()).toEqual(['s1', 's2', 's3']);
    expect(pendingCountOf(doc)).toBe(3);
  });
});
