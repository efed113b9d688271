import { useTranslation } from 'react-i18next';
import type { Repair } from '../../../shared/model/repair';
import { repairLines } from './repair-text';

/**
 * Shown when an interview opened only after being adjusted (a stored paragraph over the limit, a
 * missing speaker…; shared/model/repair.ts): calmly, what was changed, and where the interview as
 * it was stored is kept (`from`, the revision before the repair), with History at hand.
 */
export function RepairNotice({ repairs, from, onHistory, onDismiss }: { repairs: readonly Repair[]; from: number | undefined; onHistory: () => void; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="restore-notice document-notice" aria-label={t('repair.title')} data-testid="repair-notice">
      <div>
        <p>
          <strong>{t('repair.title')}</strong> {t('repair.intro')}
        </p>
        <ul>
          {repairLines(t, repairs, i18n.language).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
        <p>{from ? t('repair.kept', { revision: from }) : t('repair.notStored')}</p>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onHistory}>
          {t('repair.history')}
        </button>
        <button type="button" onClick={onDismiss}>
          {t('repair.dismiss')}
        </button>
      </div>
    </section>
  );
}
