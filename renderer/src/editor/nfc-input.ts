/**
 * Typed text is stored in Unicode NFC. Most input arrives composed, but some keyboards and tools
 * send a base letter and then a combining tone mark (`a` + U+0323 for `ạ`): the mark is composed
 * with the letter before the caret. Nothing is rewritten while an input method is composing, as
 * that would end the composition and lose letters.
 */
import { Editor, Range, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';

const STARTS_WITH_MARK = /^\p{M}/u;

export function withNfcInput<E extends Editor>(editor: E): E {
  const { insertText } = editor;

  editor.insertText = (text, options) => {
    const composing = ReactEditor.isComposing?.(editor as unknown as ReactEditor) ?? false;
    if (composing) return insertText(text, options);
    const nfc = text.normalize('NFC');
    const { selection } = editor;
    if (STARTS_WITH_MARK.test(nfc) && selection && Range.isCollapsed(selection) && selection.anchor.offset > 0) {
      const before = Editor.string(editor, { anchor: { ...selection.anchor, offset: selection.anchor.offset - 1 }, focus: selection.anchor });
      const combined = (before + nfc).normalize('NFC');
      if (combined.length < before.length + nfc.length) {
        Editor.withoutNormalizing(editor, () => {
          Transforms.delete(editor, { distance: 1, unit: 'character', reverse: true });
          insertText(combined, options);
        });
        return;
      }
    }
    insertText(nfc, options);
  };

  return editor;
}
