import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProfileForm } from './ProfileForm';
import { useProfile } from './profile-store';

/**
 * Asked at first start: who is at this machine (suggestions record it). A small non-modal dialog
 * on the library screen, so it never stands in the way of opening an interview; "Later" hides it
 * until the next start.
 */
export function FirstStartProfile() {
  const { t } = useTranslation();
  const profile = useProfile();
  const [later, setLater] = useState(false);
  if (profile !== null || later) return null;
  return (
    <section role="dialog" aria-label={t('profile.title')} className="first-start-profile">
      <h2>{t('profile.welcome')}</h2>
      <p className="muted">{t('profile.why')}</p>
      <ProfileForm
        profile={null}
        onSaved={() => undefined}
        extraActions={
          <button type="button" onClick={() => setLater(true)}>
            {t('profile.later')}
          </button>
        }
      />
    </section>
  );
}
