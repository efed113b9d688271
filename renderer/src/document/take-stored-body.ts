/**
 * The open editor takes a body the library stored by other means (a restored version) in place,
 * without reloading the page: the editor, its plugins, the review mode, the open panel and the
 * scroll position all stay. Only the blocks that differ are touched (review/replace-body.ts), so
 * the caret stays where its text still is.
 *
 * The replacement is not an undo step, and the undo history is emptied: its steps are edits of
 * the text that was replaced, and replayed on the restored text they would change the wrong
 * words. A restore is undone as it was made, from the library ("Undo restore": restoring the
 * version it replaced, history/RestoreNotice.tsx), which also covers what the editor's undo
 * never held (story details, participants, comments and suggestions restored with the text).
 */
import type { Editor } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { Block } from '../../../shared/model/schema';
import { replaceBody } from '../review/replace-body';
import type { DocumentHistory } from './document-history';

export function takeStoredBody(editor: Editor, history: DocumentHistory, body: readonly Block[]): void {
  HistoryEditor.withoutSaving(editor, () => replaceBody(editor, body));
  history.clear();
}
