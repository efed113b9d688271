/**
 * Times as transcript files write them, read as integer milliseconds: `01:02:03.456` (WebVTT),
 * `01:02:03,456` (SRT), `2:03` and `1:02:03` (Otter, oTranscribe), `[00:01:23]`. Every unit has a
 * bounded number of digits, so a hostile `99999999999:00` cannot overflow into nonsense; what is
 * past the longest recording a document holds (MAX_MEDIA_MS) is returned as it is and refused by
 * the caller with a finding.
 */
import { MAX_MEDIA_MS } from '../../model/schema';

/** `[h:]m:ss[.fff]`: hours and minutes of any size up to 4 digits, seconds two digits, fraction 1–3 digits (`.` or `,`). */
export const TIMECODE_SOURCE = String.raw`(?:\d{1,4}:)?\d{1,4}:\d{2}(?:[.,]\d{1,3})?`;
const TIMECODE = new RegExp(String.raw`^(?:(\d{1,4}):)?(\d{1,4}):(\d{2})(?:[.,](\d{1,3}))?$`);

/** A timecode as milliseconds, or null when it is not one (seconds ≥ 60, minutes ≥ 60 under hours). */
export function parseTimecode(text: string): number | null {
  const m = TIMECODE.exec(text.trim());
  if (!m) return null;
  const hours = m[1] === undefined ? 0 : Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  if (seconds >= 60 || (m[1] !== undefined && minutes >= 60)) return null;
  // `.5` is half a second, `.05` fifty milliseconds: the fraction is read as written.
  const fraction = m[4] === undefined ? 0 : Math.round(Number(`0.${m[4]}`) * 1000);
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction;
}

/** Seconds as a recogniser writes them (`12.34`), as milliseconds; null for what is not a time. */
export function secondsToMs(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
  return Math.round(value * 1000);
}

/** A time a paragraph may carry: an integer in 0…MAX_MEDIA_MS. */
export const isStorableMs = (ms: number | null | undefined): ms is number => typeof ms === 'number' && Number.isInteger(ms) && ms >= 0 && ms <= MAX_MEDIA_MS;

/** `83000` → `1:23`, `3723000` → `1:02:03`: how a time is named in a finding. */
export function formatMs(ms: number): string {
  const total = Math.floor(ms / 1000);
  const s = String(total % 60).padStart(2, '0');
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
