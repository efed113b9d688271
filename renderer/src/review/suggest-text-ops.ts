/**
 * Text edits recorded as suggestions, as Slate transforms on the live editor (Plate's way, not a
 * whole-document rewrite per key). They leave the tree as shared/review/suggest-text.ts defines it,
 * so the pure algebra (accept, reject, views) reads it:
 *
 *  - typed text is a leaf marked `ins`; typing against one's own pending insertion extends it;
 *  - deleted text stays, marked `del`; one's own pending insertion is really removed; a deletion
 *    that continues one's own struck text next to it keeps its id (one suggestion per Backspace run);
 *  - typing over a selection strikes it and puts the new text after it, under one id (replaceText);
 *  - Enter splits the paragraph and records the new break on the first half (`breakAfter`), and
 *    Backspace/Delete across a break records a join, as breaks.ts models them.
 *
 * Every function runs inside Editor.withoutNormalizing, so Slate's own normalisation (merging leaves
 * with equal props) happens once, after the edit, and records nothing.
 */
import { Editor, Element, Node, Path, Point, Range, Text, Transforms } from 'slate';
import type { Paragraph, SuggestionKind, TextLeaf, Turn } from '../../../shared/model/schema';
import { breakHistory, storeBreak, type BreakValue } from '../../../shared/review/breaks';
import { changeValue, currentValue } from '../../../shared/review/history';
import type { ReviewEnv } from './review-env';

type Unit = 'character' | 'word' | 'line' | 'block';

const isOwn = (env: ReviewEnv, id: string | undefined) => id !== undefined && env.record(id)?.authorId === env.author().id;

/** The turn a path lies in, if any. */
function turnAt(editor: Editor, path: Path): Turn | undefined {
  const top = editor.children[path[0]!];
  return Element.isElement(top) && top.type === 'turn' ? top : undefined;
}

/** Text the author added in a pending suggestion: editing it is plain editing (a move does not count). */
function ownInsertion(env: ReviewEnv, editor: Editor, leaf: TextLeaf, path: Path): string | undefined {
  const id = leaf.ins ?? turnAt(editor, path)?.ins;
  return isOwn(env, id) && env.record(id!)?.kind !== 'movePhoto' ? id : undefined;
}

function paragraphOf(editor: Editor, textPath: Path): Paragraph | undefined {
  const parent = Node.get(editor, Path.parent(textPath));
  return Element.isElement(parent) && parent.type === 'paragraph' ? parent : undefined;
}

/** Bold and italic of a leaf, for new text typed beside it. */
function formatOf(leaf: TextLeaf | undefined): Pick<TextLeaf, 'bold' | 'italic'> {
  return { ...(leaf?.bold ? { bold: true as const } : {}), ...(leaf?.italic ? { italic: true as const } : {}) };
}

/**
 * Struck-through text is already gone as the reader sees it: the caret steps over it. From a point,
 * move past the struck leaves on one side, within the paragraph.
 */
export function stepOverStruck(editor: Editor, point: Point, direction: 'backward' | 'forward'): Point {
  const p = paragraphOf(editor, point.path);
  if (!p) return point;
  const parent = Path.parent(point.path);
  let i = point.path[point.path.length - 1]!;
  let offset = point.offset;
  for (;;) {
    const leaf = p.children[i]!;
    if (direction === 'backward') {
      if (offset > 0) {
        if (leaf.del === undefined) break;
        offset = 0;
      } else if (i === 0) break;
      else offset = p.children[--i]!.text.length;
    } else {
      if (offset < leaf.text.length) {
        if (leaf.del === undefined) break;
        offset = leaf.text.length;
      } else if (i === p.children.length - 1) break;
      else {
        i++;
        offset = 0;
      }
    }
  }
  return { path: [...parent, i], offset };
}

/** The leaf holding the character just before (or after) a point in its paragraph. */
function leafBeside(editor: Editor, point: Point, side: 'before' | 'after'): { leaf: TextLeaf; path: Path; offset: number } | undefined {
  const p = paragraphOf(editor, point.path);
  if (!p) return undefined;
  const parent = Path.parent(point.path);
  let i = point.path[point.path.length - 1]!;
  let offset = point.offset;
  if (side === 'before') {
    while (offset === 0 && i > 0) offset = p.children[--i]!.text.length;
    return offset > 0 ? { leaf: p.children[i]!, path: [...parent, i], offset } : undefined;
  }
  while (offset === p.children[i]!.text.length && i < p.children.length - 1) {
    i++;
    offset = 0;
  }
  return offset < p.children[i]!.text.length ? { leaf: p.children[i]!, path: [...parent, i], offset } : undefined;
}

