import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../common/Dialog';
import { answerNameRequest, nameAsked, subscribeNameRequest } from './ask-name';
import { newAuthorId, saveProfile } from './profile-store';

/**
 * The one-field question of ask-name.ts. The role stays the default (reporter): it only picks
 * defaults, and the top bar's profile button changes it.
 */
export function AskNameDialog() {
  const asked = useSyncExternalStore(subscribeNameRequest, nameAsked);
  return asked ? <AskName /> : null;
}

function AskName() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return setError(t('profile.nameMissing'));
    const failed = await saveProfile({ id: newAuthorId(), name: name.trim(), role: 'reporter' });
    if (failed) return setError(failed);
    answerNameRequest(true);
  }
  return (
    <Dialog title={t('profile.askTitle')} onClose={() => answerNameRequest(false)}>
      <form className="profile-form" onSubmit={(e) => void submit(e)}>
        <p className="muted">{t('profile.askWhy')}</p>
        <label className="field">
          <span className="field-label">{t('profile.name')}</span>
          <input type="text" value={name} maxLength={120} autoFocus onChange={(e) => setName(e.target.value)} autoComplete="name" />
        </label>
        {error && <p className="error">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={() => answerNameRequest(false)}>
            {t('profile.askCancel')}
          </button>
          <button type="submit" className="primary">
            {t('profile.askSave')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
