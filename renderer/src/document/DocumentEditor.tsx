import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedDocument } from '../../../shared/api/contract';
import { withDocumentLanguage } from '../../../shared/model/document-language';
import { adoptIncomingSpeakers, mergeParticipants, speakerIdsInUse } from '../../../shared/model/participants';
import { findProblems } from '../../../shared/review';
import type { Block, CommentThread, Interview, Meta, MetaChange, Participant, Recording, Status } from '../../../shared/model/schema';
import { api } from '../api';
import { useTopbarHeight } from '../common/use-topbar-height';
import { onFlushRequest } from '../desktop/bridge';
import { useDesktopCommand } from '../desktop/commands';
import { exportableWhilePending, type UiExportFormat } from '../export/formats';
import { createInterviewEditor } from '../editor/create-editor';
import { InterviewEditor } from '../editor/InterviewEditor';
import { SaveForReviewButton } from '../exchange/SaveForReviewButton';
import { ExportDialog } from '../export/ExportDialog';
import { HistoryDialog } from '../history/HistoryDialog';
import { RestoreNotice, type RestoreState } from '../history/RestoreNotice';
import { restoreVersion } from '../history/restore-version';
import { SendDialog } from '../newsroom/SendDialog';
import { ParticipantsPanel } from '../participants/ParticipantsPanel';
import { navigate } from '../route';
import { Autosaver } from './autosaver';
import { ConflictNotice } from './ConflictNotice';
import { RepairNotice } from './RepairNotice';
import { attachDocumentHistory, type DocState } from './document-history';
import { MetaFields } from './MetaFields';
import { SaveStatusView } from './SaveStatusView';
import { TopbarMore } from './TopbarMore';
import { statusAfter } from './workflow-status';
import { PENDING_REASON_ID, PendingReason, usePendingCount } from '../review/PendingGate';
import { takeStoredBody } from './take-stored-body';
import { ensureNamed } from '../profile/ask-name';
import { AskNameDialog } from '../profile/AskNameDialog';
import { ProfileButton } from '../profile/ProfileButton';
import { useProfile } from '../profile/profile-store';
import { AuthorColourContext, useDocumentAuthorColours } from '../review/author-colour-context';
import { ReviewMargin } from '../review/ReviewMargin';
import { MarginStore, useMargin } from '../review/margin-store';
import { DecisionStatus } from '../review/DecisionStatus';
import { ReviewBar } from '../review/ReviewBar';
import { ReviewPreview } from '../review/ReviewPreview';
import { SuggestionRecordsContext } from '../review/SuggestionMarks';
import { CommentMarksContext, type CommentMarksValue } from '../review/comments/CommentMarks';
import { useCommentKeys } from '../review/comments/use-comment-keys';
import { useComments } from '../review/comments/use-comments';
import { autosaverDeps, modeSnapshotter } from '../review/mode-snapshot';
import { suggestMeta } from '../review/meta-suggestions';
import { useReview } from '../review/use-review';
import { withReview } from '../review/with-review';
import { dismissConflict } from '../../../shared/merge';
import { setStoryFields, type HeaderChange } from '../find/story-port';
import { PlayerPortContext } from '../media/player-port';
import { useDocumentPlayer } from '../media/use-document-player';

/** Is this key event for a native text field (which has its own undo)? */
const inTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.closest('input, textarea, select, [contenteditable="true"]') !== null);

/** What the document history keeps of a document besides its body. */
const currentStateOf = (doc: Interview): DocState => ({ participants: doc.participants, meta: doc.meta, comments: doc.comments ?? [], metaChanges: doc.review?.metaChanges ?? [] });