/** Type text at a collapsed point as a suggestion; the caret ends after it. */
export function suggestInsertAt(editor: Editor, env: ReviewEnv, at: Point, text: string, kind: SuggestionKind = 'insertText', id?: string): void {
  if (text === '') return;
  const before = leafBeside(editor, at, 'before');
  const after = leafBeside(editor, at, 'after');
  // Typing against one's own pending insertion (before the caret first) extends it.
  for (const side of id === undefined ? [before, after] : []) {
    if (side && ownInsertion(env, editor, side.leaf, side.path) !== undefined) {
      Transforms.insertText(editor, text, { at: { path: side.path, offset: side.offset } });
      Transforms.select(editor, { path: side.path, offset: side.offset + text.length });
      return;
    }
  }
  // New text goes after struck-through text at the caret, so the markup reads "old new".
  const point = after?.leaf.del !== undefined ? stepOverStruck(editor, at, 'forward') : at;
  const ins = id ?? (isOwn(env, turnAt(editor, at.path)?.ins) ? undefined : env.open(kind));
  const leaf: TextLeaf = { text, ...formatOf(before?.leaf ?? after?.leaf), ...(ins !== undefined ? { ins } : {}) };
  Transforms.insertNodes(editor, leaf, { at: point, select: true });
}

/** A struck-through leaf of this author's (a deletion) right next to a range, whose id the range continues. */
function adjacentOwnDeletion(editor: Editor, env: ReviewEnv, range: Range): string | undefined {
  const [start, end] = Range.edges(range);
  for (const side of [leafBeside(editor, start, 'before'), leafBeside(editor, end, 'after')]) {
    const id = side?.leaf.del;
    if (id !== undefined && isOwn(env, id) && env.record(id)?.kind === 'deleteText') return id;
  }
  return undefined;
}

/**
 * Delete a range as a suggestion: one's own pending insertion goes, the rest is struck through under
 * one id (`id` when given, else a new one of `kind`, or the own deletion it continues). Returns the
 * id used, or undefined when nothing was struck.
 */
export function suggestDeleteRange(editor: Editor, env: ReviewEnv, range: Range, kind: 'deleteText' | 'replaceText' = 'deleteText'): string | undefined {
  const continued = kind === 'deleteText' ? adjacentOwnDeletion(editor, env, range) : undefined;
  const [start, end] = Range.edges(range);
  const leaves = [...Editor.nodes(editor, { at: range, match: Text.isText })] as [TextLeaf, Path][];
  let id: string | undefined;
  // Last to first, so that splitting or shortening a leaf leaves the paths of earlier ones alone.
  for (const [leaf, path] of leaves.reverse()) {
    const from = Path.equals(path, start.path) ? start.offset : 0;
    const to = Path.equals(path, end.path) ? end.offset : leaf.text.length;
    if (to <= from || leaf.del !== undefined) continue;
    const part: Range = { anchor: { path, offset: from }, focus: { path, offset: to } };
    if (ownInsertion(env, editor, leaf, path) !== undefined) Transforms.delete(editor, { at: part });
    else Transforms.setNodes(editor, { del: (id ??= continued ?? env.open(kind)) }, { at: part, match: Text.isText, split: true });
  }
  return id;
}

/** A block the author added in a pending suggestion (a move's new place does not count). */
function ownBlock(env: ReviewEnv, editor: Editor, node: { ins?: string }, path: Path): boolean {
  const id = node.ins ?? (path.length > 1 ? turnAt(editor, path)?.ins : undefined);
  return isOwn(env, id) && env.record(id!)?.kind !== 'movePhoto';
}

/** Remove a photo or turn as a suggestion: struck, or really gone when it is one's own new block. */
function suggestRemoveBlock(editor: Editor, env: ReviewEnv, path: Path, kind: 'removePhoto' | 'removeTurn'): void {
  const node = Node.get(editor, path) as { ins?: string; del?: string };
  if (node.del !== undefined) return;
  if (ownBlock(env, editor, node, path)) Transforms.removeNodes(editor, { at: path });
  // A block someone else added (or a move's new place) is left to its own suggestion.
  else if (node.ins === undefined) Transforms.setNodes(editor, { del: env.open(kind) } as Partial<Turn>, { at: path });
}

