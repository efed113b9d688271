/**
 * Structural actions in Suggesting mode: a turn's speaker, a new, split or joined turn, a
 * participant's turns given away or removed, photos inserted, moved, removed or re-captioned, a
 * pasted interview. Unlike typed text (suggest-text-ops.ts, recorded by Slate transforms), these go
 * through the pure algebra: the editor's action becomes edits of the accepted view
 * (structure-edits.ts), `suggest` records them by the profile, and the result is put in place by the
 * review env (use-review.ts: records adopted, only the changed blocks replaced, one undo step).
 * The suggestions plugin (with-suggestions.ts) calls these from its overrides of the editor's
 * methods (editor/slate-types.ts), so the commands themselves know nothing of Suggesting.
 */
import { Editor, Range, type Path, type Point } from 'slate';
import type { Block, Interview, Meta, Participant, Photo, TextLeaf, TrackedMetaField, Turn } from '../../../shared/model/schema';
import { acceptedPath, acceptedPoint, acceptedView, EditError, suggest, TRACKED_META_FIELDS, type BlockPath, type Edit, type TextPoint } from '../../../shared/review';
import { acceptedBlocks, firstIndex } from '../../../shared/review/layout';
import type { PhotoTextField } from '../../../shared/review';
import { adoptSpeakers } from '../editor/paste/insert-pasted';
import type { PastedInterview } from '../editor/slate-types';
import { nextSpeakerId } from '../editor/speakers';
import { carryAnchors, leavesFrom, type CopiedText } from './comments/carry-anchors';
import { suggestingEnv, type CommitOptions, type ReviewEnv } from './review-env';
import { randomId } from './review-records';
import { insertBlocksEdits, isEmptyTurn, joinTurnEdits, splitParagraphIntoTurnEdits, splitTurnEdits, type PasteAnchor } from './structure-edits';

export interface Structure {
  env: ReviewEnv & Required<Pick<ReviewEnv, 'document' | 'commit'>>;
  /** The document now: the live body with its records. */
  doc: Interview;
}

/** The review env and the document, when the editor is suggesting and can record structure. */
export function suggestingStructure(editor: Editor): Structure | undefined {
  const env = suggestingEnv(editor);
  if (!env?.document || !env.commit) return undefined;
  return { env: env as Structure['env'], doc: env.document() };
}

const now = () => new Date().toISOString();

/**
 * Record edits by the profile and put the result in place. Returns the new document, or undefined
 * when the edits do not fit it (nothing changes then: an action the algebra cannot express is
 * refused rather than done plainly behind the reviewer's back). `copied` names text the edits copy
 * elsewhere, whose comment anchors go with it (comments/carry-anchors.ts), in the same step.
 */
export function recordEdits(s: Structure, edits: readonly Edit[], options?: CommitOptions, copied?: CopiedText): Interview | undefined {
  if (edits.length === 0) return undefined;
  let next: Interview;
  try {
    next = suggest(s.doc, edits, s.env.author(), now, randomId);
  } catch (error) {
    if (error instanceof EditError) return undefined;
    throw error;
  }
  if (copied) next = carryAnchors(next, copied);
  s.env.commit(next, options);
  return next;
}

/** The stored (Slate) path of an accepted-view block path. */
export function storedPath(doc: Interview, path: BlockPath): Path | undefined {
  const top = acceptedBlocks(doc.body)[path[0]];
  if (!top) return undefined;
  const i = firstIndex(top);
  if (path.length === 1) return [i];
  const turn = doc.body[i];
  if (turn?.type !== 'turn') return undefined;
  const inner = acceptedBlocks(turn.children)[path[1]];
  return inner ? [i, firstIndex(inner)] : undefined;
}

/** The accepted-view insertion path for a stored one (before the block there, or at the end). */
export function acceptedInsertion(doc: Interview, at: Path): BlockPath | undefined {
  const before = (children: Interview['body'], index: number) => acceptedBlocks(children).filter((b) => firstIndex(b) < index).length;
  if (at.length === 1) return [before(doc.body, at[0]!)];
  const turn = doc.body[at[0]!];
  const top = acceptedPath(doc, [at[0]!]);
  if (turn?.type !== 'turn' || !top) return undefined;
  return [top[0], before(turn.children, at[1]!)];
}

function selectStart(editor: Editor, doc: Interview, path: BlockPath): void {
  const stored = storedPath(doc, path);
  if (stored) editor.select(Editor.start(editor, stored));
}

