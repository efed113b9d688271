import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../../shared/api/contract';
import { api } from '../api';

/**
 * Shown instead of the app when the library failed its integrity check on open: the backups with
 * their time and size, each with "Restore". The backend moves the damaged file aside (never
 * deleting it), puts the backup in its place and opens it; `onRestored` then starts the app.
 */
export function RecoveryScreen({ message, onRestored }: { message: string; onRestored: () => void }) {
  const { t, i18n } = useTranslation();
  const [backups, setBackups] = useState<BackupFile[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.backup.list({}).then((result) => {
      if (result.ok) setBackups(result.value.backups);
      else setError(result.error.message);
    });
  }, []);

  async function restore(name: string) {
    setBusy(name);
    setError(null);
    const result = await api.backup.restore({ name });
    setBusy(null);
    if (result.ok) onRestored();
    else setError(result.error.code === 'unsafe_file' ? t('recovery.unsafe', { name }) : result.error.message);
  }

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'medium' });
  return (
    <div className="screen">
      <header className="topbar">
        <h1 className="app-name">{t('app.name')}</h1>
      </header>
      <main className="library-main">
        <h2>{t('recovery.title')}</h2>
        <p>{t('recovery.intro')}</p>
        <p className="hint-text">{t('recovery.detail', { message })}</p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {backups && backups.length === 0 && <p className="empty">{t('recovery.none')}</p>}
        {backups && backups.length > 0 && (
          <>
            <h3>{t('recovery.backups')}</h3>
            <ul className="doc-list" aria-label={t('recovery.backups')}>
              {backups.map((b) => (
                <li key={b.name} className="doc-row">
                  <span className="doc-link">
                    <span className="doc-headline">{when.format(new Date(b.at))}</span>
                    <span className="doc-meta">
                      <span>{t(`recovery.kinds.${b.kind}`)}</span>
                      <span>{t('recovery.size', { mb: (b.bytes / 1048576).toFixed(2) })}</span>
                      <span>{b.name}</span>
                    </span>
                  </span>
                  <span className="doc-actions">
                    <button type="button" onClick={() => void restore(b.name)} disabled={busy !== null}>
                      {busy === b.name ? t('recovery.restoring') : t('recovery.restore')}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </main>
    </div>
  );
}
