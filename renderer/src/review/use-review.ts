/**
 * The review state of the open document: the editing mode, the markup view, the
 * suggestion records, and resolving suggestions. DocumentEditor owns the document; this hook owns
 * what review adds to it and wires the suggestion plugin (review-env.ts) to the profile.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Range, Transforms, type BaseRange, type Editor } from 'slate';
import { ReactEditor } from 'slate-react';
import type { EditingMode, MarkupView } from '../../../shared/desktop-commands';
import type { Block, Interview } from '../../../shared/model/schema';
import { accept, discard, inRange, reject, tallyKinds, type Author, type BodyRange, type ReviewProblem } from '../../../shared/review';
import { desktop } from '../desktop/bridge';
import { useDesktopCommand } from '../desktop/commands';
import { whenNamed } from '../profile/ask-name';
import { currentProfile } from '../profile/profile-store';
import { DecisionNotes } from './decision-notes';
import type { Pointed } from './decision-text';
import { changeStops, stepFrom, type Direction } from './change-stops';
import { pointedRange } from './pointed-range';
import { revealPath } from './reveal';
import { replaceBody, sameValue } from './replace-body';
import { setReviewEnv, type CommitOptions } from './review-env';
import { ReviewRecords } from './review-records';
import { useReviewKeys } from './use-review-keys';
import { DocSignal } from './doc-signal';

export type Decision = 'accept' | 'reject';

export { DocSignal } from './doc-signal';

/** The suggestions a caret or a selection points at (shared/review/in-range.ts), and which of the two it is. */
export interface PointedSuggestions {
  where: Pointed;
  ids: string[];
}

/**
 * Only a stand-in: Suggesting is entered only with a profile (ask-name.ts), so nothing should be
 * recorded under it; a name rather than a crash if something ever is.
 */
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

  // The status after a decision (DecisionStatus.tsx): every decision says what it took, by kind, so
  // nothing is ever decided without a word, and one that found nothing says so.
  const [notes] = useState(() => new DecisionNotes());

  /**
   * Accept or reject suggestions: one document-level change, one undo step (a body change is one
   * Slate batch; one that also settles metadata is one document step, see `commit`). `where` is
   * set when the ids are what a caret or a selection pointed at.
   */
  const decide = useCallback(
    (decision: Decision, ids: readonly string[], where?: Pointed) => {
      notes.say(decision, tallyKinds(ids, (id) => records.get(id)?.kind), where);
      if (ids.length === 0) return;
      const current = records.attachTo({ ...doc(), body: editor.children as Block[] });
      commit(decision === 'accept' ? accept(current, ids) : reject(current, ids));
    },
    [doc, editor, records, commit, notes],
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

  /** The suggestions a range of the live body points at (none without a range: nothing was pointed at). */
  const pointedBy = useCallback(
    (range: BaseRange | null): PointedSuggestions => ({
      where: range && !Range.isCollapsed(range) ? 'selection' : 'caret',
      ids: range ? inRange({ ...doc(), body: editor.children as Block[] }, range as BodyRange) : [],
    }),
    [doc, editor],
  );

  /** "Accept/reject here" (the shortcut): what the caret or the selection points at, as the user sees it now. */
  const decideHere = useCallback(
    (decision: Decision) => {
      const { ids, where } = pointedBy(pointedRange(editor));
      decide(decision, ids, where);
    },
    [decide, editor, pointedBy],
  );

  const switchMode = useCallback(
    (next: EditingMode) => {
      const previous = modeRef.current;
      modeRef.current = next;
      setMode(next);
      if (next !== 'viewing') setView('markup'); // one writes in the marked-up text
      if (previous !== next) onModeChangeRef.current?.(previous, next);
    },
    [],
  );
  // Suggesting needs a name to record: without a profile, the user is asked first (ask-name.ts)
  // and stays in the mode they were in if they decline.
  const changeMode = useCallback((next: EditingMode) => (next === 'suggesting' ? whenNamed(() => switchMode(next)) : switchMode(next)), [switchMode]);
  const changeView = useCallback((next: MarkupView) => setView(next), []);

  useDesktopCommand('view.mode', (c) => changeMode(c.mode));
  // Desktop build: the View menu's radio items follow the mode and view, however they changed.
  useEffect(() => desktop?.reportReviewState({ mode, markup: view }), [mode, view]);
  useDesktopCommand('view.markup', (c) => changeView(c.markup));
  const focusEditor = useCallback(() => ReactEditor.focus(editor as ReactEditor), [editor]);

  /** Next / Previous change (change-stops.ts): the caret goes to it, and it is brought into view. */
  const goToChange = useCallback(
    (direction: Direction) => {
      const to = stepFrom(changeStops(editor, doc()), editor.selection ? Range.start(editor.selection) : null, direction);
      if (!to) return; // nothing pending in the story (the Changes panel's count says so)
      if (view !== 'markup') setView('markup'); // the caret lives in the marked-up text
      Transforms.select(editor, to);
      focusEditor();
      // After the view is back (a render away) the node has its place on screen.
      requestAnimationFrame(() => revealPath(editor, to.path));
    },
    [doc, editor, focusEditor, view],
  );

  useReviewKeys({
    mode: changeMode,
    acceptHere: () => decideHere('accept'),
    rejectHere: () => decideHere('reject'),
    nextChange: () => goToChange(1),
    previousChange: () => goToChange(-1),
  });

  return useMemo(
    () => ({ mode, view, setMode: changeMode, setView: changeView, records, signal, decide, notes, discardProblems, pointedBy, focusEditor, author, goToChange }),
    [mode, view, changeMode, changeView, records, signal, decide, notes, discardProblems, pointedBy, focusEditor, author, goToChange],
  );
}

export type ReviewState = ReturnType<typeof useReview>;
