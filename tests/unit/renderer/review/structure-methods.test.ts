/**
 * The interview's commands are editor methods (editor/slate-types.ts): plain in withInterview and
 * withPaste, recorded by the suggestions plugin (review/with-suggestions.ts). These tests drive an
 * editor composed as the app composes it (review/with-review.ts around the editor plugins) through
 * the same entry points the UI uses, in Editing and in Suggesting mode on the same document:
 * - no command of the editor goes round the suggestions plugin;
 * - a split or a join keeps comment anchors on the words that move;
 * - a pasted interview becomes suggested turns, photos and paragraphs (and, into an empty document,
 *   suggested metadata), faithful to Editing mode, or nothing with a notice where it cannot be;
 * - a participant's turns, given away or removed, become suggestions.
 */
import { createEditor, Editor, Node, Transforms, type Descendant, type Point } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import type { EditingMode } from '../../../../shared/desktop-commands';
import { newInterview } from '../../../../shared/model/factory';
import { adoptIncomingSpeakers, mergeParticipants, speakerIdsInUse } from '../../../../shared/model/participants';
import { interviewSchema, type Block, type CommentThread, type Interview, type Meta, type MetaChange, type Participant, type Turn } from '../../../../shared/model/schema';
import { acceptAll, findProblems, listPending, rejectAll, type Author } from '../../../../shared/review';
import { anchorsOf } from '../../../../shared/review/comments';
import { startNextTurn } from '../../../../renderer/src/editor/commands';
import { setEditorEnv } from '../../../../renderer/src/editor/editor-context';
import { withNfcInput } from '../../../../renderer/src/editor/nfc-input';
import { pasteNotices } from '../../../../renderer/src/editor/paste/paste-notices';
import { insertPastedText, withPaste } from '../../../../renderer/src/editor/paste/with-paste';
import { withTurnBackspace } from '../../../../renderer/src/editor/turn-backspace';
import { withInterview } from '../../../../renderer/src/editor/with-interview';
import { countTurns, deleteTurns, hasPendingChangeFrom, reassignTurns } from '../../../../renderer/src/participants/participant-edits';
import { anchorThread } from '../../../../renderer/src/review/comments/anchor-ops';
import { replaceBody } from '../../../../renderer/src/review/replace-body';
import { setReviewEnv } from '../../../../renderer/src/review/review-env';
import { ReviewRecords } from '../../../../renderer/src/review/review-records';
import { withReview } from '../../../../renderer/src/review/with-review';
import { withSuggestions } from '../../../../renderer/src/review/with-suggestions';
import '../../../../renderer/src/editor/slate-types';
import { fixtureInterviewText as agencyText } from '../../../helpers/material';
import { canon } from '../../../helpers/review-canon';

const para = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });
const turn = (speakerId: string, ...texts: string[]): Turn => ({ type: 'turn', speakerId, children: texts.map(para) });
const at = (path: number[], offset: number): Point => ({ path, offset });

/** The point `offset` characters into the paragraph at `path`, whichever leaf that is in. */
function inParagraph(editor: Editor, path: number[], offset: number): Point {
  let rest = offset;
  const leaves = (Node.get(editor, path) as { children: { text: string }[] }).children;
  for (let i = 0; i < leaves.length; i++) {
    if (rest <= leaves[i]!.text.length) return at([...path, i], rest);
    rest -= leaves[i]!.text.length;
  }
  throw new Error(`offset ${offset} is past the paragraph`);
}
const EDITOR: Author = { id: 'editor-1', name: 'Minh' };

