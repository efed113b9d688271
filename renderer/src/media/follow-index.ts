/**
 * Which paragraph is being heard: the timed paragraphs' starts, sorted, searched by bisection. The
 * list is rebuilt when the document changes (a few thousand attributes read once), never per frame:
 * the player asks on every tick of its clock, and a query over the whole editor per tick would cost
 * more than the typing it runs beside. Only the paragraphs stamped in the recording playing count.
 *
 * A paragraph is heard from its start until the next timed paragraph's start (a stamp marks where
 * a paragraph begins; its end is rarely known), or until its own end when it has one and nothing
 * later starts first.
 */
import { timeIsIn } from '../../../shared/model/media-time';

export interface TimedEntry<T> {
  startMs: number;
  endMs?: number;
  item: T;
}

/** The entries sorted by start (stable: equal starts keep document order). */
export function sortEntries<T>(entries: readonly TimedEntry<T>[]): TimedEntry<T>[] {
  return entries
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].startMs - b[0].startMs || a[1] - b[1])
    .map(([e]) => e);
}

/** The index of the entry heard at `ms` in sorted `entries`, or -1 (before the first, or past an entry's end). */
export function entryAt<T>(entries: readonly TimedEntry<T>[], ms: number): number {
  let lo = 0;
  let hi = entries.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.startMs <= ms) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return -1;
  const end = entries[found]!.endMs;
  return end !== undefined && ms >= end ? -1 : found;
}

/**
 * The timed paragraphs under `root` that point into `recording` (`first`: whether it is the
 * interview's first, which paragraphs naming no recording point into), read from their
 * `data-time-start`, `data-time-end` and `data-time-recording` attributes.
 */
export function timedParagraphs(root: ParentNode, recording: string, first: boolean): TimedEntry<HTMLElement>[] {
  const out: TimedEntry<HTMLElement>[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('[data-time-start]')) {
    if (!timeIsIn(el.dataset.timeRecording, recording, first)) continue;
    const startMs = Number(el.dataset.timeStart);
    if (!Number.isFinite(startMs)) continue;
    const end = el.dataset.timeEnd !== undefined ? Number(el.dataset.timeEnd) : NaN;
    out.push({ startMs, ...(Number.isFinite(end) ? { endMs: end } : {}), item: el });
  }
  return sortEntries(out);
}
