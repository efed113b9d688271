/** Operations on a document's list of participants, shared by paste, import and the panel. */
import type { Participant } from './schema';

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
