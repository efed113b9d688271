/**
 * Paragraph times (shared/model/media-time.ts) under review: splits, joins and removals suggested
 * and then decided keep the times of the paragraphs that remain, on those paragraphs; the two views
 * keep them; and the algebra's laws hold for documents with times as for documents without.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, Interview, MediaTime } from '../../../../shared/model/schema';
import { edit } from '../../../../shared/review/edit';
import { listPending } from '../../../../shared/review/pending';
import { accept, acceptAll, acceptedView, originalView, reject, rejectAll } from '../../../../shared/review/resolve';
import { suggest } from '../../../../shared/review/suggest';
import { canon } from '../../../helpers/review-canon';
import { docWith, para, timed } from '../../../helpers/timed-paragraphs';
import { editor, editSeed, editsFrom, interview, testClock } from './arbitraries';

const decide = (doc: Interview, how: 'accept' | 'reject') => (how === 'accept' ? accept : reject)(doc, listPending(doc).map((p) => p.id));

describe('times when suggestions are decided', () => {
  const A = { startMs: 1000, endMs: 2000 };
  const B = { startMs: 2000, endMs: 3500 };

  it('a suggested Enter, rejected, gives the joined paragraph the first half’s time', () => {
    const doc = docWith([para('Một hai', A)]);
    const marked = suggest(doc, [{ type: 'splitParagraph', at: { path: [0], offset: 3 } }], editor, testClock());
    expect(timed(acceptedView(marked))).toEqual([
      ['Một', A],
      [' hai', undefined],
    ]);
    expect(timed(originalView(marked))).toEqual([['Một hai', A]]);
    expect(timed(decide(marked, 'reject'))).toEqual([['Một hai', A]]);
    expect(timed(decide(marked, 'accept'))).toEqual([
      ['Một', A],
      [' hai', undefined],
    ]);
  });

  it('a suggested join, rejected, gives both times back; accepted, keeps the first start and the second end', () => {
    const doc = docWith([para('A.', A), para('B.', B)]);
    const marked = suggest(doc, [{ type: 'mergeParagraphs', at: [0] }], editor, testClock());
    expect(timed(acceptedView(marked))).toEqual([['A.B.', { startMs: 1000, endMs: 3500 }]]);
    expect(timed(originalView(marked))).toEqual([
      ['A.', A],
      ['B.', B],
    ]);
    expect(timed(decide(marked, 'reject'))).toEqual([
      ['A.', A],
      ['B.', B],
    ]);
    expect(timed(decide(marked, 'accept'))).toEqual([['A.B.', { startMs: 1000, endMs: 3500 }]]);
  });

  it('accepting the removal of a timed answer takes its time with it; rejecting keeps it', () => {
    const doc = docWith([
      { type: 'turn', speakerId: 'p1', children: [para('Hỏi?', { startMs: 0 })] },
      { type: 'turn', speakerId: 'p2', children: [para('Đáp.', { startMs: 4000, endMs: 9000 })] },
    ]);
    const marked = suggest(doc, [{ type: 'removeTurn', at: 1 }], editor, testClock());
    expect(timed(decide(marked, 'accept'))).toEqual([['Hỏi?', { startMs: 0 }]]);
    expect(timed(decide(marked, 'reject'))).toEqual([
      ['Hỏi?', { startMs: 0 }],
      ['Đáp.', { startMs: 4000, endMs: 9000 }],
    ]);
  });

  it('text typed and struck in a timed paragraph leaves its time alone', () => {
    const doc = docWith([para('Xin chào', A)]);
    const marked = suggest(doc, [{ type: 'deleteText', at: { path: [0], offset: 0 }, length: 3 }, { type: 'insertText', at: { path: [0], offset: 0 }, text: 'Kính' }], editor, testClock());
    expect(timed(decide(marked, 'accept'))).toEqual([['Kính chào', A]]);
    expect(timed(decide(marked, 'reject'))).toEqual([['Xin chào', A]]);
  });
});

// The review arbitraries' documents with times on some of their paragraphs.
const time = fc
  .record({ startMs: fc.integer({ min: 0, max: 7_200_000 }), length: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }) })
  .map(({ startMs, length }): MediaTime => (length === undefined ? { startMs } : { startMs, endMs: startMs + length }));
const timedInterview = fc.record({ doc: interview, times: fc.array(fc.option(time, { nil: undefined, freq: 2 }), { minLength: 30, maxLength: 30 }) }).map(({ doc, times }) => {
  let i = 0;
  const withTime = (b: Block): Block => {
    if (b.type === 'turn') return { ...b, children: b.children.map((c) => withTime(c) as typeof c) };
    if (b.type !== 'paragraph') return b;
    const t = times[i++ % times.length];
    return t ? { ...b, time: t } : b;
  };
  return { ...doc, body: doc.body.map(withTime) };
});

const key = (t: MediaTime) => `${t.startMs}-${t.endMs ?? ''}`;
const startsOf = (doc: Interview) => timed(doc).flatMap(([, t]) => (t ? [t.startMs] : []));

describe('the algebra with times', () => {
  it('accepting everything is editing, rejecting everything gives the document back, times included', () => {
    fc.assert(
      fc.property(timedInterview, fc.array(editSeed, { minLength: 1, maxLength: 5 }), (doc, seeds) => {
        const edits = editsFrom(doc, seeds);
        const plain = edit(doc, edits);
        const marked = suggest(doc, edits, editor, testClock());
        expect(canon(acceptedView(marked))).toEqual(canon(plain));
        expect(canon(acceptAll(marked))).toEqual(canon(plain));
        expect(canon(originalView(marked))).toEqual(canon(doc));
        expect(canon(rejectAll(marked))).toEqual(canon(doc));
        // No time is made up or copied: every start in the edited text was a start before, once.
        const before = startsOf(doc);
        for (const s of startsOf(plain)) {
          const at = before.indexOf(s);
          expect(at).toBeGreaterThanOrEqual(0);
          before.splice(at, 1);
        }
        // and every end is one of the document's ends or one it had.
        const known = new Set(timed(doc).flatMap(([, t]) => (t ? [key(t), String(t.endMs ?? '')] : [])));
        for (const [, t] of timed(plain)) if (t?.endMs !== undefined) expect(known.has(String(t.endMs))).toBe(true);
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });
});
