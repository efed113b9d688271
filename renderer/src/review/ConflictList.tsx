/**
 * The conflicts a merged review file left (shared/merge/): where the reporter and whoever returned
 * the file changed the same thing. Shown at the top of the review margin, each with what the place
 * held in the version that was sent, and its way out: the returned version waits as suggestions
 * (take theirs = accept them, keep mine = reject them; deciding them settles the conflict), or, for
 * a value no suggestion can carry (a participant's name), theirs is shown and "Keep mine" lets it go.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { openConflicts } from '../../../shared/merge';
import type { Interview, MergeConflict } from '../../../shared/model/schema';
import { usedIds } from '../../../shared/review/usages';
import type { ReviewState } from './use-review';

interface Props {
  doc: () => Interview;
  review: Pick<ReviewState, 'signal' | 'decide'>;
  /** Bring a suggestion into view (the review margin's own way of showing one). */
  show: (suggestionId: string) => void;
  /** Let a conflict without suggestions go, keeping this copy's value. */
  onDismiss?: (id: string) => void;
}

function read(d: Interview) {
  return { conflicts: openConflicts(d), used: usedIds(d), labels: new Map(d.participants.map((p) => [p.id, p.label])) };
}

const META_FIELDS = new Set(['section', 'headline', 'subheadline', 'location', 'sapo', 'byline', 'source', 'slug', 'editorialNote', 'keywords', 'urgency', 'embargo']);

export function ConflictList({ doc, review, show, onDismiss }: Props) {
  const { t, i18n } = useTranslation();
  const version = useSyncExternalStore(review.signal.subscribe, review.signal.get);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when doc() changed
  const { conflicts, used, labels } = useMemo(() => read(doc()), [doc, version]);
  if (conflicts.length === 0) return null;

  const what = (c: MergeConflict): string => {
    if (!c.field) return '';
    if (META_FIELDS.has(c.field)) return t(`meta.${c.field}`, { defaultValue: c.field });
    return t(`review.conflicts.fields.${c.field}`, { name: (c.participantId && labels.get(c.participantId)) || c.participantId || '' });
  };
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  return (
    <section className="merge-conflicts" aria-labelledby="merge-conflicts-title">
      <h3 id="merge-conflicts-title">{t('review.conflicts.title', { count: conflicts.length })}</h3>
      <p className="muted">{t('review.conflicts.intro')}</p>
      <ol className="merge-conflict-list">
        {conflicts.map((c) => {
          const pending = c.suggestions.filter((id) => used.has(id));
          return (
            <li key={c.id} className="merge-conflict" data-conflict={c.kind}>
              <p className="merge-conflict-title">{t(`review.conflicts.kinds.${c.kind}`, { what: what(c) })}</p>
              <p className="muted">{t('review.conflicts.from', { name: c.authorName, when: when(c.at) })}</p>
              {c.base ? <p className="merge-conflict-base">{t('review.conflicts.sent', { text: c.base })}</p> : c.kind === 'text' && <p className="merge-conflict-base">{t('review.conflicts.sentEmpty')}</p>}
              {c.theirs !== undefined && <p className="merge-conflict-theirs">{t('review.conflicts.theirs', { text: c.theirs })}</p>}
              {pending.length > 0 && <p className="muted">{t('review.conflicts.decide')}</p>}
              <div className="change-decide">
                {pending.length > 0 ? (
                  <>
                    <button type="button" onClick={() => show(pending[0]!)}>
                      {t('review.conflicts.show')}
                    </button>
                    <button type="button" onClick={() => review.decide('accept', pending)}>
                      {t('review.conflicts.acceptTheirs')}
                    </button>
                    <button type="button" onClick={() => review.decide('reject', pending)}>
                      {t('review.conflicts.keepMine')}
                    </button>
                  </>
                ) : (
                  onDismiss && (
                    <button type="button" onClick={() => onDismiss(c.id)}>
                      {t('review.conflicts.dismiss')}
                    </button>
                  )
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
