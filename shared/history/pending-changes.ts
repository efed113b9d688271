/**
 * The pending suggestions of two versions, for the compare view: which are new in the later
 * version, which were pending in both, and which were decided (accepted or rejected) between
 * them, each with its author and where it is (a story detail, or a turn by its speaker).
 */
import type { Interview, SuggestionKind, TrackedMetaField } from '../model/schema';
import { listPending, type PendingSuggestion } from '../review';

/** Where a suggestion is: a tracked story detail, or a top-level block (a turn by its speaker's label). */
export type Place = { kind: 'meta'; field: TrackedMetaField } | { kind: 'turn'; label: string } | { kind: 'paragraph' } | { kind: 'photo' };

export interface PendingChange {
  id: string;
  /** new: pending in the later version only; open: pending in both; decided: pending in the earlier one only. */
  status: 'new' | 'open' | 'decided';
  kind?: SuggestionKind;
  /** The suggester's display name as recorded with the suggestion ('' when its record is missing). */
  author: string;
  place: Place;
  /** The text the suggestion takes away and puts in (shortened, as the Changes panel shows it). */
  removed: string;
  added: string;
}

function placeOf(doc: Interview, item: PendingSuggestion): Place {
  if ('field' in item.at) return { kind: 'meta', field: item.at.field };
  const block = doc.body[item.at.path[0] ?? -1];
  if (block?.type === 'turn') return { kind: 'turn', label: doc.participants.find((p) => p.id === block.speakerId)?.label ?? block.speakerId };
  return { kind: block?.type === 'photo' ? 'photo' : 'paragraph' };
}

function changeOf(doc: Interview, item: PendingSuggestion, status: PendingChange['status']): PendingChange {
  return { id: item.id, status, ...(item.kind ? { kind: item.kind } : {}), author: item.authorName ?? '', place: placeOf(doc, item), removed: item.removed, added: item.added };
}

/** The later version's pending suggestions (new ones first, in document order), then those decided since the earlier one. */
export function pendingChanges(from: Interview, to: Interview): PendingChange[] {
  const before = listPending(from);
  const after = listPending(to);
  const wasPending = new Set(before.map((p) => p.id));
  const isPending = new Set(after.map((p) => p.id));
  return [
    ...after.filter((p) => !wasPending.has(p.id)).map((p) => changeOf(to, p, 'new')),
    ...after.filter((p) => wasPending.has(p.id)).map((p) => changeOf(to, p, 'open')),
    ...before.filter((p) => !isPending.has(p.id)).map((p) => changeOf(from, p, 'decided')),
  ];
}
