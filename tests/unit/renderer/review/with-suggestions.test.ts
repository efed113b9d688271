/**
 * The Suggesting-mode plugin, driven through the editor's own entry points (insertText,
 * deleteBackward, …) as slate-react calls them, and checked against the pure algebra: accepting
 * everything gives the text as edited, rejecting everything gives the text as it was, and the
 * document has no review problems.
 */
import { createEditor, Editor, Transforms, type Descendant, type Point } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { newInterview } from '../../../../shared/model/factory';
import { interviewSchema, type Block, type Interview } from '../../../../shared/model/schema';
import { acceptAll, findProblems, listPending, rejectAll, type Author } from '../../../../shared/review';
import { withInterview } from '../../../../renderer/src/editor/with-interview';
import { withNfcInput } from '../../../../renderer/src/editor/nfc-input';
import { withTurnBackspace } from '../../../../renderer/src/editor/turn-backspace';
import { setReviewEnv, withoutSuggestions } from '../../../../renderer/src/review/review-env';
import { ReviewRecords } from '../../../../renderer/src/review/review-records';
import { withSuggestions } from '../../../../renderer/src/review/with-suggestions';
import type { EditingMode } from '../../../../shared/desktop-commands';
import '../../../../renderer/src/editor/slate-types';

const para = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });
const turn = (speakerId: string, ...texts: string[]) => ({ type: 'turn' as const, speakerId, children: texts.map(para) });

const REPORTER: Author = { id: 'reporter-1', name: 'Lan' };
const EDITOR: Author = { id: 'editor-1', name: 'Minh' };

function setup(body: Block[], mode: EditingMode = 'suggesting') {
  const base: Interview = { ...newInterview('doc1', 'vi'), body };
  let n = 0;
  const records = new ReviewRecords(base, () => `s${++n}`, () => '2026-01-02T03:04:05.000Z');
  const state = { mode, author: EDITOR };
  const editor = withSuggestions(withNfcInput(withTurnBackspace(withInterview(withHistory(createEditor())))));
  editor.children = structuredClone(body) as Descendant[];
  Editor.normalize(editor, { force: true });
  setReviewEnv(editor, {
    mode: () => state.mode,
    author: () => state.author,
    record: (id) => records.get(id),
    open: (kind) => records.open(kind, state.author),
  });
  const doc = () => records.attachTo({ ...base, body: structuredClone(editor.children) as Block[] });
  return { editor, state, doc };
}

/** The text of each paragraph, top to bottom (turns flattened), as a reader sees the document. */
const texts = (doc: Interview) =>
  doc.body.flatMap((b) => (b.type === 'turn' ? b.children : [b])).flatMap((b) => (b.type === 'paragraph' ? [b.children.map((l) => l.text).join('')] : []));

const at = (path: number[], offset: number): Point => ({ path, offset });
const select = (editor: Editor, anchor: Point, focus: Point = anchor) => Transforms.select(editor, { anchor, focus });
const type = (editor: Editor, text: string) => {
  for (const ch of text) editor.insertText(ch);
};

function expectConsistent(doc: Interview, accepted: string[], original: string[]) {
  expect(interviewSchema.safeParse(doc).success).toBe(true);
  expect(findProblems(doc)).toEqual([]);
  expect(texts(acceptAll(doc))).toEqual(accepted);
  expect(texts(rejectAll(doc))).toEqual(original);
}

