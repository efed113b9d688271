/**
 * Structural actions in Suggesting mode (review/structure-suggestions.ts), driven through the very
 * commands the UI calls (Alt+n, Ctrl+Enter, Backspace, photo buttons, caption fields, find and
 * replace, deleting a selection). For each, the same action is also done in Editing mode on the same
 * document, and the suggestion must be faithful to it: accepting everything gives what Editing mode
 * gives, rejecting everything gives the document back, and nothing is damaged.
 */
import { createEditor, Editor, Transforms, type Descendant, type Point } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { newInterview } from '../../../../shared/model/factory';
import { interviewSchema, type Block, type Interview, type Photo } from '../../../../shared/model/schema';
import { acceptAll, findProblems, listPending, reject, rejectAll, type Author } from '../../../../shared/review';
import type { EditingMode } from '../../../../shared/desktop-commands';
import { attachDocumentHistory } from '../../../../renderer/src/document/document-history';
import { setTurnSpeaker, startNextTurn } from '../../../../renderer/src/editor/commands';
import { withNfcInput } from '../../../../renderer/src/editor/nfc-input';
import { insertPhotos, movePhoto, removePhoto, setPhotoFields } from '../../../../renderer/src/editor/photos/photo-commands';
import { withTurnBackspace } from '../../../../renderer/src/editor/turn-backspace';
import { withInterview } from '../../../../renderer/src/editor/with-interview';
import { replaceAllMatches, replaceRange } from '../../../../renderer/src/find/replace';
import { MatchFinder } from '../../../../renderer/src/find/find-matches';
import { replaceBody } from '../../../../renderer/src/review/replace-body';
import { setReviewEnv } from '../../../../renderer/src/review/review-env';
import { ReviewRecords } from '../../../../renderer/src/review/review-records';
import { withSuggestions } from '../../../../renderer/src/review/with-suggestions';
import '../../../../renderer/src/editor/slate-types';
import { canon } from '../../../helpers/review-canon';

const participants = newInterview('x', 'vi').participants; // p1 Phóng viên, p2 Khách mời
const para = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });
const turn = (speakerId: string, ...children: (string | Photo)[]) => ({
  type: 'turn' as const,
  speakerId,
  children: children.map((c) => (typeof c === 'string' ? para(c) : c)),
});
const photo = (caption: string): Photo => ({ type: 'photo', assetId: String(caption.length % 10).repeat(64), caption, credit: 'TTXVN', alt: '', children: [{ text: '' }] });

const EDITOR: Author = { id: 'editor-1', name: 'Minh' };

function setup(body: Block[], mode: EditingMode) {
  const base: Interview = { ...newInterview('doc1', 'vi'), body };
  let n = 0;
  const records = new ReviewRecords(base, () => `s${++n}`, () => '2026-01-02T03:04:05.000Z');
  const editor = withSuggestions(withNfcInput(withTurnBackspace(withInterview(withHistory(createEditor())))));
  editor.children = structuredClone(body) as Descendant[];
  Editor.normalize(editor, { force: true });
  const history = attachDocumentHistory(editor);
  const doc = () => records.attachTo({ ...base, body: structuredClone(editor.children) as Block[] });
  setReviewEnv(editor, {
    mode: () => mode,
    author: () => EDITOR,
    record: (id) => records.get(id),
    open: (kind) => records.open(kind, EDITOR),
    document: () => records.attachTo({ ...base, body: editor.children as Block[] }),
    commit: (next, options) => {
      records.adopt(next);
      replaceBody(editor, next.body, options);
    },
  });
  return { editor, doc, history, base };
}

const at = (path: number[], offset: number): Point => ({ path, offset });

/** Do `action` in Editing and in Suggesting mode on `body`; the suggestion must be faithful. */
function faithful(body: Block[], action: (editor: Editor) => void) {
  const plain = setup(body, 'editing');
  action(plain.editor);
  const suggesting = setup(body, 'suggesting');
  action(suggesting.editor);
  const doc = suggesting.doc();
  expect(interviewSchema.safeParse(doc).error?.issues ?? []).toEqual([]);
  expect(findProblems(doc)).toEqual([]);
  expect(listPending(doc).length).toBeGreaterThan(0);
  expect(listPending(doc).every((p) => p.authorName === 'Minh')).toBe(true);
  expect(canon(acceptAll(doc)).body).toEqual(canon(plain.doc()).body);
  expect(canon(rejectAll(doc)).body).toEqual(canon({ ...doc, body }).body);
  expect(plain.doc().review).toBeUndefined();
  return suggesting;
}

