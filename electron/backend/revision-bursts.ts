/**
 * Autosaves grouped into working bursts, so the history lists what someone did in a sitting rather
 * than one entry per autosave (the autosaver stores every pause in typing: dozens of revisions an
 * hour, indistinguishable in a list). Each save still stores its whole text, in its own
 * transaction, exactly as before; only the history row of the save before it in the same burst is
 * replaced by the new one, which carries the time the burst began.
 *
 * A burst ends — the next autosave starts a new history entry — when:
 *  - nothing was saved for BURST.idleMs (a pause: coffee, a phone call, another interview);
 *  - it has lasted BURST.maxMs (a long steady session still leaves a point to go back to every
 *    half hour, not one entry for the whole afternoon);
 *  - the last revision is not a plain autosave: an event (mode switch, export, sent or received
 *    review file, restore, import, duplicate) or a named version. Those are never coalesced away;
 *  - another person writes (the profile's display name changed);
 *  - the last revision is the document's first (the interview as it was created or imported is
 *    always kept, see revision-retention.ts).
 * A clock that went backwards, or a time that cannot be read, ends the burst too: when in doubt,
 * a revision is kept.
 */

const MINUTE = 60_000;

export const BURST = {
  idleMs: 5 * MINUTE,
  maxMs: 30 * MINUTE,
} as const;

/** The revision row an autosave would continue. */
export interface BurstRow {
  revision: number;
  kind: string;
  name: string;
  author: string;
  savedAt: string;
  /** When its burst began; null: it stands for itself (at savedAt). */
  startedAt: string | null;
}

/**
 * When the burst that an autosave by `author` at `savedAt` continues began, or null when the
 * autosave starts a burst of its own (and `previous` stays in the history). `first` is the
 * document's first revision.
 */
export function continuedBurst(previous: BurstRow | undefined, next: { author: string; savedAt: string }, first: number): string | null {
  if (!previous || previous.revision === first || previous.kind !== 'auto' || previous.name !== '' || previous.author !== next.author) return null;
  const now = Date.parse(next.savedAt);
  const last = Date.parse(previous.savedAt);
  const startedAt = previous.startedAt ?? previous.savedAt;
  const began = Date.parse(startedAt);
  if (![now, last, began].every(Number.isFinite) || now < last || last < began) return null;
  return now - last <= BURST.idleMs && now - began <= BURST.maxMs ? startedAt : null;
}