describe('Suggesting: typing', () => {
  it('records typed text as one insertion, however many keys', () => {
    const { editor, doc } = setup([turn('p2', 'Chúng tôi làm.')]);
    select(editor, at([0, 0, 0], 9));
    type(editor, ' đã');
    const d = doc();
    expect(d.body[0]).toMatchObject({ children: [{ children: [{ text: 'Chúng tôi' }, { text: ' đã', ins: 's1' }, { text: ' làm.' }] }] });
    expect(d.review?.suggestions).toEqual([{ id: 's1', kind: 'insertText', authorId: EDITOR.id, authorName: EDITOR.name, createdAt: '2026-01-02T03:04:05.000Z' }]);
    expectConsistent(d, ['Chúng tôi đã làm.'], ['Chúng tôi làm.']);
  });

  it('typing right after someone else’s insertion opens a new suggestion', () => {
    const { editor, state, doc } = setup([para('ab')]);
    select(editor, at([0, 0], 1));
    type(editor, 'X');
    state.author = REPORTER;
    type(editor, 'Y');
    const d = doc();
    expect(listPending(d).map((p) => [p.authorName, p.added])).toEqual([
      ['Minh', 'X'],
      ['Lan', 'Y'],
    ]);
    expectConsistent(d, ['aXYb'], ['ab']);
  });

  it('Editing mode is plain Slate: nothing is recorded', () => {
    const { editor, doc } = setup([para('ab')], 'editing');
    select(editor, at([0, 0], 1));
    type(editor, 'X');
    editor.deleteBackward('character');
    editor.deleteBackward('character');
    expect(doc().review).toBeUndefined();
    expect(texts(doc())).toEqual(['b']);
  });

  it('Editing mode beside struck text types plain text, which no rejection removes', () => {
    const { editor, state, doc } = setup([para('abc')]);
    select(editor, at([0, 0], 2));
    editor.deleteBackward('character'); // strikes b
    state.mode = 'editing';
    select(editor, at([0, 1], 1)); // at the end of the struck b
    type(editor, 'Z');
    expectConsistent(doc(), ['aZc'], ['abZc']);
  });

  it('a programmatic change inside withoutSuggestions is plain', () => {
    const { editor, doc } = setup([para('ab')]);
    select(editor, at([0, 0], 2));
    withoutSuggestions(editor, () => editor.insertText('c'));
    expect(doc().review).toBeUndefined();
  });
});

describe('Suggesting: deleting', () => {
  it('Backspace strikes text instead of removing it, one suggestion for the run, and steps over it', () => {
    const { editor, doc } = setup([para('Hello world')]);
    select(editor, at([0, 0], 11));
    for (let i = 0; i < 6; i++) editor.deleteBackward('character');
    const d = doc();
    expect(d.body[0]).toMatchObject({ children: [{ text: 'Hello' }, { text: ' world', del: 's1' }] });
    expect(editor.selection?.anchor).toEqual(at([0, 0], 5));
    // A further Backspace steps over the struck text and strikes the letter before it.
    editor.deleteBackward('character');
    expect(listPending(doc())).toHaveLength(1);
    expectConsistent(doc(), ['Hell'], ['Hello world']);
  });

  it('deleting one’s own pending insertion removes it outright (UniKey’s synthetic Backspaces on new text)', () => {
    const { editor, doc } = setup([para('Tôi ')]);
    select(editor, at([0, 0], 4));
    type(editor, 'tao');
    // Telex "taoj": the tool sends two Backspaces, then "ạo".
    editor.deleteBackward('character');
    editor.deleteBackward('character');
    type(editor, 'ạo');
    const d = doc();
    expect(d.body[0]).toMatchObject({ children: [{ text: 'Tôi ' }, { text: 'tạo', ins: 's1' }] });
    expectConsistent(d, ['Tôi tạo'], ['Tôi ']);
  });

  it('a tone added to existing text is a deletion plus an insertion (Telex Backspaces on old text)', () => {
    const { editor, doc } = setup([para('tao lao')]);
    select(editor, at([0, 0], 3));
    editor.deleteBackward('character');
    editor.deleteBackward('character');
    type(editor, 'ạo');
    const d = doc();
    expect(listPending(d).map((p) => p.kind)).toEqual(['deleteText', 'insertText']);
    expectConsistent(d, ['tạo lao'], ['tao lao']);
  });

  it('Delete strikes forward and leaves the caret after the struck text', () => {
    const { editor, doc } = setup([para('abcd')]);
    select(editor, at([0, 0], 1));
    editor.deleteForward('character');
    editor.deleteForward('character');
    expectConsistent(doc(), ['ad'], ['abcd']);
    expect(listPending(doc())).toHaveLength(1);
  });

  it('deleting a selection strikes it (a sentence), across leaves of other suggestions', () => {
    const { editor, state, doc } = setup([turn('p2', 'One. Two. Three.')]);
    select(editor, at([0, 0, 0], 4));
    state.author = REPORTER;
    type(editor, ' New.');
    state.author = EDITOR;
    // Select " New. Two." (someone else's insertion and the original sentence) and delete it.
    select(editor, at([0, 0, 1], 0), at([0, 0, 2], 5));
    editor.deleteFragment({ direction: 'backward' });
    const d = doc();
    expect(listPending(d).map((p) => [p.authorName, p.kind])).toEqual([
      ['Lan', 'insertText'],
      ['Minh', 'deleteText'],
    ]);
    expectConsistent(d, ['One. Three.'], ['One. Two. Three.']);
  });
});

