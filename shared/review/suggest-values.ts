/**
 * Recording value edits as suggestions: a turn's speaker, a photo's caption, credit and alt text,
 * and metadata fields. Each is a value history (history.ts): the document shows the new value and
 * the stored change keeps the old one. An author's own pending change of the same value is amended,
 * not stacked, so typing a caption letter by letter is one suggestion.
 */
import type { Photo, TrackedMetaField } from '../model/schema';
import { changeValue } from './history';
import type { BlockPath, Edit } from './edits';
import type { Session } from './session';
import { photoAt, turnForEdit } from './suggest-blocks';
import { metaHistory, photoHistory, speakerHistory, storeMetaHistories, TRACKED_META_FIELDS, withPhotoHistory, withSpeakerHistory, type PhotoTextField, type TrackedMetaValue } from './values';

export function setSpeaker(s: Session, e: Edit, at: number, speakerId: string): void {
  const turn = turnForEdit(s, e, at);
  const h = changeValue(speakerHistory(turn), speakerId, { isOwn: (id) => s.isOwn(id), plain: s.isOwnInsertion(turn.ins), open: () => s.open('setSpeaker') });
  const next = withSpeakerHistory(turn, h);
  turn.speakerId = next.speakerId;
  if (next.changes) turn.changes = next.changes;
  else delete turn.changes;
}

/**
 * The old places of a moved photo (marked `del` with the id its copy is marked `ins` with), and
 * theirs if it was moved more than once. They carry the same text and changes as the copy.
 */
function oldPlaces(s: Session, photo: Photo): Photo[] {
  const found: Photo[] = [];
  const all = s.photos();
  const queue = [photo];
  while (queue.length > 0) {
    const p = queue.shift()!;
    if (p.ins === undefined || s.kindOf(p.ins) !== 'movePhoto') continue;
    for (const { photo: q } of all) {
      if (q.del === p.ins && q !== photo && !found.includes(q)) {
        found.push(q);
        queue.push(q);
      }
    }
  }
  return found;
}

export function setPhotoText(s: Session, e: Edit, path: BlockPath, field: PhotoTextField, value: string): void {
  const { container, photo } = photoAt(s, e, path);
  const plain = s.isOwnInsertion(s.insertionOf(photo, container.turn));
  const h = changeValue(photoHistory(photo, field), value, { isOwn: (id) => s.isOwn(id), plain, open: () => s.open('setPhotoText') });
  const next = withPhotoHistory(photo, field, h);
  for (const p of [photo, ...oldPlaces(s, photo)]) {
    p.caption = next.caption;
    p.credit = next.credit;
    p.alt = next.alt;
    if (next.changes) p.changes = next.changes;
    else delete p.changes;
  }
}

export function setMeta(s: Session, field: TrackedMetaField, value: TrackedMetaValue): void {
  const { meta } = s.doc;
  const histories = new Map(TRACKED_META_FIELDS.map((f) => [f, metaHistory(meta, s.metaChanges, f)]));
  histories.set(field, changeValue(histories.get(field)!, value, { isOwn: (id) => s.isOwn(id), plain: false, open: () => s.open('setMeta') }));
  const stored = storeMetaHistories(meta, histories);
  s.doc.meta = stored.meta;
  s.metaChanges = stored.metaChanges;
}
