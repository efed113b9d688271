/**
 * The bars that stay on screen while the story scrolls under them: the document's top bar, the
 * editor's dock (find bar and word count), a restore notice. Each registers here with the edge it
 * sticks to; their heights, measured as they change, are what the caret must stay clear of
 * (caret-clearance.ts) and are published as `--sticky-top` / `--sticky-bottom`, which the page's
 * `scroll-padding` reads, so the browser's own scrolling (focusing a field, `scrollIntoView`)
 * leaves them clear too.
 *
 * A registry rather than a query of the page: the caret is checked after keystrokes, and looking
 * the bars up in a 20,000-paragraph document each time would cost more than the keystroke.
 */
import { useEffect, type RefObject } from 'react';

export type BarEdge = 'top' | 'bottom';

const bars = new Map<HTMLElement, BarEdge>();
const listeners = new Set<() => void>();
let observer: ResizeObserver | null = null;

/**
 * How much of the window's top and bottom the bars cover: each bar's offset from its edge (a
 * sticky `top`/`bottom`) plus its height, the largest per edge. A hidden bar covers nothing.
 */
export function coveredEdges(): { top: number; bottom: number } {
  let top = 0;
  let bottom = 0;
  for (const [el, edge] of bars) {
    const height = el.offsetHeight;
    if (height === 0) continue;
    const style = getComputedStyle(el);
    const offset = parseFloat(edge === 'top' ? style.top : style.bottom) || 0;
    if (edge === 'top') top = Math.max(top, offset + height);
    else bottom = Math.max(bottom, offset + height);
  }
  return { top, bottom };
}

function publish(): void {
  const { top, bottom } = coveredEdges();
  const root = document.documentElement.style;
  root.setProperty('--sticky-top', `${top}px`);
  root.setProperty('--sticky-bottom', `${bottom}px`);
  for (const listener of listeners) listener();
}

/**
 * Measure the bars again now: a bar's offset changed without its size (a bar stacked under
 * another, whose `top` follows the height of the one above: bar-height-var.ts).
 */
export function remeasureStickyBars(): void {
  if (bars.size > 0) publish();
}

/** Keep `el` counted as a bar at `edge` until the returned function is called. */
export function registerStickyBar(el: HTMLElement, edge: BarEdge): () => void {
  bars.set(el, edge);
  observer ??= new ResizeObserver(publish);
  // The border box: a bar covers the text with its padding and border too (offsetHeight above),
  // and a bar growing by padding alone changes no content box.
  observer.observe(el, { box: 'border-box' });
  return () => {
    bars.delete(el);
    observer?.unobserve(el);
    if (bars.size > 0) return publish();
    observer?.disconnect();
    observer = null;
    document.documentElement.style.removeProperty('--sticky-top');
    document.documentElement.style.removeProperty('--sticky-bottom');
  };
}

/** Call `listener` whenever a bar's size changes (after the new sizes are published). */
export function onBarsResized(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The element of `ref` is a sticky bar at `edge` while mounted. */
export function useStickyBar(ref: RefObject<HTMLElement | null>, edge: BarEdge): void {
  useEffect(() => {
    const el = ref.current;
    return el ? registerStickyBar(el, edge) : undefined;
  }, [ref, edge]);
}
