/**
 * Decorations: highlights that are not part of the document (find matches, spelling and tone
 * marks; review marks later). Each feature supplies a `Decorator`; the editor composes them into the one
 * `decorate` that Slate takes.
 *
 * Slate calls `decorate` for every node it renders and again for every node whenever `decorate`
 * changes identity, so a decorator must be a lookup: compute the ranges when the document or the
 * feature's input changes, and give the decorator a new identity only then.
 *
 * A decoration range carries leaf props; slate-react splits leaves at range edges and copies the
 * props onto each piece. Each kind of decoration sets its own prop (so overlapping kinds do not
 * overwrite each other) and names the CSS class that shows it in `DECORATION_CLASSES`.
 */
import type { BaseRange, NodeEntry, Text } from 'slate';

/** The leaf props decorations may set. Add a kind here and its class below. */
export interface DecorationProps {
  findMatch?: true;
  findCurrent?: true;
  /** A word not in the dictionary (spelling/spelling-controller.ts). */
  spellingError?: true;
  /** A tone mark on the wrong vowel or not in the house style. */
  toneError?: true;
}

export type Decoration = BaseRange & DecorationProps;

export type Decorator = (entry: NodeEntry) => Decoration[];

const DECORATION_CLASSES: Record<keyof DecorationProps, string> = {
  findMatch: 'find-match',
  findCurrent: 'find-current',
  spellingError: 'spelling-error',
  toneError: 'tone-error',
};

const KINDS = Object.keys(DECORATION_CLASSES) as (keyof DecorationProps)[];

export const noDecorations: Decorator = () => [];

/** One decorator from several; `null` stands for a feature that has nothing to show. */
export function composeDecorators(decorators: readonly (Decorator | null)[]): Decorator {
  const active = decorators.filter((d): d is Decorator => d !== null && d !== noDecorations);
  if (active.length === 0) return noDecorations;
  if (active.length === 1) return active[0]!;
  return (entry) => active.flatMap((d) => d(entry));
}

/** The CSS classes of a rendered leaf's decorations, or undefined when it has none. */
export function decorationClassName(leaf: Text): string | undefined {
  const props = leaf as Text & DecorationProps;
  let className: string | undefined;
  for (const kind of KINDS) if (props[kind]) className = className ? `${className} ${DECORATION_CLASSES[kind]}` : DECORATION_CLASSES[kind];
  return className;
}
