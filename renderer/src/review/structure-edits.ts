/**
 * The editor's structural actions expressed as edits of the review algebra (shared/review/edits.ts),
 * for Suggesting mode. Pure: each planner reads the ACCEPTED VIEW of the document (acceptedView,
 * what the author sees as the text) and returns edits whose positions address that view.
 *
 * The algebra has no "split a turn" or "join two turns"; both are said with what it has, so that
 * accepting everything gives exactly what Editing mode gives, and rejecting everything gives the
 * document back:
 *  - split at the caret: a new turn of the next speaker holding the rest of the paragraph and the
 *    blocks after it (copied, with bold and italic), and those struck from the old turn (the rest
 *    of the paragraph deleted, each later paragraph deleted and joined on, each later photo removed);
 *  - join a turn to the turn before: its blocks copied to the end of that turn, and the turn removed.
 * The copies lose what was pending inside the copied text (it is read as accepted); the originals
 * keep it until the removal is accepted. Comment anchors are put on the copies afterwards
 * (comments/carry-anchors.ts), since an edit carries only bold and italic.
 *
 * A pasted interview (`insertBlocksEdits`) is said the same way: each turn is a new turn with its
 * text typed in; its photos are new photos; a paragraph outside the turns can only be split off a
 * paragraph outside the turns that is already there, since that is the only way the algebra makes one.
 */
import type { Block, Paragraph, Photo, TextLeaf, Turn } from '../../../shared/model/schema';
import type { BlockPath, Edit, LeafMarks, TextPoint } from '../../../shared/review';

const paragraphLength = (p: Paragraph) => p.children.reduce((n, l) => n + l.text.length, 0);

function marksOf(leaf: TextLeaf): LeafMarks | undefined {
  if (!leaf.bold && !leaf.italic) return undefined;
  return { ...(leaf.bold ? { bold: true as const } : {}), ...(leaf.italic ? { italic: true as const } : {}) };
}

/** The leaves of a paragraph from `offset` on. */
function tailLeaves(p: Paragraph, offset: number): TextLeaf[] {
  const out: TextLeaf[] = [];
  let pos = 0;
  for (const leaf of p.children) {
    const end = pos + leaf.text.length;
    if (end > offset) out.push({ ...leaf, text: leaf.text.slice(Math.max(0, offset - pos)) });
    pos = end;
  }
  return out.filter((l) => l.text !== '');
}

/** Type leaves (with their bold and italic) into an empty paragraph at `path`. */
function typeLeaves(path: BlockPath, leaves: readonly TextLeaf[]): Edit[] {
  const edits: Edit[] = [];
  let offset = 0;
  for (const leaf of leaves) {
    const marks = marksOf(leaf);
    edits.push({ type: 'insertText', at: { path, offset }, text: leaf.text, ...(marks ? { marks } : {}) });
    offset += leaf.text.length;
  }
  return edits;
}

const photoFields = (p: Photo) => ({ assetId: p.assetId, caption: p.caption, credit: p.credit, alt: p.alt });

/** A block path in a container: the turn at top index `turn`, or the top level (null). */
const inContainer = (turn: number | null, i: number): BlockPath => (turn === null ? [i] : [turn, i]);

/**
 * Copy `blocks` (paragraphs and photos of the accepted view) into a container (the turn at top
 * index `container`, or the top level for null), right after its paragraph at index `after`.
 * Paragraphs come from splitting the last one placed (the algebra makes paragraphs only by
 * splitting one); photos then go in at their places.
 */
export function copyBlocksAfter(container: number | null, after: number, afterLength: number, blocks: readonly Block[]): Edit[] {
  const at = (i: number) => inContainer(container, i);
  const edits: Edit[] = [];
  let last = after;
  let lastLength = afterLength;
  for (const block of blocks) {
    if (block.type !== 'paragraph') continue;
    edits.push({ type: 'splitParagraph', at: { path: at(last), offset: lastLength } });
    last++;
    edits.push(...typeLeaves(at(last), block.children));
    lastLength = paragraphLength(block);
  }
  blocks.forEach((block, i) => {
    if (block.type === 'photo') edits.push({ type: 'insertPhoto', at: at(after + 1 + i), photo: photoFields(block) });
  });
  return edits;
}

