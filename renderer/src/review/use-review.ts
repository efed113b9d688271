/**
 * The review state of the open document (issue 5): the editing mode, the markup view, the
 * suggestion records, and resolving suggestions. DocumentEditor owns the document; this hook owns
 * what review adds to it and wires the suggestion plugin (review-env.ts) to the profile.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from 'slate';
import { ReactEditor } from 'slate-react';
import type { EditingMode, MarkupView } from '../../../shared/desktop-commands';
import type { Interview } from '../../../shared/model/schema';
import { accept, inRange, reject, type BodyRange } from '../../../shared/review';
import { useDesktopCommand } from '../desktop/commands';
import { currentProfile } from '../profile/profile-store';
import { replaceBody } from './replace-body';
import { setReviewEnv } from './review-env';
import { ReviewRecords } from './review-records';
import { useReviewKeys } from './use-review-keys';

export type Decision = 'accept' | 'reject';

/** Something that changes when the document does: the Changes panel and previews re-read it. */
export class DocSignal {
  private version = 0;
  private readonly listeners = new Set<() => void>();
  bump = (): void => {
    this.version++;
    for (const l of this.listeners) l();
  };
  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  get = (): number => this.version;
}

/** Someone with no profile yet still suggests under a name, so nothing is recorded anonymously. */
const NO_PROFILE = { id: 'local', name: '?' };

export function useReview(editor: Editor, doc: () => Interview) {
  const [records] = useState(() => new ReviewRecords(doc()));
  const [signal] = useState(() => new DocSignal());
  // An editor opens documents straight into Suggesting; everyone else into Editing.
  const [mode, setMode] = useState<EditingMode>(() => (currentProfile()?.role === 'editor' ? 'suggesting' : 'editing'));
  const [view, setView] = useState<MarkupView>('markup');
  // The plugin reads the mode between renders (inside Slate methods): kept in a ref as it changes.
  const modeRef = useRef(mode);
  useEffect(() => {
    setReviewEnv(editor, {
      mode: () => modeRef.current,
      author: () => {
        const p = currentProfile();
        return p ? { id: p.id, name: p.name } : NO_PROFILE;
      },
      record: (id) => records.get(id),
      open: (kind) => {
        const p = currentProfile();
        return records.open(kind, p ? { id: p.id, name: p.name } : NO_PROFILE);
      },
    });
  }, [editor, records]);

  /** Accept or reject suggestions: one document-level change, one undo step. */
  const decide = useCallback(
    (decision: Decision, ids: readonly string[]) => {
      if (ids.length === 0) return;
      const current = doc();
      const next = decision === 'accept' ? accept(current, ids) : reject(current, ids);
      records.adopt(next);
      replaceBody(editor, next.body);
    },
    [doc, editor, records],
  );

  /** The suggestions the selection (or the caret) touches. */
  const idsInSelection = useCallback((): string[] => {
    const sel = editor.selection;
    return sel ? inRange(doc(), sel as BodyRange) : [];
  }, [doc, editor]);

  const changeMode = useCallback(
    (next: EditingMode) => {
      modeRef.current = next;
      setMode(next);
      if (next !== 'viewing') setView('markup'); // one writes in the marked-up text
    },
    [],
  );
  const changeView = useCallback((next: MarkupView) => setView(next), []);

  useDesktopCommand('view.mode', (c) => changeMode(c.mode));
  useDesktopCommand('view.markup', (c) => changeView(c.markup));
  useReviewKeys({
    mode: changeMode,
    acceptHere: () => decide('accept', idsInSelection()),
    rejectHere: () => decide('reject', idsInSelection()),
  });

  const focusEditor = useCallback(() => ReactEditor.focus(editor as ReactEditor), [editor]);

  return useMemo(
    () => ({ mode, view, setMode: changeMode, setView: changeView, records, signal, decide, idsInSelection, focusEditor }),
    [mode, view, changeMode, changeView, records, signal, decide, idsInSelection, focusEditor],
  );
}

export type ReviewState = ReturnType<typeof useReview>;
