/** Review state survives the normalisation every save and load applies (shared/model/normalize.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeInterview } from '../../../../shared/model/normalize';
import { listPending } from '../../../../shared/review/pending';
import { acceptAll } from '../../../../shared/review/resolve';
import { suggest } from '../../../../shared/review/suggest';
import { editor, editSeed, editsFrom, interview, testClock } from './arbitraries';
import { canon, expectValid } from '../../../helpers/review-canon';

describe('normalising a document under review', () => {
  it('keeps text of different suggestions apart, paragraph breaks under review, and every suggestion', () => {
    fc.assert(
      fc.property(interview, fc.array(editSeed, { minLength: 1, maxLength: 6 }), (doc, seeds) => {
        const marked = suggest(doc, editsFrom(doc, seeds), editor, testClock());
        const stored = normalizeInterview(marked);
        expectValid(stored);
        expect(normalizeInterview(stored)).toEqual(stored);
        expect(listPending(stored)).toEqual(listPending(marked));
        expect(canon(acceptAll(stored))).toEqual(canon(acceptAll(marked)));
      }),
      { seed: 20261127, numRuns: 100 },
    );
  });

  it('merges neighbouring leaves only when their marks and suggestion ids agree', () => {
    const doc = fc.sample(interview, { seed: 1, numRuns: 1 })[0]!;
    doc.body = [
      {
        type: 'paragraph',
        children: [{ text: '' }, { text: 'Đảng ', del: 's1' }, { text: 'viên', del: 's1' }, { text: ' mới', ins: 's2' }, { text: ' tỉnh', ins: 's3' }, { text: '' }],
        breakAfter: { base: 'joined', changes: [{ id: 's4', op: 'split' }] },
      },
      { type: 'paragraph', children: [{ text: 'Long An' }] },
    ];
    expect(normalizeInterview(doc).body[0]).toEqual({
      type: 'paragraph',
      children: [{ text: 'Đảng viên', del: 's1' }, { text: ' mới', ins: 's2' }, { text: ' tỉnh', ins: 's3' }],
      breakAfter: { base: 'joined', changes: [{ id: 's4', op: 'split' }] },
    });
  });
});
