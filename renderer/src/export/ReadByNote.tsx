import { useTranslation } from 'react-i18next';
import { FORMATS, type FormatId } from '../../../shared/export/formats';

/**
 * Which receiving systems ingest a format whole (the export registry's `readBy`), under the
 * format's name: schema-valid is not ingested, and the namespaced NITF or IPTC ninjs look as
 * fit for Superdesk as the formats it actually reads.
 */
export function ReadByNote({ id, format }: { id: string; format: FormatId }) {
  const { t } = useTranslation();
  const { readBy } = FORMATS[format];
  if (readBy.length === 0) {
    return (
      <p id={id} className="muted">
        {t('export.forPeople')}
      </p>
    );
  }
  const receivers = readBy.map((r) => t(`export.receivers.${r}`)).join(t('export.listSeparator'));
  return (
    <p id={id} className="muted">
      {t('export.readBy', { receivers })}
      {!readBy.includes('superdesk') && ` ${t('export.notSuperdesk')}`}
    </p>
  );
}