/** The editor as the app composes it (withReact and the photo-file plugin aside), inside a small fake of DocumentEditor. */
function setup(body: Block[], mode: EditingMode) {
  const fresh = newInterview('doc1', 'vi');
  const state = { participants: fresh.participants as Participant[], meta: fresh.meta as Meta, metaChanges: [] as MetaChange[], comments: [] as CommentThread[] };
  const whole = (blocks: Block[]): Interview => ({
    ...fresh,
    participants: state.participants,
    meta: state.meta,
    body: blocks,
    ...(state.comments.length > 0 ? { comments: state.comments } : {}),
    review: { suggestions: [], metaChanges: state.metaChanges },
  });
  let n = 0;
  const records = new ReviewRecords(whole(body), () => `s${++n}`, () => '2026-01-02T03:04:05.000Z');
  const editor = withReview(withPaste(withNfcInput(withTurnBackspace(withInterview(withHistory(createEditor()))))));
  editor.children = structuredClone(body) as Descendant[];
  Editor.normalize(editor, { force: true });
  setEditorEnv(editor, {
    participants: state.participants,
    participantsNow: () => state.participants,
    language: 'vi',
    adoptParticipants: (incoming, options) => {
      // As DocumentEditor does: a pasted interview's speakers take the place of unused defaults.
      const merged = options?.replaceUnusedDefaults ? adoptIncomingSpeakers(state.participants, incoming, speakerIdsInUse(editor.children as Block[])) : mergeParticipants(state.participants, incoming);
      state.participants = merged.participants;
      return merged.idMap;
    },
    adoptMeta: (meta) => {
      const filled = { ...state.meta };
      for (const [k, v] of Object.entries(meta)) if ((filled as Record<string, unknown>)[k] === '') (filled as Record<string, unknown>)[k] = v;
      state.meta = filled;
    },
  });
  setReviewEnv(editor, {
    mode: () => mode,
    author: () => EDITOR,
    record: (id) => records.get(id),
    open: (kind) => records.open(kind, EDITOR),
    document: () => records.attachTo(whole(editor.children as Block[])),
    commit: (next, options) => {
      records.adopt(next);
      state.meta = next.meta;
      state.metaChanges = next.review?.metaChanges ?? [];
      replaceBody(editor, next.body, options);
    },
  });
  /** The document as it would be saved. */
  const doc = () => records.attachTo(whole(structuredClone(editor.children) as Block[]));
  return { editor, doc, state };
}

/** The suggestion in Suggesting mode is the Editing-mode change, pending: accepted it is that, rejected it is nothing. */
function expectFaithful(plain: Interview, suggested: Interview, original: Block[]) {
  expect(interviewSchema.safeParse(suggested).error?.issues ?? []).toEqual([]);
  expect(findProblems(suggested)).toEqual([]);
  expect(listPending(suggested).length).toBeGreaterThan(0);
  expect(listPending(suggested).every((p) => p.authorName === 'Minh')).toBe(true);
  expect(canon(acceptAll(suggested)).body).toEqual(canon(plain).body);
  expect(canon(rejectAll(suggested)).body).toEqual(canon({ ...suggested, body: original }).body);
  expect(plain.review?.suggestions ?? []).toEqual([]);
}

describe('no command goes round the suggestions plugin', () => {
  it('every interview command the editor plugins give is overridden by Suggesting', () => {
    const bare = createEditor();
    const plain = withPaste(withInterview(createEditor()));
    // The interview's own methods: those withInterview and withPaste add to Slate's.
    // (insertData and setFragmentData are slate-react's paste and copy entries, which the paste
    // plugin wraps: not interview commands; copying changes nothing.)
    const commands = Object.keys(plain).filter((k) => !(k in bare) && k !== 'insertData' && k !== 'setFragmentData' && typeof (plain as unknown as Record<string, unknown>)[k] === 'function');
    expect(commands).toEqual(expect.arrayContaining(['insertNextTurn', 'setSpeaker', 'joinTurn', 'reassignTurns', 'removeTurnsOf', 'insertPhotos', 'movePhoto', 'removePhoto', 'setPhotoFields', 'insertInterview']));
    const before = Object.fromEntries(commands.map((k) => [k, (plain as unknown as Record<string, unknown>)[k]]));
    withSuggestions(plain);
    // Drawing leaf marks is not an edit: review adds its marks in withReview, not in Suggesting.
    const notOverridden = commands.filter((k) => k !== 'renderLeafMarks' && (plain as unknown as Record<string, unknown>)[k] === before[k]);
    expect(notOverridden).toEqual([]);
  });

  it('Suggesting tells that what it removes stays, marked; Editing does not', () => {
    expect(setup([turn('p1', 'Hỏi?')], 'suggesting').editor.tracksChanges()).toBe(true);
    expect(setup([turn('p1', 'Hỏi?')], 'editing').editor.tracksChanges()).toBe(false);
  });
});

/** The thread's anchored words, wherever they are now. */
const anchored = (doc: Interview, id: string) => anchorsOf(doc.body).get(id)?.text;

/** A document with thread `t1` on `words` in block `path`'s text. */
function withThread(body: Block[], mode: EditingMode, path: number[], words: string) {
  const s = setup(body, mode);
  const text = Node.string(Node.get(s.editor, path));
  const start = text.indexOf(words);
  Editor.withoutNormalizing(s.editor, () => anchorThread(s.editor, { anchor: at([...path, 0], start), focus: at([...path, 0], start + words.length) }, 't1'));
  s.state.comments = [{ id: 't1', quote: words, comments: [{ id: 'c1', authorId: 'r', authorName: 'Hà', createdAt: '2026-01-01T00:00:00.000Z', text: 'Nguồn?' }] }];
  return s;
}

