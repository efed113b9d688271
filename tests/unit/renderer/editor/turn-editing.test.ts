import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../shared/model/schema';
import { withNfcInput } from '../../../../renderer/src/editor/nfc-input';
import { withTurnBackspace } from '../../../../renderer/src/editor/turn-backspace';
import { withInterview } from '../../../../renderer/src/editor/with-interview';
import '../../../../renderer/src/editor/slate-types';

const p = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });
const turn = (speakerId: string, ...texts: string[]) => ({ type: 'turn' as const, speakerId, children: texts.map(p) });

function editorWith(children: Descendant[]): Editor {
  const editor = withNfcInput(withTurnBackspace(withInterview(withHistory(createEditor()))));
  editor.children = children;
  Editor.normalize(editor, { force: true });
  return editor;
}
const outline = (editor: Editor) =>
  (editor.children as Block[]).map((b) => (b.type === 'turn' ? `${b.speakerId}: ${b.children.map((c) => (c.type === 'paragraph' ? c.children.map((t) => t.text).join('') : '[photo]')).join(' | ')}` : b.type === 'paragraph' ? `¶ ${b.children.map((t) => t.text).join('')}` : '[photo]'));

describe('Backspace at the start of a turn', () => {
  it('joins the turn to the previous turn, keeping its paragraphs', () => {
    const editor = editorWith([turn('p1', 'Hỏi'), turn('p2', 'Đáp một', 'Đáp hai')]);
    Transforms.select(editor, Editor.start(editor, [1]));
    editor.deleteBackward('character');
    expect(outline(editor)).toEqual(['p1: Hỏi | Đáp một | Đáp hai']);
    expect(editor.selection?.anchor).toEqual({ path: [0, 1, 0], offset: 0 });
  });

  it('turns it into plain paragraphs when no turn precedes it', () => {
    const editor = editorWith([p('TTXVN - Mở đầu'), turn('p1', 'Hỏi')]);
    Transforms.select(editor, Editor.start(editor, [1]));
    editor.deleteBackward('character');
    expect(outline(editor)).toEqual(['¶ TTXVN - Mở đầu', '¶ Hỏi']);
  });

  it('removes an empty turn and puts the caret at the end of what precedes it', () => {
    const editor = editorWith([turn('p1', 'Hỏi'), turn('p2', '')]);
    Transforms.select(editor, Editor.start(editor, [1]));
    editor.deleteBackward('character');
    expect(outline(editor)).toEqual(['p1: Hỏi']);
    expect(editor.selection?.anchor).toEqual({ path: [0, 0, 0], offset: 3 });
  });

  it('deletes a character as usual anywhere else (Telex tools send Backspace mid-word)', () => {
    const editor = editorWith([turn('p1', 'Hỏi'), turn('p2', 'tao')]);
    Transforms.select(editor, { path: [1, 0, 0], offset: 3 });
    editor.deleteBackward('character');
    editor.deleteBackward('character');
    editor.insertText('ạo');
    expect(outline(editor)).toEqual(['p1: Hỏi', 'p2: tạo']);
  });

  it('is one undo step', () => {
    const editor = editorWith([turn('p1', 'Hỏi'), turn('p2', 'Đáp')]);
    const before = JSON.stringify(editor.children);
    Transforms.select(editor, Editor.start(editor, [1]));
    editor.deleteBackward('character');
    editor.undo();
    expect(editor.children).toEqual(JSON.parse(before));
  });
});

describe('NFC input', () => {
  it('stores decomposed input composed', () => {
    const editor = editorWith([p('')]);
    Transforms.select(editor, Editor.start(editor, []));
    editor.insertText('đảng viên'.normalize('NFD'));
    expect(Editor.string(editor, [0])).toBe('đảng viên'.normalize('NFC'));
  });

  it('composes a tone mark typed after its letter', () => {
    const editor = editorWith([p('ta')]);
    Transforms.select(editor, Editor.end(editor, []));
    editor.insertText('\u0323'); // combining dot below
    editor.insertText('o');
    expect(Editor.string(editor, [0])).toBe('tạo');
  });
});

describe('turns of unknown speakers', () => {
  it('get a visible placeholder participant instead of someone else', async () => {
    const { setEditorEnv } = await import('../../../../renderer/src/editor/editor-context');
    const { mergeParticipants } = await import('../../../../shared/model/participants');
    const { newInterview } = await import('../../../../shared/model/factory');
    let participants = newInterview('d', 'vi').participants;
    const editor = withInterview(withHistory(createEditor()));
    setEditorEnv(editor, {
      participants,
      participantsNow: () => participants,
      language: 'vi',
      adoptParticipants: (incoming) => {
        const merged = mergeParticipants(participants, incoming);
        participants = merged.participants;
        return merged.idMap;
      },
      adoptMeta: () => undefined,
    });
    editor.children = [turn('p1', 'Hỏi'), turn('p7', 'Đáp của ai?')];
    Editor.normalize(editor, { force: true });
    const speaker = (editor.children[1] as { speakerId: string }).speakerId;
    expect(speaker).not.toBe('p1');
    expect(speaker).not.toBe('p2');
    expect(participants.find((p) => p.id === speaker)?.label).toBe('Người nói 3');
    expect(Editor.string(editor, [1])).toBe('Đáp của ai?');
  });
});