const isTurn = (b: unknown): b is Turn => (b as Turn | undefined)?.type === 'turn';
const paragraphLeaves = (blocks: readonly Block[]): TextLeaf[][] => blocks.flatMap((b) => (b.type === 'paragraph' ? [b.children] : []));
const textOf = (leaves: readonly TextLeaf[]) => leaves.map((l) => l.text).join('');

/** Alt+1…9 or a picker: the turn at a stored top index goes to `speakerId`. */
export function suggestSpeaker(s: Structure, top: number, speakerId: string): void {
  const path = acceptedPath(s.doc, [top]);
  const turn = s.doc.body[top];
  if (!path || !isTurn(turn) || turn.speakerId === speakerId) return;
  recordEdits(s, [{ type: 'setSpeaker', at: path[0], speakerId }]);
}

/** Ctrl+Enter (editor/commands.ts `startNextTurn`), as a suggestion. */
export function suggestNextTurn(editor: Editor, s: Structure, participants: readonly Participant[], caret: Point): void {
  const point = acceptedPoint(s.doc, caret);
  if (!point) return;
  const accepted = acceptedView(s.doc).body;
  const a = point.path[0];
  const block = accepted[a];
  const earlier = accepted.slice(0, a).filter(isTurn).map((t) => t.speakerId);
  let edits: Edit[] | undefined;
  let caretTo: BlockPath | undefined;
  // The text that goes to the new turn, whose comment anchors go with it.
  let copied: CopiedText | undefined;
  if (isTurn(block)) {
    const next = nextSpeakerId(participants, block.speakerId, [...earlier, block.speakerId]);
    if (!next) return;
    const j = point.path[1] ?? 0;
    const p = block.children[j];
    const length = p?.type === 'paragraph' ? p.children.reduce((n, l) => n + l.text.length, 0) : 0;
    if (isEmptyTurn(block)) edits = [{ type: 'setSpeaker', at: a, speakerId: next }];
    else if (j === block.children.length - 1 && point.offset === length) {
      edits = [{ type: 'insertTurn', at: a + 1, speakerId: next, text: '' }];
      caretTo = [a + 1, 0];
    } else if (j === 0 && point.offset === 0) {
      // At the very start: an interjection of the other speaker goes before this turn.
      const before = nextSpeakerId(participants, block.speakerId, earlier) ?? next;
      edits = [{ type: 'insertTurn', at: a, speakerId: before, text: '' }];
      caretTo = [a, 0];
    } else {
      edits = splitTurnEdits(block, a, point, next);
      caretTo = [a + 1, 0];
      // The rest of the paragraph, then the paragraphs after it (an empty rest is no paragraph of
      // the new turn when one follows: splitTurnEdits starts the turn with that one).
      const tail = p?.type === 'paragraph' ? leavesFrom(p.children, point.offset) : [];
      copied = { from: [...(tail.length > 0 ? [tail] : []), ...paragraphLeaves(block.children.slice(j + 1))], to: { turn: a + 1, index: 0 } };
    }
  } else if (block?.type === 'paragraph') {
    const last = earlier[earlier.length - 1] ?? null;
    const speaker = last === null ? nextSpeakerId(participants, null, []) : nextSpeakerId(participants, last, earlier);
    if (!speaker) return;
    edits = splitParagraphIntoTurnEdits(block, a, point.offset, speaker);
    caretTo = [a + 1, 0];
    copied = { from: [leavesFrom(block.children, point.offset)], to: { turn: a + 1, index: 0 } };
  }
  const next = edits && recordEdits(s, edits, undefined, copied);
  if (next && caretTo) selectStart(editor, next, caretTo);
}

/**
 * Backspace at the start of the turn at a stored top index (editor/turn-backspace.ts), or its
 * same-speaker "merge" button: an empty turn is removed, any other joins the block before it.
 */
export function suggestTurnJoin(editor: Editor, s: Structure, top: number): void {
  const path = acceptedPath(s.doc, [top]);
  if (!path) return;
  const a = path[0];
  const accepted = acceptedView(s.doc).body;
  const turn = accepted[a];
  const previous = accepted[a - 1];
  if (!isTurn(turn) || !previous) return;
  if (isEmptyTurn(turn)) {
    const next = recordEdits(s, [{ type: 'removeTurn', at: a }]);
    const stored = next && storedPath(next, [a - 1]);
    if (stored) editor.select(Editor.end(editor, stored));
    return;
  }
  // The turn's paragraphs are copied after the previous turn's last child, or after the paragraph.
  const copied: CopiedText = { from: paragraphLeaves(turn.children), to: isTurn(previous) ? { turn: a - 1, index: previous.children.length } : { turn: null, index: a } };
  const next = recordEdits(s, joinTurnEdits(previous, turn, a) ?? [], undefined, copied);
  if (next) selectStart(editor, next, isTurn(previous) ? [a - 1, previous.children.length] : [a]);
}

