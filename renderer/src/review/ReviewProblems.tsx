/**
 * Damaged review state, shown in the review margin: a suggestion whose record
 * is missing, a record nothing uses, a suggestion that overlaps itself, a metadata change that does
 * not fit its field… Each is explained, with a "Discard" button (and "Discard all"); a discard is one
 * undo step, like accepting or rejecting. Also names what was dropped when the document was opened
 * (damage in the shape of the stored data, electron/backend/documents.ts loadDocument).
 *
 * Superdesk's users were stuck with a leftover suggestion that blocked publishing: here every problem
 * has a way out, and discarding all leaves a document with none (shared/review/problems.ts).
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../shared/model/schema';
import { findProblems } from '../../../shared/review';
import { problemKey, viewProblems, type ProblemView } from './review-problems';
import type { ReviewState } from './use-review';

interface Props {
  review: Pick<ReviewState, 'signal' | 'discardProblems'>;
  doc: () => Interview;
  /** What the backend dropped to open the document at all (LoadedDocument.repaired). */
  repaired?: readonly string[];
}

export function ReviewProblems({ review, doc, repaired = [] }: Props) {
  const { t } = useTranslation();
  const version = useSyncExternalStore(review.signal.subscribe, review.signal.get);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when doc() changed
  const views = useMemo(() => viewProblems(doc()), [doc, version]);
  if (views.length === 0 && repaired.length === 0) return null;

  // Read again at the click: the list on screen may be a render behind the document.
  const discard = (keys: readonly string[] | null) => review.discardProblems(findProblems(doc()).filter((p) => keys === null || keys.includes(problemKey(p))));

  const explain = (v: ProblemView): string => {
    const p = v.problem;
    const params = {
      kind: t(`review.kinds.${v.kind ?? 'unknown'}`),
      author: v.authorName ?? t('review.unknownAuthor'),
      field: p.type === 'badMetaValue' ? t(`meta.${p.field}`, { defaultValue: p.field }) : '',
    };
    return t(`review.problems.${p.type}`, params);
  };

  return (
    <section className="review-problems" aria-labelledby="review-problems-title">
      <h3 id="review-problems-title">{t('review.problems.title', { count: views.length })}</h3>
      {repaired.length > 0 && (
        <div className="review-repaired" role="note">
          <p>{t('review.problems.repaired', { count: repaired.length })}</p>
          <ul>
            {repaired.map((line) => (
              <li key={line}>
                <code>{line}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {views.length > 0 && (
        <>
          <p className="muted">{t('review.problems.intro')}</p>
          <ol className="review-problem-list" aria-label={t('review.problems.list')}>
            {views.map((v) => (
              <li key={v.key} className="review-problem">
                <p>{explain(v)}</p>
                {v.excerpt && <q className="review-problem-excerpt">{v.excerpt}</q>}
                <p className="muted">{t(`review.problems.outcome.${outcomeOf(v)}`)}</p>
                <button type="button" onClick={() => discard([v.key])}>
                  {t('review.problems.discard')}
                </button>
              </li>
            ))}
          </ol>
          {views.length > 1 && (
            <button type="button" onClick={() => discard(null)}>
              {t('review.problems.discardAll')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** What discarding does to the text (shared/review/problems.ts `discard`), to say before it is done. */
function outcomeOf(v: ProblemView): 'takenBack' | 'kept' | 'recordOnly' | 'dropped' {
  switch (v.problem.type) {
    case 'missingRecord':
    case 'mismatch':
    case 'overlap':
      return 'takenBack';
    case 'unknownSpeaker':
      return 'kept';
    case 'orphanRecord':
    case 'duplicateRecord':
      return 'recordOnly';
    default:
      return 'dropped';
  }
}
