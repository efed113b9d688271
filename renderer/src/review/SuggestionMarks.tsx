/**
 * How a suggestion shows in the text (Markup view): inserted text underlined and struck text
 * struck through, in the colour of its author (author-colours.ts), with who and when in the
 * tooltip. The records come from context, as a leaf only carries ids.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Suggestion, TextLeaf } from '../../../shared/model/schema';
import { authorStyle, useAuthorColour } from './author-colour-context';

export const SuggestionRecordsContext = createContext<(id: string) => Suggestion | undefined>(() => undefined);

function Mark({ id, as: Tag, children }: { id: string; as: 'ins' | 'del'; children: ReactNode }) {
  const record = useContext(SuggestionRecordsContext)(id);
  const colour = useAuthorColour();
  const title = record ? `${record.authorName} · ${new Date(record.createdAt).toLocaleString()}` : undefined;
  return (
    <Tag className="suggestion" data-suggestion={id} title={title} style={authorStyle(colour(record?.authorId))}>
      {children}
    </Tag>
  );
}

/** Wrap a leaf's rendered text in its suggestion marks (nothing for a plain leaf). */
export function withSuggestionMarks(leaf: TextLeaf, children: ReactNode): ReactNode {
  let out = children;
  if (leaf.ins !== undefined) out = <Mark id={leaf.ins} as="ins">{out}</Mark>;
  if (leaf.del !== undefined) out = <Mark id={leaf.del} as="del">{out}</Mark>;
  return out;
}