const BODY: Block[] = [turn('p1', 'Thưa ông, năm nay thế nào?'), turn('p2', 'Chúng tôi chủ động.', photo('Cảng'), 'Đã tuyển thêm người.'), turn('p1', 'Cảm ơn ông!')];

describe('speaker (Alt+1…9)', () => {
  it('records the change of speaker; rejecting it gives the old speaker back', () => {
    const { editor, doc } = faithful(BODY, (e) => {
      Transforms.select(e, at([1, 0, 0], 3));
      setTurnSpeaker(e, participants, 1);
    });
    const [change] = listPending(doc());
    expect(change).toMatchObject({ kind: 'setSpeaker', authorName: 'Minh', removed: 'Khách mời', added: 'Phóng viên' });
    expect(reject(doc(), [change!.id]).body[1]).toMatchObject({ speakerId: 'p2' });
    expect(editor.children[1]).toMatchObject({ speakerId: 'p1' });
  });

  it('stays a plain edit in Editing mode', () => {
    const { editor, doc } = setup(BODY, 'editing');
    Transforms.select(editor, at([1, 0, 0], 3));
    setTurnSpeaker(editor, participants, 1);
    expect(editor.children[1]).toMatchObject({ speakerId: 'p1' });
    expect(doc().review).toBeUndefined();
  });
});

describe('next turn (Ctrl+Enter)', () => {
  it.each([
    ['at the end of a turn', at([0, 0, 0], 26)],
    ['at the start of a turn', at([1, 0, 0], 0)],
    ['inside a paragraph, with a photo and a paragraph after it', at([1, 0, 0], 9)],
    ['at the end of a paragraph followed by a photo', at([1, 0, 0], 19)],
  ])('%s: faithful to Editing mode', (_, caret) => {
    faithful(BODY, (e) => {
      Transforms.select(e, caret);
      startNextTurn(e, participants);
    });
  });

  it('at the start of a later paragraph: faithful to Editing mode', () => {
    faithful([turn('p2', 'Một.', 'Hai.', 'Ba.')], (e) => {
      Transforms.select(e, at([0, 1, 0], 0));
      startNextTurn(e, participants);
    });
  });

  it('at the start of a paragraph after a photo: the same text, with an empty paragraph left after the photo', () => {
    const plain = setup(BODY, 'editing');
    const s = setup(BODY, 'suggesting');
    Transforms.select(s.editor, at([1, 2, 0], 0));
    startNextTurn(s.editor, participants);
    Transforms.select(plain.editor, at([1, 2, 0], 0));
    startNextTurn(plain.editor, participants);
    const accepted = canon(acceptAll(s.doc())).body;
    const expected = canon(plain.doc()).body as Block[];
    // The algebra has no edit that removes a paragraph: the emptied one stays after the photo.
    (expected[1] as { children: Block[] }).children.push(para(''));
    expect(accepted).toEqual(expected);
    expect(canon(rejectAll(s.doc())).body).toEqual(canon({ ...s.doc(), body: BODY }).body);
  });

  it('in an intro paragraph, splits it into a first turn', () => {
    faithful([para('TTXVN - Thời gian qua, nhiều việc.'), turn('p2', 'Vâng.')], (e) => {
      Transforms.select(e, at([0, 0], 14));
      startNextTurn(e, participants);
    });
  });

  it('puts the caret in the new turn, where typing extends that suggestion', () => {
    const { editor, doc } = setup(BODY, 'suggesting');
    Transforms.select(editor, at([0, 0, 0], 26));
    startNextTurn(editor, participants);
    editor.insertText('Xin hỏi thêm');
    const pending = listPending(doc());
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ kind: 'insertTurn', added: 'Xin hỏi thêm' });
    expect(acceptAll(doc()).body[1]).toMatchObject({ speakerId: 'p2' });
  });
});

