/**
 * Which pending suggestions a caret or a selection of the marked-up body points at: what "accept
 * (or reject) at the caret" and "… in the selection" decide. It must be exactly what the user points
 * at, never a neighbour: a quote must not move to another speaker because the caret stood in a
 * struck sentence of the same turn.
 *
 * Every suggestion is pointed at through its marker, the place where the editor shows it:
 *
 *  - typed or struck text (`ins`/`del` leaves): the text. A caret takes it when it stands in that
 *    text or at either edge of it; the edges are measured in the paragraph's text, so the two ways
 *    Slate can spell one place (the end of a leaf, the start of the next) take the same. A caret
 *    where two suggestions meet points at both (and the message after the decision names both). A
 *    selection takes it when it overlaps at least one character of it.
 *  - a photo inserted, removed, moved (either place) or with a caption, credit or alt text change:
 *    the photo element. A caret in it (Slate puts one on the photo's void child) takes them, and so
 *    does a selection that reaches it.
 *  - a turn's speaker change: the speaker label, which is not text, so no caret is ever on it. A
 *    selection takes it when it covers the turn's start, where the label stands: it runs from an
 *    earlier block into the turn. One that starts at the turn's first letter (a double click on the
 *    answer's first word, or a drag over its first sentence) is in the text after the label and does
 *    not; nor does one that merely ends at the turn's start (as a triple click on the paragraph
 *    before leaves it). Nothing stands before the body's first block, so a selection from the very
 *    start of the body (Select All) covers that block's label.
 *  - a turn inserted or removed: its start too, where the label stands, as for a speaker change. Its
 *    text shows inserted or struck, but a caret in it does not point at the whole turn: accepting a
 *    turn's removal takes with it everything still pending inside it (words another reviewer typed,
 *    a photo put in), which the caret did not point at. So a caret never takes it; a selection that
 *    covers the turn's start does, and so does its card in the Changes panel.
 *  - a paragraph split or join: the break between the paragraph and its partner (the next paragraph
 *    of the same container). Nothing marks it in the text, so no caret is on it; a selection covers
 *    it when it holds both the paragraph's last point and the partner's first, i.e. it runs from one
 *    across into the other. A selection that ends at the paragraph's end does not. (A damaged break
 *    with no partner is covered by a selection that runs on past the paragraph's end.)
 *
 * A suggestion is decided whole: when any of its markers is taken, all of its places go with it
 * (a struck sentence that ran over a paragraph break is one deletion with its join). Metadata
 * changes are never in a body selection. Only the top-level blocks the range spans are read, so a
 * caret costs the same however long the interview is.
 */
import type { Block, Interview, Turn } from '../model/schema';
import { nextParagraphIndex } from './breaks';
import { forEachBlockUsage, type Usage } from './usages';

/** A point in the stored (marked-up) body, as Slate has it: a leaf's path and an offset in it. */
export interface BodyPoint {
  path: number[];
  offset: number;
}

export interface BodyRange {
  anchor: BodyPoint;
  focus: BodyPoint;
}

function comparePoints(a: BodyPoint, b: BodyPoint): number {
  const n = Math.min(a.path.length, b.path.length);
  for (let i = 0; i < n; i++) if (a.path[i] !== b.path[i]) return a.path[i]! - b.path[i]!;
  if (a.path.length !== b.path.length) return a.path.length - b.path.length;
  return a.offset - b.offset;
}

/** The block at a body path (top level, or one level into a turn), if there is one. */
function blockAt(doc: Interview, path: readonly number[]): Block | undefined {
  const top = doc.body[path[0]!];
  if (path.length === 1 || !top) return top;
  return top.type === 'turn' ? top.children[path[1]!] : undefined;
}

/** The first and last points of a block at a body path. */
function blockEdges(block: Block, path: readonly number[]): [BodyPoint, BodyPoint] {
  if (block.type === 'photo') return [{ path: [...path, 0], offset: 0 }, { path: [...path, 0], offset: 0 }];
  if (block.type === 'paragraph') {
    const last = block.children.length - 1;
    return [{ path: [...path, 0], offset: 0 }, { path: [...path, last], offset: block.children[last]!.text.length }];
  }
  const lastChild = block.children.length - 1;
  return [blockEdges(block.children[0]!, [...path, 0])[0], blockEdges(block.children[lastChild]!, [...path, lastChild])[1]];
}

