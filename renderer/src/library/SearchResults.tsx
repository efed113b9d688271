import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_MAX, SEARCH_PAGE, type SearchHit } from '../../../shared/api/contract';
import { api } from '../api';

/** Text with its highlighted ranges wrapped in <mark>. */
function Highlighted({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start < at) return;
    parts.push(text.slice(at, start), <mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/**
 * Results of a library search, updated as the user types (after a short pause): the best
 * SEARCH_PAGE first, and "Show more results" for the next ones.
 */
export function SearchResults({ query }: { query: string }) {
  const { t } = useTranslation();
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // How many are asked for: a new query starts again from the first page.
  const [limit, setLimit] = useState(SEARCH_PAGE);
  const [limitFor, setLimitFor] = useState(query);
  if (limitFor !== query) {
    setLimitFor(query);
    setLimit(SEARCH_PAGE);
  }

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void api.library.search({ query, limit }).then((result) => {
        if (!live) return;
        if (result.ok) {
          setHits(result.value.hits);
          setError(null);
        } else setError(result.error.message);
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, limit]);

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!hits) return null;
  // As many as asked for: there may be more.
  const more = hits.length === limit && limit < SEARCH_MAX;
  return (
    <>
      <p className="muted" role="status">
        {more ? t('library.resultsFirst', { count: hits.length }) : t('library.results', { count: hits.length })}
      </p>
      <ul className="doc-list">
        {hits.map((hit) => (
          <li key={hit.id}>
            <a href={`#/doc/${hit.id}`} className="doc-link">
              <span className={hit.headline ? 'doc-headline' : 'doc-headline untitled'}>{hit.headline || t('library.untitled')}</span>
              <span className="doc-snippet">
                <Highlighted text={hit.snippet.text} ranges={hit.snippet.highlights} />
              </span>
            </a>
          </li>
        ))}
      </ul>
      {more && (
        <button type="button" className="more-results" onClick={() => setLimit((l) => Math.min(l + SEARCH_PAGE, SEARCH_MAX))}>
          {t('library.moreResults')}
        </button>
      )}
    </>
  );
}
