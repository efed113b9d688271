/**
 * A side panel beside the story (participants, changes, comments) as the keyboard meets it:
 * opening it from a button takes the keyboard to its first field; Escape closes it (the topmost
 * thing open: a dialog over it, the find bar, a menu or a comment box take their own Escape
 * first); closing it gives the focus back where it came from, the editor's caret included.
 *
 * A panel opened while the user is typing (a click on a commented word, Ctrl+Alt+M) leaves the
 * keyboard where it is: the panel follows the text, it does not take it away.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { firstField } from './first-field';
import { rememberFocus } from './focus-return';

/** Is `el` where text is being typed (the story, a field)? */
function typingIn(el: Element | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || el.matches('input:not([type="checkbox"]):not([type="radio"]):not([type="button"]), textarea'));
}

export function useSidePanel(ref: RefObject<HTMLElement | null>, onClose: () => void): void {
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const restoreFocus = rememberFocus();
    const active = document.activeElement;
    if (!panel.contains(active) && !typingIn(active)) firstField(panel, panel.querySelector('.side-panel-header'))?.focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      // A modal dialog (its own Escape) or a menu is above the panel.
      if (event.target instanceof Element && event.target.closest('dialog, [role="menu"]')) return;
      event.preventDefault();
      close.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      // Focus goes back only from the panel (now gone): a click elsewhere keeps its own focus.
      const now = document.activeElement;
      if (!now || now === document.body || panel.contains(now)) restoreFocus();
    };
  }, [ref]);
}
