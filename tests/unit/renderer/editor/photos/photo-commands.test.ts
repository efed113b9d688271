import { createEditor, Editor, Node, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it, vi } from 'vitest';
import type { Block, Paragraph, Photo } from '../../../../../shared/model/schema';
import {
  insertPhotos,
  movePhoto,
  newPhoto,
  photoInsertionPath,
  removePhoto,
  setPhotoFields,
  usableInsertionPath,
} from '../../../../../renderer/src/editor/photos/photo-commands';
import { withInterview } from '../../../../../renderer/src/editor/with-interview';
import { photoFilesIn, withPhotos } from '../../../../../renderer/src/editor/with-photos';
import '../../../../../renderer/src/editor/slate-types';

const ASSET = 'a'.repeat(64);
const p = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });
const turn = (speakerId: string, ...children: (string | Photo)[]) => ({
  type: 'turn' as const,
  speakerId,
  children: children.map((c) => (typeof c === 'string' ? p(c) : c)),
});
const photo = (caption = 'Ảnh chân dung'): Photo => ({ ...newPhoto(ASSET), caption });

function editorWith(children: Descendant[]): Editor {
  const editor = withInterview(withHistory(createEditor()));
  editor.children = children;
  Editor.normalize(editor, { force: true });
  return editor;
}

/** Let Slate end the current change, as between two user actions (ops of one tick share an undo step). */
const nextAction = () => new Promise((resolve) => setTimeout(resolve, 0));

const text = (b: Paragraph | Photo) => (b.type === 'photo' ? '[photo]' : Node.string(b));
/** Speaker and contents of each top-level block, for compact assertions. */
const outline = (editor: Editor) =>
  (editor.children as Block[]).map((b) => (b.type === 'turn' ? `${b.speakerId}: ${b.children.map(text).join(' | ')}` : b.type === 'paragraph' ? `¶ ${text(b)}` : '[photo]'));

describe('where a new photo goes', () => {
  const doc = () => editorWith([p('TTXVN - Thời gian qua'), turn('p1', 'Thưa ông?'), turn('p2', 'Đoạn một.', 'Đoạn hai.'), p('')]);

  it('inside a turn: after the paragraph at the caret, between that turn’s paragraphs', () => {
    const editor = doc();
    Transforms.select(editor, { path: [2, 0, 0], offset: 3 });
    expect(photoInsertionPath(editor)).toEqual([2, 1]);
    insertPhotos(editor, [photo()], photoInsertionPath(editor));
    expect(outline(editor)).toEqual(['¶ TTXVN - Thời gian qua', 'p1: Thưa ông?', 'p2: Đoạn một. | [photo] | Đoạn hai.', '¶ ']);
    // The caret stays where the writer was typing.
    expect(editor.selection?.anchor).toEqual({ path: [2, 0, 0], offset: 3 });
  });

  it('outside turns: between top-level blocks; with no selection: at the end', () => {
    const editor = doc();
    Transforms.select(editor, Editor.end(editor, [0]));
    expect(photoInsertionPath(editor)).toEqual([1]);
    Transforms.deselect(editor);
    expect(photoInsertionPath(editor)).toEqual([4]);
    insertPhotos(editor, [photo()], [4]);
    // A document never ends with a photo: somewhere to type follows it.
    expect(outline(editor).slice(-2)).toEqual(['[photo]', '¶ ']);
  });

  it('after a selected photo, and after the block where a selection ends', () => {
    const editor = editorWith([turn('p2', 'Một', photo(), 'Hai'), p('')]);
    Transforms.select(editor, Editor.start(editor, [0, 1]));
    expect(photoInsertionPath(editor)).toEqual([0, 2]);
    Transforms.select(editor, { anchor: Editor.start(editor, [0, 0]), focus: Editor.end(editor, [1]) });
    expect(photoInsertionPath(editor)).toEqual([2]);
  });

  it('several photos go in the order given', () => {
    const editor = doc();
    insertPhotos(editor, [photo('một'), photo('hai')], [2, 1]);
    const captions = (editor.children[2] as Block & { type: 'turn' }).children.flatMap((c) => (c.type === 'photo' ? [c.caption] : []));
    expect(captions).toEqual(['một', 'hai']);
  });

  it('falls back to the caret when the place asked for is gone by the time the upload ends', () => {
    const editor = doc();
    expect(usableInsertionPath(editor, [2, 2])).toEqual([2, 2]);
    expect(usableInsertionPath(editor, [4])).toEqual([4]);
    Transforms.select(editor, Editor.end(editor, [1]));
    expect(usableInsertionPath(editor, [2, 7])).toEqual([1, 1]);
    expect(usableInsertionPath(editor, [0, 0])).toEqual([1, 1]); // [0] is a paragraph, not a turn
    expect(usableInsertionPath(editor, null)).toEqual([1, 1]);
  });
});

