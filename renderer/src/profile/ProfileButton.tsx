import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../common/Dialog';
import { ProfileForm } from './ProfileForm';
import { useProfile } from './profile-store';

/**
 * The top bar's profile: shows who is working, opens the profile to change it. Only the name is
 * shown (cut short by CSS if long): the role and the word "Profile" are in its accessible name and
 * title, so the bar keeps its one row on a laptop screen.
 */
export function ProfileButton() {
  const { t } = useTranslation();
  const profile = useProfile();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="profile-button"
        data-overflow-rank="5"
        aria-label={profile ? t('profile.button', { name: profile.name, role: t(`profile.roles.${profile.role}`) }) : undefined}
        onClick={() => setOpen(true)}
        title={profile ? `${t('profile.button', { name: profile.name, role: t(`profile.roles.${profile.role}`) })} · ${t('profile.change')}` : t('profile.change')}
      >
        {profile ? profile.name : t('profile.title')}
      </button>
      {open && (
        <Dialog title={t('profile.title')} onClose={() => setOpen(false)}>
          <ProfileForm profile={profile ?? null} onSaved={() => setOpen(false)} />
        </Dialog>
      )}
    </>
  );
}
