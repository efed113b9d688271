import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { newInterview } from '../../../../shared/model/factory';
import type { Block, Participant } from '../../../../shared/model/schema';
import { setTurnSpeaker, startNextTurn } from '../../../../renderer/src/editor/commands';
import { nextSpeakerId } from '../../../../renderer/src/editor/speakers';
import { withInterview } from '../../../../renderer/src/editor/with-interview';
import '../../../../renderer/src/editor/slate-types';

const participants = newInterview('x', 'vi').participants; // p1 Phóng viên (interviewer), p2 Khách mời
const p = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });
const turn = (speakerId: string, ...texts: string[]) => ({ type: 'turn' as const, speakerId, children: texts.map(p) });

function editorWith(children: Descendant[]): Editor {
  const editor = withInterview(withHistory(createEditor()));
  editor.children = children;
  Editor.normalize(editor, { force: true });
  return editor;
}

/** Speaker and text of each top-level block, for compact assertions. */
const outline = (editor: Editor) =>
  (editor.children as Block[]).map((b) => (b.type === 'turn' ? `${b.speakerId}: ${b.children.map((c) => (c.type === 'paragraph' ? c.children.map((t) => t.text).join('') : '[photo]')).join(' | ')}` : b.type === 'paragraph' ? `¶ ${b.children.map((t) => t.text).join('')}` : '[photo]'));

describe('startNextTurn (Ctrl+Enter)', () => {
  it('turns the empty intro paragraph into the first question, then alternates speakers', () => {
    const editor = editorWith([p('')]);
    Transforms.select(editor, Editor.start(editor, []));
    startNextTurn(editor, participants);
    editor.insertText('Thưa ông?');
    startNextTurn(editor, participants);
    editor.insertText('Chúng tôi chủ động.');
    startNextTurn(editor, participants);
    editor.insertText('Cảm ơn ông!');
    expect(outline(editor)).toEqual(['p1: Thưa ông?', 'p2: Chúng tôi chủ động.', 'p1: Cảm ơn ông!']);
  });

  it('after a written intro, starts the first turn below it', () => {
    const editor = editorWith([p('TTXVN - Thời gian qua')]);
    Transforms.select(editor, Editor.end(editor, []));
    startNextTurn(editor, participants);
    editor.insertText('Hỏi');
    expect(outline(editor)).toEqual(['¶ TTXVN - Thời gian qua', 'p1: Hỏi']);
  });

  it('splits a turn at the caret and gives the rest to the other speaker', () => {
    const editor = editorWith([turn('p1', 'Câu hỏi? Câu trả lời.', 'Đoạn hai.')]);
    Transforms.select(editor, { path: [0, 0, 0], offset: 'Câu hỏi? '.length });
    startNextTurn(editor, participants);
    expect(outline(editor)).toEqual(['p1: Câu hỏi? ', 'p2: Câu trả lời. | Đoạn hai.']);
    expect(editor.selection?.anchor).toEqual({ path: [1, 0, 0], offset: 0 });
  });

  it('passes an empty turn to the next speaker instead of adding another', () => {
    const editor = editorWith([turn('p1', 'Hỏi'), turn('p2', '')]);
    Transforms.select(editor, Editor.start(editor, [1]));
    startNextTurn(editor, participants);
    expect(outline(editor)).toEqual(['p1: Hỏi', 'p1: ']);
  });

  it('is one undo step', () => {
    const editor = editorWith([turn('p1', 'Câu hỏi? Câu trả lời.')]);
    Transforms.select(editor, { path: [0, 0, 0], offset: 9 });
    const before = JSON.stringify(editor.children);
    startNextTurn(editor, participants);
    editor.undo();
    expect(JSON.stringify(editor.children)).toBe(before);
  });
});

describe('setTurnSpeaker (Alt+digit)', () => {
  it('gives the current turn to the n-th participant, and ignores numbers with no participant', () => {
    const editor = editorWith([turn('p1', 'Hỏi')]);
    Transforms.select(editor, Editor.end(editor, []));
    expect(setTurnSpeaker(editor, participants, 2)).toBe(true);
    expect(outline(editor)).toEqual(['p2: Hỏi']);
    expect(setTurnSpeaker(editor, participants, 7)).toBe(false);
  });
});

describe('nextSpeakerId', () => {
  const panel: Participant[] = [
    { id: 'q', label: 'Q', fullName: '', title: '', role: 'interviewer' },
    { id: 'a', label: 'A', fullName: '', title: '', role: 'interviewee' },
    { id: 'b', label: 'B', fullName: '', title: '', role: 'interviewee' },
  ];
  it('alternates sides and keeps the last exchange going with several interviewees', () => {
    expect(nextSpeakerId(panel, null, [])).toBe('q');
    expect(nextSpeakerId(panel, 'q', ['q'])).toBe('a');
    expect(nextSpeakerId(panel, 'q', ['q', 'b', 'q'])).toBe('b');
    expect(nextSpeakerId(panel, 'b', ['q', 'b'])).toBe('q');
  });
});

describe('interview normalisation in the editor', () => {
  it('repairs structures a paste or a bad operation could produce', () => {
    const editor = editorWith([
      { text: 'loose text' } as never,
      { type: 'turn', speakerId: 'p1', children: [] } as never,
      { type: 'turn', speakerId: 'p2', children: [turn('p1', 'nested')] } as never,
      { type: 'paragraph', children: [p('inner')] } as never,
      { type: 'photo', assetId: 'a'.repeat(64), caption: 'c', credit: 'Ảnh: X', alt: '', children: [{ text: '' }] },
    ]);
    // The nested turn is lifted out whole: its text keeps its own speaker.
    expect(outline(editor)).toEqual(['¶ loose text', 'p1: ', 'p1: nested', '¶ inner', '[photo]', '¶ ']);
  });

  it('always leaves a place to type', () => {
    const editor = editorWith([]);
    expect(outline(editor)).toEqual(['¶ ']);
  });
});
