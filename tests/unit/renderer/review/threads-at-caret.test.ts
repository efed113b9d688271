/** Which comment threads the caret or the selection is on: the review margin marks their cards current. */
import { createEditor, Transforms, type Descendant, type Editor } from 'slate';
import { describe, expect, it } from 'vitest';
import { withInterview } from '../../../../renderer/src/editor/with-interview';
import { threadsAt } from '../../../../renderer/src/review/use-at-caret';
import type { Block } from '../../../../shared/model/schema';
import '../../../../renderer/src/editor/slate-types';

function setup(): Editor {
  const editor = withInterview(createEditor());
  // "Năm nay " plain, "tỉnh kết nạp" under t1, "kết nạp" also under t2, " vượt chỉ tiêu." plain.
  const body: Block[] = [
    {
      type: 'turn',
      speakerId: 'p1',
      children: [{ type: 'paragraph', children: [{ text: 'Năm nay ' }, { text: 'tỉnh ', comments: ['t1'] }, { text: 'kết nạp', comments: ['t1', 't2'] }, { text: ' vượt chỉ tiêu.' }] }],
    } as Block,
  ];
  editor.children = structuredClone(body) as Descendant[];
  return editor;
}

const at = (offset: number, path = [0, 0, 0]) => ({ path, offset });

describe('threadsAt', () => {
  it('is empty without a selection and with the caret in plain text', () => {
    const editor = setup();
    expect(threadsAt(editor)).toEqual([]);
    Transforms.select(editor, at(3));
    expect(threadsAt(editor)).toEqual([]);
  });

  it('names the thread of the words the caret is in, and both where two overlap', () => {
    const editor = setup();
    Transforms.select(editor, at(2, [0, 0, 1]));
    expect(threadsAt(editor)).toEqual(['t1']);
    Transforms.select(editor, at(3, [0, 0, 2]));
    expect(threadsAt(editor)).toEqual(['t1', 't2']);
  });

  it('names every thread a selection touches', () => {
    const editor = setup();
    Transforms.select(editor, { anchor: at(2), focus: at(3, [0, 0, 3]) });
    expect(threadsAt(editor)).toEqual(['t1', 't2']);
  });
});
