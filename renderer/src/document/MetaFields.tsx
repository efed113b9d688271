import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meta } from '../../../shared/model/schema';

type TextField = 'section' | 'headline' | 'location' | 'sapo' | 'byline';

interface Props {
  meta: Meta;
  onChange: (field: TextField, value: string) => void;
}

/** The story's metadata, laid out as the agency prints it: section, headline, location, sapo. */
export const MetaFields = memo(function MetaFields({ meta, onChange }: Props) {
  const { t } = useTranslation();
  const field = (name: TextField, className = '') => (
    <label className={`field ${className}`}>
      <span className="field-label">{t(`meta.${name}`)}</span>
      <input type="text" value={meta[name]} onChange={(e) => onChange(name, e.target.value)} spellCheck lang={meta.language} />
    </label>
  );
  return (
    <section className="meta" lang={meta.language}>
      <div className="meta-row">
        {field('section')}
        {field('location')}
      </div>
      <label className="field headline">
        <span className="field-label">{t('meta.headline')}</span>
        <textarea
          rows={2}
          value={meta.headline}
          placeholder={t('meta.headlinePlaceholder')}
          onChange={(e) => onChange('headline', e.target.value.replace(/\n/g, ' '))}
          spellCheck
        />
      </label>
      <label className="field sapo">
        <span className="field-label">{t('meta.sapo')}</span>
        <textarea rows={3} value={meta.sapo} placeholder={t('meta.sapoPlaceholder')} onChange={(e) => onChange('sapo', e.target.value.replace(/\n/g, ' '))} spellCheck />
      </label>
      {field('byline', 'byline')}
    </section>
  );
});
