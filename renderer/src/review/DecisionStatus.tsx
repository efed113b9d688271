/**
 * The status after a decision on suggestions ("Accepted 1 deletion", "Nothing to accept at the
 * caret"): a polite live region, so a screen reader says it without taking the focus, and nothing is
 * accepted or rejected without a word. The region is always in the page (a region that appears
 * with its text is often not announced); each note is a new child, so the same words said twice are
 * announced twice. It is a plain live region rather than a second `role="status"`: the top bar's save
 * indicator is the page's status, and a reader asked for the status should find that one.
 */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionNotes } from './decision-notes';
import { decisionText } from './decision-text';

export function DecisionStatus({ notes }: { notes: DecisionNotes }) {
  const { t } = useTranslation();
  const note = useSyncExternalStore(notes.subscribe, notes.get);
  return (
    <div className="review-status" aria-live="polite" aria-atomic="true">
      {note && <span key={note.seq}>{decisionText(t, note)}</span>}
    </div>
  );
}
