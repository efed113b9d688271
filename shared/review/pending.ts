/**
 * Reading the pending suggestions: the Changes panel's list in document order, and the selectors
 * that choose suggestions to accept or reject together (by author, in a selection).
 */
import type { Interview, Paragraph, Suggestion, SuggestionKind, TrackedMetaField, Turn } from '../model/schema';
import type { History } from './history';
import { recordsById } from './records';
import { forEachUsage, type Usage } from './usages';
import { metaHistory, photoHistory, speakerHistory, TRACKED_META_FIELDS } from './values';

export interface PendingSuggestion {
  id: string;
  /** What the suggestion did; absent when its record is missing (findProblems reports it). */
  kind?: SuggestionKind;
  authorId?: string;
  authorName?: string;
  createdAt?: string;
  /** Text it takes away and text it puts in, shortened, for the panel's excerpt. */
  removed: string;
  added: string;
  /** Where it first appears: a Slate path in the stored body (a leaf's for text), or a metadata field. */
  at: { path: number[] } | { field: TrackedMetaField };
}

const EXCERPT = 120;
const PARAGRAPH_MARK = '¶';

function shorten(text: string): string {
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
}

function turnText(turn: Turn): string {
  return turn.children
    .filter((c): c is Paragraph => c.type === 'paragraph')
    .map((p) => p.children.map((l) => l.text).join(''))
    .join(' ');
}

/** For each step of a value history: the value before it and the value it sets. */
function stepsOf<V>(h: History<V>, show: (v: V) => string, into: Map<string, { removed: string; added: string }>): void {
  h.steps.forEach((step, i) => {
    if (!into.has(step.id)) into.set(step.id, { removed: show(i === 0 ? h.base : h.steps[i - 1]!.to), added: show(step.to) });
  });
}

function showMeta(v: unknown): string {
  if (v === null) return '';
  return Array.isArray(v) ? v.join(', ') : String(v);
}

/** Every pending suggestion, in the order it first appears (metadata first, then the body). */
export function listPending(doc: Interview): PendingSuggestion[] {
  const records = recordsById(doc);
  const labels = new Map(doc.participants.map((p) => [p.id, p.label]));
  const values = new Map<string, { removed: string; added: string }>();
  for (const field of TRACKED_META_FIELDS) stepsOf(metaHistory(doc.meta, doc.review?.metaChanges ?? [], field), showMeta, values);

  const items = new Map<string, PendingSuggestion & { parts: { removed: string[]; added: string[] } }>();
  const item = (id: string, u: Usage) => {
    let it = items.get(id);
    if (!it) {
      const r: Suggestion | undefined = records.get(id);
      it = { id, removed: '', added: '', at: u.use === 'meta' ? { field: u.field } : { path: u.path }, parts: { removed: [], added: [] } };
      if (r) Object.assign(it, { kind: r.kind, authorId: r.authorId, authorName: r.authorName, createdAt: r.createdAt });
      items.set(id, it);
    }
    return it;
  };
  const seenValue = new Set<string>();
  forEachUsage(doc, (id, u) => {
    const it = item(id, u);
    const { removed, added } = it.parts;
    switch (u.use) {
      case 'textIns':
        added.push(u.leaf.text);
        break;
      case 'textDel':
        removed.push(u.leaf.text);
        break;
      case 'split':
        added.push(PARAGRAPH_MARK);
        break;
      case 'join':
        removed.push(PARAGRAPH_MARK);
        break;
      case 'turnIns':
        added.push(turnText(u.turn));
        break;
      case 'turnDel':
        removed.push(turnText(u.turn));
        break;
      case 'photoIns':
        added.push(u.photo.caption);
        break;
      case 'photoDel':
        removed.push(u.photo.caption);
        break;
      case 'speaker':
        if (!seenValue.has(id)) stepsOf(speakerHistory(u.turn), (v) => labels.get(v) ?? v, values);
        break;
      case 'photoText':
        if (!seenValue.has(id)) stepsOf(photoHistory(u.photo, u.field), (v) => v, values);
        break;
      case 'meta':
        break;
    }
    if (u.use === 'speaker' || u.use === 'photoText' || u.use === 'meta') {
      // A value change is described once, even where a moved photo carries it twice.
      if (!seenValue.has(id)) {
        const v = values.get(id);
        if (v) {
          removed.push(v.removed);
          added.push(v.added);
        }
      }
      seenValue.add(id);
    }
  });
  return [...items.values()].map(({ parts, ...it }) => ({ ...it, removed: shorten(parts.removed.join('')), added: shorten(parts.added.join('')) }));
}

/** How many suggestions are pending (what the export preflight reports). */
export function pendingCount(doc: Interview): number {
  return listPending(doc).length;
}

/** The pending suggestions of one author, in document order (for "accept all by …"). */
export function byAuthor(doc: Interview, authorId: string): string[] {
  return listPending(doc)
    .filter((p) => p.authorId === authorId)
    .map((p) => p.id);
}

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

/** The first and last points of a block at a body path. */
function blockEdges(doc: Interview, path: number[]): [BodyPoint, BodyPoint] {
  const block = path.length === 1 ? doc.body[path[0]!] : (doc.body[path[0]!] as Turn).children[path[1]!];
  const edges = (p: number[], b: typeof block): [BodyPoint, BodyPoint] => {
    if (!b || b.type === 'photo') return [{ path: [...p, 0], offset: 0 }, { path: [...p, 0], offset: 0 }];
    if (b.type === 'paragraph') {
      const last = b.children.length - 1;
      return [{ path: [...p, 0], offset: 0 }, { path: [...p, last], offset: b.children[last]!.text.length }];
    }
    const lastChild = b.children.length - 1;
    return [edges([...p, 0], b.children[0])[0], edges([...p, lastChild], b.children[lastChild])[1]];
  };
  return edges(path, block);
}

/**
 * The pending suggestions a selection of the marked-up body touches (for "accept in selection"):
 * text it overlaps (or, for a caret, text it stands in), blocks it reaches into, and paragraph
 * breaks it contains. Metadata changes are never in a body selection.
 */
export function inRange(doc: Interview, range: BodyRange): string[] {
  const [start, end] = comparePoints(range.anchor, range.focus) <= 0 ? [range.anchor, range.focus] : [range.focus, range.anchor];
  const collapsed = comparePoints(start, end) === 0;
  const found = new Set<string>();
  forEachUsage(doc, (id, u) => {
    if (u.use === 'meta') return;
    let touched: boolean;
    if (u.use === 'textIns' || u.use === 'textDel') {
      const from = { path: u.path, offset: 0 };
      const to = { path: u.path, offset: u.leaf.text.length };
      touched = collapsed ? comparePoints(start, from) >= 0 && comparePoints(start, to) <= 0 : comparePoints(start, to) < 0 && comparePoints(end, from) > 0;
    } else if (u.use === 'split' || u.use === 'join') {
      const breakPoint = blockEdges(doc, u.path)[1];
      touched = comparePoints(start, breakPoint) <= 0 && comparePoints(end, breakPoint) >= 0;
    } else {
      const [from, to] = blockEdges(doc, u.path);
      touched = comparePoints(end, from) >= 0 && comparePoints(start, to) <= 0;
    }
    if (touched) found.add(id);
  });
  return [...found];
}
