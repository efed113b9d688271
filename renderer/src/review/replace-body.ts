/**
 * A document-level change to the body (accepting or rejecting suggestions) applied to the live
 * editor as ONE Slate batch: every top-level node removed and the new ones inserted inside
 * Editor.withoutNormalizing, so the document history has a single step to undo and redo.
 */
import { Editor, Node, type Point, Transforms, type Descendant } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { Block } from '../../../shared/model/schema';
import { withoutSuggestions } from './review-env';

/** The same point in the new body when it still exists there, else the nearest start before it. */
function keepPoint(editor: Editor, point: Point | undefined): Point {
  if (point && Node.has(editor, point.path)) {
    const node = Node.get(editor, point.path);
    if ('text' in node) return { path: point.path, offset: Math.min(point.offset, node.text.length) };
  }
  const top = Math.min(point?.path[0] ?? 0, editor.children.length - 1);
  return Editor.start(editor, [Math.max(0, top)]);
}

export function replaceBody(editor: Editor, body: readonly Block[]): void {
  const anchor = editor.selection?.anchor;
  HistoryEditor.withNewBatch(editor, () => {
    withoutSuggestions(editor, () => {
      Editor.withoutNormalizing(editor, () => {
        // New nodes first, then the old ones go: the selection (in an old node) then moves into the
        // new text instead of vanishing, also when slate-history replays this batch on redo.
        const old = editor.children.length;
        Transforms.insertNodes(editor, body as Descendant[], { at: [0] });
        for (let i = body.length + old - 1; i >= body.length; i--) Transforms.removeNodes(editor, { at: [i] });
      });
      Transforms.select(editor, keepPoint(editor, anchor));
    });
  });
}

