/**
 * Review as one editor plugin: what the document screen wraps around the interview editor
 * (`withReview(createInterviewEditor())`, document/DocumentEditor.tsx). The editor itself knows
 * nothing of review (editor/ may not import review/: eslint.config.js); review extends it by
 * overriding its methods:
 * - Suggesting mode records the user's edits and the interview's commands (with-suggestions.ts);
 * - a pasted copy of anchored text does not become a second anchor of the thread
 *   (comments/anchor-ops.ts `withCommentFreePaste`);
 * - the text shows suggestion and comment marks (`renderLeafMarks`).
 */
import type { Editor } from 'slate';
import { withCommentMarks } from './comments/CommentMarks';
import { withCommentFreePaste } from './comments/anchor-ops';
import { withSuggestionMarks } from './SuggestionMarks';
import { withSuggestions } from './with-suggestions';

export function withReview<E extends Editor>(editor: E): E {
  const { renderLeafMarks } = editor;
  editor.renderLeafMarks = (leaf, children) => withCommentMarks(leaf, withSuggestionMarks(leaf, renderLeafMarks(leaf, children)));
  // Suggesting wraps the comment-free paste, as it wraps every editing plugin: it sees the user's
  // paste first.
  return withSuggestions(withCommentFreePaste(editor));
}
