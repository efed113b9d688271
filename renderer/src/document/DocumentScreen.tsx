import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedDocument } from '../../../shared/api/contract';
import { navigate } from '../route';
import { DocumentEditor } from './DocumentEditor';
import { loadDocumentOnce } from './prefetch';

export function DocumentScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<LoadedDocument | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void loadDocumentOnce(id).then((result) => {
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
