import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_EXCHANGE_FILE_BYTES, type ExchangeOpened } from '../../../shared/api/contract';
import { api } from '../api';
import { Dialog } from '../common/Dialog';
import { useDesktopCommand } from '../desktop/commands';
import { CompareView } from '../history/CompareView';
import { fileDialogs } from '../platform/file-dialogs';
import { navigate } from '../route';
import { bytesToBase64 } from '../common/base64';

const mb = (n: number) => (n / 1048576).toFixed(1);

/**
 * "Open": a review file (.interview), or a Word review copy (.docx) exported from this library, into the library. What happened is reported; when a returned
 * file was merged into a known interview, "Show changes" compares the merge with the version it
 * was merged into. A file that cannot be merged changes nothing, and can be opened as a copy.
 */
export function OpenReviewButton({ onOpened, onError }: { onOpened: () => void; onError: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const [opened, setOpened] = useState<(ExchangeOpened & { fileName: string }) | null>(null);
  const [showChanges, setShowChanges] = useState(false);

  // The file last opened, kept while it may still be opened as a copy.
  const [lastFile, setLastFile] = useState<{ name: string; data: string } | null>(null);

  async function open(file: { name: string; data: string }, asCopy = false) {
    const result = await api.exchange.open({ fileName: file.name, data: file.data, ...(asCopy ? { asCopy } : {}) });
    // A file not exactly as we write it gets the translated explanation; the backend's says which part.
    if (!result.ok) {
      if (result.error.code === 'unsafe_file') return onError(t('exchange.unsafe', { name: file.name }));
      // A Word document that is not one of our review copies, or is damaged: the way in for it is Import.
      if (result.error.code === 'invalid_file' && /\.docx$/i.test(file.name)) return onError(t('exchange.docxRefused', { name: file.name }));
      return onError(result.error.message);
    }
    setOpened({ ...result.value, fileName: file.name });
    setLastFile(result.value.outcome === 'not_merged' ? file : null);
    setShowChanges(false);
    onOpened();
  }

  async function pick() {
    let file;
    try {
      file = await fileDialogs.openFile({ accept: ['.interview', '.docx'], title: t('exchange.openTitle'), maxBytes: MAX_EXCHANGE_FILE_BYTES });
    } catch (err) {
      return onError((err as Error).message);
    }
    if (!file) return;
    if (file.bytes === null) return onError(t('exchange.tooLarge', { name: file.name, mb: mb(file.size), max: mb(MAX_EXCHANGE_FILE_BYTES) }));
    await open({ name: file.name, data: bytesToBase64(file.bytes) });
  }

  // File ▸ Open… does what this button does.
  useDesktopCommand('file.open', () => void pick());

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const text = (o: ExchangeOpened & { fileName: string }) => {
    const values = { headline: o.headline || t('library.untitled'), fileName: o.fileName };
    if (o.outcome === 'created') return t('exchange.created', values);
    if (o.outcome === 'merged') {
      const merged = t('exchange.merged', { ...values, suggestions: t('exchange.mergedSuggestions', { count: o.suggestions ?? 0 }) });
      return o.conflicts ? `${merged} ${t('exchange.mergedConflicts', { count: o.conflicts })}` : merged;
    }
    if (o.outcome === 'not_merged') return t('exchange.notMerged', values);
    if (o.outcome === 'copied') return t('exchange.copied', values);
    if (o.outcome === 'unchanged') return t('exchange.unchanged', values);
    if (o.outcome === 'updated') return t('exchange.updated', values);
    if (o.outcome === 'same_as_current') return t('exchange.same', values);
    return t('exchange.already', { ...values, when: when.format(new Date(o.openedAt)) });
  };

  return (
    <>
      <button type="button" onClick={() => void pick()}>
        {t('exchange.open')}
      </button>
      {opened && (
        <div role="status" className="exchange-notice">
          <p>{text(opened)}</p>
          <div className="dialog-actions">
            {opened.outcome === 'not_merged' && lastFile && (
              <button type="button" onClick={() => void open(lastFile, true)}>
                {t('exchange.openAsCopy')}
              </button>
            )}
            {(opened.outcome === 'updated' || opened.outcome === 'merged') && opened.previousRevision !== null && (
              <button type="button" onClick={() => setShowChanges(true)}>
                {t('exchange.showChanges')}
              </button>
            )}
            <button type="button" onClick={() => navigate({ screen: 'document', id: opened.id })}>
              {t('exchange.openInterview')}
            </button>
            <button type="button" onClick={() => setOpened(null)}>
              {t('exchange.dismiss')}
            </button>
          </div>
        </div>
      )}
      {opened && showChanges && opened.previousRevision !== null && (
        <Dialog title={t('exchange.showChanges')} onClose={() => setShowChanges(false)} className="history-dialog">
          <CompareView id={opened.id} from={opened.previousRevision} to={opened.revision} />
        </Dialog>
      )}
    </>
  );
}
