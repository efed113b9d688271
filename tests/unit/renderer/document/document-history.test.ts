import { createEditor, Editor, Transforms } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { attachDocumentHistory, type DocState } from '../../../../renderer/src/document/document-history';
import { newInterview } from '../../../../shared/model/factory';
import type { Block } from '../../../../shared/model/schema';
import '../../../../renderer/src/editor/slate-types';

function setup() {
  const doc = newInterview('d', 'vi');
  const editor = withHistory(createEditor());
  editor.children = [{ type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text: '' }] }] }];
  let state: DocState = { participants: doc.participants, meta: doc.meta, comments: [] };
  const history = attachDocumentHistory(editor);
  history.setApply((s) => (state = s));
  Transforms.select(editor, Editor.start(editor, []));
  const type = (text: string) => {
    editor.insertText(text);
    editor.onChange(); // Slate ends a batch when its onChange fires (next tick in the app)
    history.sync();
  };
  const rename = (id: string, label: string) => {
    const before = state;
    const after = { ...state, participants: state.participants.map((p) => (p.id === id ? { ...p, label } : p)) };
    history.record(before, after);
  };
  return { editor, history, type, rename, state: () => state, text: () => Editor.string(editor, []) };
}

describe('document history', () => {
  it('undoes text and a speaker rename in the order they were made, and redoes them', () => {
    const h = setup();
    h.type('Chào ông');
    h.rename('p2', 'Ông Nguyễn Thanh Hải');
    h.editor.insertText('!');
    h.editor.undo();
    expect(h.text()).toBe('Chào ông');
    expect(h.state().participants[1]!.label).toBe('Ông Nguyễn Thanh Hải');
    h.editor.undo();
    expect(h.state().participants[1]!.label).toBe('Khách mời');
    expect(h.text()).toBe('Chào ông');
    h.editor.undo();
    expect(h.text()).toBe('');
    h.editor.redo();
    h.editor.redo();
    expect(h.text()).toBe('Chào ông');
    expect(h.state().participants[1]!.label).toBe('Ông Nguyễn Thanh Hải');
    h.editor.redo();
    expect(h.text()).toBe('Chào ông!');
  });

  it('makes a participant change and the turns it touches one step', () => {
    const h = setup();
    h.type('Đáp');
    const before = h.state();
    const after = { ...before, participants: before.participants.filter((p) => p.id !== 'p2') };
    h.history.record(before, after, { editorChange: () => Transforms.setNodes(h.editor, { speakerId: 'p1' }, { at: [0] }) });
    expect((h.editor.children[0] as Block & { speakerId: string }).speakerId).toBe('p1');
    expect(h.state().participants).toHaveLength(1);
    h.editor.undo();
    expect((h.editor.children[0] as Block & { speakerId: string }).speakerId).toBe('p2');
    expect(h.state().participants).toHaveLength(2);
    expect(h.text()).toBe('Đáp');
  });

  it('forgets redo after a new change', () => {
    const h = setup();
    h.type('a');
    h.rename('p1', 'PV');
    h.editor.undo();
    h.type('b');
    expect(h.history.canRedo).toBe(false);
    h.editor.redo();
    expect(h.state().participants[0]!.label).toBe('Phóng viên');
  });
});
