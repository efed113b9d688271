/**
 * The rules for a paragraph's time in a recording (`time`, schema.ts), shared by every place that
 * splits or joins paragraphs: the editor (renderer/src/editor/with-media-time.ts), the review
 * algebra (splits and joins under review, shared/review/), repair of stored documents, and the
 * subtitle exports. One set of rules, so a time means the same after any of them.
 *
 * - A split: the half before the cut keeps the time (that is where the time was stamped, at the
 *   paragraph's start); the half after it starts untimed, wherever the cut is (a rule that looked at
 *   the text around the cut would give a different answer depending on which text decisions came
 *   first in review, where the order of decisions must not matter).
 * - A join: the joined paragraph starts where the first started, so it keeps the first's time; when
 *   both were timed in one recording and the second's end is known, the joined text ends there.
 *   An untimed first paragraph stays untimed (a time inside a paragraph has no place to go),
 *   unless the caller knows it was empty (the live editor, removing a blank line before a timed
 *   paragraph): then the joined text is the second's, and so is the time.
 */
import type { MediaTime } from './schema';

/**
 * The time of two paragraphs joined into one (the first's, ending where the second ends).
 * `firstEmpty`: the first had no text, so the joined text is all the second's, and so is its time
 * (a line opened before a timed paragraph and removed again gives the paragraph its time back).
 */
export function joinedTime(first: MediaTime | undefined, second: MediaTime | undefined, firstEmpty = false): MediaTime | undefined {
  if (!first) return firstEmpty ? second : undefined;
  if (!second || second.endMs === undefined || second.recording !== first.recording || second.endMs < first.startMs) return first;
  return { ...first, endMs: second.endMs };
}

/**
 * Whether a time (its `recording`, possibly absent) points into `recording`. A time naming no
 * recording points into the interview's first (schema.ts), so `first` says whether `recording` is
 * that one. The player's follow and the waveform's shading ask this, so that with two recordings a
 * paragraph stamped in one is never shown as heard or transcribed in the other.
 */
export function timeIsIn(timeRecording: string | undefined, recording: string, first: boolean): boolean {
  return timeRecording === undefined ? first : timeRecording === recording;
}

/** Whether two times are the same (absent equals absent). */
export function sameTime(a: MediaTime | undefined, b: MediaTime | undefined): boolean {
  if (!a || !b) return a === b;
  return a.startMs === b.startMs && a.endMs === b.endMs && a.recording === b.recording;
}

/**
 * A time as a reporter reads it in the margin: `m:ss` under an hour, `h:mm:ss` from an hour on
 * (whole seconds, rounded down, so a stamp never reads later than what is heard).
 */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
