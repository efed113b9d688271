/**
 * Each author's colour, as in Word and Google Docs: a small palette of calm colours, every one
 * readable as text (contrast at least 4.5:1) on the page, an interviewer's turn, the tint under an
 * insertion and a comment's highlight. An author keeps the slot their id hashes to; only when two
 * authors of the same document collide does one of them (the later id) move to the next free slot,
 * so the first PALETTE.length authors of a document always get distinct colours, and the same set
 * of authors always gets the same colours whatever order they are met in.
 */

/** Green, purple, orange, blue, magenta, olive, teal, brown. */
export const AUTHOR_PALETTE = ['#1a6b3c', '#7b3aa8', '#a34a12', '#1d5fb5', '#a3306a', '#5a6b12', '#0b6e77', '#7a4a1d'] as const;

/** The slot an author id prefers: a plain string hash, the same on every machine. */
export function preferredSlot(authorId: string): number {
  let h = 0;
  for (const c of authorId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % AUTHOR_PALETTE.length;
}

/** A slot for every author id given (duplicates ignored). */
export function assignAuthorSlots(authorIds: Iterable<string>): Map<string, number> {
  const ids = [...new Set(authorIds)].sort((a, b) => preferredSlot(a) - preferredSlot(b) || (a < b ? -1 : a > b ? 1 : 0));
  const taken = new Set<number>();
  const slots = new Map<string, number>();
  for (const id of ids) {
    let slot = preferredSlot(id);
    // With every slot taken, colours repeat: the preferred one is as good as any.
    if (taken.size < AUTHOR_PALETTE.length) while (taken.has(slot)) slot = (slot + 1) % AUTHOR_PALETTE.length;
    taken.add(slot);
    slots.set(id, slot);
  }
  return slots;
}

/** Looks an author's colour up; an author the map does not know takes their preferred slot. */
export type AuthorColour = (authorId: string | undefined) => string;

export function authorColours(authorIds: Iterable<string>): AuthorColour {
  const slots = assignAuthorSlots(authorIds);
  return (id) => AUTHOR_PALETTE[id === undefined ? 0 : (slots.get(id) ?? preferredSlot(id))]!;
}

/** WCAG 2 contrast ratio of two #rrggbb colours (checked by the tests against the app's backgrounds). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