describe('comment anchors follow the words a split or a join moves', () => {
  const ANSWER = 'Chúng tôi chủ động. Đã tuyển thêm người.';
  const BODY = (): Block[] => [turn('p1', 'Năm nay thế nào?'), turn('p2', ANSWER, 'Sẽ mở rộng.'), turn('p1', 'Cảm ơn ông!')];

  it('Ctrl+Enter before the commented words: the new turn carries the thread, accepted or rejected', () => {
    const { editor, doc } = withThread(BODY(), 'suggesting', [1, 0], 'tuyển thêm');
    Transforms.select(editor, at([1, 0, 0], 'Chúng tôi chủ động. '.length));
    startNextTurn(editor, newInterview('x', 'vi').participants);
    const pending = doc();
    expect(findProblems(pending)).toEqual([]);
    // Pending: on the struck original and on its copy in the new turn.
    const copy = (pending.body[2] as Turn).children[0]!;
    expect(copy.type === 'paragraph' && copy.children.filter((l) => l.comments?.includes('t1')).map((l) => l.text)).toEqual(['tuyển thêm']);
    const accepted = acceptAll(pending);
    expect(anchored(accepted, 't1')).toBe('tuyển thêm');
    expect(accepted.body[2]).toMatchObject({ speakerId: 'p1', children: [{ type: 'paragraph' }, { type: 'paragraph' }] });
    expect(Node.string(accepted.body[2]!)).toBe('Đã tuyển thêm người.Sẽ mở rộng.');
    const rejected = rejectAll(pending);
    expect(anchored(rejected, 't1')).toBe('tuyển thêm');
    expect(Node.string(rejected.body[1]!)).toBe(`${ANSWER}Sẽ mở rộng.`);
  });

  it('a thread across the split point stays on both halves of its words, and one on a later paragraph goes along', () => {
    const { editor, doc } = withThread(BODY(), 'suggesting', [1, 0], 'chủ động');
    anchorThread(editor, { anchor: at([1, 1, 0], 0), focus: at([1, 1, 0], 'Sẽ'.length) }, 't2');
    Transforms.select(editor, inParagraph(editor, [1, 0], 'Chúng tôi chủ'.length));
    startNextTurn(editor, newInterview('x', 'vi').participants);
    const accepted = acceptAll(doc());
    expect(Node.string(accepted.body[1]!)).toBe('Chúng tôi chủ');
    const anchors = anchorsOf(accepted.body);
    // The thread keeps both halves: the one left behind, and the one that moved.
    expect(anchors.get('t1')?.text).toMatch(/chủ.*động/);
    expect(anchors.get('t2')?.text).toBe('Sẽ');
    const moved = accepted.body[2] as Turn;
    expect(moved.children.flatMap((c) => (c.type === 'paragraph' ? c.children.filter((l) => l.comments?.length).map((l) => [l.text, l.comments]) : []))).toEqual([
      [' động', ['t1']],
      ['Sẽ', ['t2']],
    ]);
  });

  it('an intro paragraph split into a first turn carries its thread', () => {
    const { editor, doc } = withThread([para('TTXVN - Thời gian qua, nhiều việc đã làm.'), turn('p2', 'Vâng.')], 'suggesting', [0], 'nhiều việc');
    Transforms.select(editor, at([0, 0], 'TTXVN - '.length));
    startNextTurn(editor, newInterview('x', 'vi').participants);
    const accepted = acceptAll(doc());
    expect(accepted.body[1]).toMatchObject({ type: 'turn' });
    expect(anchored(accepted, 't1')).toBe('nhiều việc');
  });

  it('Backspace joining a turn to the one before carries its thread; so does joining it to a paragraph', () => {
    for (const body of [BODY(), [para('Mở đầu.'), turn('p2', ANSWER, 'Sẽ mở rộng.'), turn('p1', 'Cảm ơn ông!')]]) {
      const join = (mode: EditingMode) => {
        const s = withThread(body, mode, [1, 0], 'tuyển thêm');
        Transforms.select(s.editor, at([1, 0, 0], 0));
        s.editor.deleteBackward('character');
        return s.doc();
      };
      const plain = join('editing');
      const pending = join('suggesting');
      expect(findProblems(pending)).toEqual([]);
      // Accepted, the join is Editing mode's, anchor and all; rejected, the thread is where it was.
      expect(canon(acceptAll(pending)).body).toEqual(canon(plain).body);
      expect(anchored(acceptAll(pending), 't1')).toBe('tuyển thêm');
      expect(anchored(rejectAll(pending), 't1')).toBe('tuyển thêm');
      expect(Node.string(rejectAll(pending).body[1]!)).toBe(`${ANSWER}Sẽ mở rộng.`);
    }
  });

  it('in Editing mode the split and the join keep the thread too (Slate keeps the marks)', () => {
    const { editor, doc } = withThread(BODY(), 'editing', [1, 0], 'tuyển thêm');
    Transforms.select(editor, at([1, 0, 0], 'Chúng tôi chủ động. '.length));
    startNextTurn(editor, newInterview('x', 'vi').participants);
    expect(anchored(doc(), 't1')).toBe('tuyển thêm');
    expect(Node.string(doc().body[2]!)).toBe('Đã tuyển thêm người.Sẽ mở rộng.');
    Transforms.select(editor, at([2, 0, 0], 0));
    editor.deleteBackward('character');
    expect(anchored(doc(), 't1')).toBe('tuyển thêm');
    expect(doc().body).toHaveLength(3);
  });
});

