/**
 * The values of a document outside its body, merged three ways, one field at a time: if only they
 * changed a field, their value; if only we did, or both the same, ours; if both differently, a
 * conflict, never a silent choice.
 *
 * - Tracked metadata (headline, sapo, …) arrives as suggested changes (`setMeta`). Text fields merge
 *   by words, so their change of one word and ours of another both stand; keywords merge as sets.
 * - Status and language are not suggestions anywhere in the app (they are workflow, not content),
 *   and participants are not either: their changes are made plainly, and a field both changed keeps
 *   ours with a `detail` conflict holding theirs.
 */
import type { Interview, Meta, Participant, TrackedMetaField } from '../model/schema';
import type { Edit } from '../review/edits';
import { TRACKED_META_FIELDS } from '../review/values';
import { freeParticipantId } from '../model/participants';
import { type Groups, PLAIN, type ConflictDraft } from './ops';
import type { PlannedEdit } from './plan';
import { mergeText } from './text-merge';

const same = (x: unknown, y: unknown) => x === y || JSON.stringify(x) === JSON.stringify(y);
const show = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v));

function setMeta(field: TrackedMetaField, value: unknown): Edit {
  return { type: 'setMeta', field, value } as Edit;
}

/** Their changes of tracked metadata, as edits (B, O, T: the three accepted views). */
export function mergeMeta(B: Meta, O: Meta, T: Meta, groups: Groups): PlannedEdit[] {
  const out: PlannedEdit[] = [];
  for (const field of TRACKED_META_FIELDS) {
    const [b, o, t] = [B[field], O[field], T[field]];
    if (same(t, b) || same(o, t)) continue;
    if (same(o, b)) {
      out.push({ edit: setMeta(field, t), group: PLAIN });
    } else if (field === 'keywords') {
      // As sets: theirs added and removed on top of ours.
      const [kb, ko, kt] = [b as string[], o as string[], t as string[]];
      const merged = [...ko, ...kt.filter((k) => !kb.includes(k) && !ko.includes(k))].filter((k) => !(kb.includes(k) && !kt.includes(k)));
      if (!same(merged, ko)) out.push({ edit: setMeta(field, merged), group: PLAIN });
    } else if (typeof b === 'string' && typeof o === 'string' && typeof t === 'string') {
      // Merged by words where that settles it; where both changed the same words, their value
      // whole (accepting takes theirs, rejecting keeps ours, never a mix of the two).
      const merged = mergeText(b, o, t);
      if (merged.conflict) out.push({ edit: setMeta(field, t), group: groups.conflict({ kind: 'value', field, base: b }) });
      else if (merged.text !== o) out.push({ edit: setMeta(field, merged.text), group: PLAIN });
    } else {
      out.push({ edit: setMeta(field, t), group: groups.conflict({ kind: 'value', field, base: show(b) }) });
    }
  }
  return out;
}

/**
 * Their new participants take ids of their own where ours took the same id for someone else (both
 * added a third speaker, say): their turns are renamed with them, so nobody's words change speaker.
 */
export function separateParticipants(B: Interview, O: Interview, T: Interview): Interview {
  const inBase = new Set(B.participants.map((p) => p.id));
  const oursById = new Map(O.participants.map((p) => [p.id, p]));
  const rename = new Map<string, string>();
  const all = [...B.participants, ...O.participants, ...T.participants];
  for (const p of T.participants) {
    const o = oursById.get(p.id);
    if (inBase.has(p.id) || !o || same(o, p)) continue;
    const id = freeParticipantId(all);
    all.push({ ...p, id });
    rename.set(p.id, id);
  }
  if (rename.size === 0) return T;
  const to = (id: string) => rename.get(id) ?? id;
  return {
    ...T,
    participants: T.participants.map((p) => ({ ...p, id: to(p.id) })),
    body: T.body.map((b) => (b.type === 'turn' ? { ...b, speakerId: to(b.speakerId) } : b)),
  };
}

const PARTICIPANT_FIELDS = ['label', 'fullName', 'title', 'role'] as const;

/**
 * Participants, status and language, changed plainly on our copy (`doc`, marked up), and the
 * conflicts no suggestion can carry. A participant only they removed goes later, if no turn
 * speaks with it (merge.ts); one only we removed comes back if their turns speak with it.
 */
export function mergeDetails(B: Interview, O: Interview, T: Interview, doc: Interview): { doc: Interview; details: ConflictDraft[] } {
  const details: ConflictDraft[] = [];
  const meta = { ...doc.meta };
  for (const field of ['status', 'language'] as const) {
    const [b, o, t] = [B.meta[field], O.meta[field], T.meta[field]];
    if (t === b || o === t) continue;
    if (o === b) (meta as Record<string, unknown>)[field] = t;
    else details.push({ kind: 'detail', field, base: b, theirs: t });
  }
  const baseById = new Map(B.participants.map((p) => [p.id, p]));
  const participants: Participant[] = doc.participants.map((p) => ({ ...p }));
  const speaking = new Set(T.body.flatMap((b) => (b.type === 'turn' ? [b.speakerId] : [])));
  for (const t of T.participants) {
    const b = baseById.get(t.id);
    const o = participants.find((p) => p.id === t.id);
    if (!o) {
      if (!b || speaking.has(t.id)) participants.push({ ...t });
      continue;
    }
    if (!b) continue;
    for (const field of PARTICIPANT_FIELDS) {
      const [vb, vo, vt] = [b[field], o[field], t[field]];
      if (vt === vb || vo === vt) continue;
      if (vo === vb) (o as Record<string, string>)[field] = vt;
      else details.push({ kind: 'detail', field, participantId: t.id, base: vb, theirs: vt });
    }
  }
  return { doc: { ...doc, meta, participants }, details };
}

/** Participants only they removed, and that nothing in the merged document speaks with. */
export function dropRemovedParticipants(B: Interview, O: Interview, T: Interview, doc: Interview): Interview {
  const inTheirs = new Set(T.participants.map((p) => p.id));
  const baseById = new Map(B.participants.map((p) => [p.id, p]));
  const used = new Set<string>();
  for (const b of doc.body) {
    if (b.type !== 'turn') continue;
    used.add(b.speakerId);
    for (const c of b.changes ?? []) used.add(c.from);
  }
  const keep = (p: Participant) => inTheirs.has(p.id) || !baseById.has(p.id) || !same(baseById.get(p.id), O.participants.find((q) => q.id === p.id)) || used.has(p.id);
  const participants = doc.participants.filter(keep);
  return participants.length === doc.participants.length ? doc : { ...doc, participants };
}
