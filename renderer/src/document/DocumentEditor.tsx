import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedDocument } from '../../../shared/api/contract';
import { mergeParticipants } from '../../../shared/model/participants';
import type { Block, Interview, Meta, Participant } from '../../../shared/model/schema';
import { api } from '../api';
import { onFlushRequest } from '../desktop/bridge';
import { useDesktopCommand } from '../desktop/commands';
import type { UiExportFormat } from '../export/formats';
import { createInterviewEditor } from '../editor/create-editor';
import { InterviewEditor } from '../editor/InterviewEditor';
import { SaveForReviewButton } from '../exchange/SaveForReviewButton';
import { ExportDialog } from '../export/ExportDialog';
import { HistoryDialog } from '../history/HistoryDialog';
import { SendDialog } from '../newsroom/SendDialog';
import { ParticipantsPanel } from '../participants/ParticipantsPanel';
import { navigate } from '../route';
import { Autosaver } from './autosaver';
import { attachDocumentHistory, type DocState } from './document-history';
import { MetaFields } from './MetaFields';
import { SaveStatusView } from './SaveStatusView';
import { ProfileButton } from '../profile/ProfileButton';
import { ChangesPanel } from '../review/ChangesPanel';
import { ReviewBar } from '../review/ReviewBar';
import { ReviewPreview } from '../review/ReviewPreview';
import { SuggestionRecordsContext } from '../review/SuggestionMarks';
import { useReview } from '../review/use-review';

/** Is this key event for a native text field (which has its own undo)? */
const inTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.closest('input, textarea, select, [contenteditable="true"]') !== null);

