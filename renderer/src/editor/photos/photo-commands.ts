/**
 * Editing commands for photos, as plain functions of a Slate editor (unit-tested without a
 * browser). A photo stands either between top-level blocks or between the children of a turn
 * (as in the agency's layout, where a photo interrupts an answer); see with-interview.ts.
 *
 * The UI calls `insertPhotos`, `movePhoto`, `removePhoto` and `setPhotoFields`, which are the
 * editor's methods (slate-types.ts), so a plugin that overrides them (Suggesting) is never gone
 * round; their plain behaviour is the `plain…` functions below, installed by `withInterview`.
 */
import { Editor, Element, Node, Path, Range, Transforms, type Descendant } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { Photo, Turn } from '../../../../shared/model/schema';
import type { Direction, PhotoFields } from '../slate-types';

export type { Direction, PhotoFields } from '../slate-types';

export function newPhoto(assetId: string | null): Photo {
  return { type: 'photo', assetId, caption: '', credit: '', alt: '', children: [{ text: '' }] };
}

const isTurn = (node: Descendant | undefined): node is Turn => Element.isElement(node) && node.type === 'turn';

/**
 * Where a new photo goes: after the block at the caret, at the same level — between a turn's
 * paragraphs when the caret is in a turn, between top-level blocks otherwise — and at the end
 * of the document when there is no selection.
 */
export function photoInsertionPath(editor: Editor): Path {
  const { selection } = editor;
  if (!selection) return [editor.children.length];
  const point = Range.end(selection);
  const top = point.path[0]!;
  const block = isTurn(editor.children[top]) && point.path.length > 2 ? point.path.slice(0, 2) : [top];
  return Path.next(block);
}

/**
 * Insert photos in order at `at` (a path where a block can stand); the caret stays where it is.
 * Returns where the first one is (in Suggesting mode a suggested photo may land after struck blocks).
 */
export function insertPhotos(editor: Editor, photos: readonly Photo[], at: Path): Path {
  return editor.insertPhotos(photos, at);
}

export function plainInsertPhotos(editor: Editor, photos: readonly Photo[], at: Path): Path {
  Transforms.insertNodes(editor, [...photos], { at, select: false });
  return at;
}

/**
 * `at` if a photo can still be inserted there, else where a photo would go now: uploads take
 * time, and the document may change meanwhile.
 */
export function usableInsertionPath(editor: Editor, at: Path | null): Path {
  const [top, inner] = at ?? [];
  const blocks = editor.children;
  const fits =
    at !== null &&
    top !== undefined &&
    (at.length === 1 ? top <= blocks.length : at.length === 2 && isTurn(blocks[top]) && inner! <= blocks[top].children.length);
  return fits ? at : photoInsertionPath(editor);
}

/**
 * Change a photo's caption, credit, alt text or image. `merge` joins the change to the previous
 * undo step, so typing a caption is one step rather than one per key.
 */
export function setPhotoFields(editor: Editor, at: Path, fields: PhotoFields, options: { merge?: boolean } = {}): void {
  editor.setPhotoFields(at, fields, options);
}

export function plainSetPhotoFields(editor: Editor, at: Path, fields: PhotoFields, { merge = false }: { merge?: boolean } = {}): void {
  const apply = () => Transforms.setNodes(editor, fields, { at, match: (n) => Element.isElement(n) && n.type === 'photo', mode: 'highest' });
  if (merge && HistoryEditor.isHistoryEditor(editor)) HistoryEditor.withMerging(editor, apply);
  else apply();
}

/**
 * The next place up or down for the photo at `at`, in the coordinates of the document without
 * that photo, or null at either end. The places, in document order, are: before each top-level
 * block, and before each child of a turn and at its end. So a photo moves through a turn one
 * paragraph at a time and steps in and out of turns; there is no place after the last block,
 * since a document never ends with a photo.
 */
export function photoMoveTarget(editor: Editor, at: Path, direction: Direction): Path | null {
  return moveTargetIn(editor.children, at, direction);
}

/** photoMoveTarget in a list of top-level blocks (the live ones, or the accepted view's). */
export function moveTargetIn(blocks: readonly Descendant[], at: Path, direction: Direction): Path | null {
  const [top, inner] = at as [number, number | undefined];
  if (direction === 'up') {
    if (inner !== undefined) return inner > 0 ? [top, inner - 1] : [top];
    if (top === 0) return null;
    const previous = blocks[top - 1]!;
    return isTurn(previous) ? [top - 1, previous.children.length] : [top - 1];
  }
  if (inner !== undefined) {
    const remaining = (blocks[top] as Turn).children.length - 1;
    if (inner < remaining) return [top, inner + 1];
    return top + 1 < blocks.length ? [top + 1] : null;
  }
  // Without the photo, the block that followed it is now at `top`.
  const next = blocks[top + 1];
  if (isTurn(next)) return [top, 0];
  return top + 2 < blocks.length ? [top + 1] : null;
}

/** Move the photo at `at` one place up or down; returns its new path, or null if it cannot move. */
export function movePhoto(editor: Editor, at: Path, direction: Direction): Path | null {
  return editor.movePhoto(at, direction);
}

export function plainMovePhoto(editor: Editor, at: Path, direction: Direction): Path | null {
  const target = photoMoveTarget(editor, at, direction);
  if (!target) return null;
  const photo = Node.get(editor, at);
  // Removing and reinserting (rather than move_node) keeps the target in one set of coordinates.
  // Both operations land in the same undo step.
  Editor.withoutNormalizing(editor, () => {
    Transforms.removeNodes(editor, { at });
    Transforms.insertNodes(editor, photo, { at: target, select: false });
  });
  return target;
}

/** Remove the photo at `at` (one undo step) and return where the caret can go instead. */
export function removePhoto(editor: Editor, at: Path): Path {
  return editor.removePhoto(at);
}

export function plainRemovePhoto(editor: Editor, at: Path): Path {
  Transforms.removeNodes(editor, { at });
  if (Node.has(editor, at)) return at;
  return Path.hasPrevious(at) ? Path.previous(at) : Path.parent(at);
}
