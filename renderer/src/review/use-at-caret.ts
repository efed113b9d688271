/**
 * The cards the caret or the selection is on, for the review margin to mark as current: the
 * suggestions "accept/reject here" would decide (use-pointed.ts, so the highlighted card is exactly
 * what the keys take) and the comment threads whose words the caret is in or the selection touches.
 * Kept up to date as the caret moves; the margin re-renders only when the answer changes.
 */
import { useEffect, useMemo, useState } from 'react';
import { Editor, Range, Text } from 'slate';
import { onEditorChange } from '../editor/editor-changes';
import { usePointed } from './use-pointed';
import type { ReviewState } from './use-review';

/** Threads on the text at the selection: the leaf at a caret, every leaf a selection covers. */
export function threadsAt(editor: Editor): string[] {
  const sel = editor.selection;
  if (!sel) return [];
  const ids = new Set<string>();
  try {
    if (Range.isCollapsed(sel)) {
      const [leaf] = Editor.leaf(editor, sel.anchor);
      for (const id of leaf.comments ?? []) ids.add(id);
    } else {
      for (const [node] of Editor.nodes(editor, { at: sel, match: Text.isText })) for (const id of (node as Text).comments ?? []) ids.add(id);
    }
  } catch {
    // a selection the tree no longer has (between a change and its normalisation)
  }
  return [...ids].sort();
}

export function useAtCaret(editor: Editor, review: Pick<ReviewState, 'pointedBy'>): ReadonlySet<string> {
  const { ids } = usePointed(editor, review);
  const [threads, setThreads] = useState<string[]>(() => threadsAt(editor));
  useEffect(() => {
    const update = () => {
      const next = threadsAt(editor);
      setThreads((previous) => (previous.length === next.length && previous.every((id, i) => id === next[i]) ? previous : next));
    };
    update();
    return onEditorChange(editor, update);
  }, [editor]);
  return useMemo(() => new Set([...ids, ...threads]), [ids, threads]);
}
