import { useTranslation } from 'react-i18next';
import type { PreflightFindings } from '../../../shared/api/contract';

/**
 * What the preflight found before an export or a delivery: errors block, warnings can be
 * overridden. Messages are translated by code; the English text is the fallback.
 */
export function PreflightList({ preflight, overrideWarnings, onOverrideChange }: { preflight: PreflightFindings; overrideWarnings: boolean; onOverrideChange: (v: boolean) => void }) {
  const { t } = useTranslation();
  const text = (f: PreflightFindings['errors'][number]) => t(`preflight.${f.code}`, { ...f.params, defaultValue: f.message });
  if (preflight.errors.length === 0 && preflight.warnings.length === 0) return <p className="preflight-ok">{t('export.preflightOk')}</p>;
  return (
    <div className="preflight">
      {preflight.errors.length > 0 && (
        <div role="alert">
          <h3>{t('export.errors', { count: preflight.errors.length })}</h3>
          <ul className="findings errors">
            {preflight.errors.map((f) => (
              <li key={f.key}>{text(f)}</li>
            ))}
          </ul>
        </div>
      )}
      {preflight.warnings.length > 0 && (
        <div>
          <h3>{t('export.warnings', { count: preflight.warnings.length })}</h3>
          <ul className="findings warnings">
            {preflight.warnings.map((f) => (
              <li key={f.key}>{text(f)}</li>
            ))}
          </ul>
          {preflight.errors.length === 0 && (
            <label className="choice">
              <input type="checkbox" checked={overrideWarnings} onChange={(e) => onOverrideChange(e.target.checked)} />
              {t('export.overrideWarnings')}
            </label>
          )}
        </div>
      )}
    </div>
  );
}
