import { createEditor, Editor, Node, Range, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it, vi } from 'vitest';
import type { Block, Paragraph } from '../../../../shared/model/schema';
import { FindController, HIGHLIGHT_LIMIT, LONG_DOCUMENT_BLOCKS, QUERY_DELAY_MS } from '../../../../renderer/src/find/find-controller';
import { MatchFinder, matchRange, toLeafPoints } from '../../../../renderer/src/find/find-matches';
import { replaceAllMatches } from '../../../../renderer/src/find/replace';
import { withInterview } from '../../../../renderer/src/editor/with-interview';
import '../../../../renderer/src/editor/slate-types';

const loose = { ignoreDiacritics: true, matchCase: false };
const p = (...leaves: (string | { text: string; bold?: true; italic?: true })[]): Paragraph => ({
  type: 'paragraph',
  children: leaves.map((l) => (typeof l === 'string' ? { text: l } : l)),
});
const turn = (speakerId: string, ...paragraphs: Paragraph[]): Block => ({ type: 'turn', speakerId, children: paragraphs });

function editorWith(children: Block[]): Editor {
  const editor = withInterview(withHistory(createEditor()));
  editor.children = children as Descendant[];
  return editor;
}

const texts = (editor: Editor) => editor.children.map((n) => Node.string(n));

describe('toLeafPoints', () => {
  it('starts a match in the leaf of its first character and ends it in the leaf of its last', () => {
    // leaves: "Kết nạp " | "đảng" | " viên"
    expect(toLeafPoints([8, 4, 5], [{ start: 8, end: 17 }])).toEqual([{ start: { leaf: 1, offset: 0 }, end: { leaf: 2, offset: 5 } }]);
    expect(toLeafPoints([8, 4, 5], [{ start: 4, end: 12 }])).toEqual([{ start: { leaf: 0, offset: 4 }, end: { leaf: 1, offset: 4 } }]);
  });

  it('skips empty leaves', () => {
    expect(toLeafPoints([3, 0, 3], [{ start: 3, end: 6 }])).toEqual([{ start: { leaf: 2, offset: 0 }, end: { leaf: 2, offset: 3 } }]);
  });
});

describe('MatchFinder', () => {
  it('finds matches that run across bold and italic leaves, in turns and intro paragraphs', () => {
    const doc: Block[] = [p('TTXVN - Đảng bộ tỉnh'), turn('p1', p('Kết nạp ', { text: 'đả', bold: true }, { text: 'ng', italic: true }, ' viên?')), { type: 'photo', assetId: null, caption: 'Đảng viên mới', credit: '', alt: '', children: [{ text: '' }] }];
    const editor = editorWith(doc);
    const { matches } = new MatchFinder().find(editor.children, 'dang vien', loose);
    // The paragraph's match, then the photo's caption, where the photo stands.
    expect(matches.map((m) => m.kind)).toEqual(['text', 'field']);
    expect(matches[1]).toMatchObject({ kind: 'field', place: { kind: 'photo', field: 'caption', path: [2] }, start: 0, end: 9 });
    const body = matches[0]!;
    if (body.kind !== 'text') throw new Error('a text match');
    const range = matchRange(body);
    expect(range).toEqual({ anchor: { path: [1, 0, 1], offset: 0 }, focus: { path: [1, 0, 3], offset: 5 } });
    expect(Editor.string(editor, range)).toBe('đảng viên');
    expect(new MatchFinder().find(editor.children, 'DANG', loose).matches.map((m) => (m.kind === 'text' ? Editor.string(editor, matchRange(m)) : m.value.slice(m.start, m.end)))).toEqual(['Đảng', 'đảng', 'Đảng']);
  });

  it('searches again only the paragraphs that changed', () => {
    const editor = editorWith([p('đảng viên'), p('đảng bộ')]);
    const finder = new MatchFinder();
    const first = finder.find(editor.children, 'dang', loose);
    Transforms.insertText(editor, 'Đảng ', { at: { path: [1, 0], offset: 0 } });
    const second = finder.find(editor.children, 'dang', loose);
    expect(second.matches).toHaveLength(3);
    // The untouched paragraph's match objects come from the cache…
    expect(second.byParagraph.get(editor.children[0] as Paragraph)).toEqual(first.byParagraph.get(editor.children[0] as Paragraph));
    // …and the changed paragraph is a new node with new matches.
    expect(first.byParagraph.has(editor.children[1] as Paragraph)).toBe(false);
  });
});

