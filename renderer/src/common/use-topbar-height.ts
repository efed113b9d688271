/**
 * The document's top bar wraps onto a second row in narrower windows or longer languages; the
 * sticky side panels sit right under it. The bar's height is published as `--topbar-h` so they
 * never slide beneath it. It is also a sticky bar the caret must stay clear of (sticky-bars.ts),
 * and while it is on screen the caret is kept out from under every bar (caret-clearance.ts).
 */
import { useEffect, type RefObject } from 'react';
import { keepCaretClear } from './caret-clearance';
import { onBarsResized, useStickyBar } from './sticky-bars';

export function useTopbarHeight(ref: RefObject<HTMLElement | null>): void {
  useStickyBar(ref, 'top');
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--topbar-h', `${el.offsetHeight}px`));
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--topbar-h');
    };
  }, [ref]);
  useCaretKeptClear();
}

/** Keys that only modify others: releasing one moves nothing. */
const MODIFIERS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

/**
 * What moves the caret or the bars without Slate scrolling to it — a decision at the caret, text
 * above it accepted away, a bar that grows — is followed by a check, once a frame at most, that
 * the caret is not under a bar (keepCaretClear moves only a caret that is on screen).
 */
function useCaretKeptClear(): void {
  useEffect(() => {
    let frame = 0;
    const check = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        keepCaretClear();
      });
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (!MODIFIERS.has(event.key)) check();
    };
    const stopResize = onBarsResized(check);
    document.addEventListener('selectionchange', check);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      cancelAnimationFrame(frame);
      stopResize();
      document.removeEventListener('selectionchange', check);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, []);
}
