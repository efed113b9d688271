/**
 * Publish an element's height as a CSS custom property on the page, so a sticky bar stacked under
 * it (the editor's toolbar under the review bar) sits just below it whatever its height (a second
 * row of buttons in a narrow window, a longer language).
 */
import { useEffect, type RefObject } from 'react';
import { remeasureStickyBars } from './sticky-bars';

export function useBarHeightVar(ref: RefObject<HTMLElement | null>, name: `--${string}`): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const root = document.documentElement.style;
    // The bars under it move with it: what they cover is measured again once they have, a frame
    // later, when every bar's size and offset of this change are known (the top bar's among them).
    let frame = 0;
    const observer = new ResizeObserver(() => {
      root.setProperty(name, `${el.offsetHeight}px`);
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(remeasureStickyBars);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      root.removeProperty(name);
      remeasureStickyBars();
    };
  }, [ref, name]);
}
