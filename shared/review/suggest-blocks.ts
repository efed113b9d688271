/**
 * Recording block edits as suggestions: a new turn or photo is marked `ins`, a removed one `del`
 * (it stays, shown as removed), and a moved photo is both under one id: the photo where it was is
 * marked `del`, and a copy where it went is marked `ins`. Accepting the move drops the old place,
 * rejecting it drops the new one. Later edits of the copy's caption, credit or alt text are mirrored
 * onto the old place (suggest-values.ts), so rejecting a move keeps whatever text edits were accepted.
 *
 * The author's own pending insertions are theirs: removing one removes it outright, and moving it
 * just moves it.
 */
import type { Paragraph, Photo, Turn } from '../model/schema';
import { acceptedPartner } from './breaks';
import { newPhoto, newTurn } from './edit';
import { EditError, type BlockPath, type Edit, type PhotoFields } from './edits';
import { acceptedBlockAt, containerOf, insertionIndex, type Container } from './layout';
import type { Session } from './session';

/**
 * Run a change to a container's blocks without changing which of its paragraphs read as one in the
 * accepted view. Taking a block out from between two paragraphs whose pending join was held up by
 * it would otherwise run them together; such a break is recorded as kept (a split by this author).
 */
function keepingBreaks(s: Session, container: Container, change: () => void): void {
  const runsOn = (i: number) => acceptedPartner(container.children, i) >= 0;
  const before = new Map<Paragraph, boolean>();
  container.children.forEach((b, i) => b.type === 'paragraph' && before.set(b, runsOn(i)));
  change();
  // Only this direction can happen: new blocks never land inside a run of joined paragraphs.
  for (const [p, ranOn] of before) {
    const i = container.children.indexOf(p);
    if (i >= 0 && !ranOn && runsOn(i)) s.changeBreak(container, p, 'break', false);
  }
}

function insertAt(s: Session, e: Edit, path: BlockPath, node: Turn | Photo): void {
  const place = containerOf(s.doc, path);
  const index = place && insertionIndex(place.container.children, place.at);
  if (!place || index === undefined) throw new EditError(e, `cannot insert at [${path.join(', ')}]`);
  keepingBreaks(s, place.container, () => place.container.children.splice(index, 0, node));
}

export function insertTurn(s: Session, e: Edit, at: number, speakerId: string, text: string): void {
  insertAt(s, e, [at], { ...newTurn(speakerId, text), ins: s.open('insertTurn') });
}

function turnAt(s: Session, e: Edit, at: number): { container: Container; turn: Turn } {
  const found = acceptedBlockAt(s.doc, [at]);
  if (found?.block.type !== 'turn') throw new EditError(e, `no turn at [${at}]`);
  return { container: found.container, turn: found.container.children[found.block.index] as Turn };
}

export function removeTurn(s: Session, e: Edit, at: number): void {
  const { container, turn } = turnAt(s, e, at);
  keepingBreaks(s, container, () => {
    if (s.isOwnInsertion(turn.ins)) container.children.splice(container.children.indexOf(turn), 1);
    else turn.del = s.open('removeTurn');
  });
}

export function turnForEdit(s: Session, e: Edit, at: number): Turn {
  return turnAt(s, e, at).turn;
}

export function insertPhoto(s: Session, e: Edit, path: BlockPath, fields: PhotoFields): void {
  const place = containerOf(s.doc, path);
  const photo = newPhoto(fields);
  if (!s.isOwnInsertion(place?.container.turn?.ins)) photo.ins = s.open('insertPhoto');
  insertAt(s, e, path, photo);
}

export function photoAt(s: Session, e: Edit, path: BlockPath): { container: Container; photo: Photo } {
  const found = acceptedBlockAt(s.doc, path);
  if (found?.block.type !== 'photo') throw new EditError(e, `no photo at [${path.join(', ')}]`);
  return { container: found.container, photo: found.container.children[found.block.index] as Photo };
}

/** The photo is the new place of this author's own pending move. */
function isOwnMoveCopy(s: Session, photo: Photo): boolean {
  return s.isOwn(photo.ins) && s.kindOf(photo.ins) === 'movePhoto';
}

export function removePhoto(s: Session, e: Edit, path: BlockPath): void {
  const { container, photo } = photoAt(s, e, path);
  keepingBreaks(s, container, () => {
    if (isOwnMoveCopy(s, photo)) {
      // Moved, then removed: what is left of the move is the removal at the old place.
      container.children.splice(container.children.indexOf(photo), 1);
      s.setKind(photo.ins!, 'removePhoto');
    } else if (s.isOwnInsertion(s.insertionOf(photo, container.turn))) {
      container.children.splice(container.children.indexOf(photo), 1);
    } else {
      photo.del = s.open('removePhoto');
    }
  });
}

export function movePhoto(s: Session, e: Edit, from: BlockPath, to: BlockPath): void {
  const { container, photo } = photoAt(s, e, from);
  if (from.length === to.length && from.every((n, i) => n === to[i])) return; // put back where it is
  let moving: Photo;
  if (isOwnMoveCopy(s, photo) || s.isOwnInsertion(s.insertionOf(photo, container.turn))) {
    // Own new content just moves. A photo of an inserted turn takes the turn's insertion along,
    // so rejecting the turn still takes it away wherever it went.
    photo.ins ??= container.turn?.ins;
    keepingBreaks(s, container, () => container.children.splice(container.children.indexOf(photo), 1));
    moving = photo;
  } else {
    const id = s.open('movePhoto');
    moving = { ...(JSON.parse(JSON.stringify(photo)) as Photo), ins: id };
    keepingBreaks(s, container, () => (photo.del = id));
  }
  insertAt(s, e, to, moving);
}