describe('FindController', () => {
  const doc = () => [p('Kết nạp đảng viên mới.'), turn('p1', p('Đảng bộ có bao nhiêu ', { text: 'đảng viên', bold: true }, '?')), turn('p2', p('Dang vien tre.'))];

  it('typing a query selects the first match from the caret; Next and Previous wrap around', () => {
    const editor = editorWith(doc());
    Transforms.select(editor, { path: [1, 0, 0], offset: 0 });
    const find = new FindController(editor);
    find.open('find');
    find.setQuery('dang vien');
    expect(find.getState()).toMatchObject({ total: 3, current: 1 });
    expect(Editor.string(editor, editor.selection!)).toBe('đảng viên');
    find.next();
    expect(find.getState().current).toBe(2);
    find.next();
    expect(find.getState().current).toBe(0);
    find.previous();
    expect(find.getState().current).toBe(2);
    expect(Editor.string(editor, editor.selection!)).toBe('Dang vien');
  });

  it('decorates by paragraph node, marks the current match, and nothing once closed', () => {
    const editor = editorWith(doc());
    const find = new FindController(editor);
    find.open('find');
    find.setQuery('đảng');
    const decorate = find.getDecorator();
    const [para, path] = Editor.node(editor, [1, 0]);
    const ranges = decorate([para, path]);
    expect(ranges).toHaveLength(2);
    expect(ranges[0]).toMatchObject({ findMatch: true });
    expect(ranges.some((r) => 'findCurrent' in r)).toBe(false); // the current match is in paragraph [0]
    expect(decorate(Editor.node(editor, [0]))[0]).toMatchObject({ findMatch: true, findCurrent: true });
    // A paragraph the search has not seen yet (edited since) gets no highlights.
    Transforms.insertText(editor, 'x', { at: { path: [1, 0, 0], offset: 0 } });
    expect(decorate(Editor.node(editor, [1, 0]))).toEqual([]);
    find.close();
    expect(find.getDecorator()(Editor.node(editor, [0]))).toEqual([]);
  });

  it('Replace replaces the current match, keeps NFC, and moves on', () => {
    const editor = editorWith(doc());
    const find = new FindController(editor);
    find.open('replace');
    find.setQuery('dang vien');
    find.setReplacement('Đảng viên'.normalize('NFD')); // typed on a Mac
    find.replace();
    expect(texts(editor)[0]).toBe('Kết nạp Đảng viên mới.');
    expect(texts(editor)[0]).toBe(texts(editor)[0]!.normalize('NFC'));
    expect(find.getState()).toMatchObject({ total: 3, current: 1 });
  });

  it('after the caret moved away, Next goes on from the caret and Replace first only selects', () => {
    const editor = editorWith(doc());
    const find = new FindController(editor);
    find.open('replace');
    find.setQuery('dang vien');
    find.setReplacement('đảng viên');
    expect(find.getState().current).toBe(0);
    Transforms.select(editor, { path: [2, 0, 0], offset: 0 }); // the user clicks into the last turn
    find.replace();
    expect(find.getState().current).toBe(2);
    expect(texts(editor)[2]).toBe('Dang vien tre.');
    find.replace();
    expect(texts(editor)[2]).toBe('đảng viên tre.');
    Transforms.select(editor, { path: [1, 0, 0], offset: 0 });
    find.next();
    expect(Editor.string(editor, editor.selection!)).toBe('đảng viên');
    expect(find.getState().current).toBe(1);
  });

  it('Replace all is one undo step and leaves the selection where it was', () => {
    const editor = editorWith(doc());
    Transforms.select(editor, { path: [2, 0, 0], offset: 10 });
    editor.insertText('rất '); // typing just before: must not merge with the replacement
    const find = new FindController(editor);
    find.open('replace');
    find.setQuery('đảng viên');
    find.setReplacement('Đảng viên');
    Transforms.select(editor, { path: [2, 0, 0], offset: 10 });
    find.replaceAll();
    expect(texts(editor)).toEqual(['Kết nạp Đảng viên mới.', 'Đảng bộ có bao nhiêu Đảng viên?', 'Đảng viên rất tre.']);
    expect(find.getState().replaced).toEqual({ total: 3, where: [{ place: 'text', count: 3 }] });
    expect(editor.selection && Range.isCollapsed(editor.selection) && editor.selection.anchor).toEqual({ path: [2, 0, 0], offset: 10 });
    editor.undo();
    expect(texts(editor)).toEqual(['Kết nạp đảng viên mới.', 'Đảng bộ có bao nhiêu đảng viên?', 'Dang vien rất tre.']);
    editor.undo();
    expect(texts(editor)[2]).toBe('Dang vien tre.');
  });

  it('Replace all skips matches that already read the replacement', () => {
    const editor = editorWith([p('Đảng viên, đảng viên')]);
    const finder = new MatchFinder();
    const { matches } = finder.find(editor.children, 'dang vien', loose);
    expect(replaceAllMatches(editor, matches, 'Đảng viên')).toBe(1);
    expect(texts(editor)).toEqual(['Đảng viên, Đảng viên']);
  });

  it('an edit re-runs the search after a pause, and Next never acts on stale matches', () => {
    const editor = editorWith(doc());
    const find = new FindController(editor);
    find.open('find');
    find.setQuery('tre');
    expect(find.getState().total).toBe(1);
    Transforms.insertText(editor, ' Tre', { at: Editor.end(editor, [0]) });
    find.documentChanged();
    expect(find.getState().total).toBe(1); // not yet: typing is not slowed down by searching
    find.next(); // but Next searches first
    expect(find.getState().total).toBe(2);
    find.dispose();
  });

  it('an edit that moves no match keeps the same decorator, so Slate does not re-decorate', () => {
    vi.useFakeTimers();
    try {
      const editor = editorWith(doc());
      const find = new FindController(editor);
      find.open('find');
      find.setQuery('bao nhieu');
      const before = find.getDecorator();
      Transforms.insertText(editor, 'Thưa ông, ', { at: { path: [2, 0, 0], offset: 0 } }); // no match there
      find.documentChanged();
      vi.runAllTimers();
      expect(find.getDecorator()).toBe(before);
      Transforms.insertText(editor, 'Bao nhiêu? ', { at: { path: [2, 0, 0], offset: 0 } });
      find.documentChanged();
      vi.runAllTimers();
      expect(find.getDecorator()).not.toBe(before);
      expect(find.getState().total).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('in a long interview the query waits for a pause in typing; Enter does not wait', () => {
    vi.useFakeTimers();
    try {
      const editor = editorWith(Array.from({ length: LONG_DOCUMENT_BLOCKS + 1 }, (_, i) => p(i % 100 === 0 ? 'Kết nạp đảng viên' : 'Xin chào')));
      const find = new FindController(editor);
      find.open('find');
      for (const q of ['d', 'da', 'dan', 'dang']) find.setQuery(q);
      expect(find.getState().total).toBe(0);
      vi.advanceTimersByTime(QUERY_DELAY_MS);
      expect(find.getState()).toMatchObject({ total: 11, current: 0 });
      find.setQuery('dang vien');
      find.next(); // the pending search runs first, then Next moves on from its match
      expect(find.getState()).toMatchObject({ total: 11, current: 1 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('highlights at most HIGHLIGHT_LIMIT matches, those around the current one', () => {
    const editor = editorWith(Array.from({ length: HIGHLIGHT_LIMIT + 100 }, () => p('đảng')));
    const find = new FindController(editor);
    find.open('find');
    find.setQuery('dang');
    const highlighted = (decorate = find.getDecorator()) => editor.children.filter((_, i) => decorate(Editor.node(editor, [i])).length > 0).length;
    expect(find.getState().total).toBe(HIGHLIGHT_LIMIT + 100);
    expect(highlighted()).toBe(HIGHLIGHT_LIMIT);
    find.previous(); // wraps to the last match: the highlights follow it
    const decorate = find.getDecorator();
    expect(decorate(Editor.node(editor, [HIGHLIGHT_LIMIT + 99]))[0]).toMatchObject({ findCurrent: true });
    expect(decorate(Editor.node(editor, [0]))).toEqual([]);
    expect(highlighted(decorate)).toBe(HIGHLIGHT_LIMIT);
  });
});