describe('moving a photo', () => {
  const start = () => editorWith([p('intro'), photo(), turn('p1', 'a', 'b'), turn('p2', 'c'), p('end')]);

  it('steps through every place down to the last block, in and out of turns', () => {
    const editor = start();
    let at = [1];
    const seen: string[][] = [];
    for (let to = movePhoto(editor, at, 'down'); to; to = movePhoto(editor, at, 'down')) {
      at = to;
      expect(Node.get(editor, at)).toMatchObject({ type: 'photo', caption: 'Ảnh chân dung' });
      seen.push(outline(editor));
    }
    expect(seen).toEqual([
      ['¶ intro', 'p1: [photo] | a | b', 'p2: c', '¶ end'],
      ['¶ intro', 'p1: a | [photo] | b', 'p2: c', '¶ end'],
      ['¶ intro', 'p1: a | b | [photo]', 'p2: c', '¶ end'],
      ['¶ intro', 'p1: a | b', '[photo]', 'p2: c', '¶ end'],
      ['¶ intro', 'p1: a | b', 'p2: [photo] | c', '¶ end'],
      ['¶ intro', 'p1: a | b', 'p2: c | [photo]', '¶ end'],
      ['¶ intro', 'p1: a | b', 'p2: c', '[photo]', '¶ end'],
    ]);
    // There is no place after the last block: the document never ends with a photo.
    expect(movePhoto(editor, at, 'down')).toBeNull();
  });

  it('steps back up the same way, to the very top and no further', () => {
    const editor = start();
    let at: number[] | null = [1];
    for (let i = 0; i < 7; i++) at = movePhoto(editor, at!, 'down');
    const seen: string[] = [];
    for (let to = movePhoto(editor, at!, 'up'); to; to = movePhoto(editor, at!, 'up')) {
      at = to;
      seen.push(outline(editor).join(' / '));
    }
    expect(seen).toHaveLength(8);
    expect(seen.at(-2)).toBe('¶ intro / [photo] / p1: a | b / p2: c / ¶ end');
    expect(seen.at(-1)).toBe('[photo] / ¶ intro / p1: a | b / p2: c / ¶ end');
    expect(at).toEqual([0]);
  });

  it('is one undo step per move', async () => {
    const editor = start();
    const before = outline(editor);
    movePhoto(editor, [1], 'down');
    await nextAction();
    movePhoto(editor, [2, 0], 'down');
    await nextAction();
    editor.undo();
    expect(outline(editor)).toEqual(['¶ intro', 'p1: [photo] | a | b', 'p2: c', '¶ end']);
    editor.undo();
    expect(outline(editor)).toEqual(before);
  });
});

describe('removing a photo and editing its text', () => {
  it('removes in one undoable step and says where the caret can go', async () => {
    const editor = editorWith([turn('p2', 'a', photo(), 'b'), p('end')]);
    expect(removePhoto(editor, [0, 1])).toEqual([0, 1]);
    expect(outline(editor)).toEqual(['p2: a | b', '¶ end']);
    await nextAction();
    editor.undo();
    expect(outline(editor)).toEqual(['p2: a | [photo] | b', '¶ end']);
    // A photo at the end of a turn: the caret goes to the paragraph before it.
    const last = editorWith([turn('p2', 'a', photo()), p('end')]);
    expect(removePhoto(last, [0, 1])).toEqual([0, 0]);
  });

  it('stores caption, credit and alt text; a typing visit is one undo step', async () => {
    const editor = editorWith([photo(''), p('')]);
    setPhotoFields(editor, [0], { caption: 'Đ' });
    await nextAction();
    setPhotoFields(editor, [0], { caption: 'Đảng' }, { merge: true });
    await nextAction();
    setPhotoFields(editor, [0], { caption: 'Đảng viên' }, { merge: true });
    await nextAction();
    setPhotoFields(editor, [0], { credit: 'TTXVN phát' });
    await nextAction();
    expect(editor.children[0]).toMatchObject({ type: 'photo', caption: 'Đảng viên', credit: 'TTXVN phát' });
    editor.undo();
    expect(editor.children[0]).toMatchObject({ caption: 'Đảng viên', credit: '' });
    editor.undo();
    expect(editor.children[0]).toMatchObject({ caption: '', credit: '' });
  });
});

describe('withPhotos: pasted and dropped files', () => {
  const data = (files: File[], types: Record<string, string> = {}) => ({ files: files as unknown as FileList, getData: (t: string) => types[t] ?? '' });
  const png = new File([new Uint8Array([0x89, 0x50])], 'a.png', { type: 'image/png' });

  function setup() {
    const editor = editorWith([turn('p1', 'Hỏi', 'Hỏi tiếp'), p('')]);
    const fallThrough = vi.fn();
    const onFiles = vi.fn();
    editor.insertData = fallThrough;
    withPhotos(editor, onFiles);
    Transforms.select(editor, Editor.end(editor, [0, 0]));
    return { editor, fallThrough, onFiles };
  }

  it('hands files to the photo handler with the place after the block at the caret', () => {
    const { editor, fallThrough, onFiles } = setup();
    const dropped = data([png], { 'text/html': '<img src="https://example.org/a.png">' });
    editor.insertData(dropped as unknown as DataTransfer);
    expect(onFiles).toHaveBeenCalledWith(editor, [png], [0, 1]);
    expect(fallThrough).not.toHaveBeenCalled();
  });

  it('lets text through to the next paste handler, including text that comes with a picture of itself', () => {
    const { editor, fallThrough, onFiles } = setup();
    const plain = data([], { 'text/plain': '* Phóng viên: Thưa ông?' });
    editor.insertData(plain as unknown as DataTransfer);
    const fromWord = data([png], { 'text/plain': 'Copied from Word', 'text/html': '<p>Copied from Word</p>' });
    editor.insertData(fromWord as unknown as DataTransfer);
    expect(fallThrough).toHaveBeenCalledTimes(2);
    expect(onFiles).not.toHaveBeenCalled();
  });

  it('keeps files that are not images, so they are refused with a reason rather than ignored', () => {
    const pdf = new File(['%PDF-1.7'], 'brief.pdf', { type: 'application/pdf' });
    expect(photoFilesIn(data([pdf, png]))).toEqual([pdf, png]);
  });
});
