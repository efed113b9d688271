/**
 * What the caret or the selection points at, kept up to date for the review margin, so its "here"
 * buttons say beforehand what they will decide. Read after every change of the editor (typing,
 * moving the caret, a decision); shared/review/in-range.ts reads only the blocks the range spans,
 * so this costs the same in a long interview, and the panel re-renders only when the answer changes.
 */
import { useEffect, useState } from 'react';
import type { Editor } from 'slate';
import { onEditorChange } from '../editor/editor-changes';
import type { PointedSuggestions, ReviewState } from './use-review';

const same = (a: PointedSuggestions, b: PointedSuggestions) => a.where === b.where && a.ids.length === b.ids.length && a.ids.every((id, i) => id === b.ids[i]);

export function usePointed(editor: Editor, review: Pick<ReviewState, 'pointedBy'>): PointedSuggestions {
  const { pointedBy } = review;
  const [pointed, setPointed] = useState(() => pointedBy(editor.selection));
  useEffect(() => {
    const update = () => {
      const next = pointedBy(editor.selection);
      setPointed((previous) => (same(previous, next) ? previous : next));
    };
    update();
    return onEditorChange(editor, update);
  }, [editor, pointedBy]);
  return pointed;
}
