/**
 * Which revisions of a document to keep. Every autosave writes a revision; keeping them all
 * would grow the library without bound, keeping the last N (the old rule) loses everything older
 * than a few minutes of typing. The policy thins autosaves the further back they are, measured
 * from the document's newest revision (not the clock: a document left alone for a month still
 * has its last editing session in full):
 *
 *   newer than 1 hour ............ every revision
 *   1 hour to 1 day .............. the last one in each 10-minute slot   (≤ 138)
 *   1 day to 90 days ............. the last one in each UTC day          (≤ 89)
 *   older ........................ the last one in each 30-day period
 *
 * Slots are fixed in absolute time, so the revision a slot keeps does not change as time goes on
 * and pruning never revisits a decision. Always kept, whatever their age: the first revision (the
 * document as it was created or imported), the current one, every event snapshot (export,
 * import, sent or received for review, restore…), every version the user named, and the state a
 * restore replaced (the revision right before a `restore`: the restore's confirmation promises
 * that the text it replaces stays in the history, and "Undo restore" brings it back). The same
 * goes for the revision right before a `repair` (the document as it was stored, before opening
 * repaired it) and a `conflict` (the version saved elsewhere that an editor's text was kept beside):
 * the user was told both versions are kept. As a last
 * bound, no more than MAX_AUTO_KEPT plain autosaves survive (the oldest go first).
 *
 * Autosaves are already one per working burst when they get here (revision-bursts.ts).
 *
 * Mode-change snapshots (`mode`: the state when Editing, Suggesting or Viewing was switched) are
 * kept whatever their age, like the other events, but someone toggling modes all day must not grow
 * the history without bound: beyond MAX_MODE_KEPT, the oldest unnamed ones go.
 */

export interface RevisionStamp {
  revision: number;
  savedAt: string;
  kind: string;
  name: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const RETENTION = {
  keepAllFor: HOUR,
  tenMinuteSlotsFor: DAY,
  dailySlotsFor: 90 * DAY,
  oldSlot: 30 * DAY,
} as const;

/** A hard cap on kept autosaves per document, whatever the timestamps say (clocks can be wrong). */
export const MAX_AUTO_KEPT = 1000;
/** A cap on kept mode-change snapshots per document (each one is a user's action, so they are few). */
export const MAX_MODE_KEPT = 200;

/** The slot a revision of this age falls in, or null when it is recent enough to keep anyway. */
function slotOf(time: number, age: number): string | null {
  if (age <= RETENTION.keepAllFor) return null;
  if (age <= RETENTION.tenMinuteSlotsFor) return `10m:${Math.floor(time / (10 * MINUTE))}`;
  if (age <= RETENTION.dailySlotsFor) return `day:${Math.floor(time / DAY)}`;
  return `old:${Math.floor(time / RETENTION.oldSlot)}`;
}

export const isEventOrNamed = (r: RevisionStamp): boolean => r.kind !== 'auto' || r.name !== '';

/** Kinds of revision put on top of a state the user was promised stays in the history. */
const PUT_ON_TOP = new Set(['restore', 'repair', 'conflict']);

/** The revision numbers to delete; `rows` are one document's revisions, in any order. */
export function revisionsToDrop(rows: readonly RevisionStamp[]): number[] {
  if (rows.length <= 2) return [];
  const sorted = [...rows].sort((a, b) => a.revision - b.revision);
  const first = sorted[0]!.revision;
  const newest = sorted[sorted.length - 1]!;
  const newestTime = Date.parse(newest.savedAt);
  const drop = new Set<number>();
  const slotKeeper = new Map<string, number>(); // slot → the newest revision seen in it
  const replacedByRestore = new Set(sorted.flatMap((row, i) => (PUT_ON_TOP.has(sorted[i + 1]?.kind ?? '') ? [row.revision] : [])));
  const kept = (r: RevisionStamp) => r.revision === first || r.revision === newest.revision || isEventOrNamed(r) || replacedByRestore.has(r.revision);

  for (const row of sorted) {
    if (kept(row)) continue;
    const time = Date.parse(row.savedAt);
    // An unreadable or future time (a clock set wrong) counts as recent: it is kept, not guessed at.
    if (!Number.isFinite(time) || time > newestTime) continue;
    const slot = slotOf(time, newestTime - time);
    if (slot === null) continue;
    const previous = slotKeeper.get(slot);
    if (previous !== undefined) drop.add(previous); // rows go oldest first: the later one wins the slot
    slotKeeper.set(slot, row.revision);
  }

  const capped = (kept: RevisionStamp[], max: number) => kept.slice(0, Math.max(0, kept.length - max)).forEach((r) => drop.add(r.revision));
  const mayGo = (r: RevisionStamp) => !drop.has(r.revision) && r.revision !== first && r.revision !== newest.revision && !replacedByRestore.has(r.revision);
  capped(sorted.filter((r) => mayGo(r) && !isEventOrNamed(r)), MAX_AUTO_KEPT);
  capped(sorted.filter((r) => mayGo(r) && r.kind === 'mode' && r.name === ''), MAX_MODE_KEPT);
  return [...drop].sort((a, b) => a - b);
}
