import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareVersions, type FieldDiff, type PendingChange, type Place, type VersionDiff } from '../../../shared/history/compare';
import { api } from '../api';

/**
 * What changed between two versions of an interview (shared/history/compare.ts): the story details
 * field by field and the participants one by one, then the text turn by turn, as each version
 * reads with its suggestions accepted — words no longer there struck, new words underlined, each
 * once — and then the pending suggestions with their authors, drawn as the editor draws
 * suggestions, so that a word missing from the later version is never mistaken for one a
 * reviewer struck.
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

  const fieldName = (m: FieldDiff) => (m.field === 'participant' ? t('history.participant', { name: m.participant ?? '' }) : t(`meta.${m.field}`, { defaultValue: m.field }));
  const placeName = (p: Place) => (p.kind === 'meta' ? t(`meta.${p.field}`, { defaultValue: p.field }) : p.kind === 'turn' ? p.label : t(`history.${p.kind}`));
  const statusOf = (p: PendingChange) => (p.status === 'new' ? t('history.pendingNew', { revision: from }) : p.status === 'open' ? t('history.pendingOpen') : t('history.pendingDecided', { revision: from }));
  const removedTitle = t('history.notIn', { revision: to });
  const addedTitle = t('history.newIn', { revision: to });
  const textChanged = diff?.blocks.some((b) => b.op !== 'same') ?? false;

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
            {diff.meta.map((m, i) => (
              <div key={`${m.field}-${i}`}>
                <dt>{fieldName(m)}</dt>
                <dd>
                  <del title={removedTitle}>{m.from || t('history.empty')}</del> → <ins title={addedTitle}>{m.to || t('history.empty')}</ins>
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {diff && textChanged && (
        <>
          <h4>{t('history.text')}</h4>
          <p className="compare-note">
            {t('history.legend', { revision: to })}
            {diff.pending.length > 0 && ` ${t('history.asRead')}`}
          </p>
          <ol className="compare-blocks">
            {diff.blocks
              .filter((b) => b.op !== 'same')
              .map((b, i) => (
                <li key={i} className={`compare-block compare-${b.op}`}>
                  <span className="compare-label">
                    {b.kind === 'turn' ? b.label : t(`history.${b.kind}`)} · {t(`history.${b.op}`)}
                    {b.imageChanged && ` · ${t('history.imageChanged')}`}
                  </span>
                  <p>
                    {b.segments.map((s, k) =>
                      s.op === 'added' ? (
                        <ins key={k} title={addedTitle}>
                          {s.text}
                        </ins>
                      ) : s.op === 'removed' ? (
                        <del key={k} title={removedTitle}>
                          {s.text}
                        </del>
                      ) : (
                        <span key={k}>{s.text}</span>
                      ),
                    )}
                  </p>
                </li>
              ))}
          </ol>
        </>
      )}
      {diff && diff.pending.length > 0 && (
        <>
          <h4>{t('history.suggestions')}</h4>
          <ol className="compare-suggestions">
            {diff.pending.map((p) => (
              <li key={`${p.status}-${p.id}`} className={`compare-suggestion compare-suggestion-${p.status}`}>
                <span className="compare-label">
                  {p.author || t('history.unknownAuthor')} · {placeName(p.place)} · {statusOf(p)}
                </span>
                <p>
                  {p.removed && <del className="suggestion">{p.removed}</del>}
                  {p.removed && p.added && ' → '}
                  {p.added && <ins className="suggestion">{p.added}</ins>}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
