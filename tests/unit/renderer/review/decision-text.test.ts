/**
 * The words of a decision, in both languages (renderer/src/review/decision-text.ts), and the status
 * notes that carry them (decision-notes.ts): what a "here" button will decide, what a decision took,
 * and that a decision which found nothing says so instead of staying silent.
 */
import i18next, { type TFunction } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi as vitest } from 'vitest';
import { tallyKinds } from '../../../../shared/review';
import type { SuggestionKind } from '../../../../shared/model/schema';
import { DecisionNotes } from '../../../../renderer/src/review/decision-notes';
import { decisionText, intentText, kindList } from '../../../../renderer/src/review/decision-text';
import { en } from '../../../../renderer/src/i18n/en';
import { vi } from '../../../../renderer/src/i18n/vi';

let tEn: TFunction;
let tVi: TFunction;
beforeAll(async () => {
  const make = async (lng: 'en' | 'vi') => {
    const instance = i18next.createInstance();
    await instance.init({ lng, resources: { en: { translation: en }, vi: { translation: vi } }, interpolation: { escapeValue: false } });
    return instance.t;
  };
  tEn = await make('en');
  tVi = await make('vi');
});

const kinds: Record<string, SuggestionKind> = { a: 'deleteText', b: 'setSpeaker', c: 'deleteText', d: 'movePhoto' };
const tally = (ids: string[]) => tallyKinds(ids, (id) => kinds[id]);

describe('what a button will decide', () => {
  it('names the changes by kind, with the total when there are several kinds', () => {
    expect(intentText(tEn, 'accept', tally(['a', 'b']))).toBe('Accept 2 changes: 1 deletion, 1 speaker change');
    expect(intentText(tEn, 'reject', tally(['a', 'c']))).toBe('Reject 2 deletions');
    expect(intentText(tEn, 'accept', tally(['d']))).toBe('Accept 1 photo move');
    expect(intentText(tVi, 'accept', tally(['a', 'b']))).toBe('Chấp nhận 2 thay đổi: 1 xóa, 1 đổi người nói');
    expect(intentText(tVi, 'reject', tally(['b']))).toBe('Từ chối 1 đổi người nói');
  });

  it('has a counted name for every kind the Changes panel names, in both languages', () => {
    for (const kind of Object.keys(en.review.kinds)) {
      for (const t of [tEn, tVi]) {
        const one = kindList(t, [{ kind: kind as SuggestionKind, count: 1 }]);
        expect(one, kind).toMatch(/^1 \S/);
        expect(one, kind).not.toContain('review.');
      }
    }
  });
});

describe('the status after a decision', () => {
  it('says what was taken', () => {
    expect(decisionText(tEn, { decision: 'accept', tally: tally(['a']), where: 'caret', seq: 1 })).toBe('Accepted 1 deletion');
    expect(decisionText(tEn, { decision: 'reject', tally: tally(['a', 'b', 'c']), seq: 2 })).toBe('Rejected 3 changes: 2 deletions, 1 speaker change');
    expect(decisionText(tVi, { decision: 'accept', tally: tally(['a']), seq: 3 })).toBe('Đã chấp nhận 1 xóa');
  });

  it('says where it looked when nothing was there', () => {
    expect(decisionText(tEn, { decision: 'accept', tally: [], where: 'caret', seq: 1 })).toBe('Nothing to accept at the caret');
    expect(decisionText(tEn, { decision: 'reject', tally: [], where: 'selection', seq: 1 })).toBe('Nothing to reject in the selection');
    expect(decisionText(tVi, { decision: 'accept', tally: [], where: 'caret', seq: 1 })).toBe('Không có gì để chấp nhận tại con trỏ');
  });
});

describe('DecisionNotes', () => {
  afterEach(() => {
    vitest.useRealTimers();
  });

  it('tells its listeners, numbers each note (the same words twice are two notes), and clears after a while', () => {
    vitest.useFakeTimers();
    const notes = new DecisionNotes(1000);
    const heard: unknown[] = [];
    const stop = notes.subscribe(() => heard.push(notes.get()));
    notes.say('accept', [], 'caret');
    notes.say('accept', [], 'caret');
    expect(heard).toEqual([
      { decision: 'accept', tally: [], where: 'caret', seq: 1 },
      { decision: 'accept', tally: [], where: 'caret', seq: 2 },
    ]);
    vitest.advanceTimersByTime(999);
    expect(notes.get()).not.toBeNull();
    vitest.advanceTimersByTime(1);
    expect(notes.get()).toBeNull();
    stop();
    notes.say('reject', tally(['a']));
    expect(heard).toHaveLength(3);
  });
});