/** Every turn of `fromId` in the accepted view goes to `toId`: one suggestion each, one undo step. */
export function suggestReassignTurns(s: Structure, fromId: string, toId: string): void {
  const edits: Edit[] = [];
  acceptedView(s.doc).body.forEach((b, i) => isTurn(b) && b.speakerId === fromId && edits.push({ type: 'setSpeaker', at: i, speakerId: toId }));
  recordEdits(s, edits);
}

/** Every turn of `speakerId` in the accepted view is struck: one suggestion each, one undo step. */
export function suggestRemoveTurns(s: Structure, speakerId: string): void {
  const edits: Edit[] = [];
  // Last first, so that each index still names its turn.
  acceptedView(s.doc).body.forEach((b, i) => isTurn(b) && b.speakerId === speakerId && edits.unshift({ type: 'removeTurn', at: i }));
  recordEdits(s, edits);
}

const fieldsOf = (p: Photo) => ({ assetId: p.assetId, caption: p.caption, credit: p.credit, alt: p.alt });

/** New photos at a stored insertion path; the stored path of the first, or undefined. */
export function suggestInsertPhotos(s: Structure, photos: readonly Photo[], at: Path): Path | undefined {
  const place = acceptedInsertion(s.doc, at) ?? [acceptedBlocks(s.doc.body).length];
  const last = place[place.length - 1]!;
  const pathAt = (i: number): BlockPath => (place.length === 1 ? [last + i] : [place[0]!, last + i]);
  const next = recordEdits(
    s,
    photos.map((photo, i) => ({ type: 'insertPhoto', at: pathAt(i), photo: fieldsOf(photo) })),
  );
  return next && storedPath(next, place);
}

/** Move the photo at a stored path to an accepted-view place; its stored path afterwards. */
export function suggestMovePhoto(s: Structure, at: Path, to: (accepted: Interview['body'], from: BlockPath) => BlockPath | null): Path | null {
  const from = acceptedPath(s.doc, at);
  const target = from && to(acceptedView(s.doc).body, from);
  if (!from || !target) return null;
  const next = recordEdits(s, [{ type: 'movePhoto', from, to: target }]);
  return (next && storedPath(next, target)) ?? null;
}

/** Remove the photo at a stored path (struck, unless it is one's own new photo). */
export function suggestRemovePhoto(s: Structure, at: Path): Path | undefined {
  const path = acceptedPath(s.doc, at);
  if (!path) return undefined;
  const next = recordEdits(s, [{ type: 'removePhoto', at: path }]);
  if (!next) return undefined;
  // A struck photo stays where it was; one's own new photo is gone, and the place is what is there now.
  const left = storedPath(next, path) ?? storedPath(next, path.length === 2 && path[1] > 0 ? [path[0], path[1] - 1] : [Math.max(0, path[0] - 1)]);
  return left;
}

/** A photo's caption, credit or alt text; typing letter by letter amends one's own pending change. */
export function suggestPhotoText(s: Structure, at: Path, field: PhotoTextField, value: string, merge: boolean): void {
  const path = acceptedPath(s.doc, at);
  if (path) recordEdits(s, [{ type: 'setPhotoText', at: path, field, value }], { merge });
}

/** Where pasted top-level blocks go in the accepted view, and what is split first to make the place. */
interface PastePlace {
  pre: Edit[];
  at: number;
  anchor: PasteAnchor | undefined;
}

/**
 * The place Editing mode gives a pasted interview (editor/paste/insert-pasted.ts): an empty
 * paragraph is filled; at the start or end of a paragraph or turn the blocks go before or after it;
 * inside a paragraph it is split, and inside a turn the turn is split (as Ctrl+Enter splits it, both
 * halves the same speaker's); after a photo, after it. Undefined where there is no such place (the
 * caret in a photo inside a turn).
 */
