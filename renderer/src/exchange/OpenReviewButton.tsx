import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_EXCHANGE_FILE_BYTES, type ExchangeOpened } from '../../../shared/api/contract';
import { api } from '../api';
import { Dialog } from '../common/Dialog';
import { CompareView } from '../history/CompareView';
import { fileDialogs } from '../platform/file-dialogs';
import { navigate } from '../route';
import { bytesToBase64 } from '../common/base64';

const mb = (n: number) => (n / 1048576).toFixed(1);

/**
 * "Open": a review file (.interview) into the library. What happened is reported; when a known
 * interview got the file's state as a new version, "Show changes" compares it with the version
 * it replaced.
 */
export function OpenReviewButton({ onOpened, onError }: { onOpened: () => void; onError: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const [opened, setOpened] = useState<(ExchangeOpened & { fileName: string }) | null>(null);
  const [showChanges, setShowChanges] = useState(false);

  async function pick() {
    let file;
    try {
      file = await fileDialogs.openFile({ accept: ['.interview'], title: t('exchange.openTitle'), maxBytes: MAX_EXCHANGE_FILE_BYTES });
    } catch (err) {
      return onError((err as Error).message);
    }
    if (!file) return;
    if (file.bytes === null) return onError(t('exchange.tooLarge', { name: file.name, mb: mb(file.size), max: mb(MAX_EXCHANGE_FILE_BYTES) }));
    const result = await api.exchange.open({ fileName: file.name, data: bytesToBase64(file.bytes) });
    if (!result.ok) return onError(result.error.message);
    setOpened({ ...result.value, fileName: file.name });
    setShowChanges(false);
    onOpened();
  }

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const text = (o: ExchangeOpened & { fileName: string }) => {
    const values = { headline: o.headline || t('library.untitled'), fileName: o.fileName };
    if (o.outcome === 'created') return t('exchange.created', values);
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
            {opened.outcome === 'updated' && opened.previousRevision !== null && (
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
