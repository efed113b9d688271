import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/api/contract';
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

/** Results of a library search, updated as the user types (after a short pause). */
export function SearchResults({ query }: { query: string }) {
  const { t } = useTranslation();
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void api.library.search({ query }).then((result) => {
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
  }, [query]);

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!hits) return null;
  return (
    <>
      <p className="muted" role="status">
        {t('library.results', { count: hits.length })}
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
    </>
  );
}
