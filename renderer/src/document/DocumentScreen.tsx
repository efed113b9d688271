import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedDocument } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import { navigate } from '../route';
import { DocumentEditor } from './DocumentEditor';
import { LoadFailure } from './LoadFailure';
import { loadDocumentOnce } from './prefetch';

export function DocumentScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<LoadedDocument | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0); // bumped to open the interview again (after a restore)

  useEffect(() => {
    let live = true;
    void loadDocumentOnce(id).then((result) => {
      if (!live) return;
      if (result.ok) setLoaded(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [id, attempt]);

  const reopen = useCallback(() => {
    setError(null);
    setLoaded(null);
    setAttempt((n) => n + 1);
  }, []);

  if (error) {
    return (
      <div className="screen">
        <header className="topbar">
          <button type="button" onClick={() => navigate({ screen: 'library' })}>
            ← {t('document.back')}
          </button>
        </header>
        <LoadFailure id={id} error={error} onRestored={reopen} />
      </div>
    );
  }
  if (!loaded) return <p className="loading">{t('document.loading')}</p>;
  return <DocumentEditor key={`${loaded.doc.id}:${attempt}`} initial={loaded} />;
}
