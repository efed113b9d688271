import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../../shared/model/schema';
import { api } from '../api';
import { base64ToBytes } from '../common/base64';
import { useDesktopCommand } from '../desktop/commands';
import { fileDialogs } from '../platform/file-dialogs';

/**
 * "Save for review": the interview as a `.interview` file, through the save dialog (or a download).
 * The story is put In review first, so the file says so too (`markInReview` returns the status it
 * replaced); when no file was written, `setStatus` puts that back.
 */
export function SaveForReviewButton({ id, flush, markInReview, setStatus }: { id: string; flush: () => Promise<unknown>; markInReview: () => Status; setStatus: (s: Status) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);

  async function save() {
    setBusy(true);
    setMessage(null);
    const before = markInReview();
    let saved = false;
    try {
      await flush(); // the file holds what is on screen, status included
      const result = await api.exchange.save({ id });
      if (!result.ok) return setMessage({ kind: 'alert', text: result.error.message });
      const outcome = await fileDialogs.saveFile({ suggestedName: result.value.fileName, data: base64ToBytes(result.value.data), mime: 'application/vnd.interview-desk', title: t('exchange.save') });
      saved = outcome === 'saved';
      if (saved) setMessage({ kind: 'status', text: t('exchange.saved', { fileName: result.value.fileName }) });
    } catch (err) {
      setMessage({ kind: 'alert', text: (err as Error).message });
    } finally {
      if (!saved) setStatus(before);
      setBusy(false);
    }
  }

  // File ▸ Save for review… does what this button does (and nothing while a save is under way).
  useDesktopCommand('file.saveForReview', () => {
    if (!busy) void save();
  });

  return (
    <>
      <button type="button" data-overflow-rank="8" onClick={() => void save()} disabled={busy}>
        {t('exchange.save')}
      </button>
      {message && (
        <p role={message.kind} className={`topbar-notice ${message.kind === 'alert' ? 'error' : ''}`}>
          {message.text}
          <button type="button" className="icon" aria-label={t('exchange.dismiss')} onClick={() => setMessage(null)}>
            ×
          </button>
        </p>
      )}
    </>
  );
}
