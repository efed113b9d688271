import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/api/contract';
import { api } from '../api';
import { ImportButton } from '../import/ImportButton';
import { systemLanguage } from '../i18n';
import { navigate } from '../route';

export function LibraryScreen() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let live = true;
    void api.library.list({}).then((result) => {
      if (!live) return;
      if (result.ok) setItems(result.value.items);
      else setError(t('library.loadError', { message: result.error.message }));
    });
    return () => {
      live = false;
    };
  }, [t]);

  async function create() {
    setCreating(true);
    const result = await api.document.create({ language: systemLanguage([i18n.language]) });
    setCreating(false);
    if (result.ok) navigate({ screen: 'document', id: result.value.doc.id });
    else setError(result.error.message);
  }

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div className="screen library">
      <header className="topbar">
        <h1 className="app-name">{t('app.name')}</h1>
        <ImportButton onError={setError} />
        <button type="button" className="primary" onClick={() => void create()} disabled={creating}>
          {t('library.new')}
        </button>
      </header>
      <main className="library-main">
        <h2>{t('library.title')}</h2>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {items && items.length === 0 && <p className="empty">{t('library.empty')}</p>}
        {items && items.length > 0 && (
          <ul className="doc-list">
            {items.map((item) => (
              <li key={item.id}>
                <a href={`#/doc/${item.id}`} className="doc-link">
                  <span className={item.headline ? 'doc-headline' : 'doc-headline untitled'}>{item.headline || t('library.untitled')}</span>
                  <span className="doc-meta">
                    {item.section && <span>{item.section}</span>}
                    <span className={`badge status-${item.status}`}>{t(`status.${item.status}`)}</span>
                    <span>{item.participants.join(' · ')}</span>
                    <span>{t('library.updated', { when: when.format(new Date(item.updatedAt)) })}</span>
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
