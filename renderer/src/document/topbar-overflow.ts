/**
 * The document's top bar stays one row: on a narrow or a 1366-pixel laptop screen, and in the
 * longer Vietnamese labels, the buttons that do not fit leave the bar for its "More" menu
 * (TopbarMore.tsx) instead of wrapping onto a second row that would take the text's height.
 *
 * The bar's own buttons are the candidates. The ones used least while writing leave first: a button
 * says how late it leaves with `data-overflow-rank` (higher stays longer; History and Send go before
 * Changes and Save for review), and among equals the rightmost leaves first. The Back button, the
 * reason why Export is disabled and the More button itself always stay. A button that leaves is only hidden
 * (`data-overflowed`), never unmounted: its state, and a dialog or notice it shows beside itself,
 * stay as they were, and the menu's item clicks the hidden button.
 */

export const OVERFLOWED = 'data-overflowed';

export const OVERFLOW_RANK = 'data-overflow-rank';

const rankOf = (b: HTMLElement): number => Number(b.getAttribute(OVERFLOW_RANK) ?? 0) || 0;

/** The bar's buttons that may leave it, in the order they leave (lowest rank first, then the rightmost). */
export function overflowCandidates(bar: HTMLElement, more: HTMLElement): HTMLButtonElement[] {
  const buttons = [...bar.children].filter((el): el is HTMLButtonElement => el instanceof HTMLButtonElement);
  const leaving = buttons.filter((b, i) => i > 0 && !more.contains(b) && !b.classList.contains('pending-gate') && !b.hasAttribute('data-topbar-keep')).reverse();
  // A stable sort: equal ranks keep the rightmost-first order.
  return leaving.sort((a, b) => rankOf(a) - rankOf(b));
}

/**
 * Does the bar hold everything on one row, inside its edges? The title shrinks first, to nothing
 * if need be: the headline is on screen just under the bar (the story details' summary line), and
 * a button moved into the menu costs a click.
 */
function fits(bar: HTMLElement): boolean {
  const edge = bar.getBoundingClientRect().right - parseFloat(getComputedStyle(bar).paddingRight);
  for (const el of bar.children) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > edge + 1) return false;
  }
  return true;
}

/**
 * Hide as few buttons as needed for the bar to fit on one row; returns the hidden ones in the
 * bar's order (the menu lists them so). `more` is the menu's element, shown only when needed.
 * Reads layout once per button tried.
 */
export function fitTopbar(bar: HTMLElement, more: HTMLElement): HTMLButtonElement[] {
  const candidates = overflowCandidates(bar, more);
  for (const b of candidates) b.removeAttribute(OVERFLOWED);
  more.hidden = true;
  if (fits(bar)) return [];
  more.hidden = false;
  const hidden: HTMLButtonElement[] = [];
  for (const b of candidates) {
    b.setAttribute(OVERFLOWED, '');
    hidden.push(b);
    if (fits(bar)) break;
  }
  // The menu lists them as the bar did.
  return hidden.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}