describe('Suggesting: replacing a selection', () => {
  it('strikes the old word and inserts the new one under the same id (replaceText), extended by typing', () => {
    const { editor, doc } = setup([turn('p2', 'We plan ahead.')]);
    select(editor, at([0, 0, 0], 3), at([0, 0, 0], 7));
    type(editor, 'prepare');
    const d = doc();
    expect(d.body[0]).toMatchObject({ children: [{ children: [{ text: 'We ' }, { text: 'plan', del: 's1' }, { text: 'prepare', ins: 's1' }, { text: ' ahead.' }] }] });
    expect(listPending(d)).toMatchObject([{ id: 's1', kind: 'replaceText', removed: 'plan', added: 'prepare' }]);
    expectConsistent(d, ['We prepare ahead.'], ['We plan ahead.']);
  });

  it('replacing one’s own insertion is plain retyping', () => {
    const { editor, doc } = setup([para('ab')]);
    select(editor, at([0, 0], 1));
    type(editor, 'XYZ');
    select(editor, at([0, 1], 0), at([0, 1], 3));
    type(editor, 'Q');
    const d = doc();
    expect(listPending(d)).toMatchObject([{ kind: 'insertText', added: 'Q' }]);
    expectConsistent(d, ['aQb'], ['ab']);
  });
});

describe('Suggesting: paragraph breaks', () => {
  it('Enter is a pending split: accepted, two paragraphs; rejected, one', () => {
    const { editor, doc } = setup([turn('p2', 'First. Second.')]);
    select(editor, at([0, 0, 0], 6));
    editor.insertBreak();
    type(editor, 'X');
    const d = doc();
    expect(d.body[0]).toMatchObject({ children: [{ breakAfter: { base: 'joined', changes: [{ id: 's1', op: 'split' }] } }, {}] });
    expectConsistent(d, ['First.', 'X Second.'], ['First. Second.']);
  });

  it('Backspace at a paragraph start is a pending join; Backspace after one’s own Enter takes the split back', () => {
    const { editor, doc } = setup([turn('p2', 'One.', 'Two.')]);
    select(editor, at([0, 1, 0], 0));
    editor.deleteBackward('character');
    expect(listPending(doc())).toMatchObject([{ kind: 'mergeParagraphs' }]);
    expectConsistent(doc(), ['One.Two.'], ['One.', 'Two.']);

    const again = setup([para('abc')]);
    select(again.editor, at([0, 0], 1));
    again.editor.insertBreak();
    again.editor.deleteBackward('character');
    expect(again.doc().review).toBeUndefined();
    expect(texts(again.doc())).toEqual(['abc']);
  });
});

describe('Suggesting and undo', () => {
  it('undo takes a suggestion out of the tree and the saved document drops its record; redo brings both back', () => {
    const { editor, doc } = setup([para('ab')]);
    select(editor, at([0, 0], 1));
    editor.insertText('X');
    editor.undo();
    expect(doc().review).toBeUndefined();
    expect(texts(doc())).toEqual(['ab']);
    editor.redo();
    expect(listPending(doc())).toMatchObject([{ id: 's1', authorName: 'Minh', added: 'X' }]);
  });
});
