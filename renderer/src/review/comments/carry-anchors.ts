/**
 * Comment anchors on the text that a structural suggestion moves. The algebra has no "split a turn"
 * or "join two turns" (structure-edits.ts): the text that moves is copied, as suggested text, to
 * its new place and struck where it was, and the copies carry bold and italic only. An anchor is a
 * mark on the leaves (shared/review/comments.ts), so here, after `suggest`, each copy gets the marks
 * of the text it copies. While the suggestion is pending the thread is on both, the struck original
 * and its copy; accepting leaves it on the copy, rejecting on the original. Either way it stays on
 * its words, never orphaned by a split or a join. (Editing mode needs none of this: Slate's split
 * and merge keep every leaf's marks.)
 */
import type { Block, Interview, Paragraph, TextLeaf, Turn } from '../../../../shared/model/schema';
import { withAnchor } from '../../../../shared/review/comments';
import { tidyLeaves } from '../../../../shared/review/leaves';
import { acceptedBlocks, membersOf, slotsOf, type Container, type Slot } from '../../../../shared/review/layout';

export interface CopiedText {
  /** The copied paragraphs, in order, as the accepted view read them before (leaves with their anchors). */
  from: readonly (readonly TextLeaf[])[];
  /**
   * Where the copies are in the accepted view of the new document: a container (a turn's accepted
   * index, or null for the top level) and the accepted index from which its paragraphs are the
   * copies, in order (photos between them are passed over).
   */
  to: { turn: number | null; index: number };
}

interface Span {
  start: number;
  end: number;
  ids: readonly string[];
}

const textOf = (leaves: readonly TextLeaf[]) => leaves.map((l) => l.text).join('');

function anchorSpans(leaves: readonly TextLeaf[]): Span[] {
  const spans: Span[] = [];
  let pos = 0;
  for (const leaf of leaves) {
    const end = pos + leaf.text.length;
    if (leaf.comments && leaf.comments.length > 0 && end > pos) spans.push({ start: pos, end, ids: leaf.comments });
    pos = end;
  }
  return spans;
}

/** One stored paragraph of a copy with the spans' anchors added to its visible text (slots: its leaves). */
function markParagraph(paragraph: Paragraph, slots: readonly Slot[], spans: readonly Span[]): Paragraph {
  const leaves: TextLeaf[] = [];
  paragraph.children.forEach((leaf, i) => {
    const slot = slots.find((s) => s.leafIndex === i);
    if (!slot?.visible) return void leaves.push(leaf);
    // Cut the leaf where an anchor starts or ends inside it; each piece takes the anchors over it.
    const cuts = new Set([slot.start, slot.end]);
    for (const span of spans) for (const at of [span.start, span.end]) if (at > slot.start && at < slot.end) cuts.add(at);
    const points = [...cuts].sort((a, b) => a - b);
    for (let k = 0; k + 1 < points.length; k++) {
      const [from, to] = [points[k]!, points[k + 1]!];
      let comments = leaf.comments;
      for (const span of spans) if (span.start <= from && to <= span.end) for (const id of span.ids) comments = withAnchor(comments, id);
      const piece: TextLeaf = { ...leaf, text: leaf.text.slice(from - slot.start, to - slot.start) };
      if (comments && comments.length > 0) piece.comments = [...comments];
      leaves.push(piece);
    }
  });
  return { ...paragraph, children: tidyLeaves(leaves) };
}

/** The container the copies are in, in the new document's stored form. */
function containerIn(doc: Interview, turn: number | null): Container | undefined {
  if (turn === null) return { children: doc.body, turn: undefined };
  const top = acceptedBlocks(doc.body)[turn];
  if (top?.type !== 'turn') return undefined;
  const stored = doc.body[top.index] as Turn;
  return { children: stored.children, turn: stored };
}

/**
 * `next` with the copies' leaves carrying the anchors of the text they copy. A copy whose text is not
 * the original's (the planner and this disagree) is left alone, and so is everything after it: an
 * anchor is never put on other words than its own.
 */
export function carryAnchors(next: Interview, copy: CopiedText): Interview {
  if (!copy.from.some((leaves) => anchorSpans(leaves).length > 0)) return next;
  const container = containerIn(next, copy.to.turn);
  if (!container) return next;
  const replaced = new Map<Block, Paragraph>();
  let k = 0;
  for (const block of acceptedBlocks(container.children).slice(copy.to.index)) {
    if (k >= copy.from.length) break;
    if (block.type !== 'paragraph') continue;
    const source = copy.from[k++]!;
    const members = membersOf(container, block);
    const slots = slotsOf(members);
    const visible = slots.filter((s) => s.visible).map((s) => s.leaf.text).join('');
    if (visible !== textOf(source)) break;
    const spans = anchorSpans(source);
    if (spans.length === 0) continue;
    for (const member of members) replaced.set(member, markParagraph(member, slots.filter((s) => s.paragraph === member), spans));
  }
  if (replaced.size === 0) return next;
  const swap = (b: Block): Block => replaced.get(b) ?? b;
  const body = next.body.map((b) => (b.type === 'turn' && b.children.some((c) => replaced.has(c)) ? { ...b, children: b.children.map((c) => swap(c) as Turn['children'][number]) } : swap(b)));
  return { ...next, body };
}

/** The leaves of a paragraph from `offset` on (with their props: marks, suggestion ids, anchors). */
export function leavesFrom(leaves: readonly TextLeaf[], offset: number): TextLeaf[] {
  const out: TextLeaf[] = [];
  let pos = 0;
  for (const leaf of leaves) {
    const end = pos + leaf.text.length;
    if (end > offset) out.push({ ...leaf, text: leaf.text.slice(Math.max(0, offset - pos)) });
    pos = end;
  }
  return out.filter((l) => l.text !== '');
}
