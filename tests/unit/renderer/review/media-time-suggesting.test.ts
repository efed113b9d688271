/**
 * Times in Suggesting mode: a stamp is the reporter's working aid, applied directly (no suggestion
 * records it, rejecting everything keeps it); a suggested Enter leaves the new paragraph untimed,
 * and rejecting it gives the joined paragraph its time back.
 */
import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { newInterview } from '../../../../shared/model/factory';
import type { Block, Interview } from '../../../../shared/model/schema';
import { acceptAll, findProblems, listPending, rejectAll, type Author } from '../../../../shared/review';
import { withInterview } from '../../../../renderer/src/editor/with-interview';
import { stampTime, withMediaTime } from '../../../../renderer/src/editor/with-media-time';
import { setReviewEnv } from '../../../../renderer/src/review/review-env';
import { ReviewRecords } from '../../../../renderer/src/review/review-records';
import { withSuggestions } from '../../../../renderer/src/review/with-suggestions';
import '../../../../renderer/src/editor/slate-types';
import { para, timed } from '../../../helpers/timed-paragraphs';

const EDITOR: Author = { id: 'editor-1', name: 'Minh' };

function setup(body: Block[]) {
  const base: Interview = { ...newInterview('doc1', 'vi'), body };
  let n = 0;
  const records = new ReviewRecords(base, () => `s${++n}`, () => '2026-01-02T03:04:05.000Z');
  const editor = withSuggestions(withMediaTime(withInterview(withHistory(createEditor()))));
  editor.children = structuredClone(body) as Descendant[];
  Editor.normalize(editor, { force: true });
  setReviewEnv(editor, { mode: () => 'suggesting', author: () => EDITOR, record: (id) => records.get(id), open: (kind) => records.open(kind, EDITOR) });
  const doc = () => records.attachTo({ ...base, body: structuredClone(editor.children) as Block[] });
  return { editor, doc };
}

describe('times in Suggesting mode', () => {
  it('a stamp is applied directly, not suggested', () => {
    const { editor, doc } = setup([{ type: 'turn', speakerId: 'p1', children: [para('Hỏi')] }]);
    Transforms.select(editor, Editor.end(editor, [0, 0]));
    editor.insertText('!');
    expect(stampTime(editor, 12_000, undefined, false).ok).toBe(true);
    const d = doc();
    expect(findProblems(d)).toEqual([]);
    expect(listPending(d).map((p) => p.kind)).toEqual(['insertText']);
    expect(timed(rejectAll(d))).toEqual([['Hỏi', { startMs: 12_000 }]]);
    expect(timed(acceptAll(d))).toEqual([['Hỏi!', { startMs: 12_000 }]]);
  });

  it('a suggested Enter leaves the new paragraph untimed; rejected, the paragraph has its time', () => {
    const { editor, doc } = setup([{ type: 'turn', speakerId: 'p2', children: [para('Một hai', { startMs: 1000, endMs: 3000 })] }]);
    Transforms.select(editor, { path: [0, 0, 0], offset: 3 });
    editor.insertBreak();
    const d = doc();
    expect(findProblems(d)).toEqual([]);
    expect(timed(acceptAll(d))).toEqual([
      ['Một', { startMs: 1000, endMs: 3000 }],
      [' hai', undefined],
    ]);
    expect(timed(rejectAll(d))).toEqual([['Một hai', { startMs: 1000, endMs: 3000 }]]);
  });
});