/**
 * Delete a selection as a suggestion, as Editing mode's delete reads: its text struck (as
 * suggestDeleteRange does), photos and turns wholly inside it removed, and the breaks between the
 * paragraphs it spans in one container joined, so that accepted it leaves one paragraph.
 */
export function suggestDeleteSelection(editor: Editor, env: ReviewEnv, range: Range, kind: 'deleteText' | 'replaceText' = 'deleteText'): string | undefined {
  const [start, end] = Range.edges(range);
  if (Path.equals(Path.parent(start.path), Path.parent(end.path))) return suggestDeleteRange(editor, env, range, kind);
  const inside = (path: Path) => Point.compare(start, Editor.start(editor, path)) <= 0 && Point.compare(end, Editor.end(editor, path)) >= 0;
  const blocks = [...Editor.nodes(editor, { at: range, match: (n) => Element.isElement(n) && n.type !== undefined })].map(([n, path]) => ({
    type: (n as Element).type,
    whole: (n as Element).type !== 'paragraph' && inside(path),
    ref: Editor.pathRef(editor, path),
  }));
  const id = suggestDeleteRange(editor, env, range, kind);
  const removed = blocks.filter((b) => b.whole);
  for (const b of [...removed].reverse()) if (b.ref.current) suggestRemoveBlock(editor, env, b.ref.current, b.type === 'turn' ? 'removeTurn' : 'removePhoto');
  const paragraphs = blocks.filter((b) => b.type === 'paragraph').map((b) => b.ref);
  for (let i = paragraphs.length - 2; i >= 0; i--) {
    const a = paragraphs[i]!.current;
    const b = paragraphs[i + 1]!.current;
    if (!a || !b || !Path.equals(Path.parent(a), Path.parent(b))) continue;
    if (a.length > 1 && (Node.get(editor, Path.parent(a)) as { del?: string }).del !== undefined) continue; // in a removed turn
    // Only a break between neighbours, or over struck photos, is one to join (breaks.ts).
    const gap = Array.from({ length: b[b.length - 1]! - a[a.length - 1]! - 1 }, (_, k) => Node.get(editor, [...Path.parent(a), a[a.length - 1]! + 1 + k]) as { del?: string });
    if (gap.some((n) => n.del === undefined)) continue;
    if (currentValue(breakHistory(Node.get(editor, a) as Paragraph)) !== 'joined') changeBreak(editor, env, a, 'joined');
  }
  for (const b of blocks) b.ref.unref();
  return id;
}

/** Typing over a selection: the old text struck, the new text after it, one suggestion. */
export function suggestReplace(editor: Editor, env: ReviewEnv, range: Range, text: string): void {
  const end = Editor.pointRef(editor, Range.end(range), { affinity: 'forward' });
  const id = suggestDeleteSelection(editor, env, range, 'replaceText');
  const at = end.unref() ?? Range.start(range);
  // All of it was one's own insertion (now gone): the new text is simply typed there.
  if (id === undefined) suggestInsertAt(editor, env, at, text);
  else {
    const before = leafBeside(editor, at, 'before');
    Transforms.insertNodes(editor, { text, ...formatOf(before?.leaf), ins: id }, { at, select: true });
  }
}

/** Backspace or Delete at a collapsed point, as a suggestion. */
export function suggestDeleteAt(editor: Editor, env: ReviewEnv, at: Point, direction: 'backward' | 'forward', unit: Unit = 'character'): void {
  const from = stepOverStruck(editor, at, direction);
  const target = direction === 'backward' ? Editor.before(editor, from, { unit }) : Editor.after(editor, from, { unit });
  const block = (p: Point) => Path.parent(p.path);
  if (!target) {
    Transforms.select(editor, from);
    return;
  }
  if (!Path.equals(block(target), block(from))) {
    // At a paragraph's edge: the break to the neighbouring paragraph goes (a join), if it is one.
    const first = direction === 'backward' ? previousParagraph(editor, block(from)) : nextParagraph(editor, block(from)) && block(from);
    if (first) suggestJoin(editor, env, first, from, direction);
    else Transforms.select(editor, from);
    return;
  }
  const range: Range = direction === 'backward' ? { anchor: target, focus: from } : { anchor: from, focus: target };
  const caret = Editor.pointRef(editor, direction === 'backward' ? target : from, { affinity: 'backward' });
  const after = Editor.pointRef(editor, target, { affinity: 'forward' });
  suggestDeleteRange(editor, env, range);
  // Backspace leaves the caret before the struck text; Delete leaves it after.
  const point = direction === 'backward' ? caret.unref() : after.unref();
  caret.unref();
  after.unref();
  if (point) Transforms.select(editor, point);
}

