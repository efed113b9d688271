/**
 * Recording text edits as suggestions: typed text is a leaf marked `ins`, deleted text stays, marked
 * `del` (struck through), a replacement is both under one id, and paragraph splits and merges are
 * changes to the break after a paragraph (breaks.ts).
 *
 * Where an accepted-view position falls among struck-through text, new text goes after it, so the
 * markup reads "old new". The author's own pending insertion is theirs: typing next to it extends
 * it, and deleting it removes it outright, leaving no suggestion behind.
 */
import type { Paragraph, TextLeaf } from '../model/schema';
import { nextParagraphIndex } from './breaks';
import { EditError, type BlockPath, type Edit, type TextPoint } from './edits';
import { acceptedBlocks, containerOf, membersOf, slotsOf, textLength, type Container, type Slot } from './layout';
import { newLeaf, splitLeafAt, tidyLeaves, type LeafMarks } from './leaves';
import type { Session } from './session';

function acceptedParagraph(s: Session, path: BlockPath, e: Edit) {
  const place = containerOf(s.doc, path);
  const block = place && acceptedBlocks(place.container.children)[place.at];
  if (!place || block?.type !== 'paragraph') throw new EditError(e, `no paragraph at [${path.join(', ')}]`);
  return { container: place.container, block, members: membersOf(place.container, block) };
}

function checkRange(slots: readonly Slot[], offset: number, length: number, e: Edit): void {
  const size = textLength(slots);
  if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > size) {
    throw new EditError(e, `range ${offset}+${length} is outside a paragraph of ${size} characters`);
  }
}

/** Put a leaf into a slot's paragraph at an accepted offset inside (or at either end of) the slot. */
function insertInSlot(slot: Slot, offset: number, leaf: TextLeaf): void {
  const leaves = slot.paragraph.children;
  leaves.splice(splitLeafAt(leaves, slot.leafIndex, offset - slot.start), 0, leaf);
}

/** Make a leaf boundary fall at an accepted offset (splitting the visible leaf around it). */
function cutAt(members: ReturnType<typeof acceptedParagraph>['members'], offset: number): void {
  const slot = slotsOf(members).find((x) => x.visible && x.start < offset && offset < x.end);
  if (slot) splitLeafAt(slot.paragraph.children, slot.leafIndex, offset - slot.start);
}

function tidy(members: readonly { children: TextLeaf[] }[]): void {
  for (const p of members) p.children = tidyLeaves(p.children);
}

export function insertText(s: Session, e: Edit, at: TextPoint, text: string, marks: LeafMarks | undefined): void {
  const { container, members } = acceptedParagraph(s, at.path, e);
  const slots = slotsOf(members);
  checkRange(slots, at.offset, 0, e);
  if (text === '') return;
  const off = at.offset;
  const before = slots.find((x) => x.visible && x.start < off && off <= x.end);
  const after = slots.find((x) => x.visible && x.start <= off && off < x.end);
  // Typing against one's own pending insertion (before the caret first) extends it.
  for (const slot of [before, after]) {
    if (slot && s.isOwnInsertion(s.insertionOf(slot.leaf, container.turn))) {
      insertInSlot(slot, off, newLeaf(text, marks, slot.leaf.ins));
      tidy(members);
      return;
    }
  }
  const ins = s.isOwnInsertion(container.turn?.ins) ? undefined : s.open('insertText');
  const leaf = newLeaf(text, marks, ins);
  if (after) insertInSlot(after, off, leaf);
  else members[members.length - 1]!.children.push(leaf);
  tidy(members);
}

/** A struck-through leaf of this author's, right next to the range, whose deletion the range continues. */
function adjacentOwnDeletion(s: Session, slots: readonly Slot[], first: number, last: number): string | undefined {
  const ownDeletion = (x: Slot) => (x.leaf.del !== undefined && s.isOwn(x.leaf.del) && s.kindOf(x.leaf.del) === 'deleteText' ? x.leaf.del : undefined);
  const passable = (x: Slot) => !x.visible || x.end === x.start;
  for (let i = first - 1; i >= 0 && passable(slots[i]!); i--) {
    const id = ownDeletion(slots[i]!);
    if (id) return id;
  }
  for (let i = last + 1; i < slots.length && passable(slots[i]!); i++) {
    const id = ownDeletion(slots[i]!);
    if (id) return id;
  }
  return undefined;
}

/**
 * Delete an accepted range, or replace it with text. Text of the author's own pending insertion goes
 * outright; the rest is struck through. A replacement strikes the old text and puts the new text
 * right after it under the same id, so it is accepted or rejected as one.
 */
