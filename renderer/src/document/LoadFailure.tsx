import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import { api } from '../api';
import { HistoryDialog } from '../history/HistoryDialog';

/** How many versions, newest first, are tried for the last one that can be read. */
const TRIED = 30;

type Search = { state: 'searching' } | { state: 'found'; version: HistoryEntry } | { state: 'none' } | { state: 'off' };

/** Nothing to store before reading the history: the interview is not open. */
const nothingToFlush = async () => {};

/**
 * "This interview could not be opened": what the library holds cannot be read at all (not JSON,
 * values of the wrong kind; limits and normalisation are repaired on opening, not refused:
 * electron/backend/documents.ts). The interview's history still holds its earlier versions, each
 * stored whole: the screen finds the newest one that can be read and offers to restore it (the
 * damaged state stays in the history), and opens the History dialog to compare or restore any other.
 * `onRestored`: a version was restored; the caller opens the interview again.
 */
export function LoadFailure({ id, error, onRestored }: { id: string; error: ApiError; onRestored: () => void }) {
  const { t, i18n } = useTranslation();
  const damaged = error.code === 'invalid_document';
  const [search, setSearch] = useState<Search>(damaged ? { state: 'searching' } : { state: 'off' });
  const [history, setHistory] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!damaged) return;
    let live = true;
    void (async () => {
      const list = await api.history.list({ id });
      if (!list.ok) return live && setSearch({ state: 'none' });
      for (const version of list.value.versions.slice(0, TRIED)) {
        const read = await api.history.get({ id, revision: version.revision });
        if (!live) return;
        if (read.ok) return setSearch({ state: 'found', version });
      }
      if (live) setSearch({ state: 'none' });
    })();
    return () => {
      live = false;
    };
  }, [id, damaged]);

  const restore = useCallback(
    async (revision: number): Promise<string | null> => {
      setBusy(true);
      const result = await api.history.restore({ id, revision });
      setBusy(false);
      if (!result.ok) {
        setFailure(result.error.message);
        return result.error.message;
      }
      onRestored();
      return null;
    },
    [id, onRestored],
  );

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="load-failure" data-testid="load-failure">
      <h1>{t('document.cannotOpenTitle')}</h1>
      <p role="alert" className="error">
        {t('document.cannotOpenReason', { message: error.message })}
      </p>
      {damaged && (
        <>
          <p>{t('document.cannotOpenHelp')}</p>
          {search.state === 'searching' && <p className="loading">{t('document.lastGoodSearching')}</p>}
          {search.state === 'found' && (
            <>
              <p>{t('document.lastGood', { revision: search.version.revision, time: when.format(new Date(search.version.savedAt)) })}</p>
              <div className="dialog-actions">
                <button type="button" className="primary" disabled={busy} onClick={() => void restore(search.version.revision)}>
                  {busy ? t('document.restoring') : t('document.restoreLastGood', { revision: search.version.revision })}
                </button>
                <button type="button" onClick={() => setHistory(true)}>
                  {t('document.openHistory')}
                </button>
              </div>
            </>
          )}
          {search.state === 'none' && (
            <>
              <p>{t('document.noGoodVersion')}</p>
              <div className="dialog-actions">
                <button type="button" onClick={() => setHistory(true)}>
                  {t('document.openHistory')}
                </button>
              </div>
            </>
          )}
          {failure && (
            <p role="alert" className="error">
              {failure}
            </p>
          )}
        </>
      )}
      {history && <HistoryDialog id={id} flush={nothingToFlush} onRestore={restore} onClose={() => setHistory(false)} />}
    </div>
  );
}
