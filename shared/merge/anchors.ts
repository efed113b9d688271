/**
 * Comment anchors of threads that arrived with the returned version, put on the same words of the
 * merged document. An anchor is a mark on text leaves (schema.ts), so it is carried by the merge's
 * tokens: every word of the merged text knows whether they had a comment on it. After the edits are
 * recorded, the merged document's accepted view reads exactly as the planned text, paragraph by
 * paragraph, so each marked word is found there and its leaves get the mark. Words they commented
 * that no longer exist here (we deleted them) leave the thread orphaned: listed, with its quote.
 */
import type { Interview, Paragraph, TextLeaf } from '../model/schema';
import { acceptedBlocks, membersOf, slotsOf, type Container } from '../review/layout';
import { tidyLeaves } from '../review/leaves';
import type { Op } from './ops';
import { textOf, type CommentSpan } from './tokens';

export interface Piece {
  text: string;
  comments?: readonly CommentSpan[] | undefined;
}

/** The merged text, paragraph by paragraph in document order, with their comment anchors per word. */
export function targetParagraphs(ops: readonly Op[]): Piece[][] {
  const out: Piece[][] = [];
  const walk = (list: readonly Op[]) => {
    let current: Piece[] = [];
    for (const op of list) {
      if (op.op === 'del') continue;
      const tok = op.tok;
      if (tok.t === 'w') current.push({ text: tok.text, comments: op.op === 'keep' ? op.theirsComments : tok.comments });
      else if (tok.t === 'b') {
        out.push(current);
        current = [];
      } else if (tok.t === 't') {
        if (op.op === 'ins') walk(op.children ?? []);
        else if (op.op === 'keep' && op.turn) walk(op.turn.children);
        else for (const c of tok.turn.children) if (c.type === 'paragraph') out.push([{ text: textOf(c) }]);
      }
    }
  };
  walk(ops);
  return out;
}

/** The stored paragraphs of each accepted paragraph of a document, in document order. */
function acceptedParagraphs(doc: Interview): Paragraph[][] {
  const out: Paragraph[][] = [];
  const visit = (container: Container) => {
    for (const block of acceptedBlocks(container.children)) {
      if (block.type === 'paragraph') out.push(membersOf(container, block));
      else if (block.type === 'turn') {
        const turn = container.children[block.index];
        if (turn?.type === 'turn') visit({ children: turn.children, turn });
      }
    }
  };
  visit({ children: doc.body, turn: undefined });
  return out;
}

function withIds(leaf: TextLeaf, ids: readonly string[]): TextLeaf {
  if (ids.length === 0) return leaf;
  return { ...leaf, comments: [...new Set([...(leaf.comments ?? []), ...ids])].sort() };
}

/** `doc` (not changed) with the anchors of the `arrived` threads put on their words. */
export function placeAnchors(doc: Interview, target: readonly Piece[][], arrived: ReadonlySet<string>): Interview {
  if (arrived.size === 0 || !target.some((p) => p.some((x) => x.comments?.some((c) => c.ids.some((id) => arrived.has(id)))))) return doc;
  const work = JSON.parse(JSON.stringify(doc)) as Interview;
  acceptedParagraphs(work).forEach((members, i) => {
    const pieces = target[i];
    if (!pieces) return;
    const spans: { start: number; end: number; ids: string[] }[] = [];
    let pos = 0;
    for (const piece of pieces) {
      for (const c of piece.comments ?? []) {
        const ids = c.ids.filter((id) => arrived.has(id));
        if (ids.length > 0) spans.push({ start: pos + c.from, end: pos + c.to, ids });
      }
      pos += piece.text.length;
    }
    const slots = slotsOf(members);
    const visible = slots.filter((s) => s.visible).map((s) => s.leaf.text).join('');
    // Only where the merged text reads as planned (it always should): never a mark on other words.
    if (spans.length === 0 || visible !== pieces.map((p) => p.text).join('')) return;
    for (const paragraph of members) {
      const leaves: TextLeaf[] = [];
      for (const slot of slots.filter((s) => s.paragraph === paragraph)) {
        if (!slot.visible || slot.start === slot.end) {
          leaves.push(slot.leaf);
          continue;
        }
        const cuts = new Set<number>([slot.start, slot.end]);
        for (const s of spans) for (const x of [s.start, s.end]) if (x > slot.start && x < slot.end) cuts.add(x);
        const points = [...cuts].sort((a, b) => a - b);
        for (let k = 0; k + 1 < points.length; k++) {
          const [from, to] = [points[k]!, points[k + 1]!];
          const ids = spans.filter((s) => s.start <= from && to <= s.end).flatMap((s) => s.ids);
          leaves.push(withIds({ ...slot.leaf, text: slot.leaf.text.slice(from - slot.start, to - slot.start) }, ids));
        }
      }
      paragraph.children = tidyLeaves(leaves);
    }
  });
  return work;
}
