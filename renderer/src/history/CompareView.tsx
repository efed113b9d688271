import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareVersions, type VersionDiff } from '../../../shared/history/compare';
import { api } from '../api';

/**
 * What changed between two versions of an interview: the story details field by field, then the
 * text turn by turn with removed words struck through and added words underlined.
 */
export function CompareView({ id, from, to }: { id: string; from: number; to: number }) {
  const { t } = useTranslation();
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([api.history.get({ id, revision: from }), api.history.get({ id, revision: to })]).then(([a, b]) => {
      if (!live) return;
      if (!a.ok) return setError(a.error.message);
      if (!b.ok) return setError(b.error.message);
      setError(null);
      setDiff(compareVersions(a.value.doc, b.value.doc));
    });
    return () => {
      live = false;
    };
  }, [id, from, to]);

  const fieldName = (field: string) => (field === 'participants' ? t('history.participants') : t(`meta.${field}`, { defaultValue: field }));

  return (
    <section className="compare" aria-label={t('history.compareTitle', { from, to })}>
      <h3>{t('history.compareTitle', { from, to })}</h3>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {diff && !diff.changed && <p className="empty">{t('history.noChanges')}</p>}
      {diff && diff.meta.length > 0 && (
        <>
          <h4>{t('history.details')}</h4>
          <dl className="compare-meta">
            {diff.meta.map((m) => (
              <div key={m.field}>
                <dt>{fieldName(m.field)}</dt>
                <dd>
                  <del>{m.from || t('history.empty')}</del> → <ins>{m.to || t('history.empty')}</ins>
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {diff && diff.blocks.some((b) => b.op !== 'same') && (
        <>
          <h4>{t('history.text')}</h4>
          <ol className="compare-blocks">
            {diff.blocks
              .filter((b) => b.op !== 'same')
              .map((b, i) => (
                <li key={i} className={`compare-block compare-${b.op}`}>
                  <span className="compare-label">
                    {b.kind === 'turn' ? b.label : t(`history.${b.kind}`)} · {t(`history.${b.op}`)}
                  </span>
                  <p>
                    {b.segments.map((s, k) => (s.op === 'added' ? <ins key={k}>{s.text}</ins> : s.op === 'removed' ? <del key={k}>{s.text}</del> : <span key={k}>{s.text}</span>))}
                  </p>
                </li>
              ))}
          </ol>
        </>
      )}
    </section>
  );
}
