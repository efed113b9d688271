/**
 * A document-level change to the body (accepting or rejecting suggestions, a structural suggestion
 * recorded by the algebra) applied to the live editor as ONE Slate batch, so the document history
 * has a single step to undo and redo.
 *
 * Only what differs is touched: the common prefix and suffix of top-level blocks (compared
 * structurally) stay as they are, so a speaker change in a 2,000-paragraph interview re-renders one
 * turn, not the document. Inside a changed turn or photo the same is done one level down, and a
 * node whose properties alone changed (a speaker, a caption, a suggestion mark on a block) gets
 * them set in place: slate-react keeps the node's key, so its component stays mounted (a caption
 * being typed keeps the focus).
 */
import { Editor, Element, Node, type Point, Transforms, type Descendant, type Path } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { Block, Turn } from '../../../shared/model/schema';
import { withoutSuggestions } from './review-env';

/** Structural equality of plain JSON values, ignoring the order of object keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameValue(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The same point in the new body when it still exists there, else the nearest start before it. */
function keepPoint(editor: Editor, point: Point | undefined): Point {
  if (point && Node.has(editor, point.path)) {
    const node = Node.get(editor, point.path);
    if ('text' in node) return { path: point.path, offset: Math.min(point.offset, node.text.length) };
  }
  const top = Math.min(point?.path[0] ?? 0, editor.children.length - 1);
  return Editor.start(editor, [Math.max(0, top)]);
}

/** Set (and unset) the properties other than `children` in which `next` differs from `old`. */
function syncProps(editor: Editor, path: Path, old: Element, next: Element): void {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const [key, value] of Object.entries(next)) if (key !== 'children' && !sameValue(value, (old as unknown as Record<string, unknown>)[key])) set[key] = value;
  for (const key of Object.keys(old)) if (key !== 'children' && !(key in next)) unset.push(key);
  if (Object.keys(set).length > 0) Transforms.setNodes(editor, set as Partial<Turn>, { at: path }); // any element's props; the type is nominal
  if (unset.length > 0) Transforms.unsetNodes(editor, unset, { at: path });
}

/** Turns and photos are synced in place; paragraphs (whose leaves are small) are replaced whole. */
const syncsInPlace = (old: Descendant, next: Descendant) =>
  Element.isElement(old) && Element.isElement(next) && old.type === next.type && (next.type === 'turn' || next.type === 'photo');

/**
 * Make the children at `parent` (the editor for `[]`) read `next`: keep the common prefix and
 * suffix, sync a changed middle pair by pair when it pairs up, else insert the new middle and
 * remove the old one (new first, so the selection can move into new text, also on redo).
 */
function syncChildren(editor: Editor, parent: Path, old: readonly Descendant[], next: readonly Descendant[]): void {
  let start = 0;
  while (start < old.length && start < next.length && sameValue(old[start], next[start])) start++;
  let end = 0;
  while (end < old.length - start && end < next.length - start && sameValue(old[old.length - 1 - end], next[next.length - 1 - end])) end++;
  const oldMiddle = old.slice(start, old.length - end);
  const newMiddle = next.slice(start, next.length - end);
  if (oldMiddle.length === newMiddle.length && oldMiddle.every((o, i) => syncsInPlace(o, newMiddle[i]!))) {
    oldMiddle.forEach((o, i) => {
      const path = [...parent, start + i];
      const n = newMiddle[i] as Element;
      syncProps(editor, path, o as Element, n);
      if (!sameValue((o as Element).children, n.children)) syncChildren(editor, path, (o as Element).children, n.children);
    });
    return;
  }
  if (newMiddle.length > 0) Transforms.insertNodes(editor, newMiddle as Descendant[], { at: [...parent, start] });
  for (let i = start + newMiddle.length + oldMiddle.length - 1; i >= start + newMiddle.length; i--) Transforms.removeNodes(editor, { at: [...parent, i] });
}

export function replaceBody(editor: Editor, body: readonly Block[], { merge = false }: { merge?: boolean } = {}): void {
  const anchor = editor.selection?.anchor;
  const change = () =>
    withoutSuggestions(editor, () => {
      Editor.withoutNormalizing(editor, () => syncChildren(editor, [], [...editor.children], body as Descendant[]));
      // No selection (the focus is in a caption or metadata field): none is made, which would
      // pull the focus back into the story.
      if (anchor) Transforms.select(editor, keepPoint(editor, anchor));
    });
  if (merge) HistoryEditor.withMerging(editor, change);
  else HistoryEditor.withNewBatch(editor, change);
}
