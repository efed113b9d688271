/**
 * Suggesting mode: the user's text edits become tracked suggestions. Like Plate's
 * withSuggestion, this overrides the editor's *user* entry points only: insertText, deleteBackward,
 * deleteForward, deleteFragment, insertBreak and insertData (paste). It is the outermost plugin,
 * so it sees what the user did before any other plugin turns it into transforms.
 *
 * What is never recorded, by construction:
 * - normalisation: normalizers call Transforms, never these methods;
 * - undo and redo: slate-history applies inverse operations directly;
 * - programmatic changes: they use Transforms or run in `withoutSuggestions` (review-env.ts);
 * - IME composition: Chromium composes in the DOM and slate-react calls insertText once, with the
 *   committed text, at compositionend; that commit is recorded like typing.
 * Backspace is an override of deleteBackward, not a key binding, so the synthetic Backspaces that
 * Telex tools (UniKey, EVKey) send work here as in Editing mode: on one's own new text they really
 * delete it, elsewhere they strike it and the tool's replacement letters follow as an insertion.
 */
import { Editor, Range, Text } from 'slate';
import { ReactEditor } from 'slate-react';
import { suggestingEnv } from './review-env';
import { stepOverStruck, suggestDeleteAt, suggestDeleteSelection, suggestInsertAt, suggestReplace, suggestSplit } from './suggest-text-ops';

const STARTS_WITH_MARK = /^\p{M}/u;

export function withSuggestions<E extends Editor>(editor: E): E {
  const { insertText, deleteBackward, deleteForward, deleteFragment, insertBreak, insertData } = editor;

  editor.insertText = (text, options) => {
    const env = suggestingEnv(editor);
    const { selection } = editor;
    if (!selection || options?.at !== undefined) return insertText(text, options);
    if (!env) return insertPlainBesideSuggestions(editor, text, () => insertText(text, options));
    const nfc = text.normalize('NFC');
    Editor.withoutNormalizing(editor, () => {
      if (Range.isExpanded(selection)) return suggestReplace(editor, env, selection, nfc);
      const at = selection.anchor;
      // A combining tone mark typed after its letter: the letter goes and the composed one comes
      // (as nfc-input.ts does in Editing mode), both as suggestions.
      if (STARTS_WITH_MARK.test(nfc) && at.offset > 0) {
        const letter = Editor.string(editor, { anchor: { ...at, offset: at.offset - 1 }, focus: at });
        const combined = (letter + nfc).normalize('NFC');
        if (combined.length < letter.length + nfc.length) {
          suggestDeleteAt(editor, env, at, 'backward');
          if (editor.selection) suggestInsertAt(editor, env, editor.selection.anchor, combined);
          return;
        }
      }
      suggestInsertAt(editor, env, at, nfc);
    });
  };

  editor.deleteBackward = (unit) => {
    const env = suggestingEnv(editor);
    const { selection } = editor;
    if (!env || !selection || !Range.isCollapsed(selection)) return deleteBackward(unit);
    // At a turn's start (past any struck text): the turn joins the block before it, recorded by
    // the turn plugin (editor/turn-backspace.ts) as block suggestions.
    const from = stepOverStruck(editor, selection.anchor, 'backward');
    if (from.path.length === 3 && Editor.isStart(editor, from, [from.path[0]!])) {
      editor.select(from);
      return deleteBackward(unit);
    }
    Editor.withoutNormalizing(editor, () => suggestDeleteAt(editor, env, selection.anchor, 'backward', unit));
  };

  editor.deleteForward = (unit) => {
    const env = suggestingEnv(editor);
    const { selection } = editor;
    if (!env || !selection || !Range.isCollapsed(selection)) return deleteForward(unit);
    Editor.withoutNormalizing(editor, () => suggestDeleteAt(editor, env, selection.anchor, 'forward', unit));
  };

  editor.deleteFragment = (options) => {
    const env = suggestingEnv(editor);
    const { selection } = editor;
    if (!env || !selection || Range.isCollapsed(selection)) return deleteFragment(options);
    Editor.withoutNormalizing(editor, () => {
      const caret = Editor.pointRef(editor, options?.direction === 'forward' ? Range.end(selection) : Range.start(selection));
      suggestDeleteSelection(editor, env, selection);
      const point = caret.unref();
      if (point) editor.select(point);
    });
  };

  editor.insertBreak = () => {
    const env = suggestingEnv(editor);
    const { selection } = editor;
    if (!env || !selection) return insertBreak();
    Editor.withoutNormalizing(editor, () => {
      let at = selection.anchor;
      if (Range.isExpanded(selection)) {
        const end = Editor.pointRef(editor, Range.end(selection));
        suggestDeleteSelection(editor, env, selection);
        at = end.unref() ?? Range.start(selection);
      }
      suggestSplit(editor, env, stepOverStruck(editor, at, 'forward'));
    });
  };

  // Paste while suggesting: its text, paragraph by paragraph, as typed suggestions. Structured
  // pastes (turns, photos) would need block suggestions, which this mode does not record yet.
  editor.insertData = (data) => {
    const env = suggestingEnv(editor);
    if (!env || ReactEditor.isComposing(editor as unknown as ReactEditor)) return insertData(data);
    // Image files go to the photo plugin, which records new photos as suggestions itself.
    if (data.types.includes('Files')) return insertData(data);
    const text = data.getData('text/plain').replace(/\r\n?/g, '\n');
    if (text === '') return;
    Editor.withoutNormalizing(editor, () => {
      text.split('\n').forEach((line, i) => {
        if (i > 0) editor.insertBreak();
        if (line !== '') editor.insertText(line);
      });
    });
  };

  return editor;
}

/**
 * Editing mode beside markup: text typed at a struck or suggested leaf would otherwise take on its
 * marks (Slate inserts into the leaf at the caret) and vanish with a rejection. It is plain text, so
 * it gets a leaf of its own. With no suggestion at the caret this is Slate's own insertText.
 */
function insertPlainBesideSuggestions(editor: Editor, text: string, plain: () => void): void {
  const { selection } = editor;
  if (!selection || Range.isExpanded(selection)) return plain();
  const [leaf] = Editor.leaf(editor, selection.anchor);
  if (!Text.isText(leaf) || (leaf.ins === undefined && leaf.del === undefined)) return plain();
  const { ins: _ins, del: _del, text: _text, ...format } = leaf;
  editor.insertNodes({ ...format, text: text.normalize('NFC') }, { at: selection.anchor, select: true });
}
