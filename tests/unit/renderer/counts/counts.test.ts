import { createEditor, Transforms, type Descendant } from 'slate';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../shared/model/schema';
import { blockCounts, bodyCounts, paragraphCounts, selectedTurnIndex } from '../../../../renderer/src/counts/document-counts';
import '../../../../renderer/src/editor/slate-types';

const body: Block[] = [
  { type: 'paragraph', children: [{ text: 'TTXVN - Thời gian qua,' }] },
  { type: 'turn', speakerId: 'p1', children: [{ type: 'paragraph', children: [{ text: 'Thưa ông?' }] }] },
  { type: 'photo', assetId: null, caption: 'Lễ kết nạp đảng viên mới', credit: 'TTXVN', alt: '', children: [{ text: '' }] },
  {
    type: 'turn',
    speakerId: 'p2',
    children: [
      // "đảng viên" split across a bold leaf is still two words, not three.
      { type: 'paragraph', children: [{ text: 'Kết nạp đả' }, { text: 'ng', bold: true }, { text: ' viên.' }] },
      { type: 'paragraph', children: [{ text: 'Đảng bộ có 19 đảng bộ.' }] },
    ],
  },
];

describe('document counts', () => {
  it('counts the body: intro and turns, not photo captions or speaker labels', () => {
    expect(bodyCounts(body)).toEqual({ words: 4 + 2 + 4 + 6, characters: 22 + 9 + 18 + 22 });
  });

  it('counts one turn, with words across leaf boundaries', () => {
    expect(blockCounts(body[3]!)).toEqual({ words: 10, characters: 40 });
  });

  it('remembers each paragraph until it changes', () => {
    const paragraph = (body[0] as Extract<Block, { type: 'paragraph' }>);
    expect(paragraphCounts(paragraph)).toBe(paragraphCounts(paragraph));
  });

  it('knows which turn holds the caret', () => {
    const editor = createEditor();
    editor.children = body as Descendant[];
    expect(selectedTurnIndex(editor)).toBeNull();
    Transforms.select(editor, { path: [3, 1, 0], offset: 2 });
    expect(selectedTurnIndex(editor)).toBe(3);
    Transforms.select(editor, { path: [0, 0], offset: 2 });
    expect(selectedTurnIndex(editor)).toBeNull();
  });
});
