/**
 * While suggestions are pending, no accepted text leaves the app: Send to newsroom is disabled up
 * front, with the reason beside it, instead of refusing after the click, and Export offers only
 * the formats that carry the suggestions as they are (the Word review copy). The reason is a
 * button that opens the review margin, where they are decided.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../shared/model/schema';
import { listPending } from '../../../shared/review';
import type { DocSignal } from './use-review';

/** How many suggestions are pending in the open document, kept current as it changes. */
export function usePendingCount(doc: () => Interview, signal: DocSignal): number {
  const version = useSyncExternalStore(signal.subscribe, signal.get);
  // The same count as the review margin's (listPending), damaged records left out. A document with
  // nothing pending has no `review` at all, so the common case costs nothing.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when doc() changed
  return useMemo(() => (doc().review ? listPending(doc()).length : 0), [doc, version]);
}

export const PENDING_REASON_ID = 'pending-gate-reason';

export function PendingReason({ count, onReview }: { count: number; onReview: () => void }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <button type="button" id={PENDING_REASON_ID} className="link pending-gate" onClick={onReview}>
      {t('review.pendingBlocks', { count })}
    </button>
  );
}
