/**
 * How many suggestions of each kind a decision takes: what the Changes panel says before "accept in
 * selection" and what the status says after any decision ("1 deletion, 1 speaker change"). The kinds
 * come in one fixed order (the schema's), so the same decision always reads the same.
 */
import { suggestionKindSchema, type SuggestionKind } from '../model/schema';

/** A suggestion whose record is missing (damaged review state) still counts, as `unknown`. */
export type TalliedKind = SuggestionKind | 'unknown';

export interface KindCount {
  kind: TalliedKind;
  count: number;
}

const ORDER: readonly TalliedKind[] = [...suggestionKindSchema.options, 'unknown'];

/** The kinds of the given suggestions (each id counted once), with how many of each, in the fixed order. */
export function tallyKinds(ids: Iterable<string>, kindOf: (id: string) => SuggestionKind | undefined): KindCount[] {
  const counts = new Map<TalliedKind, number>();
  for (const id of new Set(ids)) {
    const kind = kindOf(id) ?? 'unknown';
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return ORDER.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind)! }));
}
