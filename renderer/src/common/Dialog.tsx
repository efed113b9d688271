import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { firstField } from './first-field';
import { rememberFocus } from './focus-return';

/**
 * A modal dialog on the native <dialog> element: focus is trapped and Escape closes it, and
 * focus returns to what was focused before it opened, the editor's caret included (focus-return.ts).
 *
 * Opening puts the keyboard in its first field (first-field.ts; `data-autofocus` picks another).
 * React's `autoFocus` cannot do it here: it runs while the dialog is still closed (not laid out,
 * so nothing in it can take focus), and `showModal` then gives the focus to the first focusable
 * element, the header's × button.
 */
export function Dialog({ title, onClose, children, className = '' }: { title: string; onClose: () => void; children: ReactNode; className?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const header = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = ref.current;
    const restoreFocus = rememberFocus();
    if (el && !el.open) {
      el.showModal();
      firstField(el, header.current)?.focus();
    }
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
      <header className="dialog-header" ref={header}>
        <h2>{title}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label={t('dialog.close')} title={t('dialog.close')}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