/** Strike the blocks of turn `at` from child `from` on (the turn keeps child `from - 1`, a paragraph). */
function strikeFrom(at: number, turn: Turn, from: number): Edit[] {
  const edits: Edit[] = [];
  for (const block of turn.children.slice(from)) {
    // Each struck block is at `from` in turn: the one before went (a photo) or was joined on.
    if (block.type === 'photo') edits.push({ type: 'removePhoto', at: [at, from] });
    else if (block.type === 'paragraph') {
      const length = paragraphLength(block);
      if (length > 0) edits.push({ type: 'deleteText', at: { path: [at, from], offset: 0 }, length });
      edits.push({ type: 'mergeParagraphs', at: [at, from - 1] });
    }
  }
  return edits;
}

/**
 * Ctrl+Enter inside the turn at accepted index `at`, at `point` (not at its start or end): the rest
 * of the turn goes to a new turn of `speakerId` right after it.
 */
export function splitTurnEdits(turn: Turn, at: number, point: TextPoint, speakerId: string): Edit[] | undefined {
  const j = point.path[1];
  const p = j === undefined ? undefined : turn.children[j];
  if (j === undefined || p?.type !== 'paragraph') return undefined;
  // Later photos are removed (gone from the accepted view), so each later paragraph, struck, is
  // joined onto the split paragraph.
  const rest = turn.children.slice(j + 1);
  const tail = tailLeaves(p, point.offset);
  const tailLength = tail.reduce((n, l) => n + l.text.length, 0);
  const edits: Edit[] = [{ type: 'insertTurn', at: at + 1, speakerId, text: '' }];
  const firstParagraph = rest.findIndex((b) => b.type === 'paragraph');
  if (tailLength === 0 && firstParagraph >= 0) {
    // At a paragraph's end Slate splits between blocks, with no empty paragraph: the new turn's own
    // paragraph takes the next paragraph's text, and the photos before it go in before it.
    const first = rest[firstParagraph] as Paragraph;
    edits.push(...typeLeaves([at + 1, 0], first.children));
    edits.push(...copyBlocksAfter(at + 1, 0, paragraphLength(first), rest.slice(firstParagraph + 1)));
    rest.slice(0, firstParagraph).forEach((b, i) => b.type === 'photo' && edits.push({ type: 'insertPhoto', at: [at + 1, i], photo: photoFields(b) }));
  } else {
    edits.push(...typeLeaves([at + 1, 0], tail));
    edits.push(...copyBlocksAfter(at + 1, 0, tailLength, rest));
  }
  if (tailLength > 0) edits.push({ type: 'deleteText', at: point, length: tailLength });
  edits.push(...strikeFrom(at, turn, j + 1));
  // At a later paragraph's start Slate splits before it: the emptied paragraph joins the one before.
  // (After a photo it cannot: an empty paragraph stays at the old turn's end, the nearest the
  // algebra can say, since it has no edit that removes a paragraph.)
  if (point.offset === 0 && j > 0 && turn.children[j - 1]!.type === 'paragraph') edits.push({ type: 'mergeParagraphs', at: [at, j - 1] });
  return edits;
}

/**
 * Ctrl+Enter inside a top-level paragraph at accepted index `at`: the rest of the paragraph becomes
 * a new turn of `speakerId` after it.
 */
export function splitParagraphIntoTurnEdits(p: Paragraph, at: number, offset: number, speakerId: string): Edit[] {
  const tail = tailLeaves(p, offset);
  const length = tail.reduce((n, l) => n + l.text.length, 0);
  const edits: Edit[] = [{ type: 'insertTurn', at: at + 1, speakerId, text: '' }, ...typeLeaves([at + 1, 0], tail)];
  if (length > 0) edits.push({ type: 'deleteText', at: { path: [at], offset }, length });
  return edits;
}

/**
 * Backspace at the start of the turn at accepted index `at`, after the block `previous` (at
 * `at - 1`): after a turn, the turn's blocks go on at the end of that turn (the previous speaker
 * goes on talking); after a top-level paragraph, they become top-level blocks after it (the label
 * is gone). Then the turn is removed. Undefined when there is no paragraph to continue from (the
 * previous turn ends with a photo, or nothing or a photo comes before).
 */
