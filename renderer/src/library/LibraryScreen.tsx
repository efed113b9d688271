import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/api/contract';
import { api } from '../api';
import { ImportButton } from '../import/ImportButton';
import { systemLanguage } from '../i18n';
import { navigate } from '../route';
import { SearchResults } from './SearchResults';

export function LibraryScreen() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [query, setQuery] = useState('');
  const [statusFilter, setStatusFilter] = useState<DocumentSummary['status'] | 'all'>('all');
  const [sort, setSort] = useState<'changed' | 'headline'>('changed');

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
  const collator = new Intl.Collator(i18n.language);
  const shown = (items ?? [])
    .filter((item) => statusFilter === 'all' || item.status === statusFilter)
    .sort((a, b) => (sort === 'headline' ? collator.compare(a.headline, b.headline) : b.updatedAt.localeCompare(a.updatedAt)));

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
        <div className="library-tools">
          <input type="search" className="search" aria-label={t('library.search')} placeholder={t('library.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
          {query.trim() === '' && (
            <>
              <label className="inline-field">
                <span>{t('library.filterStatus')}</span>
                <select value={statusFilter} onChange={(e) => setStatusFilter(e.target.value as typeof statusFilter)}>
                  <option value="all">{t('library.allStatuses')}</option>
                  {(['draft', 'in_review', 'approved', 'sent'] as const).map((s) => (
                    <option key={s} value={s}>
                      {t(`status.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="inline-field">
                <span>{t('library.sortBy')}</span>
                <select value={sort} onChange={(e) => setSort(e.target.value as typeof sort)}>
                  <option value="changed">{t('library.sortChanged')}</option>
                  <option value="headline">{t('library.sortHeadline')}</option>
                </select>
              </label>
            </>
          )}
        </div>
        <h2>{t('library.title')}</h2>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {query.trim() !== '' ? (
          <SearchResults query={query} />
        ) : (
          <>
            {items && items.length === 0 && <p className="empty">{t('library.empty')}</p>}
            {items && items.length > 0 && shown.length === 0 && <p className="empty">{t('library.noneWithStatus')}</p>}
            {shown.length > 0 && (
              <ul className="doc-list">
                {shown.map((item) => (
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
          </>
        )}
      </main>
    </div>
  );
}
