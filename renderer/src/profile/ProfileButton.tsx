import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../common/Dialog';
import { ProfileForm } from './ProfileForm';
import { useProfile } from './profile-store';

/** The top bar's profile: shows who is working, opens the profile to change it. */
export function ProfileButton() {
  const { t } = useTranslation();
  const profile = useProfile();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title={t('profile.change')}>
        {profile ? t('profile.button', { name: profile.name, role: t(`profile.roles.${profile.role}`) }) : t('profile.title')}
      </button>
      {open && (
        <Dialog title={t('profile.title')} onClose={() => setOpen(false)}>
          <ProfileForm profile={profile ?? null} onSaved={() => setOpen(false)} />
        </Dialog>
      )}
    </>
  );
}
