import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { HOUSE_STYLES } from '../../../shared/vietnamese/tone-placement';
import { Dialog } from '../common/Dialog';
import { DestinationsSettings } from './DestinationsSettings';
import { PersonalDictionary } from './PersonalDictionary';
import { SpellingSettingsAlert } from './SpellingSettingsAlert';
import { UiLanguageSettings } from './UiLanguageSettings';
import { useSpellingSettings } from './use-spelling-settings';

/**
 * The library's settings: the language of the app, the house style of tone marks, the personal
 * dictionary and the newsroom destinations. Every change is stored at once (there is no Save button to forget); open
 * interviews follow it immediately.
 */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [settings, store] = useSpellingSettings();
  const styleLabel = useId();
  const styleHint = useId();
  return (
    <Dialog title={t('settings.title')} onClose={onClose} className="settings-dialog">
      <SpellingSettingsAlert />
      <UiLanguageSettings />
      <section className="settings-section">
        <h3 id={styleLabel}>{t('settings.houseStyle')}</h3>
        <p id={styleHint} className="muted">
          {t('settings.houseStyleHint')}
        </p>
        <div role="radiogroup" aria-labelledby={styleLabel} aria-describedby={styleHint} className="settings-choices">
          {HOUSE_STYLES.map((style) => (
            <label key={style} className="choice">
              <input type="radio" name="house-style" value={style} checked={settings.houseStyle === style} onChange={() => store.setHouseStyle(style)} />
              {t(`settings.${style}`)}
            </label>
          ))}
        </div>
      </section>
      <PersonalDictionary words={settings.personalDictionary} store={store} />
      <DestinationsSettings />
    </Dialog>
  );
}
