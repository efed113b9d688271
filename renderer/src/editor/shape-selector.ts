/**
 * Selectors over the tree's shape: which nodes exist, where, and how many children each has (a
 * photo's move buttons ask whether there is a place above and below it). Typing and moving the
 * caret cannot change such an answer, so after text and selection operations the last answer is
 * kept instead of computed again in every component that asks, on every keystroke.
 */
import type { Editor, Operation } from 'slate';

const SHAPE_KEEPING: ReadonlySet<Operation['type']> = new Set(['insert_text', 'remove_text', 'set_selection']);

/**
 * Whether these operations left the shape as it was. Slate empties `editor.operations` after each
 * change's `onChange`, so an empty list (a render between changes) keeps it too.
 */
export function keepsShape(operations: readonly Operation[]): boolean {
  return operations.every((op) => SHAPE_KEEPING.has(op.type));
}

/** `select`, answered again only after operations that may change the shape (for `useSlateSelector`). */
export function shapeSelector<T>(select: (editor: Editor) => T): (editor: Editor) => T {
  let known = false;
  let last: T;
  return (editor) => {
    if (!known || !keepsShape(editor.operations)) {
      last = select(editor);
      known = true;
    }
    return last;
  };
}