function pastePlace(editor: Editor, doc: Interview, intoEmpty: boolean): PastePlace | undefined {
  const accepted = acceptedView(doc).body;
  const paragraphAt = (i: number) => {
    const b = accepted[i];
    return b?.type === 'paragraph' ? b : undefined;
  };
  const lengthAt = (i: number) => textOf(paragraphAt(i)?.children ?? []).length;
  const after = (i: number): PasteAnchor | undefined => (paragraphAt(i) ? { kind: 'after', length: lengthAt(i) } : undefined);
  const before = (i: number): PasteAnchor | undefined => (paragraphAt(i) ? { kind: 'before' } : undefined);
  if (intoEmpty) return { pre: [], at: 0, anchor: paragraphAt(0) && lengthAt(0) === 0 ? { kind: 'fill' } : before(0) };
  const { selection } = editor;
  if (!selection) return { pre: [], at: accepted.length, anchor: after(accepted.length - 1) };
  const caret = Range.start(selection);
  const point: TextPoint | undefined = acceptedPoint(doc, caret);
  if (!point) {
    // The caret is in a photo's (void) text: after a top-level photo.
    const photo = caret.path.length === 2 ? acceptedPath(doc, [caret.path[0]!]) : undefined;
    return photo && { pre: [], at: photo[0] + 1, anchor: before(photo[0] + 1) };
  }
  const a = point.path[0];
  const o = point.offset;
  if (point.path.length === 1) {
    const length = lengthAt(a);
    if (length === 0) return { pre: [], at: a, anchor: { kind: 'fill' } };
    if (o === length) return { pre: [], at: a + 1, anchor: { kind: 'after', length } };
    if (o === 0) return { pre: [], at: a, anchor: after(a - 1) ?? { kind: 'before' } };
    return { pre: [{ type: 'splitParagraph', at: point }], at: a + 1, anchor: { kind: 'after', length: o } };
  }
  const turn = accepted[a];
  if (!isTurn(turn)) return undefined;
  const j = point.path[1]!;
  const last = turn.children.length - 1;
  const lastChild = turn.children[last];
  if (j === 0 && o === 0) return { pre: [], at: a, anchor: after(a - 1) };
  if (j === last && lastChild?.type === 'paragraph' && o === textOf(lastChild.children).length) return { pre: [], at: a + 1, anchor: before(a + 1) };
  const split = splitTurnEdits(turn, a, point, turn.speakerId);
  return split && { pre: split, at: a + 1, anchor: undefined };
}

/** The edits of a pasted interview at the caret (with the metadata it fills), or undefined where it cannot go. */
function pasteEdits(editor: Editor, s: Structure, blocks: readonly Block[], meta: Partial<Meta> | undefined): { edits: Edit[]; at: number } | undefined {
  const place = pastePlace(editor, s.doc, meta !== undefined);
  const body = place && insertBlocksEdits(blocks, place.at, place.anchor);
  if (!place || !body) return undefined;
  // Into an empty document the header fills the empty metadata fields, as suggestions too.
  const metaEdits: Edit[] = [];
  for (const [field, value] of Object.entries(meta ?? {}) as [keyof Meta, Meta[keyof Meta]][]) {
    if ((TRACKED_META_FIELDS as readonly string[]).includes(field) && s.doc.meta[field] === '' && value) metaEdits.push({ type: 'setMeta', field: field as TrackedMetaField, value } as Edit);
  }
  return { edits: [...metaEdits, ...place.pre, ...body], at: place.at };
}

/**
 * A pasted interview (editor/paste/insert-pasted.ts), as suggestions: its turns and photos are
 * suggested turns and photos, its other paragraphs suggested paragraphs beside one outside the turns,
 * and, into an empty document, its header suggested metadata; one undo step. False, with nothing
 * changed, where the algebra cannot place it faithfully (paragraphs to place and none outside the
 * turns beside the caret): the words must not land in a speaker's turn.
 */
export function suggestInsertInterview(editor: Editor, pasted: PastedInterview): boolean {
  const before = suggestingStructure(editor);
  if (!before || !pasteEdits(editor, before, pasted.blocks, pasted.meta)) return false;
  // A selection is struck first, as typing over it would (its own undo step).
  if (editor.selection && Range.isExpanded(editor.selection)) editor.deleteFragment();
  const blocks = adoptSpeakers(editor, pasted);
  // Read again: the selection may be struck, and the speakers are participants now.
  const s = suggestingStructure(editor);
  const planned = s && pasteEdits(editor, s, blocks, pasted.meta);
  const next = planned && recordEdits(s, planned.edits);
  if (!next) return false;
  const last = storedPath(next, [planned.at + blocks.length - 1]);
  if (last) editor.select(Editor.end(editor, last));
  return true;
}
