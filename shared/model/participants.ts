/** Operations on a document's list of participants, shared by paste, import and the panel. */
import { newInterview } from './factory';
import type { Block, Participant } from './schema';

const sameLabel = (a: string, b: string) => a.normalize('NFC').trim().toLocaleLowerCase() === b.normalize('NFC').trim().toLocaleLowerCase();

/** A participant id not used yet in `existing` (p1, p2, …). */
export function freeParticipantId(existing: readonly Participant[]): string {
  const used = new Set(existing.map((p) => p.id));
  let n = existing.length + 1;
  while (used.has(`p${n}`)) n++;
  return `p${n}`;
}

/**
 * Merge incoming speakers into a document's participants: one with the same printed label (case-
 * and form-insensitive) is the same person; the others are appended with fresh ids.
 */
export function mergeParticipants(existing: readonly Participant[], incoming: readonly Participant[]): { participants: Participant[]; idMap: Record<string, string> } {
  const participants = existing.map((p) => ({ ...p }));
  const idMap: Record<string, string> = {};
  for (const p of incoming) {
    const match = participants.find((q) => sameLabel(q.label, p.label));
    if (match) {
      idMap[p.id] = match.id;
    } else {
      const id = freeParticipantId(participants);
      participants.push({ ...p, id });
      idMap[p.id] = id;
    }
  }
  return { participants, idMap };
}

/** A participant exactly as a new interview makes it (Phóng viên / Khách mời, Reporter / Guest), in either language. */
export function isDefaultParticipant(p: Participant): boolean {
  return (['vi', 'en'] as const).some((language) =>
    newInterview('default', language).participants.some((d) => d.label === p.label && d.role === p.role && p.fullName === '' && p.title === ''),
  );
}

/**
 * Speakers brought by pasted or imported text joined to a document's participants. A default
 * participant no turn names (`inUse` holds the ids turns name) is a placeholder the writer never
 * used: the incoming speakers take its place, in their order, so Alt+1 and Alt+2 are the text's
 * interviewer and interviewee rather than an empty "Reporter" and "Guest". Every other participant
 * stays where it is, and one with the same label as an incoming speaker is that speaker
 * (mergeParticipants).
 */
export function adoptIncomingSpeakers(
  existing: readonly Participant[],
  incoming: readonly Participant[],
  inUse: ReadonlySet<string>,
): { participants: Participant[]; idMap: Record<string, string> } {
  const replaced = incoming.length === 0 ? -1 : existing.findIndex((p) => !inUse.has(p.id) && isDefaultParticipant(p));
  if (replaced < 0) return mergeParticipants(existing, incoming);
  const kept = existing.filter((p) => inUse.has(p.id) || !isDefaultParticipant(p));
  const merged = mergeParticipants(kept, incoming);
  // The new ones (appended by mergeParticipants) go where the first replaced default was.
  const added = merged.participants.slice(kept.length);
  const at = existing.slice(0, replaced).filter((p) => inUse.has(p.id) || !isDefaultParticipant(p)).length;
  return { participants: [...merged.participants.slice(0, at), ...added, ...merged.participants.slice(at, kept.length)], idMap: merged.idMap };
}

/** The participants a body names: each turn's speaker, and the speakers its pending speaker changes replaced. */
export function speakerIdsInUse(body: readonly Block[]): Set<string> {
  const ids = new Set<string>();
  for (const block of body) {
    if (block.type !== 'turn') continue;
    ids.add(block.speakerId);
    for (const change of block.changes ?? []) ids.add(change.from);
  }
  return ids;
}