export function deleteText(s: Session, e: Edit, at: TextPoint, length: number, replacement?: { text: string; marks: LeafMarks | undefined }): void {
  const { container, members } = acceptedParagraph(s, at.path, e);
  checkRange(slotsOf(members), at.offset, length, e);
  if (length === 0) {
    if (replacement) insertText(s, e, at, replacement.text, replacement.marks);
    return;
  }
  const end = at.offset + length;
  cutAt(members, at.offset);
  cutAt(members, end);
  const slots = slotsOf(members);
  const inside = slots.filter((x) => x.visible && x.start >= at.offset && x.end <= end && x.end > x.start);
  const replacing = replacement !== undefined && replacement.text !== '';
  const continued = replacing ? undefined : adjacentOwnDeletion(s, slots, slots.indexOf(inside[0]!), slots.indexOf(inside[inside.length - 1]!));
  let id: string | undefined;
  const gone = new Set<TextLeaf>();
  for (const x of inside) {
    if (s.isOwnInsertion(s.insertionOf(x.leaf, container.turn))) gone.add(x.leaf);
    else x.leaf.del = id ??= continued ?? s.open(replacing ? 'replaceText' : 'deleteText');
  }
  if (replacing && id !== undefined) {
    const last = inside[inside.length - 1]!;
    const leaves = last.paragraph.children;
    leaves.splice(leaves.indexOf(last.leaf) + 1, 0, newLeaf(replacement.text, replacement.marks, id));
  }
  for (const p of members) p.children = p.children.filter((l) => !gone.has(l));
  tidy(members);
  // All of it was the author's own insertion: the new text is simply typed there.
  if (replacing && id === undefined) insertText(s, e, at, replacement.text, replacement.marks);
}

/** Enter at an accepted point. */
export function splitParagraph(s: Session, e: Edit, at: TextPoint): void {
  const { container, members } = acceptedParagraph(s, at.path, e);
  const slots = slotsOf(members);
  checkRange(slots, at.offset, 0, e);
  const plain = s.isOwnInsertion(container.turn?.ins);
  // At the seam of two stored paragraphs that a pending join runs together, the break comes back.
  let seen = 0;
  for (let k = 0; k + 1 < members.length; k++) {
    seen += slotsOf([members[k]!]).reduce((n, x) => n + (x.end - x.start), 0);
    if (seen === at.offset) {
      s.changeBreak(container, members[k]!, 'break', plain);
      return;
    }
  }
  // Otherwise one stored paragraph is cut right after the character before the point.
  const slot = at.offset > 0 ? slots.find((x) => x.visible && x.start < at.offset && at.offset <= x.end)! : undefined;
  const p = slot ? slot.paragraph : members[0]!;
  const cut = slot ? splitLeafAt(p.children, slot.leafIndex, at.offset - slot.start) : 0;
  // The time (media-time.ts) stays with the half before the cut; the second half starts untimed.
  const { time, ...rest } = p;
  const first: Paragraph = { type: 'paragraph', children: tidyLeaves(p.children.slice(0, cut)), ...(time ? { time } : {}) };
  const second: Paragraph = { ...rest, children: tidyLeaves(p.children.slice(cut)) };
  // The new break is pending: with it rejected, the two halves are one paragraph again.
  if (!plain) first.breakAfter = { base: 'joined', changes: [{ id: s.open('splitParagraph'), op: 'split' }] };
  container.children.splice(container.children.indexOf(p), 1, first, second);
}

/** Join the accepted paragraph at `path` with the accepted paragraph after it. */
export function mergeParagraphs(s: Session, e: Edit, path: BlockPath): void {
  const place = containerOf(s.doc, path);
  const blocks = place ? acceptedBlocks(place.container.children) : [];
  const [a, b] = place ? [blocks[place.at], blocks[place.at + 1]] : [];
  if (!place || a?.type !== 'paragraph' || b?.type !== 'paragraph') throw new EditError(e, `[${path.join(', ')}] and the block after it are not two paragraphs`);
  const container: Container = place.container;
  const i = a.members[a.members.length - 1]!;
  const j = b.members[0]!;
  if (nextParagraphIndex(container.children, i) !== j) throw new EditError(e, 'the paragraphs are not partners');
  s.changeBreak(container, container.children[i] as Paragraph, 'joined', s.isOwnInsertion(container.turn?.ins) && j === i + 1);
}