export function joinTurnEdits(previous: Block | undefined, turn: Turn, at: number): Edit[] | undefined {
  let copies: Edit[];
  if (previous?.type === 'turn') {
    const lastIndex = previous.children.length - 1;
    const last = previous.children[lastIndex];
    if (last?.type !== 'paragraph') return undefined;
    // The copies land in another container: the turn's own index does not move.
    copies = copyBlocksAfter(at - 1, lastIndex, paragraphLength(last), turn.children);
  } else if (previous?.type === 'paragraph') {
    copies = copyBlocksAfter(null, at - 1, paragraphLength(previous), turn.children);
  } else return undefined;
  // At the top level the copies come before the turn and push it on.
  const turnAt = previous.type === 'paragraph' ? at + turn.children.length : at;
  return [...copies, { type: 'removeTurn', at: turnAt }];
}

/**
 * A new top-level turn of `speakerId` at accepted index `at`, holding copies of `children`
 * (paragraphs with their bold and italic, and photos), in their order.
 */
export function newTurnEdits(at: number, speakerId: string, children: readonly Block[]): Edit[] {
  const edits: Edit[] = [{ type: 'insertTurn', at, speakerId, text: '' }];
  const first = children.findIndex((b) => b.type === 'paragraph');
  if (first < 0) {
    children.forEach((b, i) => b.type === 'photo' && edits.push({ type: 'insertPhoto', at: [at, i], photo: photoFields(b) }));
    return edits;
  }
  // The new turn's own paragraph takes the first paragraph's text; the rest follow it, and the
  // photos before it go in before it (as splitTurnEdits does at a paragraph's end).
  const p = children[first] as Paragraph;
  edits.push(...typeLeaves([at, 0], p.children));
  edits.push(...copyBlocksAfter(at, 0, paragraphLength(p), children.slice(first + 1)));
  children.slice(0, first).forEach((b, i) => b.type === 'photo' && edits.push({ type: 'insertPhoto', at: [at, i], photo: photoFields(b) }));
  return edits;
}

/** A paragraph outside the turns beside the place where pasted blocks go, to make their paragraphs of. */
export type PasteAnchor =
  /** The place holds an empty paragraph: the first pasted paragraph is typed into it. */
  | { kind: 'fill' }
  /** A paragraph of `length` characters ends right before the place: the pasted ones are split off its end. */
  | { kind: 'after'; length: number }
  /** A paragraph starts right at the place: it is split at its start, and the pasted ones go before it. */
  | { kind: 'before' };

/**
 * Top-level blocks (a pasted interview: paragraphs, turns, photos) before accepted index `at`, in
 * their order. Their paragraphs are made first, all together beside `anchor`; then each turn and
 * photo goes in at its own index among them. Undefined when there are paragraphs to make and no
 * anchor: put in a turn instead, they would be that speaker's words.
 */
export function insertBlocksEdits(blocks: readonly Block[], at: number, anchor: PasteAnchor | undefined): Edit[] | undefined {
  const paragraphs = blocks.filter((b): b is Paragraph => b.type === 'paragraph');
  const edits: Edit[] = [];
  if (paragraphs.length > 0) {
    if (!anchor) return undefined;
    if (anchor.kind === 'after') edits.push(...copyBlocksAfter(null, at - 1, anchor.length, paragraphs));
    else {
      if (anchor.kind === 'before') edits.push({ type: 'splitParagraph', at: { path: [at], offset: 0 } });
      const [first, ...rest] = paragraphs as [Paragraph, ...Paragraph[]];
      edits.push(...typeLeaves([at], first.children), ...copyBlocksAfter(null, at, paragraphLength(first), rest));
    }
  }
  // In ascending order: each goes where it stands among the pasted blocks already in place.
  blocks.forEach((block, i) => {
    if (block.type === 'turn') edits.push(...newTurnEdits(at + i, block.speakerId, block.children));
    else if (block.type === 'photo') edits.push({ type: 'insertPhoto', at: [at + i], photo: photoFields(block) });
  });
  return edits;
}

export function isEmptyTurn(turn: Turn): boolean {
  const [only] = turn.children;
  return turn.children.length === 1 && only?.type === 'paragraph' && paragraphLength(only) === 0;
}
