import { useTranslation } from 'react-i18next';
import { useSpellingSettingsStore } from '../spelling/spelling-settings';
import { useSpellingSettingsProblem } from './use-spelling-settings';

/**
 * Says when the spelling settings could not be read or stored. Shown at the top of every screen
 * (a word is usually added from an interview's spelling menu) and in the Settings dialog; while
 * the dialog is open the page behind it is inert, so it is announced once.
 */
export function SpellingSettingsAlert() {
  const { t } = useTranslation();
  const store = useSpellingSettingsStore();
  const problem = useSpellingSettingsProblem();
  if (!problem) return null;
  return (
    <div role="alert" className="error settings-alert">
      <span>{t(problem.action === 'load' ? 'settings.loadFailed' : 'settings.saveFailed', { message: problem.message })}</span>
      <button type="button" onClick={() => store.dismissProblem()}>
        {t('settings.dismiss')}
      </button>
    </div>
  );
}
