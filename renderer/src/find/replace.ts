/**
 * Replacing found text. Plain functions of a Slate editor, so they are tested without a browser.
 *
 * Each call is one undo step: `HistoryEditor.withNewBatch` starts a new history batch (so the
 * first change does not merge into the typing before it) and slate-history merges every later
 * operation of the same synchronous call into that batch.
 */
import { Editor, Node, Path, Text, Transforms, type Range } from 'slate';
import { HistoryEditor } from 'slate-history';
import { suggestingEnv, type ReviewEnv } from '../review/review-env';
import { suggestReplace } from '../review/suggest-text-ops';
import { matchRange, type Match } from './find-matches';

/**
 * Replaces `range` (inside one paragraph) with `text` and leaves the caret after it.
 * `text` must already be clean NFC (cleanLine).
 */
export function replaceRange(editor: Editor, range: Range, text: string): void {
  HistoryEditor.withNewBatch(editor, () => {
    Editor.withoutNormalizing(editor, () => {
      const env = suggestingEnv(editor);
      // Suggesting: the match struck and the replacement typed after it, one suggestion each.
      if (env) return suggestReplace(editor, env, range, text);
      Transforms.insertText(editor, text, { at: range, select: true });
      keepNfc(editor, Path.parent(range.anchor.path));
    });
  });
}

/**
 * Replaces every match with `text`, as one undo step, and returns how many changed (a match that
 * already reads exactly `text` is left alone). The user's selection is carried along, not moved.
 */
export function replaceAllMatches(editor: Editor, matches: readonly Match[], text: string): number {
  let replaced = 0;
  const env = suggestingEnv(editor);
  HistoryEditor.withNewBatch(editor, () => {
    Editor.withoutNormalizing(editor, () => {
      const paragraphs: Path[] = [];
      // Last match first: replacing it changes no offset or leaf index of a match before it.
      // (Normalisation, which could merge leaves, waits until the end of withoutNormalizing.)
      for (let i = matches.length - 1; i >= 0; i--) {
        const match = matches[i]!;
        const range = matchRange(match);
        if (Editor.string(editor, range) === text) continue;
        if (env) replaceAsSuggestion(editor, env, range, text);
        else Transforms.insertText(editor, text, { at: range, select: false });
        replaced++;
        const last = paragraphs[paragraphs.length - 1];
        if (!last || !Path.equals(last, match.path)) paragraphs.push(match.path);
      }
      if (!env) for (const path of paragraphs) keepNfc(editor, path);
    });
  });
  return replaced;
}

/** One replacement as a suggestion, leaving the user's selection where it was. */
function replaceAsSuggestion(editor: Editor, env: ReviewEnv, range: Range, text: string): void {
  const selection = editor.selection && Editor.rangeRef(editor, editor.selection);
  suggestReplace(editor, env, range, text);
  const back = selection?.unref();
  if (back) Transforms.select(editor, back);
}

/**
 * Matches start and end on whole characters and the replacement is NFC, so the text around a
 * replacement is NFC in practice; a few scripts (Hangul jamo) compose across such a boundary.
 * The document stores NFC, so recompose any leaf of the paragraph that is not.
 */
function keepNfc(editor: Editor, paragraphPath: Path): void {
  const paragraph = Node.get(editor, paragraphPath);
  if (Text.isText(paragraph)) return;
  paragraph.children.forEach((leaf, i) => {
    if (!Text.isText(leaf)) return;
    const nfc = leaf.text.normalize('NFC');
    if (nfc !== leaf.text) Transforms.insertText(editor, nfc, { at: Editor.range(editor, [...paragraphPath, i]), select: false });
  });
}
