/**
 * Where a found match should come into sight: in the middle of the band the sticky bars leave
 * visible (the top bar above, the dock with the find bar below), as measured now. A fixed guess at
 * the top bar's height hid matches under it on a laptop screen, where its buttons wrap to a second
 * line. A match that is already wholly in the band is left where it is, so Next through matches on
 * one screen does not make the page jump.
 */
import type { VerticalSpan } from '../common/caret-clearance';

/**
 * How far to scroll the window (positive: down) to show `match` between `covered.top` and
 * `viewHeight - covered.bottom`: zero when it is already there, else the distance that centres it
 * in that band. A match taller than the band keeps its top in sight: that is where reading starts.
 */
export function scrollToShow(match: VerticalSpan, covered: VerticalSpan, viewHeight: number): number {
  const clearTop = covered.top;
  const clearBottom = viewHeight - covered.bottom;
  if (match.top >= clearTop && match.bottom <= clearBottom) return 0;
  const band = clearBottom - clearTop;
  const height = match.bottom - match.top;
  if (height >= band) return match.top - clearTop;
  return match.top + height / 2 - (clearTop + band / 2);
}
