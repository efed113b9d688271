/**
 * Backspace at the very start of a turn removes the turn's boundary, predictably:
 * - an empty turn disappears and the caret goes to the end of what precedes it;
 * - after another turn, its paragraphs join that turn (the previous speaker goes on talking);
 * - with no turn before it, its paragraphs become plain paragraphs (the label is gone).
 * In Suggesting mode each is recorded as suggestions (review/structure-suggestions.ts).
 * Anywhere else Backspace is Slate's own. This is a `deleteBackward` override, not a key binding,
 * so the synthetic Backspaces that Telex tools (UniKey, EVKey) send mid-word are unaffected.
 */
import { Editor, Element, Node, Range, Transforms } from 'slate';
import { suggestingStructure, suggestTurnJoin } from '../review/structure-suggestions';

export function withTurnBackspace<E extends Editor>(editor: E): E {
  const { deleteBackward } = editor;

  editor.deleteBackward = (unit) => {
    const { selection } = editor;
    if (selection && Range.isCollapsed(selection)) {
      const top = selection.anchor.path[0]!;
      const block = editor.children[top];
      if (Element.isElement(block) && block.type === 'turn' && Editor.isStart(editor, selection.anchor, [top])) {
        // Suggesting: the same join, recorded as suggestions (with-suggestions.ts hands this key
        // here when the caret is at a turn's start, past any struck text).
        const s = suggestingStructure(editor);
        if (s) return suggestTurnJoin(editor, s, top);
        const previous = top > 0 ? editor.children[top - 1] : undefined;
        const isEmpty = Node.string(block) === '' && block.children.length === 1;
        if (isEmpty && previous) {
          Editor.withoutNormalizing(editor, () => {
            Transforms.removeNodes(editor, { at: [top] });
            Transforms.select(editor, Editor.end(editor, [top - 1]));
          });
        } else if (Element.isElement(previous) && previous.type === 'turn') {
          Transforms.mergeNodes(editor, { at: [top] });
        } else {
          Transforms.unwrapNodes(editor, { at: [top] });
        }
        return;
      }
    }
    deleteBackward(unit);
  };

  return editor;
}