/** A collapsed caret: the text it stands in (or at an edge of), or the photo it is on. */
function atCaret(doc: Interview, caret: BodyPoint): string[] {
  // The caret's own node: a leaf of a paragraph, or a photo's void child.
  const holderPath = caret.path.slice(0, -1);
  const holder = blockAt(doc, holderPath);
  const found = new Set<string>();
  if (holder?.type === 'paragraph') {
    const index = caret.path[caret.path.length - 1]!;
    let at = caret.offset;
    for (let i = 0; i < index && i < holder.children.length; i++) at += holder.children[i]!.text.length;
    let from = 0;
    for (const leaf of holder.children) {
      const to = from + leaf.text.length;
      if (from <= at && at <= to) {
        if (leaf.ins !== undefined) found.add(leaf.ins);
        if (leaf.del !== undefined) found.add(leaf.del);
      }
      from = to;
    }
  } else if (holder?.type === 'photo') {
    forEachBlockUsage(holder, caret.path[0]!, (id) => found.add(id));
  }
  return [...found];
}

/** Whether the selection [start, end] (not collapsed) covers a usage's marker. */
function covers(doc: Interview, u: Exclude<Usage, { use: 'meta' }>, start: BodyPoint, end: BodyPoint): boolean {
  const overlaps = (from: BodyPoint, to: BodyPoint) => comparePoints(start, to) < 0 && comparePoints(end, from) > 0;
  const reaches = (point: BodyPoint) => comparePoints(start, point) <= 0 && comparePoints(end, point) >= 0;
  switch (u.use) {
    case 'textIns':
    case 'textDel':
      return overlaps({ path: u.path, offset: 0 }, { path: u.path, offset: u.leaf.text.length });
    case 'photoIns':
    case 'photoDel':
    case 'photoText':
      return reaches({ path: [...u.path, 0], offset: 0 });
    case 'split':
    case 'join': {
      const last = blockEdges(u.paragraph, u.path)[1];
      const container = u.path.length === 1 ? doc.body : (doc.body[u.path[0]!] as Turn).children;
      const i = u.path[u.path.length - 1]!;
      const j = nextParagraphIndex(container, i);
      if (j < 0) return comparePoints(start, last) <= 0 && comparePoints(end, last) > 0;
      const partnerFirst = blockEdges(container[j]!, [...u.path.slice(0, -1), j])[0];
      return comparePoints(start, last) <= 0 && comparePoints(end, partnerFirst) >= 0;
    }
    case 'speaker':
    case 'turnIns':
    case 'turnDel': {
      const first = blockEdges(u.turn, u.path)[0];
      const fromBefore = comparePoints(start, first) < 0 || (u.path[0] === 0 && comparePoints(start, first) === 0);
      return fromBefore && comparePoints(end, first) > 0;
    }
  }
}

/**
 * The pending suggestions a caret or a selection of the marked-up body points at, in document order
 * (for "accept/reject at the caret" and "… in the selection"). See the header for what each kind of
 * suggestion needs.
 */
export function inRange(doc: Interview, range: BodyRange): string[] {
  const [start, end] = comparePoints(range.anchor, range.focus) <= 0 ? [range.anchor, range.focus] : [range.focus, range.anchor];
  if (comparePoints(start, end) === 0) return atCaret(doc, start);
  const found = new Set<string>();
  const last = Math.min(end.path[0] ?? -1, doc.body.length - 1);
  for (let i = Math.max(0, start.path[0] ?? 0); i <= last; i++) {
    forEachBlockUsage(doc.body[i]!, i, (id, u) => {
      if (u.use !== 'meta' && !found.has(id) && covers(doc, u, start, end)) found.add(id);
    });
  }
  return [...found];
}
