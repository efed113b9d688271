/**
 * Edits of an interview, as the review algebra models them.
 *
 * POSITIONS ADDRESS THE ACCEPTED VIEW: the document as it reads with every pending suggestion
 * accepted (resolve.ts `acceptedView`), which is also what the author sees as "the text". Struck-
 * through text, removed blocks and the old place of a moved photo are not there; typed text, new
 * blocks and a photo's new place are; a paragraph split or merge by a pending suggestion is carried
 * out. So the same edit means the same thing to `edit` (applied to the accepted view, plainly) and to
 * `suggest` (recorded as suggestions in the marked-up document, see suggest.ts), which is what
 * `acceptAll(suggest(doc, edits)) ≡ edit(doc, edits)` states.
 *
 * - A block is `[i]`, the i-th top-level block, or `[i, j]`, the j-th block of the turn at `[i]`.
 * - A text position is a paragraph's path and an offset in its text, in UTF-16 code units as Slate
 *   counts them. Text edits stay within one paragraph; a selection across paragraphs is a delete in
 *   each, then merges (the editor integration decomposes it).
 * - An insertion index (`insertTurn`, `insertPhoto`) may equal the number of blocks: append.
 * - `movePhoto.to` addresses the document with the photo already taken out of `from`.
 * - The body keeps at least one block: an edit that would leave none is refused (EditError). Only a
 *   mix of decisions can leave every top-level block a pending removal; the accepted view then shows
 *   the editor's one empty paragraph, which is not in the tree, so edits cannot address that view
 *   until those removals are decided.
 */
import type { Meta, TrackedMetaField } from '../model/schema';
import type { LeafMarks } from './leaves';
import type { PhotoTextField } from './values';

export type BlockPath = [number] | [number, number];

export interface TextPoint {
  path: BlockPath;
  offset: number;
}

export interface PhotoFields {
  assetId: string | null;
  caption: string;
  credit: string;
  alt: string;
}

export type SetMetaEdit = { [F in TrackedMetaField]: { type: 'setMeta'; field: F; value: Meta[F] } }[TrackedMetaField];

export type Edit =
  /** Type `text` at a point, with the given formatting (none when absent). */
  | { type: 'insertText'; at: TextPoint; text: string; marks?: LeafMarks }
  /** Delete `length` characters from a point. */
  | { type: 'deleteText'; at: TextPoint; length: number }
  /** Type over a selection: delete `length` characters from a point, then insert `text` there. */
  | { type: 'replaceText'; at: TextPoint; length: number; text: string; marks?: LeafMarks }
  /** Enter: the paragraph ends at the point and the rest becomes the next paragraph. */
  | { type: 'splitParagraph'; at: TextPoint }
  /** Join the paragraph at `at` with the paragraph right after it (same container). */
  | { type: 'mergeParagraphs'; at: BlockPath }
  /** A new top-level turn with one paragraph of text, before the block at index `at`. */
  | { type: 'insertTurn'; at: number; speakerId: string; text: string }
  | { type: 'removeTurn'; at: number }
  | { type: 'setSpeaker'; at: number; speakerId: string }
  /** A new photo before the block at `at` (top level, or inside a turn). */
  | { type: 'insertPhoto'; at: BlockPath; photo: PhotoFields }
  | { type: 'removePhoto'; at: BlockPath }
  | { type: 'movePhoto'; from: BlockPath; to: BlockPath }
  | { type: 'setPhotoText'; at: BlockPath; field: PhotoTextField; value: string }
  | SetMetaEdit;

export type EditType = Edit['type'];

/** An edit that does not fit the document (a programming error in the caller, not bad user data). */
export class EditError extends Error {
  constructor(edit: Edit, reason: string) {
    super(`${edit.type}: ${reason}`);
    this.name = 'EditError';
  }
}
