import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/api/contract';
import { api } from '../api';
import { useDesktopCommand } from '../desktop/commands';
import { OpenReviewButton } from '../exchange/OpenReviewButton';
import { ImportButton } from '../import/ImportButton';
import { uiLanguage } from '../i18n';
import { navigate } from '../route';
import { SettingsButton } from '../settings/SettingsButton';
import { TrashView } from '../trash/TrashView';
import { SearchResults } from './SearchResults';

export function LibraryScreen() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [query, setQuery] = useState('');
  const [statusFilter, setStatusFilter] = useState<DocumentSummary['status'] | 'all'>('all');
  const [sort, setSort] = useState<'changed' | 'headline'>('changed');
  const [view, setView] = useState<'list' | 'trash'>('list');
  // Bumped to read the list again after a change made here (trash, duplicate, open a review file).
  const [listVersion, setListVersion] = useState(0);
  const reload = useCallback(() => setListVersion((v) => v + 1), []);

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
  }, [t, listVersion, view]);

  async function toTrash(item: DocumentSummary) {
    const result = await api.trash.put({ id: item.id });
    if (!result.ok) return setError(result.error.message);
    reload();
  }

  async function duplicate(item: DocumentSummary) {
    const headline = item.headline ? t('trash.copyOf', { headline: item.headline }) : '';
    const result = await api.document.duplicate({ id: item.id, headline });
    if (!result.ok) return setError(result.error.message);
    reload();
  }

  useDesktopCommand('file.new', () => void create());

  async function create() {
    setCreating(true);
    // A new interview starts in the language the user works in; its own language control, next
    // to the headline, changes it (and its untouched default speakers) when the story is in the other.
    const result = await api.document.create({ language: uiLanguage() });
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
        <OpenReviewButton onOpened={reload} onError={setError} />
        <button type="button" aria-pressed={view === 'trash'} onClick={() => setView(view === 'trash' ? 'list' : 'trash')}>
          {t('trash.button')}
        </button>
        <SettingsButton />
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
        {view === 'list' && <h2>{t('library.title')}</h2>}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {view === 'trash' ? (
          <TrashView onError={setError} />
        ) : query.trim() !== '' ? (
          <SearchResults query={query} />
        ) : (
          <>
            {items && items.length === 0 && <p className="empty">{t('library.empty')}</p>}
            {items && items.length > 0 && shown.length === 0 && <p className="empty">{t('library.noneWithStatus')}</p>}
            {shown.length > 0 && (
              <ul className="doc-list">
                {shown.map((item) => (
                  <li key={item.id} className="doc-row">
                    <a href={`#/doc/${item.id}`} className="doc-link">
                      <span className={item.headline ? 'doc-headline' : 'doc-headline untitled'}>{item.headline || t('library.untitled')}</span>
                      <span className="doc-meta">
                        {item.section && <span>{item.section}</span>}
                        <span className={`badge status-${item.status}`}>{t(`status.${item.status}`)}</span>
                        <span>{item.participants.join(' · ')}</span>
                        <span>{t('library.updated', { when: when.format(new Date(item.updatedAt)) })}</span>
                      </span>
                    </a>
                    <span className="doc-actions">
                      <button type="button" onClick={() => void duplicate(item)}>
                        {t('trash.duplicate')}
                      </button>
                      <button type="button" onClick={() => void toTrash(item)}>
                        {t('trash.moveTo')}
                      </button>
                    </span>
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