/** An open interview: metadata, the editor, participants; autosaved, with one undo history. */
export function DocumentEditor({ initial }: { initial: LoadedDocument }) {
  const { t } = useTranslation();
  // The latest document lives in a ref: typing updates it and the autosaver without re-rendering
  // the whole screen on every keystroke (the editor re-renders itself).
  const docRef = useRef<Interview>(initial.doc);
  const [meta, setMeta] = useState<Meta>(initial.doc.meta);
  // Pending suggested metadata changes, shown at their fields with Accept / Reject.
  const [metaChanges, setMetaChanges] = useState<MetaChange[]>(initial.doc.review?.metaChanges ?? []);
  const [participants, setParticipants] = useState<Participant[]>(initial.doc.participants);
  const [threads, setThreads] = useState<CommentThread[]>(initial.doc.comments ?? []);
  // Damaged review state is shown at once, with the way out (review/ReviewProblems.tsx).
  const [margin] = useState(() => new MarginStore(initial.repaired?.length || findProblems(initial.doc).length > 0 ? { open: true, filter: 'suggestions' } : undefined));
  const marginShown = useMargin(margin);
  // One side panel at a time: the review margin or the participants.
  const [participantsOpen, setParticipantsOpen] = useState(false);
  useEffect(() => margin.subscribe(() => margin.getState().open && setParticipantsOpen(false)), [margin]);
  const toggleParticipants = () => {
    margin.close();
    setParticipantsOpen((open) => !open);
  };
  const [dialog, setDialog] = useState<'export' | 'send' | 'history' | null>(null);
  // What opening adjusted in a stored interview over a limit (shared/model/repair.ts), until dismissed.
  const [repairsShown, setRepairsShown] = useState(true);

  const autosaver = useMemo(
    () =>
      new Autosaver({
        revision: initial.revision,
        doc: initial.doc,
        // Each save carries its id, so one sent again after a lost answer is recognised; a conflict keeps both versions (autosaver.ts).
        save: (doc, baseRevision, request) => api.document.save({ id: doc.id, baseRevision, doc, saveId: request.saveId, ...(request.keep ? { onConflict: 'keep' as const } : {}) }),
        // Autosaves send only the changed blocks: a save must stay off the keystroke's path (autosaver.ts).
        saveChanges: (changes) => api.document.saveChanges(changes),
      }),
    [initial],
  );
  // The editor and its history are made once per open document (a state initialiser, not a memo,
  // because attaching the history wraps the editor's methods).
  const [{ editor, history }] = useState(() => {
    // Review (suggestions, comment marks) wraps the editor's plugins: review/with-review.ts.
    const ed = withReview(createInterviewEditor());
    return { editor: ed, history: attachDocumentHistory(ed) };
  });

  const currentDoc = useCallback(() => docRef.current, []);
  // Review: modes, views, suggestion records and resolving them (review/use-review.ts).
  // A switch of the editing mode keeps the document as it was then in the history.
  const [snapshotMode] = useState(() => modeSnapshotter(initial.doc.id, { ...autosaverDeps(autosaver), mark: (input) => api.history.markMode(input) }));
  // A suggested or decided metadata change is a document step (with any body change of the same
  // decision), so one undo takes back both.
  const applyReviewed = useCallback(
    (next: Interview, bodyChange: () => void) => {
      const before = currentStateOf(docRef.current);
      history.record(before, { ...before, meta: next.meta, metaChanges: next.review?.metaChanges ?? [] }, { editorChange: bodyChange });
    },
    [history],
  );
  const review = useReview(editor, currentDoc, snapshotMode, applyReviewed);

  const change = useCallback(
    (next: Interview) => {
      docRef.current = next;
      autosaver.update(next);
      review.signal.bump();
    },
    [autosaver, review.signal],
  );

  // The recordings: a plain edit of the document, autosaved, never a suggestion (media/Player.tsx).
  const storeRecordings = useCallback((next: Recording[]) => change({ ...docRef.current, recordings: next }), [change]);
  const player = useDocumentPlayer(initial.doc.recordings, storeRecordings, review.mode === 'viewing');

  /** Show and save participants/metadata/comments (from history, the panels, or a paste). */
  const applyState = useCallback(
    (state: DocState) => {
      setParticipants(state.participants);
      setMeta(state.meta);
      setThreads(state.comments);
      const { comments: _comments, ...rest } = docRef.current;
      const next = { ...rest, participants: state.participants, meta: state.meta, ...(state.comments.length > 0 ? { comments: state.comments } : {}) };
      if (state.metaChanges) {
        // The records of the suggestions kept with the restored metadata changes.
        // (The merge conflicts stay with the document: records.ts keeps those still open.)
        change(review.records.attachTo({ ...next, review: { ...docRef.current.review, suggestions: [], metaChanges: state.metaChanges } }));
        setMetaChanges(state.metaChanges);
      } else change(next);
    },
    [change, review.records],
  );
  useEffect(() => {
    history.setApply(applyState);
  }, [history, applyState]);
  const currentState = useCallback((): DocState => currentStateOf(docRef.current), []);

  // Metadata: typed live, one undo step per field visit (see MetaFields).
  const metaEditStart = useRef<DocState | null>(null);
  const onMetaChange = useCallback(
    (field: keyof Meta, value: Meta[keyof Meta]) => {
      // Suggesting: a tracked field's edit is a suggestion by the profile (meta-suggestions.ts).
      const suggested = review.mode === 'suggesting' ? suggestMeta(docRef.current, field, value, review.author()) : undefined;
      if (suggested) {
        review.records.adopt(suggested);
        setMeta(suggested.meta);
        setMetaChanges(suggested.review?.metaChanges ?? []);
        change(review.records.attachTo({ ...docRef.current, meta: suggested.meta, review: { ...docRef.current.review, suggestions: [], metaChanges: suggested.review?.metaChanges ?? [] } }));
        return;
      }
      if (field === 'language') {
        // Default speakers nobody has used or renamed take the new language's names (document-language.ts).
        const next = withDocumentLanguage(docRef.current, value as Meta['language']);
        setMeta(next.meta);
        if (next.participants !== docRef.current.participants) setParticipants(next.participants);
        change(next);
        return;
      }
      const nextMeta = { ...docRef.current.meta, [field]: value };
      setMeta(nextMeta);
      change({ ...docRef.current, meta: nextMeta });
    },
    [change, review],
  );
  /**
   * The workflow status as the work moves it (workflow-status.ts): a plain edit, whatever the
   * mode (status is never a suggestion). Returns the status it replaced.
   */
  const setStatus = useCallback(
    (next: Status): Status => {
      const before = docRef.current.meta.status;
      if (next !== before) onMetaChange('status', next);
      return before;
    },
    [onMetaChange],
  );
  const pendingCount = usePendingCount(currentDoc, review.signal);

  const onMetaFocus = useCallback(() => {
    metaEditStart.current = currentState();
  }, [currentState]);
  // Find and replace reaches the headline, sapo and speakers' labels through this (find/story-port.ts):
  // a replacement there and in the body is one document step, so one undo takes back all of it.
  useEffect(() => {
    const replace = (change: HeaderChange, bodyChange: () => void) => {
      const before = currentStateOf(docRef.current);
      let meta: Meta = { ...before.meta, ...change.meta };
      let metaChanges = before.metaChanges;
      const fields = Object.entries(change.meta) as [keyof Meta, string][];
      if (review.mode === 'suggesting' && fields.length > 0) {
        // Each field as a suggestion, as typing it would be (meta-suggestions.ts).
        let doc = docRef.current;
        for (const [field, value] of fields) doc = suggestMeta(doc, field, value, review.author()) ?? { ...doc, meta: { ...doc.meta, [field]: value } };
        review.records.adopt(doc);
        meta = doc.meta;
        metaChanges = doc.review?.metaChanges ?? [];
      }
      const participants = before.participants.map((p) => (change.labels[p.id] !== undefined ? { ...p, label: change.labels[p.id]! } : p));
      history.record(before, { ...before, meta, metaChanges, participants }, { editorChange: bodyChange });
      // A field being edited meanwhile starts its visit from here, so its blur records no second step.
      if (metaEditStart.current) metaEditStart.current = currentState();
    };
    setStoryFields(editor, {
      header: () => ({ meta: docRef.current.meta, participants: docRef.current.participants }),
      replace,
      showParticipants: () => {
        margin.close();
        setParticipantsOpen(true);
      },
    });
  }, [editor, history, review, currentState, margin]);

  const onMetaBlur = useCallback(() => {
    const before = metaEditStart.current;
    metaEditStart.current = null;
    const after = currentState();
    if (before && (JSON.stringify(before.meta) !== JSON.stringify(after.meta) || JSON.stringify(before.metaChanges) !== JSON.stringify(after.metaChanges))) history.record(before, after, { applied: true });
  }, [history, currentState]);

  const onBodyChange = useCallback(
    (body: Block[]) => {
      history.sync();
      // The body a stored document was just taken with (a restore, takeStored): nothing to save.
      if (body === docRef.current.body) return;
      // The saved document carries the records of the suggestions its body uses.
      change(review.records.attachTo({ ...docRef.current, body }));
    },
    [change, history, review.records],
  );

  /**
   * Take a document as the library now stores it (a restored version) in place: no reload, the
   * editor, mode, panels and scroll position stay (take-stored-body.ts). Participants go first:
   * the editor's rules look the restored turns' speakers up in docRef.
   */
  const takeStored = useCallback(
    (loaded: LoadedDocument) => {
      const doc = loaded.doc;
      docRef.current = doc;
      review.records.adopt(doc);
      takeStoredBody(editor, history, doc.body);
      // The body as the editor now holds it (unchanged blocks kept as they were) is what the next save is taken against.
      docRef.current = { ...doc, body: editor.children as Block[] };
      autosaver.rebase(loaded.revision, docRef.current);
      setMeta(doc.meta);
      setMetaChanges(doc.review?.metaChanges ?? []);
      setParticipants(doc.participants);
      setThreads(doc.comments ?? []);
      player.take(doc.recordings);
      review.signal.bump();
    },
    [autosaver, editor, history, review.records, review.signal, player],
  );

  // After a restore: what it did, and "Undo restore" (restoring the version it replaced).
  const [restored, setRestored] = useState<RestoreState | null>(null);
  const [restoreBusy, setRestoreBusy] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const restore = useCallback(
    async (revision: number): Promise<string | null> => {
      const result = await restoreVersion(initial.doc.id, revision, autosaver, t('history.unsaved'));
      if (!result.ok) return result.message;
      takeStored(result.value.loaded);
      setRestored({ from: result.value.from, replaced: result.value.replaced, undone: false });
      setRestoreError(null);
      setDialog(null);
      return null;
    },
    [autosaver, initial.doc.id, t, takeStored],
  );
  async function undoRestore(state: RestoreState) {
    setRestoreBusy(true);
    const result = await restoreVersion(initial.doc.id, state.replaced, autosaver, t('history.unsaved'));
    setRestoreBusy(false);
    if (!result.ok) return setRestoreError(result.message);
    takeStored(result.value.loaded);
    setRestored({ ...state, undone: true });
    setRestoreError(null);
  }

  const participantsNow = useCallback(() => docRef.current.participants, []);


  const topbar = useRef<HTMLElement>(null);
  useTopbarHeight(topbar);

  // Comments (review/comments/): threads beside the text, anchors as marks in it.
  const comments = useComments({ editor, history, state: currentState, threads });
  const [commentHint, setCommentHint] = useState(false);
  const addComment = useCallback(() => {
    const started = comments.start();
    setCommentHint(!started);
    margin.show('comments');
    // The draft holds the selection while the user, without a profile yet, is asked for a name.
    if (started) void ensureNamed().then((named) => named || comments.cancel());
  }, [comments, margin]);
  useCommentKeys(addComment);
  const { openIds, active: activeThread, setActive: setActiveThread } = comments;
  const threadAuthors = useMemo(() => new Map(threads.map((th) => [th.id, th.comments[0]?.authorId])), [threads]);
  const commentMarks = useMemo<CommentMarksValue>(
    () => ({
      open: openIds,
      active: activeThread,
      authorOf: (id) => threadAuthors.get(id),
      activate: (id) => {
        setActiveThread(id);
        // A click on a commented word shows its thread; a margin open on everything stays so.
        if (!margin.getState().open || margin.getState().filter === 'suggestions') margin.show('comments');
      },
    }),
    [openIds, activeThread, setActiveThread, threadAuthors, margin],
  );
  const profile = useProfile();
  const authorColour = useDocumentAuthorColours(review.records, threads, review.signal, profile?.id);

  const previewParticipants = useCallback(
    (next: Participant[]) => {
      setParticipants(next);
      change({ ...docRef.current, participants: next });
    },
    [change],
  );

  const adoptParticipants = useCallback(
    (incoming: readonly Participant[], options?: { replaceUnusedDefaults?: boolean }) => {
      // A pasted interview's speakers take the place of default participants no turn names (the editor's tree is the current body).
      const merged = options?.replaceUnusedDefaults
        ? adoptIncomingSpeakers(docRef.current.participants, incoming, speakerIdsInUse(editor.children as Block[]))
        : mergeParticipants(docRef.current.participants, incoming);
      previewParticipants(merged.participants);
      return merged.idMap;
    },
    [previewParticipants, editor],
  );

  const metaNow = useCallback(() => docRef.current.meta, []);
  /** An accepted import pasted into the empty document (editor/paste/insert-pasted.ts): one undo step. */
  const takeImported = useCallback(
    (content: { meta: Meta; participants: Participant[] }, insertBody: () => void) => {
      const before = currentStateOf(docRef.current);
      const after = { ...before, meta: content.meta, participants: content.participants };
      // Participants first: the editor's rules look the new turns' speakers up in docRef.
      applyState(after);
      history.record(before, after, { editorChange: insertBody, applied: true });
    },
    [applyState, history],
  );

  const adoptMeta = useCallback(
    (incoming: Partial<Meta>) => {
      const current = docRef.current.meta;
      const filled = { ...current };
      for (const [key, value] of Object.entries(incoming) as [keyof Meta, Meta[keyof Meta]][]) {
        const old = current[key];
        if ((old === '' || (Array.isArray(old) && old.length === 0)) && value !== undefined) (filled as Record<string, unknown>)[key] = value;
      }
      setMeta(filled);
      change({ ...docRef.current, meta: filled });
    },
    [change],
  );

  useEffect(() => {
    const flush = () => void autosaver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!autosaver.dirty) return;
      flush();
      event.preventDefault(); // asks the user to wait for the save instead of dropping it
    };
    // Ctrl+Z outside text fields (e.g. after using the participants panel) undoes document steps.
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || inTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) history.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') history.redo();
      else return;
      event.preventDefault();
    };
    // A file dropped outside the editor must not make the browser open it in place of the app.
    const onDrop = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files') && !event.defaultPrevented) event.preventDefault();
    };
    window.addEventListener('dragover', onDrop);
    window.addEventListener('drop', onDrop);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('dragover', onDrop);
      window.removeEventListener('drop', onDrop);
      flush();
    };
  }, [autosaver, history]);

  const flush = useCallback(() => autosaver.flush(), [autosaver]);

  // Desktop build: closing the window or quitting waits for this (electron/main/quit-guard.ts);
  // a save that failed is reported, so the user can choose to keep the app open.
  useEffect(
    () =>
      onFlushRequest(async () => {
        await autosaver.flush();
        const status = autosaver.getStatus();
        if (status.kind === 'error' || status.kind === 'conflict') throw new Error(status.message);
      }),
    [autosaver],
  );

  // Menu commands of the desktop build (browser mode never sends any).
  const [exportFormat, setExportFormat] = useState<UiExportFormat | undefined>(undefined);
  // From the menu as from the top bar: while suggestions are pending only the formats that carry
  // them may leave (the Word review copy); for any other the Changes panel, where they are
  // decided, opens instead.
  useDesktopCommand('file.export', (command) => {
    if (pendingCount > 0 && !exportableWhilePending(command.format)) return margin.show('suggestions');
    setExportFormat(command.format);
    setDialog('export');
  });
  useDesktopCommand('file.sendToNewsroom', () => (pendingCount > 0 ? margin.show('suggestions') : setDialog('send')));
  useDesktopCommand('file.close', () => void back());

  async function back() {
    await autosaver.flush();
    navigate({ screen: 'library' });
  }

  return (
    <div className="screen document">
      <header className="topbar" ref={topbar}>
        <button type="button" onClick={() => void back()}>
          ← {t('document.back')}
        </button>
        <span className="topbar-title">{meta.headline || t('library.untitled')}</span>
        {/* The mode and the status stay in sight. Buttons carry how late they leave for More
            (data-overflow-rank, topbar-overflow.ts): the ones used while writing stay longest. */}
        <span className={`mode-badge mode-${review.mode}`} data-testid="current-mode">
          {t('review.currentMode', { mode: t(`review.modes.${review.mode}`) })}
        </span>
        <span className={`doc-status status-${meta.status}`} data-testid="current-status">
          {t(`status.${meta.status}`)}
        </span>
        <button type="button" data-overflow-rank="4" aria-pressed={participantsOpen} onClick={toggleParticipants}>
          {t('participants.open')}
        </button>
        <button type="button" data-overflow-rank="3" onClick={() => setDialog('export')}>
          {t('export.button')}
        </button>
        <button type="button" data-overflow-rank="2" disabled={pendingCount > 0} aria-describedby={pendingCount > 0 ? PENDING_REASON_ID : undefined} onClick={() => setDialog('send')}>
          {t('newsroom.button')}
        </button>
        <PendingReason count={pendingCount} onReview={() => margin.show('suggestions')} />
        <button type="button" data-overflow-rank="1" onClick={() => setDialog('history')}>
          {t('history.button')}
        </button>
        <button type="button" data-overflow-rank="7" aria-pressed={marginShown.open && marginShown.filter === 'suggestions'} onClick={() => margin.toggle('suggestions')}>
          {t('review.open')}
        </button>
        <button type="button" data-overflow-rank="6" aria-pressed={marginShown.open && marginShown.filter === 'comments'} onClick={() => margin.toggle('comments')}>
          {openIds.size > 0 ? t('comments.openCount', { count: openIds.size }) : t('comments.open')}
        </button>
        <ProfileButton />
        <SaveForReviewButton id={initial.doc.id} flush={flush} markInReview={() => setStatus(statusAfter(docRef.current.meta.status, 'savedForReview'))} setStatus={setStatus} />
        <TopbarMore />
        <SaveStatusView autosaver={autosaver} />
      </header>
      {dialog === 'export' && (
        <ExportDialog
          doc={currentDoc}
          flush={flush}
          initialFormat={exportFormat}
          pending={pendingCount}
          onClose={() => setDialog(null)}
          onReviewChanges={() => {
            setDialog(null);
            margin.show('suggestions');
          }}
        />
      )}
      {dialog === 'send' && (
        <SendDialog documentId={initial.doc.id} flush={flush} status={meta.status} onSent={() => setStatus(statusAfter(meta.status, 'sent'))} onClose={() => setDialog(null)} />
      )}
      {dialog === 'history' && <HistoryDialog id={initial.doc.id} flush={flush} onRestore={restore} onClose={() => setDialog(null)} />}
      <div className={participantsOpen || marginShown.open ? 'document-layout with-panel' : 'document-layout'}>
        <main className="document-main">
          {repairsShown && initial.repairs && initial.repairs.length > 0 && (
            <RepairNotice repairs={initial.repairs} from={initial.repairedFrom} onHistory={() => setDialog('history')} onDismiss={() => setRepairsShown(false)} />
          )}
          <ConflictNotice autosaver={autosaver} onHistory={() => setDialog('history')} />
          {restored && (
            <RestoreNotice
              state={restored}
              busy={restoreBusy}
              onUndo={() => void undoRestore(restored)}
              onDismiss={() => {
                setRestored(null);
                setRestoreError(null);
              }}
            />
          )}
          {restoreError && (
            <p role="alert" className="error">
              {restoreError}
            </p>
          )}
          {/* The fields hold the suggested values: Final and Original show their own (ReviewPreview). */}
          <div hidden={review.view !== 'markup'}>
          <MetaFields
            meta={meta}
            onChange={onMetaChange}
            onFocus={onMetaFocus}
            onBlur={onMetaBlur}
            pending={metaChanges}
            record={review.records.get}
            onDecide={(decision, id) => review.decide(decision, [id])}
          />
          </div>
          <ReviewBar mode={review.mode} view={review.view} onMode={review.setMode} onView={review.setView} onAddComment={addComment} />
          <DecisionStatus notes={review.notes} />
          {review.view !== 'markup' && <ReviewPreview view={review.view} doc={currentDoc} signal={review.signal} />}
          <div hidden={review.view !== 'markup'}>
            <AuthorColourContext.Provider value={authorColour}>
            <SuggestionRecordsContext.Provider value={review.records.get}>
             <CommentMarksContext.Provider value={commentMarks}>
             <PlayerPortContext.Provider value={player.port}>
              <InterviewEditor
                editor={editor}
                initialBody={initial.doc.body}
                participants={participants}
                language={meta.language}
                onChange={onBodyChange}
                adoptParticipants={adoptParticipants}
                adoptMeta={adoptMeta}
                participantsNow={participantsNow}
                metaNow={metaNow}
                takeImported={takeImported}
                readOnly={review.mode === 'viewing'}
                dock={player.view}
              />
             </PlayerPortContext.Provider>
             </CommentMarksContext.Provider>
            </SuggestionRecordsContext.Provider>
            </AuthorColourContext.Provider>
          </div>
        </main>
        {participantsOpen && (
          <ParticipantsPanel
            participants={participants}
            editor={editor}
            history={history}
            state={currentState}
            preview={previewParticipants}
            onClose={() => setParticipantsOpen(false)}
          />
        )}
        {marginShown.open && (
          <AuthorColourContext.Provider value={authorColour}>
            <ReviewMargin
              store={margin}
              editor={editor}
              review={review}
              comments={comments}
              doc={currentDoc}
              commentHint={commentHint && !comments.draft}
              repaired={initial.repaired}
              onDismissConflict={(id) => change(dismissConflict(docRef.current, id))}
            />
          </AuthorColourContext.Provider>
        )}
        <AskNameDialog />
      </div>
    </div>
  );
}
