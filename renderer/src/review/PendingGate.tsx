/**
 * While suggestions are pending, no accepted text leaves the app: Send to newsroom is disabled up
 * front, with the reason beside it, instead of refusing after the click, and Export offers only
 * the formats that carry the suggestions as they are (the Word review copy). The reason is a
 * button that opens the review margin, where they are decided.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../shared/model/schema';
import { pendingCountOf } from './block-ids';
import type { DocSignal } from './use-review';

/**
 * How many suggestions are pending in the open document, kept current as it changes. The hook's
 * value is the count itself, so the screen using it renders again only when the count changes,
 * not on every keystroke; the count is read once per document change.
 */
export function usePendingCount(doc: () => Interview, signal: DocSignal): number {
  const getCount = useMemo(
    () =>
      signal.derive(() => {
        // A document with nothing pending has no `review` at all, so the common case costs nothing.
        const d = doc();
        return d.review ? pendingCountOf(d) : 0;
      }),
    [doc, signal],
  );
  return useSyncExternalStore(signal.subscribe, getCount);
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
