/**
 * How comment anchors show in the text: a soft highlight under text with an open thread, stronger
 * for the thread being read; clicking it opens the thread. Resolved threads keep their anchor but
 * are not highlighted (as in Word and Docs). Only leaves that carry anchors read this context, so
 * changing threads re-renders those leaves, not the whole interview.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { TextLeaf } from '../../../../shared/model/schema';
import { authorStyle, useAuthorColour } from '../author-colour-context';

export interface CommentMarksValue {
  open: ReadonlySet<string>;
  active: string | null;
  activate: (id: string) => void;
  /** Who opened a thread: its anchor is underlined in their colour. */
  authorOf?: (id: string) => string | undefined;
}

export const CommentMarksContext = createContext<CommentMarksValue>({ open: new Set(), active: null, activate: () => undefined });

function CommentMark({ ids, children }: { ids: readonly string[]; children: ReactNode }) {
  const { open, active, activate, authorOf } = useContext(CommentMarksContext);
  const colour = useAuthorColour();
  const shown = ids.filter((id) => open.has(id));
  if (shown.length === 0) return children;
  const isActive = active !== null && shown.includes(active);
  const author = authorOf?.(isActive ? active : shown[0]!);
  return (
    <span
      className={isActive ? 'comment-anchor active' : shown.length > 1 ? 'comment-anchor overlap' : 'comment-anchor'}
      data-comment-ids={shown.join(' ')}
      style={author ? authorStyle(colour(author)) : undefined}
      onClick={() => activate(isActive ? active : shown[0]!)}
    >
      {children}
    </span>
  );
}

/** Wrap a leaf's rendered text in its comment highlight (nothing for a leaf without anchors). */
export function withCommentMarks(leaf: TextLeaf, children: ReactNode): ReactNode {
  return leaf.comments ? <CommentMark ids={leaf.comments}>{children}</CommentMark> : children;
}
