/**
 * The review state of the open document: the editing mode, the markup view, the
 * suggestion records, and resolving suggestions. DocumentEditor owns the document; this hook owns
 * what review adds to it and wires the suggestion plugin (review-env.ts) to the profile.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from 'slate';
import { ReactEditor } from 'slate-react';
import type { EditingMode, MarkupView } from '../../../shared/desktop-commands';
import type { Block, Interview } from '../../../shared/model/schema';
import { accept, discard, inRange, reject, type Author, type BodyRange, type ReviewProblem } from '../../../shared/review';
import { desktop } from '../desktop/bridge';
import { useDesktopCommand } from '../desktop/commands';
import { currentProfile } from '../profile/profile-store';
import { replaceBody, sameValue } from './replace-body';
import { setReviewEnv, type CommitOptions } from './review-env';
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

/**
 * `applyDocument` puts in place a result of the algebra that also changes metadata (a suggested
 * or decided metadata change): DocumentEditor records it in the document history together with
 * the body change, so one undo takes back both.
 */
export type ApplyDocument = (next: Interview, bodyChange: () => void) => void;

/**
 * `onModeChange` hears every switch of the editing mode (DocumentEditor keeps a history snapshot
 * of the document as it was then: mode-snapshot.ts).
 */
export function useReview(editor: Editor, doc: () => Interview, onModeChange?: (from: EditingMode, to: EditingMode) => void, applyDocument?: ApplyDocument) {
  const [records] = useState(() => new ReviewRecords(doc()));
  const [signal] = useState(() => new DocSignal());
  // An editor opens documents straight into Suggesting; everyone else into Editing.
  const [mode, setMode] = useState<EditingMode>(() => (currentProfile()?.role === 'editor' ? 'suggesting' : 'editing'));
  const [view, setView] = useState<MarkupView>('markup');
  // The plugin reads the mode between renders (inside Slate methods): kept in a ref as it changes.
  const modeRef = useRef(mode);
  const onModeChangeRef = useRef(onModeChange);
  useEffect(() => {
    onModeChangeRef.current = onModeChange;
  }, [onModeChange]);
  const applyDocumentRef = useRef(applyDocument);
  useEffect(() => {
    applyDocumentRef.current = applyDocument;
  }, [applyDocument]);

  /**
   * Put a document the algebra produced in place: its records adopted, the body changed where it
   * differs (one undo step; `merge` joins the previous one), and metadata through `applyDocument`.
   */
  const commit = useCallback(
    (next: Interview, options: CommitOptions = {}) => {
      records.adopt(next);
      const current = doc();
      const bodyChange = () => replaceBody(editor, next.body, options);
      const metaMoved = !sameValue(current.meta, next.meta) || !sameValue(current.review?.metaChanges ?? [], next.review?.metaChanges ?? []);
      if (metaMoved && applyDocumentRef.current) applyDocumentRef.current(next, bodyChange);
      else bodyChange();
    },
    [doc, editor, records],
  );

  /** Who suggests now: the profile (read at each use, so a profile switch applies at once). */
  const author = useCallback((): Author => {
    const p = currentProfile();
    return p ? { id: p.id, name: p.name } : NO_PROFILE;
  }, []);

  useEffect(() => {
    setReviewEnv(editor, {
      document: () => records.attachTo({ ...doc(), body: editor.children as Block[] }),
      commit,
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
  }, [editor, records, doc, commit]);

  /** Accept or reject suggestions: one document-level change, one undo step. */
  const decide = useCallback(
    (decision: Decision, ids: readonly string[]) => {
      if (ids.length === 0) return;
      const current = records.attachTo({ ...doc(), body: editor.children as Block[] });
      commit(decision === 'accept' ? accept(current, ids) : reject(current, ids));
    },
    [doc, editor, records, commit],
  );

  /**
   * Discard damaged review state (ReviewProblems.tsx): one step, undone like a decision. A record
   * alone (one nothing uses, a duplicate) changes neither text nor metadata; the document step
   * still stores the document without it at once.
   */
  const discardProblems = useCallback(
    (problems: readonly ReviewProblem[]) => {
      if (problems.length === 0) return;
      const current = doc();
      const next = discard(current, problems);
      const textAndMetaSame = sameValue(current.body, next.body) && sameValue(current.meta, next.meta) && sameValue(current.review?.metaChanges ?? [], next.review?.metaChanges ?? []);
      if (textAndMetaSame && applyDocumentRef.current) applyDocumentRef.current(next, () => undefined);
      else commit(next);
    },
    [doc, commit],
  );

  /** The suggestions the selection (or the caret) touches. */
  const idsInSelection = useCallback((): string[] => {
    const sel = editor.selection;
    return sel ? inRange(doc(), sel as BodyRange) : [];
  }, [doc, editor]);

  const changeMode = useCallback(
    (next: EditingMode) => {
      const previous = modeRef.current;
      modeRef.current = next;
      setMode(next);
      if (next !== 'viewing') setView('markup'); // one writes in the marked-up text
      if (previous !== next) onModeChangeRef.current?.(previous, next);
    },
    [],
  );
  const changeView = useCallback((next: MarkupView) => setView(next), []);

  useDesktopCommand('view.mode', (c) => changeMode(c.mode));
  // Desktop build: the View menu's radio items follow the mode and view, however they changed.
  useEffect(() => desktop?.reportReviewState({ mode, markup: view }), [mode, view]);
  useDesktopCommand('view.markup', (c) => changeView(c.markup));
  useReviewKeys({
    mode: changeMode,
    acceptHere: () => decide('accept', idsInSelection()),
    rejectHere: () => decide('reject', idsInSelection()),
  });

  const focusEditor = useCallback(() => ReactEditor.focus(editor as ReactEditor), [editor]);

  return useMemo(
    () => ({ mode, view, setMode: changeMode, setView: changeView, records, signal, decide, discardProblems, idsInSelection, focusEditor, author }),
    [mode, view, changeMode, changeView, records, signal, decide, discardProblems, idsInSelection, focusEditor, author],
  );
}

export type ReviewState = ReturnType<typeof useReview>;