/** An open interview: metadata, the editor, participants; autosaved, with one undo history. */
export function DocumentEditor({ initial }: { initial: LoadedDocument }) {
  const { t } = useTranslation();
  // The latest document lives in a ref: typing updates it and the autosaver without re-rendering
  // the whole screen on every keystroke (the editor re-renders itself).
  const docRef = useRef<Interview>(initial.doc);
  const [meta, setMeta] = useState<Meta>(initial.doc.meta);
  const [participants, setParticipants] = useState<Participant[]>(initial.doc.participants);
  const [panel, setPanel] = useState<'participants' | 'changes' | null>(null);
  const [dialog, setDialog] = useState<'export' | 'send' | 'history' | null>(null);

  const autosaver = useMemo(
    () => new Autosaver({ revision: initial.revision, save: (doc, baseRevision) => api.document.save({ id: doc.id, baseRevision, doc }) }),
    [initial],
  );
  // The editor and its history are made once per open document (a state initialiser, not a memo,
  // because attaching the history wraps the editor's methods).
  const [{ editor, history }] = useState(() => {
    const ed = createInterviewEditor();
    return { editor: ed, history: attachDocumentHistory(ed) };
  });

  const currentDoc = useCallback(() => docRef.current, []);
  // Review: modes, views, suggestion records and resolving them (review/use-review.ts).
  const review = useReview(editor, currentDoc);

  const change = useCallback(
    (next: Interview) => {
      docRef.current = next;
      autosaver.update(next);
      review.signal.bump();
    },
    [autosaver, review.signal],
  );

  /** Show and save participants/metadata (from history, the panel, or a paste). */
  const applyState = useCallback(
    (state: DocState) => {
      setParticipants(state.participants);
      setMeta(state.meta);
      change({ ...docRef.current, participants: state.participants, meta: state.meta });
    },
    [change],
  );
  useEffect(() => {
    history.setApply(applyState);
  }, [history, applyState]);
  const currentState = useCallback((): DocState => ({ participants: docRef.current.participants, meta: docRef.current.meta }), []);

  // Metadata: typed live, one undo step per field visit (see MetaFields).
  const metaEditStart = useRef<DocState | null>(null);
  const onMetaChange = useCallback(
    (field: keyof Meta, value: Meta[keyof Meta]) => {
      const nextMeta = { ...docRef.current.meta, [field]: value };
      setMeta(nextMeta);
      change({ ...docRef.current, meta: nextMeta });
    },
    [change],
  );
  const onMetaFocus = useCallback(() => {
    metaEditStart.current = currentState();
  }, [currentState]);
  const onMetaBlur = useCallback(() => {
    const before = metaEditStart.current;
    metaEditStart.current = null;
    if (before && JSON.stringify(before.meta) !== JSON.stringify(docRef.current.meta)) history.record(before, currentState(), { applied: true });
  }, [history, currentState]);

  const onBodyChange = useCallback(
    (body: Block[]) => {
      history.sync();
      // The saved document carries the records of the suggestions its body uses.
      change(review.records.attachTo({ ...docRef.current, body }));
    },
    [change, history, review.records],
  );

  const participantsNow = useCallback(() => docRef.current.participants, []);

  const previewParticipants = useCallback(
    (next: Participant[]) => {
      setParticipants(next);
      change({ ...docRef.current, participants: next });
    },
    [change],
  );

  const adoptParticipants = useCallback(
    (incoming: readonly Participant[]) => {
      const merged = mergeParticipants(docRef.current.participants, incoming);
      previewParticipants(merged.participants);
      return merged.idMap;
    },
    [previewParticipants],
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
  useDesktopCommand('file.export', (command) => {
    setExportFormat(command.format);
    setDialog('export');
  });
  useDesktopCommand('file.sendToNewsroom', () => setDialog('send'));
  useDesktopCommand('file.close', () => void back());

  async function back() {
    await autosaver.flush();
    navigate({ screen: 'library' });
  }

  return (
    <div className="screen document">
      <header className="topbar">
        <button type="button" onClick={() => void back()}>
          ← {t('document.back')}
        </button>
        <span className="topbar-title">{meta.headline || t('library.untitled')}</span>
        <button type="button" aria-pressed={panel === 'participants'} onClick={() => setPanel(panel === 'participants' ? null : 'participants')}>
          {t('participants.open')}
        </button>
        <button type="button" onClick={() => setDialog('export')}>
          {t('export.button')}
        </button>
        <button type="button" onClick={() => setDialog('send')}>
          {t('newsroom.button')}
        </button>
        <button type="button" onClick={() => setDialog('history')}>
          {t('history.button')}
        </button>
        <button type="button" aria-pressed={panel === 'changes'} onClick={() => setPanel(panel === 'changes' ? null : 'changes')}>
          {t('review.open')}
        </button>
        <ProfileButton />
        <SaveForReviewButton id={initial.doc.id} flush={flush} />
        <SaveStatusView autosaver={autosaver} />
      </header>
      {dialog === 'export' && (
        <ExportDialog
          doc={currentDoc}
          flush={flush}
          initialFormat={exportFormat}
          onClose={() => setDialog(null)}
          onReviewChanges={() => {
            setDialog(null);
            setPanel('changes');
          }}
        />
      )}
      {dialog === 'send' && <SendDialog documentId={initial.doc.id} flush={flush} onClose={() => setDialog(null)} />}
      {/* A restored version is the newest revision in the library: reload the page to edit it. */}
      {dialog === 'history' && <HistoryDialog id={initial.doc.id} flush={flush} onRestored={() => window.location.reload()} onClose={() => setDialog(null)} />}
      <div className={panel ? 'document-layout with-panel' : 'document-layout'}>
        <main className="document-main">
          <MetaFields meta={meta} onChange={onMetaChange} onFocus={onMetaFocus} onBlur={onMetaBlur} />
          <ReviewBar mode={review.mode} view={review.view} onMode={review.setMode} onView={review.setView} />
          {review.view !== 'markup' && <ReviewPreview view={review.view} doc={currentDoc} signal={review.signal} />}
          <div hidden={review.view !== 'markup'}>
            <SuggestionRecordsContext.Provider value={review.records.get}>
              <InterviewEditor
                editor={editor}
                initialBody={initial.doc.body}
                participants={participants}
                language={meta.language}
                onChange={onBodyChange}
                adoptParticipants={adoptParticipants}
                adoptMeta={adoptMeta}
                participantsNow={participantsNow}
                readOnly={review.mode === 'viewing'}
              />
            </SuggestionRecordsContext.Provider>
          </div>
        </main>
        {panel === 'participants' && (
          <ParticipantsPanel
            participants={participants}
            editor={editor}
            history={history}
            state={currentState}
            preview={previewParticipants}
            onClose={() => setPanel(null)}
          />
        )}
        {panel === 'changes' && <ChangesPanel editor={editor} review={review} doc={currentDoc} onClose={() => setPanel(null)} />}
      </div>
    </div>
  );
}
