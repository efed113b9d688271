/**
 * Cards beside their words: where the window is wide enough for the margin to stand next to the
 * story (ALIGN_QUERY), each card of the list is moved to the height of the text it is about, pushed
 * down only as far as the card above requires (place-cards.ts), and never above the list's top (a
 * card is never hidden under the margin's controls). Narrower, the list simply flows.
 *
 * Positions are written to the cards' styles, not to React state: the text scrolls and the caret
 * moves far more often than the list changes, and a re-render of every card each frame would cost
 * the typing. Measured once a frame at most, after the editor changes, the window scrolls or
 * resizes, or a card changes height (a reply box opening).
 */
import { useEffect, useState, type RefObject } from 'react';
import { placeCards } from './place-cards';

/** A wide window: the story's column and a margin of cards side by side. */
export const ALIGN_QUERY = '(min-width: 1600px)';
const GAP = 8;

export function useWideWindow(): boolean {
  const [wide, setWide] = useState(() => window.matchMedia(ALIGN_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(ALIGN_QUERY);
    const update = () => setWide(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return wide;
}

/**
 * `anchorTop(key)`: the viewport top of the text the card `key` (its `data-card`) is about, or null
 * when it is not on screen in the story (a hidden view): such a card follows the one above it.
 * `subscribe`: what else should re-measure (the editor's changes).
 */
export function useCardAlignment(
  listRef: RefObject<HTMLElement | null>,
  enabled: boolean,
  anchorTop: (key: string) => number | null,
  subscribe: (measure: () => void) => () => void,
): void {
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const cards = () => [...list.querySelectorAll<HTMLElement>(':scope > [data-card]')];
    if (!enabled) {
      list.classList.remove('aligned');
      list.style.height = '';
      for (const card of cards()) card.style.top = '';
      return;
    }
    let frame = 0;
    const measure = () => {
      frame = 0;
      const all = cards();
      const origin = list.getBoundingClientRect().top;
      const anchors: number[] = [];
      for (const card of all) {
        const top = anchorTop(card.dataset.card!);
        // Without a place on screen, right under the card above (placeCards pushes it there). Words
        // scrolled above the list (or level with the margin's own controls) keep their cards at its
        // top, in order, rather than out of sight.
        anchors.push(Math.max(0, top === null ? (anchors.at(-1) ?? 0) : top - origin));
      }
      const heights = all.map((card) => card.offsetHeight);
      const tops = placeCards(anchors, heights, GAP);
      all.forEach((card, i) => {
        card.style.top = `${tops[i]}px`;
      });
      const bottom = all.length > 0 ? tops.at(-1)! + heights.at(-1)! : 0;
      list.style.height = `${Math.max(0, bottom)}px`;
    };
    const schedule = () => {
      if (frame === 0) frame = window.requestAnimationFrame(measure);
    };
    list.classList.add('aligned');
    measure();
    const resize = new ResizeObserver(schedule);
    for (const card of cards()) resize.observe(card);
    const added = new MutationObserver(() => {
      for (const card of cards()) resize.observe(card);
      schedule();
    });
    added.observe(list, { childList: true });
    // Any scroller: the story's window, the margin itself.
    window.addEventListener('scroll', schedule, true);
    window.addEventListener('resize', schedule);
    const unsubscribe = subscribe(schedule);
    return () => {
      if (frame !== 0) window.cancelAnimationFrame(frame);
      resize.disconnect();
      added.disconnect();
      window.removeEventListener('scroll', schedule, true);
      window.removeEventListener('resize', schedule);
      unsubscribe();
    };
  }, [listRef, enabled, anchorTop, subscribe]);
}
