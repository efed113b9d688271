import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Autosaver } from './autosaver';

/**
 * Shown when this editor's text was kept through a conflict (autosaver.ts): the interview was also
 * changed elsewhere; both versions are kept, which one is current and where the other is.
 */
export function ConflictNotice({ autosaver, onHistory }: { autosaver: Autosaver; onHistory: () => void }) {
  const { t } = useTranslation();
  const kept = useSyncExternalStore(autosaver.subscribe, autosaver.getKept);
  if (!kept) return null;
  return (
    <div role="status" className="restore-notice document-notice" data-testid="conflict-kept">
      <p>{t('conflictKept.text', { revision: kept.revision, other: kept.other })}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onHistory}>
          {t('conflictKept.history')}
        </button>
        <button type="button" onClick={() => autosaver.dismissKept()}>
          {t('conflictKept.dismiss')}
        </button>
      </div>
    </div>
  );
}