describe('Backspace at the start of a turn', () => {
  it('joins the turn to the one before, faithful to Editing mode', () => {
    faithful(BODY, (e) => {
      Transforms.select(e, at([1, 0, 0], 0));
      e.deleteBackward('character');
    });
  });

  it('after an intro paragraph, the turn becomes paragraphs', () => {
    faithful([para('Mở đầu.'), turn('p2', 'Một.', 'Hai.')], (e) => {
      Transforms.select(e, at([1, 0, 0], 0));
      e.deleteBackward('character');
    });
  });

  it('removes an empty turn', () => {
    faithful([turn('p1', 'Hỏi?'), turn('p2', '')], (e) => {
      Transforms.select(e, at([1, 0, 0], 0));
      e.deleteBackward('character');
    });
  });

  it('the same-speaker merge joins too (as the button does)', () => {
    faithful([turn('p2', 'Một.'), turn('p2', 'Hai.')], (e) => {
      Transforms.select(e, at([1, 0, 0], 0));
      e.deleteBackward('character');
    });
  });
});

describe('deleting a selection across paragraphs', () => {
  it('strikes the text and joins the paragraphs, faithful to Editing mode', () => {
    faithful([turn('p2', 'Chúng tôi chủ động.', 'Đã tuyển thêm người.', 'Và mở rộng.')], (e) => {
      Transforms.select(e, { anchor: at([0, 0, 0], 10), focus: at([0, 2, 0], 3) });
      e.deleteFragment();
    });
  });

  it('removes a photo wholly inside the selection', () => {
    faithful([turn('p2', 'Chúng tôi chủ động.', photo('Cảng'), 'Đã tuyển thêm người.')], (e) => {
      Transforms.select(e, { anchor: at([0, 0, 0], 10), focus: at([0, 2, 0], 3) });
      e.deleteFragment();
    });
  });
});

describe('photos', () => {
  it('insert, move up and down, remove: each faithful to Editing mode', () => {
    faithful(BODY, (e) => void insertPhotos(e, [photo('Mới')], [1, 1]));
    faithful(BODY, (e) => void movePhoto(e, [1, 1], 'up'));
    faithful(BODY, (e) => void movePhoto(e, [1, 1], 'down'));
    faithful(BODY, (e) => void removePhoto(e, [1, 1]));
  });

  it('a move is one suggestion, listed as a photo change, and rejecting it puts the photo back', () => {
    const { editor, doc } = setup(BODY, 'suggesting');
    const to = movePhoto(editor, [1, 1], 'down');
    expect(to).not.toBeNull();
    const pending = listPending(doc());
    expect(pending.map((p) => p.kind)).toEqual(['movePhoto']);
    expect(canon(rejectAll(doc())).body).toEqual(canon({ ...doc(), body: BODY }).body);
  });

  it('typing a caption letter by letter is one suggestion and one undo step', () => {
    const { editor, doc, history } = setup(BODY, 'suggesting');
    let caption = 'Cảng';
    for (const ch of ' Cát Lái') {
      caption += ch;
      setPhotoFields(editor, [1, 1], { caption }, { merge: caption.length > 5 });
    }
    history.sync();
    const pending = listPending(doc());
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ kind: 'setPhotoText', removed: 'Cảng', added: 'Cảng Cát Lái' });
    history.undo();
    expect(listPending(doc())).toHaveLength(0);
    expect((editor.children[1] as { children: Photo[] }).children[1]!.caption).toBe('Cảng');
  });
});

describe('find and replace', () => {
  const body = [turn('p2', 'Cảng mới, cảng cũ.')];
  const options = { ignoreDiacritics: false, matchCase: false };
  it('Replace all records replacements, faithful to Editing mode', () => {
    faithful(body, (e) => void replaceAllMatches(e, new MatchFinder().find(e.children, 'cảng', options).matches, 'bến'));
  });
  it('Replace records one replacement', () => {
    const { doc } = faithful(body, (e) => replaceRange(e, { anchor: at([0, 0, 0], 0), focus: at([0, 0, 0], 4) }, 'Bến'));
    expect(listPending(doc()).map((p) => p.kind)).toEqual(['replaceText']);
  });
});