describe('a pasted interview while Suggesting', () => {
  /** Paste `text` at `caret` (none: no selection) in both modes on `body`. */
  function pasteBoth(body: Block[], text: string, caret: Point | null) {
    const run = (mode: EditingMode) => {
      const s = setup(body, mode);
      if (caret) Transforms.select(s.editor, caret);
      else Transforms.deselect(s.editor);
      const done = insertPastedText(s.editor, text);
      return { ...s, done };
    };
    return { plain: run('editing'), suggesting: run('suggesting') };
  }

  const kinds = (doc: Interview) => [...new Set(listPending(doc).map((p) => p.kind))].sort();

  it('at the end of an intro paragraph: suggested turns, photos and paragraphs, faithful to Editing mode', () => {
    const body: Block[] = [para('TTXVN - Đã có phần mở đầu.'), turn('p1', 'Câu hỏi cũ?')];
    const { plain, suggesting } = pasteBoth(body, agencyText(), at([0, 0], 'TTXVN - Đã có phần mở đầu.'.length));
    expect(plain.done && suggesting.done).toBe(true);
    const doc = suggesting.doc();
    expectFaithful(plain.doc(), doc, body);
    expect(kinds(doc)).toEqual(expect.arrayContaining(['insertTurn', 'insertPhoto']));
    // Nine suggested turns, each its speaker's: the reporter's questions, the interviewee's answers.
    const turns = doc.body.filter((b): b is Turn => b.type === 'turn' && b.ins !== undefined);
    expect(turns.map((t) => suggesting.state.participants.find((p) => p.id === t.speakerId)?.label)).toEqual([
      'Phóng viên', 'Ông Phạm Văn Thành', 'Phóng viên', 'Ông Phạm Văn Thành', 'Phóng viên', 'Ông Phạm Văn Thành', 'Phóng viên', 'Ông Phạm Văn Thành', 'Phóng viên',
    ]);
    // The old question is still the reporter's, after everything pasted.
    expect(canon(acceptAll(doc)).body.at(-1)).toEqual(turn('p1', 'Câu hỏi cũ?'));
    expect(pasteNotices(suggesting.editor).get()).toBeNull();
  });

  it('into an empty document: the header becomes suggested metadata, as Editing mode fills it', () => {
    const { plain, suggesting } = pasteBoth([para('')], agencyText(), at([0, 0], 0));
    const doc = suggesting.doc();
    expectFaithful(plain.doc(), doc, [para('')]);
    expect(kinds(doc)).toContain('setMeta');
    expect(acceptAll(doc).meta).toEqual(plain.state.meta);
    expect(rejectAll(doc).meta).toEqual(newInterview('doc1', 'vi').meta);
    expect(plain.state.meta.headline).toMatch(/^Quảng Ngãi: Đưa nước sạch/);
  });

  it('turns alone, inside a paragraph or at the end of a turn: faithful to Editing mode', () => {
    const turnsOnly = 'PV: Hỏi?\n\nÔng A: Đáp.\n\nPV: Cảm ơn.\n\nÔng A: Không có gì.';
    const cases: [Block[], Point][] = [
      [[para('Đầu đoạn. Cuối đoạn.')], at([0, 0], 'Đầu đoạn.'.length)],
      [[turn('p1', 'Câu hỏi cũ?'), turn('p2', 'Trả lời cũ.')], at([0, 0, 0], 'Câu hỏi cũ?'.length)],
      [[turn('p1', 'Câu hỏi cũ?'), turn('p2', 'Trả lời cũ.')], at([1, 0, 0], 0)],
    ];
    for (const [body, caret] of cases) {
      const { plain, suggesting } = pasteBoth(body, turnsOnly, caret);
      expectFaithful(plain.doc(), suggesting.doc(), body);
    }
  });

  it('turns alone in the middle of a turn: the turn is split around them, both halves its speaker’s', () => {
    const body = [turn('p2', 'Trả lời một. Trả lời hai.')];
    const { suggesting } = pasteBoth(body, 'PV: Hỏi chen?\n\nÔng A: Đáp chen.', at([0, 0, 0], 'Trả lời một.'.length));
    const accepted = canon(acceptAll(suggesting.doc())).body;
    const label = (id: string) => suggesting.state.participants.find((p) => p.id === id)?.label;
    expect(accepted.map((b) => [label((b as Turn).speakerId), Node.string(b)])).toEqual([
      ['Khách mời', 'Trả lời một.'],
      ['PV', 'Hỏi chen?'],
      ['Ông A', 'Đáp chen.'],
      ['Khách mời', ' Trả lời hai.'],
    ]);
    expect(canon(rejectAll(suggesting.doc())).body).toEqual(canon({ ...suggesting.doc(), body }).body);
  });

  it('paragraphs outside turns with no paragraph outside turns beside the caret: nothing changes, and the notice says why', () => {
    const body = [turn('p1', 'Câu hỏi cũ?'), turn('p2', 'Trả lời cũ.')];
    const { suggesting } = pasteBoth(body, agencyText(), at([1, 0, 0], 'Trả lời cũ.'.length));
    expect(suggesting.done).toBe(false);
    expect(pasteNotices(suggesting.editor).get()).toEqual({ kind: 'not_here_while_suggesting' });
    expect(suggesting.editor.children).toEqual(body);
    // Its speakers were not taken in either.
    expect(suggesting.state.participants.map((p) => p.label)).toEqual(['Phóng viên', 'Khách mời']);
    expect(listPending(suggesting.doc())).toEqual([]);
  });

  it('several plain paragraphs are typed in as text suggestions, faithful to Editing mode', () => {
    const body = [turn('p2', 'Trả lời: ')];
    const { plain, suggesting } = pasteBoth(body, 'dòng một\r\n\r\ndòng hai\ndòng ba', at([0, 0, 0], 'Trả lời: '.length));
    expectFaithful(plain.doc(), suggesting.doc(), body);
    expect(kinds(suggesting.doc())).toEqual(['insertText', 'splitParagraph']);
  });
});

