import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/api/contract';
import { api } from '../api';
import { Dialog } from '../common/Dialog';

type Trashed = OutputOf<'trash.list'>['items'][number];

/** The interviews in the trash, each with "Restore" and "Delete forever" (after a confirmation). */
export function TrashView({ onError }: { onError: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<Trashed[] | null>(null);
  const [confirming, setConfirming] = useState<Trashed | null>(null);

  const [version, setVersion] = useState(0); // bumped to read the trash again after a change
  const load = () => setVersion((v) => v + 1);
  useEffect(() => {
    let live = true;
    void api.trash.list({}).then((result) => {
      if (!live) return;
      if (result.ok) setItems(result.value.items);
      else onError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [onError, version]);

  async function restore(id: string) {
    const result = await api.trash.restore({ id });
    if (!result.ok) onError(result.error.message);
    load();
  }

  async function deleteForever(id: string) {
    setConfirming(null);
    const result = await api.trash.deleteForever({ id });
    if (!result.ok) onError(result.error.message);
    load();
  }

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-label={t('trash.title')}>
      <h2>{t('trash.title')}</h2>
      {items && items.length === 0 && <p className="empty">{t('trash.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="doc-list">
          {items.map((item) => (
            <li key={item.id} className="doc-row">
              <span className="doc-link">
                <span className={item.headline ? 'doc-headline' : 'doc-headline untitled'}>{item.headline || t('library.untitled')}</span>
                <span className="doc-meta">
                  {item.section && <span>{item.section}</span>}
                  <span>{item.participants.join(' · ')}</span>
                  <span>{t('trash.deletedAt', { when: when.format(new Date(item.deletedAt)) })}</span>
                </span>
              </span>
              <span className="doc-actions">
                <button type="button" onClick={() => void restore(item.id)}>
                  {t('trash.restore')}
                </button>
                <button type="button" className="danger" onClick={() => setConfirming(item)}>
                  {t('trash.deleteForever')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <Dialog title={t('trash.confirmTitle')} onClose={() => setConfirming(null)}>
          <p>{t('trash.confirmText', { headline: confirming.headline || t('library.untitled') })}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirming(null)}>
              {t('trash.cancel')}
            </button>
            <button type="button" className="danger" onClick={() => void deleteForever(confirming.id)}>
              {t('trash.deleteForever')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
