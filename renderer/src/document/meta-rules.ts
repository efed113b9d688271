/** Guidance and checks for metadata fields, shown as the writer types (never blocking a save). */

/** Recommended maximum lengths, in characters: agency headlines and sapos are read on wires and phones. */
export const LENGTH_HINTS = { headline: 120, sapo: 400 } as const;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function splitKeywords(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((k) => k.trim())
    .filter((k) => k !== '');
}
