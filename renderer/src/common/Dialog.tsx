import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberFocus } from './focus-return';

/**
 * A modal dialog on the native <dialog> element: focus is trapped and Escape closes it, and
 * focus returns to what was focused before it opened, the editor's caret included (focus-return.ts).
 */
export function Dialog({ title, onClose, children, className = '' }: { title: string; onClose: () => void; children: ReactNode; className?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    const restoreFocus = rememberFocus();
    if (el && !el.open) el.showModal();
    return () => {
      el?.close();
      restoreFocus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog ${className}`}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2>{title}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label={t('dialog.close')} title={t('dialog.close')}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
