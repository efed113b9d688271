/**
 * Datelines: where and from whom the story was sent, at the start of its first paragraph —
 * `TTXVN - `, `Hà Nội, 12/5 (TTXVN) - `, `HÀ NỘI (TTXVN) – `, `WASHINGTON (Reuters) - `,
 * `CAN THO (VNA) – `. They give the story's source (the agency) and location (the place, as printed),
 * and they mark where the header ends and the intro begins. The paragraph keeps its dateline as
 * written, so an exported agency text reads as the agency wrote it.
 */

export interface Dateline {
  /** The agency in parentheses, or the agency alone (`TTXVN - `). */
  source: string;
  /** The place before it, without the date (`Hà Nội`, `WASHINGTON`); '' when none is printed. */
  location: string;
  /** Nothing follows on the line: the dateline stands alone and the intro is the next paragraph. */
  alone: boolean;
}

export const DATELINE = /^(?:([^()]{1,60}?)\s*\(\s*(\p{Lu}[\p{L}\p{N}+/.]*(?: [\p{L}\p{N}+/.]+){0,2})\s*\)|(\p{Lu}{2,10}))\s*[-–—](?:\s+(\S)|\s*$)/u;

/**
 * What every dateline has: an agency in parentheses, or a line that starts with two capitals.
 * Tried first, because the importer asks of every line whether it is a dateline, and the full
 * pattern reads up to 60 characters of each before it gives up.
 */
export const mayBeDateline = (text: string): boolean => text.includes('(') || /^\p{Lu}{2}/u.test(text);

/** A place, optionally with a date after a comma: `Hà Nội, 12/5` → `Hà Nội`. */
function placeOf(text: string | undefined): string {
  if (!text) return '';
  const place = text.split(',')[0]!.trim();
  return place.length <= 40 && place.split(' ').length <= 5 && /^\p{Lu}/u.test(place) && !/\d/.test(place) ? place : '';
}

export function parseDateline(text: string): Dateline | null {
  const m = mayBeDateline(text) ? DATELINE.exec(text) : null;
  if (!m) return null;
  return { source: m[2] ?? m[3]!, location: placeOf(m[1]), alone: m[4] === undefined };
}

/** The agency named by a dateline at the start of a paragraph, or null. */
export function datelineSource(text: string): string | null {
  const d = parseDateline(text);
  return d && !d.alone ? d.source : null;
}
