import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Autosaver } from './autosaver';

/** The save state, announced politely to screen readers; reads "Saved" when everything is stored. */
export function SaveStatusView({ autosaver }: { autosaver: Autosaver }) {
  const { t } = useTranslation();
  const status = useSyncExternalStore(autosaver.subscribe, autosaver.getStatus);
  const text =
    status.kind === 'error'
      ? status.storage
        ? t(`save.${status.storage}`)
        : t('save.error', { message: status.message })
      : status.kind === 'conflict' ? t('save.conflict') : t(`save.${status.kind}`);
  return (
    <span className={`save-status save-${status.kind}`}>
      <span role="status" title={text}>
        {text}
      </span>
      {status.kind === 'error' && (
        <button type="button" className="link" onClick={() => void autosaver.retry()}>
          {t('save.retry')}
        </button>
      )}
      {/* Never "Reload": that would drop what is on screen. Keeping both stores it beside the other version. */}
      {status.kind === 'conflict' && (
        <button type="button" className="link" onClick={() => void autosaver.retry()}>
          {t('save.keepBoth')}
        </button>
      )}
    </span>
  );
}
