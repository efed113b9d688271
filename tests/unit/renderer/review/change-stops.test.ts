import { describe, expect, it } from 'vitest';
import { createEditor, type Descendant, type Editor } from 'slate';
import { changeStops, stepFrom } from '../../../../renderer/src/review/change-stops';
import { newInterview } from '../../../../shared/model/factory';
import type { Interview } from '../../../../shared/model/schema';

const p = (path: number[], offset = 0) => ({ path, offset });

describe('next / previous change', () => {
  const stops = [p([0, 0, 1]), p([2, 0, 0]), p([5, 1, 3])];

  it('goes to the first change after the caret, and wraps round at the end', () => {
    expect(stepFrom(stops, p([0, 0, 0], 4), 1)).toEqual(stops[0]);
    expect(stepFrom(stops, stops[0]!, 1)).toEqual(stops[1]);
    expect(stepFrom(stops, p([3, 0, 0]), 1)).toEqual(stops[2]);
    expect(stepFrom(stops, p([9, 0, 0]), 1)).toEqual(stops[0]);
  });

  it('goes back to the last change before the caret, and wraps round at the start', () => {
    expect(stepFrom(stops, stops[1]!, -1)).toEqual(stops[0]);
    expect(stepFrom(stops, p([5, 1, 3], 2), -1)).toEqual(stops[2]);
    expect(stepFrom(stops, p([0, 0, 0]), -1)).toEqual(stops[2]);
  });

  it('starts at either end without a caret, and has nowhere to go without changes', () => {
    expect(stepFrom(stops, null, 1)).toEqual(stops[0]);
    expect(stepFrom(stops, null, -1)).toEqual(stops[2]);
    expect(stepFrom([], p([0, 0]), 1)).toBeNull();
  });

  it('stops once per pending suggestion in the story, in document order', () => {
    const body = [
      { type: 'paragraph', children: [{ text: 'We ' }, { text: 'plan', del: 's1' }, { text: 'prepare', ins: 's2' }, { text: ' ahead.' }] },
      { type: 'paragraph', children: [{ text: 'Plain.' }] },
      { type: 'paragraph', children: [{ text: 'Gone', del: 's3' }, { text: ' and ' }, { text: 'more', del: 's3' }] },
    ];
    const editor: Editor = createEditor();
    editor.children = body as unknown as Descendant[];
    const at = '2026-01-01T00:00:00.000Z';
    const doc = {
      ...newInterview('d', 'en'),
      body,
      review: { suggestions: ['s1', 's2', 's3'].map((id) => ({ id, kind: 'text', authorId: 'a', authorName: 'A', createdAt: at })), metaChanges: [] },
    } as unknown as Interview;
    expect(changeStops(editor, doc)).toEqual([p([0, 1]), p([0, 2]), p([2, 0])]);
  });
});
