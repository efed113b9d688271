/**
 * Suggesting mode: the user's edits become tracked suggestions. Like Plate's withSuggestion, this
 * overrides the editor's *user* entry points only, and falls through to the method it wraps when
 * the editor is not suggesting:
 * - text: insertText, deleteBackward, deleteForward, deleteFragment, insertBreak, and insertFragment
 *   (pasted paragraphs), recorded by Slate transforms (suggest-text-ops.ts);
 * - structure: the interview's own commands (editor/slate-types.ts: a turn, a speaker, a join, a
 *   participant's turns, photos, a pasted interview), recorded by the algebra
 *   (structure-suggestions.ts).
 * It wraps every other editing plugin, so it sees what the user did before any of them turns it
 * into transforms. The commands are methods, so none can reach the document round this plugin; a
 * new command is a new method, and this is where its suggesting form goes.
 *
 * What is never recorded, by construction:
 * - normalisation: normalizers call Transforms, never these methods;
 * - undo and redo: slate-history applies inverse operations directly;
 * - programmatic changes: they use Transforms or run in `withoutSuggestions` (review-env.ts)
 *   (Slate's Transforms.insertFragment is the editor's method; only paste uses it);
 * - IME composition: Chromium composes in the DOM and slate-react calls insertText once, with the
 *   committed text, at compositionend; that commit is recorded like typing.
 * Backspace is an override of deleteBackward, not a key binding, so the synthetic Backspaces that
 * Telex tools (UniKey, EVKey) send work here as in Editing mode: on one's own new text they really
 * delete it, elsewhere they strike it and the tool's replacement letters follow as an insertion.
 */
import { Editor, Element, Node, Range, Text, type Descendant } from 'slate';
import { suggestingEnv } from './review-env';
import {
  suggestingStructure,
  suggestInsertInterview,
  suggestInsertPhotos,
  suggestMovePhoto,
  suggestNextTurn,
  suggestPhotoText,
  suggestReassignTurns,
  suggestRemovePhoto,
  suggestRemoveTurns,
  suggestSpeaker,
  suggestTurnJoin,
} from './structure-suggestions';
import { stepOverStruck, suggestDeleteAt, suggestDeleteSelection, suggestInsertAt, suggestReplace, suggestSplit } from './suggest-text-ops';
import { moveTargetIn } from '../editor/photos/photo-commands';
import type { BlockPath } from '../../../shared/review';

const STARTS_WITH_MARK = /^\p{M}/u;

export function withSuggestions<E extends Editor>(editor: E): E {
  const { insertText, deleteBackward, deleteForward, deleteFragment, insertBreak, insertFragment } = editor;

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
    // At a turn's start (past any struck text): the turn joins the block before it. The turn
    // plugin (editor/turn-backspace.ts) calls the editor's `joinTurn`, recorded below.
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

  // Pasted paragraphs (editor/paste/insert-pasted.ts) and the app's own copied text: typed in,
  // paragraph by paragraph, as Enter and typing would be. A copied piece of a turn comes wrapped in
  // its turn; its words are typed where the caret is, as Slate's own paste puts them there too.
  // (A pasted interview with turns and photos comes through `insertInterview`, below.)
  editor.insertFragment = (fragment, options) => {
    if (!suggestingEnv(editor) || options?.at !== undefined) return insertFragment(fragment, options);
    const lines = paragraphTexts(fragment);
    Editor.withoutNormalizing(editor, () => {
      lines.forEach((line, i) => {
        if (i > 0) editor.insertBreak();
        if (line !== '') editor.insertText(line);
      });
    });
  };

  installStructureSuggestions(editor);

  return editor;
}

/**
 * The interview's commands while suggesting: each is recorded through the algebra, and is the plain
 * method otherwise (and in an editor whose review env records text only: tests of the text plugin).
 */
function installStructureSuggestions(editor: Editor): void {
  const { insertNextTurn, setSpeaker, joinTurn, reassignTurns, removeTurnsOf, tracksChanges, insertPhotos, movePhoto, removePhoto, setPhotoFields, insertInterview } = editor;

  editor.insertNextTurn = (participants) => {
    const { selection } = editor;
    if (!selection || !suggestingStructure(editor)) return insertNextTurn(participants);
    // A selection is struck first, as typing over it would (its own undo step).
    if (Range.isExpanded(selection)) editor.deleteFragment();
    const s = suggestingStructure(editor);
    if (s && editor.selection) suggestNextTurn(editor, s, participants, editor.selection.anchor);
  };

  editor.setSpeaker = (top, speakerId) => {
    const s = suggestingStructure(editor);
    if (!s) return setSpeaker(top, speakerId);
    suggestSpeaker(s, top, speakerId);
  };

  // Backspace at a turn's start (deleteBackward above hands it there past any struck text, and
  // editor/turn-backspace.ts calls this), or the same-speaker "merge" button.
  editor.joinTurn = (top) => {
    const s = suggestingStructure(editor);
    if (!s) return joinTurn(top);
    suggestTurnJoin(editor, s, top);
  };

  editor.reassignTurns = (fromId, toId) => {
    const s = suggestingStructure(editor);
    if (!s) return reassignTurns(fromId, toId);
    suggestReassignTurns(s, fromId, toId);
  };

  editor.removeTurnsOf = (speakerId) => {
    const s = suggestingStructure(editor);
    if (!s) return removeTurnsOf(speakerId);
    suggestRemoveTurns(s, speakerId);
  };

  editor.tracksChanges = () => suggestingStructure(editor) !== undefined || tracksChanges();

  editor.insertPhotos = (photos, at) => {
    const s = suggestingStructure(editor);
    if (!s) return insertPhotos(photos, at);
    return suggestInsertPhotos(s, photos, at) ?? at;
  };

  editor.movePhoto = (at, direction) => {
    const s = suggestingStructure(editor);
    if (!s) return movePhoto(at, direction);
    return suggestMovePhoto(s, at, (accepted, from) => moveTargetIn(accepted as Descendant[], from, direction) as BlockPath | null);
  };

  editor.removePhoto = (at) => {
    const s = suggestingStructure(editor);
    if (!s) return removePhoto(at);
    return suggestRemovePhoto(s, at) ?? at;
  };

  // Caption, credit and alt text are tracked values; an attached image is not (it is set plainly).
  editor.setPhotoFields = (at, fields, options) => {
    if (fields.assetId !== undefined || !suggestingStructure(editor)) return setPhotoFields(at, fields, options);
    for (const field of ['caption', 'credit', 'alt'] as const) {
      const value = fields[field];
      // Read for each field: the one before has just changed the document.
      const s = suggestingStructure(editor);
      if (value !== undefined && s) suggestPhotoText(s, at, field, value, options?.merge ?? false);
    }
  };

  editor.insertInterview = (pasted) => {
    if (!suggestingStructure(editor)) return insertInterview(pasted);
    return suggestInsertInterview(editor, pasted);
  };
}

/** The text of each paragraph of a fragment, in order (photos have none). */
function paragraphTexts(fragment: readonly Node[]): string[] {
  const out: string[] = [];
  const visit = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (!Element.isElement(node)) continue;
      if (node.type === 'paragraph') out.push(Node.string(node));
      else if (node.type === 'turn') visit(node.children);
    }
  };
  visit(fragment);
  // A fragment of bare text (no blocks) is one line.
  if (out.length === 0 && fragment.every((n) => Text.isText(n))) return [fragment.map((n) => Node.string(n)).join('')];
  return out;
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
