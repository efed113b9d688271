import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DestinationsEditor } from '../newsroom/DestinationsEditor';
import { useDestinations } from '../newsroom/use-destinations';

/**
 * Settings ▸ Newsroom destinations: the profiles the Send dialog offers (receiving system,
 * format, folder, pictures, sapo, the section → IPTC subject code table). Saved at once, like
 * every setting.
 */
export function DestinationsSettings() {
  const { t } = useTranslation();
  const heading = useId();
  const { destinations, error, save } = useDestinations();
  return (
    <section className="settings-section" aria-labelledby={heading}>
      <h3 id={heading}>{t('settings.destinations')}</h3>
      <p className="muted">{t('settings.destinationsHint')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {destinations && <DestinationsEditor destinations={destinations} onSave={(next) => void save(next)} />}
    </section>
  );
}