/** The paragraph right before a paragraph in the same container (no photo between), if any. */
function previousParagraph(editor: Editor, path: Path): Path | undefined {
  if (path[path.length - 1] === 0) return undefined;
  const prev = Path.previous(path);
  const node = Node.get(editor, prev);
  return Element.isElement(node) && node.type === 'paragraph' ? prev : undefined;
}

function nextParagraph(editor: Editor, path: Path): Path | undefined {
  const next = Path.next(path);
  if (!Node.has(editor, next)) return undefined;
  const node = Node.get(editor, next);
  return Element.isElement(node) && node.type === 'paragraph' ? next : undefined;
}

/**
 * Change the break after the paragraph at `path` (breaks.ts): amend one's own pending change, set it
 * plainly inside one's own inserted turn, or record a new suggestion. A break settled as joined is
 * carried out at once: the two paragraphs become one.
 */
function changeBreak(editor: Editor, env: ReviewEnv, path: Path, to: BreakValue): void {
  const p = Node.get(editor, path) as Paragraph;
  const kind = to === 'break' ? 'splitParagraph' : 'mergeParagraphs';
  const h = changeValue(breakHistory(p), to, { isOwn: (id) => isOwn(env, id), plain: isOwn(env, turnAt(editor, path)?.ins), open: () => env.open(kind) });
  const next = nextParagraph(editor, path);
  if (h.base === 'joined' && h.steps.length === 0 && next) {
    const partner = Node.get(editor, next) as Paragraph;
    if (partner.breakAfter) Transforms.setNodes(editor, { breakAfter: partner.breakAfter }, { at: path });
    else Transforms.unsetNodes(editor, 'breakAfter', { at: path });
    Transforms.mergeNodes(editor, { at: next });
    return;
  }
  const stored: Paragraph = { ...p };
  storeBreak(stored, h);
  if (stored.breakAfter) Transforms.setNodes(editor, { breakAfter: stored.breakAfter }, { at: path });
  else Transforms.unsetNodes(editor, 'breakAfter', { at: path });
}

/** Join the paragraph at `first` with the next one; the caret stays where it was (`caret`). */
function suggestJoin(editor: Editor, env: ReviewEnv, first: Path, caret: Point, direction: 'backward' | 'forward'): void {
  const p = Node.get(editor, first) as Paragraph;
  // A pending join already runs them together: the key goes on into the text on the other side.
  if (currentValue(breakHistory(p)) === 'joined') {
    if (direction === 'backward') suggestDeleteAt(editor, env, Editor.end(editor, first), 'backward');
    else suggestDeleteAt(editor, env, Editor.start(editor, Path.next(first)), 'forward');
    return;
  }
  const ref = Editor.pointRef(editor, caret);
  changeBreak(editor, env, first, 'joined');
  const point = ref.unref();
  if (point) Transforms.select(editor, point);
}

/** Enter at a collapsed point, as a suggestion. */
export function suggestSplit(editor: Editor, env: ReviewEnv, at: Point): void {
  const path = Path.parent(at.path);
  const p = paragraphOf(editor, at.path);
  if (!p) return;
  // At the seam of a pending join, Enter brings the break back.
  if (Editor.isEnd(editor, stepOverStruck(editor, at, 'forward'), path) && currentValue(breakHistory(p)) === 'joined') {
    changeBreak(editor, env, path, 'break');
    return;
  }
  Transforms.splitNodes(editor, { at, always: true });
  // Both halves got the paragraph's props: the old break now follows the second half, and the new
  // break after the first half is pending (rejected, the halves are one paragraph again).
  Transforms.unsetNodes(editor, 'breakAfter', { at: path });
  if (!isOwn(env, turnAt(editor, path)?.ins)) {
    Transforms.setNodes(editor, { breakAfter: { base: 'joined', changes: [{ id: env.open('splitParagraph'), op: 'split' }] } }, { at: path });
  }
  Transforms.select(editor, Editor.start(editor, Path.next(path)));
}

