/**
 * The order of the review margin's cards: the order of what they are about. Suggestions on the
 * story's details first, in the order of the fields on screen; then suggestions and comments in the
 * body by where they start (a Slate path: a block before what is inside it); a suggestion and a
 * comment starting at one place keep the order they were given in. What has lost its place in the
 * text (a comment whose words were deleted, a suggestion the tree no longer holds) is listed apart,
 * after everything else, so nothing is hidden and nothing sits beside words it is not about.
 */
export type MarginPlace = { field: number } | { path: readonly number[] } | null;

export interface Placed<T> {
  value: T;
  place: MarginPlace;
}

function comparePaths(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function compare(a: Exclude<MarginPlace, null>, b: Exclude<MarginPlace, null>): number {
  if ('field' in a) return 'field' in b ? a.field - b.field : -1;
  if ('field' in b) return 1;
  return comparePaths(a.path, b.path);
}

export function inTextOrder<T>(items: readonly Placed<T>[]): { placed: T[]; gone: T[] } {
  const placed = items.filter((i): i is Placed<T> & { place: Exclude<MarginPlace, null> } => i.place !== null);
  // Array.prototype.sort is stable: ties keep the order given.
  placed.sort((a, b) => compare(a.place, b.place));
  return { placed: placed.map((i) => i.value), gone: items.filter((i) => i.place === null).map((i) => i.value) };
}
