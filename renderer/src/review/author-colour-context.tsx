/**
 * The open document's author colours (author-colours.ts), for everything that draws an author:
 * suggestion marks, comment highlights, the review margin's cards. The value changes only when the
 * set of authors does, so typing does not re-render every mark.
 */
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { CommentThread } from '../../../shared/model/schema';
import { authorColours, type AuthorColour } from './author-colours';
import type { ReviewRecords } from './review-records';
import type { DocSignal } from './use-review';

export const AuthorColourContext = createContext<AuthorColour>(authorColours([]));

export const useAuthorColour = (): AuthorColour => useContext(AuthorColourContext);

/** The CSS variable the stylesheet draws an author's marks and cards with. */
export const authorStyle = (colour: string): React.CSSProperties => ({ '--author': colour }) as React.CSSProperties;

/** Every author of the document's suggestions (as recorded this session) and comments. */
export function useDocumentAuthorColours(records: ReviewRecords, threads: readonly CommentThread[], signal: DocSignal, me: string | undefined): AuthorColour {
  // The hook's value is the authors' key, so the screen using it renders again only when the set of
  // authors changes, not on every keystroke (the signal fires on each one).
  const getKey = useMemo(
    () =>
      signal.derive(() => {
        const ids = new Set(records.authorIds());
        for (const t of threads) for (const c of t.comments) ids.add(c.authorId);
        if (me) ids.add(me);
        return [...ids].sort().join('\n');
      }),
    [records, threads, signal, me],
  );
  const key = useSyncExternalStore(signal.subscribe, getKey);
  return useMemo(() => authorColours(key === '' ? [] : key.split('\n')), [key]);
}
