import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedDocument } from '../../../shared/api/contract';
import { mergeParticipants } from '../../../shared/model/participants';
import type { Block, Interview, Meta, Participant } from '../../../shared/model/schema';
import { api } from '../api';
import { InterviewEditor } from '../editor/InterviewEditor';
import { navigate } from '../route';
import { Autosaver } from './autosaver';
import { MetaFields } from './MetaFields';
import { SaveStatusView } from './SaveStatusView';

export function DocumentScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<LoadedDocument | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.document.load({ id }).then((result) => {
      if (!live) return;
      if (result.ok) setLoaded(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [id]);

  if (error) {
    return (
      <div className="screen">
        <header className="topbar">
          <button type="button" onClick={() => navigate({ screen: 'library' })}>
            ← {t('document.back')}
          </button>
        </header>
        <p role="alert" className="error page-error">
          {t('document.loadError', { message: error })}
        </p>
      </div>
    );
  }
  if (!loaded) return <p className="loading">{t('document.loading')}</p>;
  return <DocumentEditor initial={loaded} />;
}

function DocumentEditor({ initial }: { initial: LoadedDocument }) {
  const { t } = useTranslation();
  // The latest document lives in a ref: typing updates it and the autosaver without re-rendering
  // the whole screen on every keystroke (the editor re-renders itself).
  const docRef = useRef<Interview>(initial.doc);
  const [meta, setMeta] = useState<Meta>(initial.doc.meta);
  const [participants, setParticipants] = useState<Participant[]>(initial.doc.participants);
  const autosaver = useMemo(
    () => new Autosaver({ revision: initial.revision, save: (doc, baseRevision) => api.document.save({ id: doc.id, baseRevision, doc }) }),
    [initial],
  );

  const change = useCallback(
    (next: Interview) => {
      docRef.current = next;
      autosaver.update(next);
    },
    [autosaver],
  );

  const onMetaChange = useCallback(
    (field: keyof Meta, value: string) => {
      const nextMeta = { ...docRef.current.meta, [field]: value };
      setMeta(nextMeta);
      change({ ...docRef.current, meta: nextMeta });
    },
    [change],
  );

  const onBodyChange = useCallback((body: Block[]) => change({ ...docRef.current, body }), [change]);

  const adoptParticipants = useCallback(
    (incoming: readonly Participant[]) => {
      const merged = mergeParticipants(docRef.current.participants, incoming);
      setParticipants(merged.participants);
      change({ ...docRef.current, participants: merged.participants });
      return merged.idMap;
    },
    [change],
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
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      flush();
    };
  }, [autosaver]);

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
        <SaveStatusView autosaver={autosaver} />
      </header>
      <main className="document-main">
        <MetaFields meta={meta} onChange={onMetaChange} />
        <InterviewEditor
          initialBody={initial.doc.body}
          participants={participants}
          language={meta.language}
          onChange={onBodyChange}
          adoptParticipants={adoptParticipants}
          adoptMeta={adoptMeta}
        />
      </main>
    </div>
  );
}
