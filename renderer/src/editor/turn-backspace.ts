/**
 * Backspace at the very start of a turn removes the turn's boundary: the editor's `joinTurn`
 * (commands.ts `plainJoinTurn` says how; in Suggesting mode the suggestions plugin records it).
 * Anywhere else Backspace is Slate's own. This is a `deleteBackward` override, not a key binding,
 * so the synthetic Backspaces that Telex tools (UniKey, EVKey) send mid-word are unaffected.
 */
import { Editor, Element, Range } from 'slate';

export function withTurnBackspace<E extends Editor>(editor: E): E {
  const { deleteBackward } = editor;

  editor.deleteBackward = (unit) => {
    const { selection } = editor;
    if (selection && Range.isCollapsed(selection)) {
      const top = selection.anchor.path[0]!;
      const block = editor.children[top];
      if (Element.isElement(block) && block.type === 'turn' && Editor.isStart(editor, selection.anchor, [top])) {
        // The editor's method, not the plain function: a plugin that records it must see it.
        editor.joinTurn(top);
        return;
      }
    }
    deleteBackward(unit);
  };

  return editor;
}
