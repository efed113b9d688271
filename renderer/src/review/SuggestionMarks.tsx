/**
 * How a suggestion shows in the text (Markup view): inserted text underlined and struck text
 * struck through, in the colour of its author, with who and when in the tooltip. The records come
 * from context, as a leaf only carries ids.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Suggestion, TextLeaf } from '../../../shared/model/schema';

export const SuggestionRecordsContext = createContext<(id: string) => Suggestion | undefined>(() => undefined);

const PALETTE = 8;

/** A stable colour slot (CSS classes author-0 … author-7) for an author id. */
export function authorSlot(authorId: string | undefined): number {
  let h = 0;
  for (const c of authorId ?? '') h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % PALETTE;
}

function Mark({ id, as: Tag, children }: { id: string; as: 'ins' | 'del'; children: ReactNode }) {
  const record = useContext(SuggestionRecordsContext)(id);
  const title = record ? `${record.authorName} · ${new Date(record.createdAt).toLocaleString()}` : undefined;
  return (
    <Tag className={`suggestion author-${authorSlot(record?.authorId)}`} data-suggestion={id} title={title}>
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
