/**
 * Structural actions in Suggesting mode: a turn's speaker, a new, split or joined
 * turn, photos inserted, moved, removed or re-captioned. Unlike typed text (with-suggestions.ts,
 * recorded by Slate transforms), these go through the pure algebra: the editor's action becomes
 * edits of the accepted view (structure-edits.ts), `suggest` records them by the profile, and the
 * result is put in place by the review env (use-review.ts: records adopted, only the changed blocks
 * replaced, one undo step). The commands (editor/commands.ts, photos/photo-commands.ts,
 * turn-backspace.ts) ask `suggestingStructure` first and stay exactly as they were otherwise.
 */
import { Editor, type Path, type Point } from 'slate';
import type { Interview, Photo, Turn } from '../../../shared/model/schema';
import { acceptedPath, acceptedPoint, acceptedView, EditError, suggest, type BlockPath, type Edit } from '../../../shared/review';
import { acceptedBlocks, firstIndex } from '../../../shared/review/layout';
import type { PhotoTextField } from '../../../shared/review';
import { nextSpeakerId } from '../editor/speakers';
import type { Participant } from '../../../shared/model/schema';
import { suggestingEnv, type CommitOptions, type ReviewEnv } from './review-env';
import { randomId } from './review-records';
import { isEmptyTurn, joinTurnEdits, splitParagraphIntoTurnEdits, splitTurnEdits } from './structure-edits';

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
 * refused rather than done plainly behind the reviewer's back).
 */
export function recordEdits(s: Structure, edits: readonly Edit[], options?: CommitOptions): Interview | undefined {
  if (edits.length === 0) return undefined;
  let next: Interview;
  try {
    next = suggest(s.doc, edits, s.env.author(), now, randomId);
  } catch (error) {
    if (error instanceof EditError) return undefined;
    throw error;
  }
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
    }
  } else if (block?.type === 'paragraph') {
    const last = earlier[earlier.length - 1] ?? null;
    const speaker = last === null ? nextSpeakerId(participants, null, []) : nextSpeakerId(participants, last, earlier);
    if (!speaker) return;
    edits = splitParagraphIntoTurnEdits(block, a, point.offset, speaker);
    caretTo = [a + 1, 0];
  }
  const next = edits && recordEdits(s, edits);
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
  const next = recordEdits(s, joinTurnEdits(previous, turn, a) ?? []);
  if (next) selectStart(editor, next, isTurn(previous) ? [a - 1, previous.children.length] : [a]);
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
