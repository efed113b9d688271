/**
 * Where accepted-view positions (edits.ts) are in the marked-up document.
 *
 * In a container (the top level or one turn), the accepted view shows every block not marked as
 * removed, except that a paragraph whose break reads `joined` runs on into its partner, over any
 * removed blocks between them (breaks.ts): such a chain of stored paragraphs is ONE accepted
 * paragraph, and its text is the text of their leaves not struck through.
 */
import type { Block, Interview, Paragraph, TextLeaf, Turn } from '../model/schema';
import { acceptedPartner } from './breaks';
import type { BlockPath, TextPoint } from './edits';

export type AcceptedBlock = { type: 'paragraph'; members: number[] } | { type: 'photo' | 'turn'; index: number };

export function acceptedBlocks(children: readonly Block[]): AcceptedBlock[] {
  const out: AcceptedBlock[] = [];
  const inChain = new Set<number>();
  children.forEach((block, i) => {
    if (block.type !== 'paragraph') {
      if (block.del === undefined) out.push({ type: block.type, index: i });
      return;
    }
    if (inChain.has(i)) return;
    const members = [i];
    for (let j = acceptedPartner(children, i); j >= 0; j = acceptedPartner(children, j)) {
      members.push(j);
      inChain.add(j);
    }
    out.push({ type: 'paragraph', members });
  });
  return out;
}

/** The stored index of an accepted block's first node. */
export function firstIndex(block: AcceptedBlock): number {
  return block.type === 'paragraph' ? block.members[0]! : block.index;
}

/** The stored index where a block inserted before accepted block `at` goes (after anything removed there). */
export function insertionIndex(children: readonly Block[], at: number): number | undefined {
  const blocks = acceptedBlocks(children);
  if (!Number.isInteger(at) || at < 0 || at > blocks.length) return undefined;
  return at === blocks.length ? children.length : firstIndex(blocks[at]!);
}

/** A container of the marked-up document: the body, or a turn's children with the turn. */
export interface Container {
  children: Block[];
  turn: Turn | undefined;
}

/** The container an accepted block path points into, and the accepted index in it. */
export function containerOf(doc: Interview, path: BlockPath): { container: Container; at: number } | undefined {
  if (path.length === 1) return { container: { children: doc.body, turn: undefined }, at: path[0] };
  const top = acceptedBlocks(doc.body)[path[0]];
  if (top?.type !== 'turn') return undefined;
  const turn = doc.body[top.index] as Turn;
  return { container: { children: turn.children, turn }, at: path[1] };
}

/** The accepted block at a path, with its container. */
export function acceptedBlockAt(doc: Interview, path: BlockPath): { container: Container; block: AcceptedBlock } | undefined {
  const place = containerOf(doc, path);
  if (!place) return undefined;
  const block = acceptedBlocks(place.container.children)[place.at];
  return block && { container: place.container, block };
}

/** One stored leaf of an accepted paragraph, with its span in accepted-view offsets. */
export interface Slot {
  paragraph: Paragraph;
  leafIndex: number;
  leaf: TextLeaf;
  /** Struck-through text is not visible: its span is empty, at the place it stands. */
  visible: boolean;
  start: number;
  end: number;
}

export function slotsOf(paragraphs: readonly Paragraph[]): Slot[] {
  const slots: Slot[] = [];
  let pos = 0;
  for (const paragraph of paragraphs) {
    paragraph.children.forEach((leaf, leafIndex) => {
      const visible = leaf.del === undefined;
      const end = visible ? pos + leaf.text.length : pos;
      slots.push({ paragraph, leafIndex, leaf, visible, start: pos, end });
      pos = end;
    });
  }
  return slots;
}

export function membersOf(container: Container, block: AcceptedBlock & { type: 'paragraph' }): Paragraph[] {
  return block.members.map((i) => container.children[i] as Paragraph);
}

export function textLength(slots: readonly Slot[]): number {
  return slots.length > 0 ? slots[slots.length - 1]!.end : 0;
}

const holds = (block: AcceptedBlock, index: number) => (block.type === 'paragraph' ? block.members.includes(index) : block.index === index);

/**
 * The accepted-view path of a stored block (`[i]` or `[i, j]`, as Slate has it), or undefined when
 * the accepted view does not show it (a removed block, or one inside a removed turn). A paragraph
 * that a pending join runs into the one before maps to that accepted paragraph.
 */
export function acceptedPath(doc: Interview, stored: readonly number[]): BlockPath | undefined {
  const top = acceptedBlocks(doc.body).findIndex((b) => holds(b, stored[0]!));
  if (top < 0 || stored.length === 1) return top < 0 ? undefined : [top];
  const turn = doc.body[stored[0]!];
  if (turn?.type !== 'turn') return undefined;
  const inner = acceptedBlocks(turn.children).findIndex((b) => holds(b, stored[1]!));
  return inner < 0 ? undefined : [top, inner];
}

/**
 * The accepted-view text point of a Slate point in the stored document (a leaf's path and an offset
 * in it): what the editor integration hands to `suggest`. A point in struck-through text maps to
 * where that text stands, between the visible characters around it.
 */
export function acceptedPoint(doc: Interview, point: { path: readonly number[]; offset: number }): TextPoint | undefined {
  const path = acceptedPath(doc, point.path.slice(0, -1));
  const found = path && acceptedBlockAt(doc, path);
  if (!path || found?.block.type !== 'paragraph') return undefined;
  const stored = point.path.length === 2 ? doc.body[point.path[0]!] : (doc.body[point.path[0]!] as Turn).children[point.path[1]!];
  const leafIndex = point.path[point.path.length - 1]!;
  const slot = slotsOf(membersOf(found.container, found.block)).find((s) => s.paragraph === stored && s.leafIndex === leafIndex);
  if (!slot) return undefined;
  return { path, offset: slot.visible ? slot.start + Math.max(0, Math.min(point.offset, slot.leaf.text.length)) : slot.start };
}
