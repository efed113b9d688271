/**
 * Paragraph times in a returned review file (shared/merge/merge-times.ts): a time only they changed
 * comes in, ours stays where only we changed it or where both did, their new paragraphs arrive with
 * their text, and no time ever lands on another paragraph.
 */
import { describe, expect, it } from 'vitest';
import { mergeReturned } from '../../../../shared/merge';
import type { Interview, MediaTime, Paragraph } from '../../../../shared/model/schema';
import { acceptAll, acceptedView, rejectAll } from '../../../../shared/review';
import { docWith, para, timed } from '../../../helpers/timed-paragraphs';

const editor = { id: 'u-editor', name: 'Nguyễn Thị Hoa' };
const merge = (b: Interview, o: Interview, t: Interview) => mergeReturned(b, o, t, { author: editor, at: '2026-12-01T09:00:00.000Z' });

function story(q: MediaTime | undefined, a: MediaTime | undefined, extra: Paragraph[] = []): Interview {
  const doc = docWith([
    { type: 'turn', speakerId: 'p1', children: [para('Thưa bà, dự án ra sao?', q)] },
    { type: 'turn', speakerId: 'p2', children: [para('Rất tốt.', a), ...extra] },
  ]);
  doc.meta.headline = 'Nước sạch';
  return doc;
}

describe('times in a returned review file', () => {
  it('takes a time only they stamped, and keeps one only we stamped', () => {
    const base = story(undefined, { startMs: 1000 });
    const ours = story({ startMs: 500 }, { startMs: 1000 });
    const theirs = story(undefined, { startMs: 4200, endMs: 9000 });
    const result = merge(base, ours, theirs);
    expect(timed(result.doc)).toEqual([
      ['Thưa bà, dự án ra sao?', { startMs: 500 }],
      ['Rất tốt.', { startMs: 4200, endMs: 9000 }],
    ]);
    expect(result.conflicts).toBe(0);
    expect(result.changed).toBe(true);
  });

  it('keeps ours where both changed a time differently, and takes their removal of one', () => {
    const base = story({ startMs: 0 }, { startMs: 1000 });
    const ours = story({ startMs: 200 }, { startMs: 1000 });
    const theirs = story({ startMs: 300 }, undefined);
    expect(timed(merge(base, ours, theirs).doc)).toEqual([
      ['Thưa bà, dự án ra sao?', { startMs: 200 }],
      ['Rất tốt.', undefined],
    ]);
  });

  it('their new timed paragraph arrives as a suggested text, untimed, and takes no other paragraph’s time', () => {
    const base = story({ startMs: 0 }, { startMs: 1000 });
    const theirs = story({ startMs: 0 }, { startMs: 1000 }, [para('Năm sau mở rộng.', { startMs: 5000 })]);
    const result = merge(base, base, theirs);
    const accepted = acceptAll(result.doc);
    expect(timed(accepted).slice(0, 2)).toEqual([
      ['Thưa bà, dự án ra sao?', { startMs: 0 }],
      ['Rất tốt.', { startMs: 1000 }],
    ]);
    // A pending paragraph takes no time: rejecting what arrived must give ours back exactly, and
    // a time on the new half of a suggested split would be joined into ours on rejection.
    expect(timed(accepted)[2]).toEqual(['Năm sau mở rộng.', undefined]);
    expect(timed(rejectAll(result.doc))).toEqual(timed(base));
    expect(timed(acceptedView(merge(base, result.doc, theirs).doc))).toEqual(timed(accepted));
  });

  it('merging the same file again changes nothing more', () => {
    const base = story(undefined, { startMs: 1000 });
    const theirs = story({ startMs: 700 }, { startMs: 1000 });
    const once = merge(base, base, theirs).doc;
    expect(timed(once)[0]).toEqual(['Thưa bà, dự án ra sao?', { startMs: 700 }]);
    const twice = merge(base, once, theirs);
    expect(twice.doc).toEqual(once);
  });
});
