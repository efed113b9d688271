import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { firstField } from '../common/first-field';
import { ProfileForm } from './ProfileForm';
import { useProfile } from './profile-store';

/**
 * Asked at first start: who is at this machine (suggestions record it). A small non-modal dialog
 * on the library screen, so it never stands in the way of opening an interview; "Later" hides it
 * until the next start. It opens with the keyboard in the name field, so typing starts the
 * answer at once; Escape is "Later".
 */
export function FirstStartProfile() {
  const { t } = useTranslation();
  const profile = useProfile();
  const [later, setLater] = useState(false);
  const card = useRef<HTMLElement>(null);
  const shown = profile === null && !later;
  useEffect(() => {
    // Not over a dialog the user opened meanwhile (an import started before the profile was read).
    if (shown && card.current && !document.querySelector('dialog[open]')) firstField(card.current)?.focus();
  }, [shown]);
  if (!shown) return null;
  return (
    <section
      ref={card}
      role="dialog"
      aria-label={t('profile.title')}
      className="first-start-profile"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.nativeEvent.isComposing) setLater(true);
      }}
    >
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
