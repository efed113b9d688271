/**
 * The tracked values of the document and where their pending changes are stored: a turn's speaker
 * and a photo's caption, credit and alt text on the node (`changes`), metadata fields in
 * `review.metaChanges`. The value itself always reads as it would with every change accepted (it is
 * what the editor shows and edits); each stored change keeps the value it replaced.
 */
import { metaSchema, trackedMetaFieldSchema, type Meta, type MetaChange, type Photo, type TrackedMetaField, type Turn } from '../model/schema';
import { historyOf, storedOf, type History } from './history';

export const PHOTO_TEXT_FIELDS = ['caption', 'credit', 'alt'] as const;
export type PhotoTextField = (typeof PHOTO_TEXT_FIELDS)[number];

export const TRACKED_META_FIELDS: readonly TrackedMetaField[] = trackedMetaFieldSchema.options;
export type TrackedMetaValue<F extends TrackedMetaField = TrackedMetaField> = Meta[F];

export function speakerHistory(turn: Turn): History<string> {
  return historyOf(turn.changes ?? [], turn.speakerId);
}

/** A copy of the turn with the speaker history stored. */
export function withSpeakerHistory(turn: Turn, h: History<string>): Turn {
  const { changes, current } = storedOf(h);
  const out: Turn = { ...turn, speakerId: current };
  if (changes.length > 0) out.changes = changes.map((c) => ({ id: c.id, field: 'speakerId', from: c.from }));
  else delete out.changes;
  return out;
}

export function photoHistory(photo: Photo, field: PhotoTextField): History<string> {
  return historyOf((photo.changes ?? []).filter((c) => c.field === field), photo[field]);
}

/** A copy of the photo with one field's history stored (the others untouched). */
export function withPhotoHistory(photo: Photo, field: PhotoTextField, h: History<string>): Photo {
  const histories = new Map<PhotoTextField, History<string>>(PHOTO_TEXT_FIELDS.map((f) => [f, f === field ? h : photoHistory(photo, f)]));
  const out: Photo = { ...photo };
  const changes: NonNullable<Photo['changes']> = [];
  for (const f of PHOTO_TEXT_FIELDS) {
    const stored = storedOf(histories.get(f)!);
    out[f] = stored.current;
    for (const c of stored.changes) changes.push({ id: c.id, field: f, from: c.from });
  }
  if (changes.length > 0) out.changes = changes;
  else delete out.changes;
  return out;
}

/** Whether a stored old value fits the field (a damaged one is skipped, see problems.ts). */
export function fitsMetaField(field: TrackedMetaField, value: unknown): value is TrackedMetaValue {
  return metaSchema.shape[field].safeParse(value).success;
}

export function metaHistory(meta: Meta, metaChanges: readonly MetaChange[], field: TrackedMetaField): History<TrackedMetaValue> {
  const changes = metaChanges.filter((c) => c.field === field && fitsMetaField(field, c.from));
  return historyOf(changes as { id: string; from: TrackedMetaValue }[], meta[field]);
}

/** The metadata and the stored meta changes for a set of field histories (fields in a fixed order). */
export function storeMetaHistories(meta: Meta, histories: ReadonlyMap<TrackedMetaField, History<TrackedMetaValue>>): { meta: Meta; metaChanges: MetaChange[] } {
  const out: Record<string, unknown> = { ...meta };
  const metaChanges: MetaChange[] = [];
  for (const field of TRACKED_META_FIELDS) {
    const h = histories.get(field);
    if (!h) continue;
    const stored = storedOf(h);
    out[field] = stored.current;
    for (const c of stored.changes) metaChanges.push({ id: c.id, field, from: c.from });
  }
  return { meta: out as Meta, metaChanges };
}
