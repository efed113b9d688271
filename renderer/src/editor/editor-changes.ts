/**
 * Listening to an editor's changes (every `onChange`: text, structure or selection) without
 * re-rendering a component for each one. A `useSlateSelector` re-renders its component whenever
 * the selected value changes, which for the document itself is every keystroke; work that only
 * needs to be scheduled (counting words after a pause) listens here instead.
 */
import type { Editor } from 'slate';

const listenersOf = new WeakMap<Editor, Set<() => void>>();

/** Call `listener` after each change of `editor` (in the task of the change); returns the unsubscribe. */
export function onEditorChange(editor: Editor, listener: () => void): () => void {
  let listeners = listenersOf.get(editor);
  if (!listeners) {
    const all = new Set<() => void>();
    listeners = all;
    listenersOf.set(editor, all);
    const { onChange } = editor;
    editor.onChange = (options) => {
      onChange(options);
      for (const l of all) l();
    };
  }
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
