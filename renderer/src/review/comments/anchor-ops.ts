/**
 * Comment anchors in the live editor: a thread's id is a mark on the leaves of the commented text
 * (shared/review/comments.ts explains why a mark and not offsets). These are Slate transforms, so
 * they are never recorded as suggestions, and the caller decides which undo step they belong to.
 */
import { Editor, Node, type Path, Range, Text, Transforms, type BaseRange } from 'slate';
import { withAnchor, withoutAnchor } from '../../../../shared/review/comments';

/** Text leaves (outside photos) that a range covers with at least one character, and how much. */
function coveredTexts(editor: Editor, range: BaseRange): { path: Path; covered: Range }[] {
  const out: { path: Path; covered: Range }[] = [];
  for (const [node, path] of Editor.nodes(editor, { at: range, match: Text.isText, voids: false })) {
    if (node.text === '') continue;
    const covered = Range.intersection(range, Editor.range(editor, path));
    if (covered && Range.isExpanded(covered)) out.push({ path, covered });
  }
  return out;
}

/** Whether the range covers any text a thread could be anchored on. */
export function canAnchor(editor: Editor, range: BaseRange | null): range is BaseRange {
  return range !== null && Range.isExpanded(range) && coveredTexts(editor, range).length > 0;
}

/** The text of the range as the thread's quote (paragraphs joined by a space). */
export function quoteOf(editor: Editor, range: BaseRange): string {
  return coveredTexts(editor, range)
    .map(({ covered }) => Editor.string(editor, covered))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Put thread `id` on the text of the range: the leaves at its edges are split, each keeps its other threads. */
export function anchorThread(editor: Editor, range: BaseRange, id: string): void {
  Editor.withoutNormalizing(editor, () => {
    const ref = Editor.rangeRef(editor, range, { affinity: 'inward' });
    // Split the text at both edges (setNodes with `split` does exactly that; no props change here).
    Transforms.setNodes(editor, {}, { at: range, match: Text.isText, split: true });
    const at = ref.unref();
    if (!at) return;
    for (const { path } of coveredTexts(editor, at)) {
      const leaf = Node.get(editor, path) as Text;
      Transforms.setNodes(editor, { comments: withAnchor(leaf.comments, id) }, { at: path });
    }
  });
}

/** Take thread `id` off every leaf that carries it (the neighbours merge again when nothing else differs). */
export function unanchorThread(editor: Editor, id: string): void {
  Editor.withoutNormalizing(editor, () => {
    const found = [...Editor.nodes(editor, { at: [], match: (n) => Text.isText(n) && n.comments?.includes(id) === true })];
    for (const [node, path] of found) {
      const left = withoutAnchor((node as Text).comments, id);
      if (left) Transforms.setNodes(editor, { comments: left }, { at: path });
      else Transforms.unsetNodes(editor, 'comments', { at: path });
    }
  });
}

/** The range from the start of the thread's first leaf to the end of its last one, if it still has text. */
export function threadRange(editor: Editor, id: string): Range | null {
  let first: Path | null = null;
  let last: Path | null = null;
  for (const [node, path] of Editor.nodes(editor, { at: [], match: (n) => Text.isText(n) && n.comments?.includes(id) === true })) {
    if ((node as Text).text === '') continue;
    first ??= path;
    last = path;
  }
  return first && last ? { anchor: Editor.start(editor, first), focus: Editor.end(editor, last) } : null;
}

/**
 * Copied text keeps its marks in Slate's clipboard format; a pasted copy must not become a second
 * anchor of the same thread (Word and Docs do not copy comments either).
 */
export function withCommentFreePaste<E extends Editor>(editor: E): E {
  const { insertFragment } = editor;
  editor.insertFragment = (fragment, options) => {
    const strip = (n: Node): Node => {
      if (Text.isText(n)) {
        const { comments: _comments, ...rest } = n;
        return rest;
      }
      return 'children' in n ? ({ ...n, children: n.children.map(strip) } as Node) : n;
    };
    insertFragment(fragment.map(strip) as typeof fragment, options);
  };
  return editor;
}
