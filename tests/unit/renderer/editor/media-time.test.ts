/**
 * A paragraph's time through editing (editor/with-media-time.ts): Enter leaves the new paragraph
 * untimed, a merge keeps the first's time (ending where the second ended), Ctrl+Enter starts an
 * untimed turn, a stamp sets the start in one undo step, and undo gives back what a merge took.
 */
import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import type { Block, Paragraph, Participant } from '../../../../shared/model/schema';
import { withInterview } from '../../../../renderer/src/editor/with-interview';
import { stampTime, withMediaTime } from '../../../../renderer/src/editor/with-media-time';
import { withTurnBackspace } from '../../../../renderer/src/editor/turn-backspace';
import '../../../../renderer/src/editor/slate-types';
import { para as p, timedBlocks } from '../../../helpers/timed-paragraphs';

const HASH = 'b'.repeat(64);
const turn = (speakerId: string, ...children: Paragraph[]) => ({ type: 'turn' as const, speakerId, children });
const participants: Participant[] = [
  { id: 'p1', label: 'Phóng viên', fullName: '', title: '', role: 'interviewer' },
  { id: 'p2', label: 'Bà Lan', fullName: '', title: '', role: 'interviewee' },
];

function editorWith(children: Descendant[]): Editor {
  const editor = withTurnBackspace(withMediaTime(withInterview(withHistory(createEditor()))));
  editor.children = children;
  Editor.normalize(editor, { force: true });
  return editor;
}

/** Each paragraph's text and time, in document order. */
const timed = (editor: Editor) => timedBlocks(editor.children as Block[]);

describe('times through splits and merges', () => {
  it('Enter at the end of a timed paragraph gives an untimed new one', () => {
    const editor = editorWith([turn('p2', p('Xin chào.', { startMs: 83_000, endMs: 90_000 }))]);
    Transforms.select(editor, Editor.end(editor, [0, 0]));
    editor.insertBreak();
    editor.insertText('Tiếp');
    expect(timed(editor)).toEqual([
      ['Xin chào.', { startMs: 83_000, endMs: 90_000 }],
      ['Tiếp', undefined],
    ]);
  });

  it('Enter in the middle keeps the time on the half before the caret', () => {
    const editor = editorWith([p('Một hai', { startMs: 1000 })]);
    Transforms.select(editor, { path: [0, 0], offset: 3 });
    editor.insertBreak();
    expect(timed(editor)).toEqual([
      ['Một', { startMs: 1000 }],
      [' hai', undefined],
    ]);
  });

  it('Enter at the very start leaves the time on the line before the caret, as everywhere', () => {
    const editor = editorWith([p('Câu', { startMs: 2000 })]);
    Transforms.select(editor, Editor.start(editor, [0]));
    editor.insertBreak();
    expect(timed(editor)).toEqual([
      ['', { startMs: 2000 }],
      ['Câu', undefined],
    ]);
  });

  it('removing a blank line before a timed paragraph keeps the paragraph’s time', () => {
    const editor = editorWith([p('Hỏi'), p(''), p('Câu', { startMs: 2000, endMs: 4000 })]);
    Transforms.select(editor, Editor.start(editor, [2]));
    editor.deleteBackward('character');
    expect(timed(editor)).toEqual([
      ['Hỏi', undefined],
      ['Câu', { startMs: 2000, endMs: 4000 }],
    ]);
  });

  it('Backspace joining two timed paragraphs keeps the first start and the second end', () => {
    const editor = editorWith([p('A.', { startMs: 1000, endMs: 2000 }), p('B.', { startMs: 2000, endMs: 3000 })]);
    Transforms.select(editor, Editor.start(editor, [1]));
    editor.deleteBackward('character');
    expect(timed(editor)).toEqual([['A.B.', { startMs: 1000, endMs: 3000 }]]);
    editor.undo();
    expect(timed(editor)).toEqual([
      ['A.', { startMs: 1000, endMs: 2000 }],
      ['B.', { startMs: 2000, endMs: 3000 }],
    ]);
    editor.redo();
    expect(timed(editor)).toEqual([['A.B.', { startMs: 1000, endMs: 3000 }]]);
  });

  it('Delete at the end of an untimed paragraph does not give it the next one’s time', () => {
    const editor = editorWith([p('A.'), p('B.', { startMs: 2000 })]);
    Transforms.select(editor, Editor.end(editor, [0]));
    editor.deleteForward('character');
    expect(timed(editor)).toEqual([['A.B.', undefined]]);
  });

  it('undoing and redoing an Enter keeps one time in the right place', () => {
    const editor = editorWith([p('Một hai', { startMs: 1000 })]);
    Transforms.select(editor, { path: [0, 0], offset: 3 });
    editor.insertBreak();
    editor.undo();
    expect(timed(editor)).toEqual([['Một hai', { startMs: 1000 }]]);
    editor.redo();
    expect(timed(editor)).toEqual([
      ['Một', { startMs: 1000 }],
      [' hai', undefined],
    ]);
  });

  it('Ctrl+Enter inside a timed paragraph starts the next speaker’s turn untimed', () => {
    const editor = editorWith([turn('p1', p('Hỏi một. Hỏi hai.', { startMs: 5000 }))]);
    Transforms.select(editor, { path: [0, 0, 0], offset: 8 });
    editor.insertNextTurn(participants);
    expect((editor.children as Block[]).map((b) => (b.type === 'turn' ? b.speakerId : b.type))).toEqual(['p1', 'p2']);
    expect(timed(editor)).toEqual([
      ['Hỏi một.', { startMs: 5000 }],
      [' Hỏi hai.', undefined],
    ]);
  });
});

describe('stampTime', () => {
  it('sets the start of the paragraph at the caret, as one undo step after typing', () => {
    const editor = editorWith([turn('p1', p('Hỏi')), turn('p2', p('Đáp'))]);
    Transforms.select(editor, Editor.end(editor, [1, 0]));
    editor.insertText(' thêm');
    expect(stampTime(editor, 61_234.4, HASH, false)).toEqual({ ok: true, path: [1, 0] });
    expect(timed(editor)).toEqual([
      ['Hỏi', undefined],
      ['Đáp thêm', { startMs: 61_234, recording: HASH }],
    ]);
    editor.undo();
    expect(timed(editor)).toEqual([
      ['Hỏi', undefined],
      ['Đáp thêm', undefined],
    ]);
  });

  it('keeps a known end that still follows the new start, and drops one that would not', () => {
    const editor = editorWith([p('A', { startMs: 1000, endMs: 5000 })]);
    Transforms.select(editor, Editor.start(editor, [0]));
    stampTime(editor, 1500, undefined, false);
    expect(timed(editor)).toEqual([['A', { startMs: 1500, endMs: 5000 }]]);
    stampTime(editor, 6000, undefined, false);
    expect(timed(editor)).toEqual([['A', { startMs: 6000 }]]);
  });

  it('is refused read-only, without a caret or for a time that is not one', () => {
    const editor = editorWith([p('A')]);
    expect(stampTime(editor, 1000, undefined, false)).toEqual({ ok: false, reason: 'noParagraph' });
    Transforms.select(editor, Editor.start(editor, [0]));
    expect(stampTime(editor, 1000, undefined, true)).toEqual({ ok: false, reason: 'readOnly' });
    expect(stampTime(editor, Number.NaN, undefined, false)).toEqual({ ok: false, reason: 'badTime' });
    expect(timed(editor)).toEqual([['A', undefined]]);
  });
});
