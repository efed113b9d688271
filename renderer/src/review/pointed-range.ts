/**
 * The caret or the selection as the user sees it, for what acts on it: "accept/reject here"
 * (use-review.ts) and starting a comment (comments/use-comments.ts). Slate takes in the DOM
 * selection on `selectionchange`, throttled, so a shortcut pressed right after a click or a mouse
 * selection would otherwise act on the caret or selection before it. The DOM selection is used when
 * it is in the story, collapsed or not (a caret the user has just put down replaces the selection
 * Slate still holds); otherwise (the focus is in a field or a panel) Slate's last selection is what
 * was pointed at.
 */
import type { BaseRange, Editor } from 'slate';
import { ReactEditor } from 'slate-react';

export function pointedRange(editor: Editor): BaseRange | null {
  const dom = window.getSelection();
  if (dom && dom.rangeCount > 0 && dom.anchorNode && dom.focusNode) {
    try {
      const react = editor as ReactEditor;
      if (ReactEditor.hasDOMNode(react, dom.anchorNode) && ReactEditor.hasDOMNode(react, dom.focusNode)) {
        const range = ReactEditor.toSlateRange(react, dom, { exactMatch: false, suppressThrow: true });
        if (range) return range;
      }
    } catch {
      // A DOM place Slate cannot map (a photo's fields, the speaker label): Slate's own selection.
    }
  }
  return editor.selection;
}
