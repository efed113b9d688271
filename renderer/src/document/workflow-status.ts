/**
 * The workflow status follows the work instead of waiting to be set by hand: saving a story for
 * review puts it In review, a delivery to the newsroom that succeeded makes it Sent. Sending a
 * story nobody has approved (a draft, one still in review) is allowed, after a question.
 */
import type { Status } from '../../../shared/model/schema';

export type WorkflowEvent = 'savedForReview' | 'sent';

/** The status after `event`. Saving a sent or approved story for review again reopens its review. */
export function statusAfter(status: Status, event: WorkflowEvent): Status {
  void status; // every status goes the same way today; the signature keeps the rule in one place
  return event === 'sent' ? 'sent' : 'in_review';
}

/** The status that makes "Send to newsroom" ask first, or null when it may go at once. */
export function sendNeedsConfirmation(status: Status): 'draft' | 'in_review' | null {
  return status === 'draft' || status === 'in_review' ? status : null;
}
