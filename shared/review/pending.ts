/**
 * Reading the pending suggestions: the Changes panel's list in document order, and the selectors
 * that choose suggestions to accept or reject together (by author here; in a selection or at the
 * caret in in-range.ts).
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

// What a caret or a selection points at (for "accept in selection") has a module of its own.
export { inRange, type BodyPoint, type BodyRange } from './in-range';
