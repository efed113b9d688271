/**
 * The document's top bar wraps onto a second row in narrower windows or longer languages; the
 * sticky side panels sit right under it. The bar's height is published as `--topbar-h` so they
 * never slide beneath it.
 */
import { useEffect, type RefObject } from 'react';

export function useTopbarHeight(ref: RefObject<HTMLElement | null>): void {
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
}
