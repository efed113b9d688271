import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStickyBar } from '../common/sticky-bars';

export interface RestoreState {
  from: number;
  replaced: number;
  /** "Undo restore" was used: the text is back as it was. */
  undone: boolean;
}

/**
 * Shown in the open interview after a restore: which version it now holds, where the text it
 * replaced is kept, and "Undo restore", which restores that text (history/restore-version.ts).
 * Undo is an action here rather than Ctrl+Z because a restore is made in the library, not in the
 * editor: it replaces story details, participants, comments and suggestions with the text, and
 * undoing it the same way, as a new version, keeps the history true whatever was typed since.
 */
export function RestoreNotice({ state, busy, onUndo, onDismiss }: { state: RestoreState; busy: boolean; onUndo: () => void; onDismiss: () => void }) {
  const { t } = useTranslation();
  // It stays under the top bar while the story scrolls: the caret is kept clear of it too.
  const notice = useRef<HTMLDivElement>(null);
  useStickyBar(notice, 'top');
  return (
    <div ref={notice} role="status" className="restore-notice">
      <p>{state.undone ? t('history.undone', { revision: state.replaced }) : t('history.restoredNotice', { from: state.from, replaced: state.replaced })}</p>
      <div className="dialog-actions">
        {!state.undone && (
          <button type="button" onClick={onUndo} disabled={busy}>
            {t('history.undoRestore')}
          </button>
        )}
        <button type="button" onClick={onDismiss}>
          {t('history.dismiss')}
        </button>
      </div>
    </div>
  );
}
