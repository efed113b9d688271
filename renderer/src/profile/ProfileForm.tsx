import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile, ProfileRole } from '../../../shared/api/profile';
import { newAuthorId, saveProfile } from './profile-store';

/** Display name and role; saving keeps the profile's id (a first save makes one). */
export function ProfileForm({ profile, onSaved, extraActions }: { profile: Profile | null; onSaved: () => void; extraActions?: React.ReactNode }) {
  const { t } = useTranslation();
  const [name, setName] = useState(profile?.name ?? '');
  const [role, setRole] = useState<ProfileRole>(profile?.role ?? 'reporter');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return setError(t('profile.nameMissing'));
    const failed = await saveProfile({ id: profile?.id ?? newAuthorId(), name: name.trim(), role });
    if (failed) setError(failed);
    else onSaved();
  }

  return (
    <form className="profile-form" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span className="field-label">{t('profile.name')}</span>
        <input type="text" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      </label>
      <fieldset className="profile-roles">
        <legend>{t('profile.role')}</legend>
        {(['reporter', 'editor'] as const).map((r) => (
          <label key={r} className="choice">
            <input type="radio" name="profile-role" value={r} checked={role === r} onChange={() => setRole(r)} />
            {t(`profile.roles.${r}`)}
          </label>
        ))}
      </fieldset>
      {error && <p className="error">{error}</p>}
      <div className="dialog-actions">
        {extraActions}
        <button type="submit" className="primary">
          {t('profile.save')}
        </button>
      </div>
    </form>
  );
}