describe('removing a participant while Suggesting', () => {
  const BODY = (): Block[] => [turn('p1', 'Hỏi một?'), turn('p2', 'Đáp một.'), turn('p1', 'Hỏi hai?'), turn('p2', 'Đáp hai.'), para('Kết.')];

  it('giving the turns to another: a speaker change on each, one undo step, faithful to Editing mode', () => {
    const plain = setup(BODY(), 'editing');
    reassignTurns(plain.editor, 'p2', 'p1');
    const s = setup(BODY(), 'suggesting');
    reassignTurns(s.editor, 'p2', 'p1');
    expectFaithful(plain.doc(), s.doc(), BODY());
    expect(listPending(s.doc()).map((p) => p.kind)).toEqual(['setSpeaker', 'setSpeaker']);
    expect(s.editor.history.undos).toHaveLength(1);
    // The old speaker is still named by the pending changes: the participant must stay listed.
    expect(hasPendingChangeFrom(s.editor, 'p2')).toBe(true);
    expect(hasPendingChangeFrom(plain.editor, 'p2')).toBe(false);
    s.editor.undo();
    expect(s.editor.children).toEqual(BODY());
  });

  it('deleting the turns: each struck, one undo step, faithful to Editing mode', () => {
    const plain = setup(BODY(), 'editing');
    deleteTurns(plain.editor, 'p2');
    const s = setup(BODY(), 'suggesting');
    deleteTurns(s.editor, 'p2');
    expectFaithful(plain.doc(), s.doc(), BODY());
    expect(listPending(s.doc()).map((p) => p.kind)).toEqual(['removeTurn', 'removeTurn']);
    expect(s.editor.history.undos).toHaveLength(1);
    // The struck turns are still the participant's until the removal is decided.
    expect(countTurns(s.editor, 'p2')).toBe(2);
    expect(countTurns(plain.editor, 'p2')).toBe(0);
  });
});
