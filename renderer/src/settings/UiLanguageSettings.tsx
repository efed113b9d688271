import { useId, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGE_CHOICES, uiLanguageFor } from '../../../shared/api/ui-settings';
import { uiLanguageSetting } from '../i18n/ui-language';

/**
 * The language of the app's own words: Vietnamese, English, or the system's. Applied at once and
 * stored in the library (ui-language-setting.ts). A language is offered by its own name, so someone
 * who cannot read the current UI still finds theirs.
 */
export function UiLanguageSettings() {
  const { t } = useTranslation();
  const choice = useSyncExternalStore(uiLanguageSetting.subscribe, uiLanguageSetting.choice);
  const problem = useSyncExternalStore(uiLanguageSetting.subscribe, uiLanguageSetting.problem);
  const heading = useId();
  const hint = useId();
  const system = uiLanguageFor('system', navigator.languages);
  return (
    <section className="settings-section">
      <h3 id={heading}>{t('settings.uiLanguage')}</h3>
      <p id={hint} className="muted">
        {t('settings.uiLanguageHint')}
      </p>
      {problem && (
        <div role="alert" className="error settings-alert">
          <span>{t(problem.action === 'load' ? 'settings.uiLanguageLoadFailed' : 'settings.uiLanguageSaveFailed', { message: problem.message })}</span>
          <button type="button" onClick={() => uiLanguageSetting.dismissProblem()}>
            {t('settings.dismiss')}
          </button>
        </div>
      )}
      <div role="radiogroup" aria-labelledby={heading} aria-describedby={hint} className="settings-choices">
        {UI_LANGUAGE_CHOICES.map((option) => (
          <label key={option} className="choice">
            <input type="radio" name="ui-language" value={option} checked={choice === option} onChange={() => uiLanguageSetting.set(option)} />
            {option === 'system' ? t('settings.followSystem', { language: t(`languages.inUi.${system}`) }) : <span lang={option}>{t(`languages.own.${option}`)}</span>}
          </label>
        ))}
      </div>
    </section>
  );
}
