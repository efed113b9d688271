/**
 * Where the caret may be on screen: between the bars that stay put while the story scrolls (the
 * top bar above, the find bar and word count below), with a little room, never under one.
 *
 * The window is the scroller. A browser reveals the caret at the very edge of the window and
 * Slate's own scroll does the same, so on a short laptop screen the line being typed ended up
 * under the word-count footer. Here the scroll is taken from the bars as they are measured now
 * (sticky-bars.ts), so a bar that grows (the find bar opening, the top bar wrapping) counts too.
 */
import { Range as SlateRange, type Editor } from 'slate';
import { coveredEdges } from './sticky-bars';

/** Room kept between the caret line and a bar: the line is read with a little air around it. */
export const CARET_ROOM = 8;

export interface VerticalSpan {
  top: number;
  bottom: number;
}

/**
 * How far to scroll the window (positive: down) so `caret` sits between `covered.top` and
 * `viewHeight - covered.bottom`, `room` away from each. Zero when it already does. When the
 * space between the bars is smaller than the line, the line's top is kept in sight: that is where
 * reading starts.
 */
export function scrollToClear(caret: VerticalSpan, covered: VerticalSpan, viewHeight: number, room = CARET_ROOM): number {
  const clearTop = covered.top + room;
  const clearBottom = viewHeight - covered.bottom - room;
  let dy = 0;
  if (caret.bottom > clearBottom) dy = caret.bottom - clearBottom;
  if (caret.top - dy < clearTop) dy = caret.top - clearTop;
  return dy;
}

/**
 * The caret's box on screen. A collapsed range at an empty line can measure as nothing at all
 * (0×0 at 0,0); the line's element then stands in for it.
 */
export function caretBox(range: globalThis.Range): VerticalSpan | null {
  const rect = range.getBoundingClientRect();
  if (rect.width > 0 || rect.height > 0 || rect.top !== 0 || rect.left !== 0) return rect;
  const node = range.startContainer;
  const element = node instanceof Element ? node : node.parentElement;
  const line = element?.getClientRects()[0];
  return line ? { top: line.top, bottom: line.bottom } : null;
}

const viewHeight = () => document.documentElement.clientHeight;

/** Scroll the window so the box is clear of the bars; returns how far it scrolled. */
export function revealClear(box: VerticalSpan): number {
  const dy = scrollToClear(box, coveredEdges(), viewHeight());
  if (dy !== 0) window.scrollBy({ top: dy, behavior: 'instant' });
  return dy;
}

/** The focus end of the DOM selection (where the caret blinks), collapsed; null without one. */
function selectionFocus(): globalThis.Range | null {
  const selection = getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.focusNode) return null;
  const range = document.createRange();
  range.setStart(selection.focusNode, selection.focusOffset);
  return range;
}

/**
 * After something moved the caret or the bars without scrolling (a decision at the caret, undo, a
 * bar growing): bring the caret out from under a bar. Only a caret already on screen is moved, so
 * a user who scrolled away to read is never pulled back.
 */
export function keepCaretClear(): void {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !active.isContentEditable) return;
  const focus = selectionFocus();
  if (!focus || !active.contains(focus.startContainer)) return;
  const box = caretBox(focus);
  if (!box || box.bottom <= 0 || box.top >= viewHeight()) return;
  revealClear(box);
}

/**
 * Slate's `scrollSelectionIntoView` (typing, Enter, a new turn, undo, a found match selected):
 * the focus end of the selection, clear of the bars, as Slate's default scrolls it into the window.
 */
export function scrollSelectionClear(editor: Pick<Editor, 'selection'>, domRange: globalThis.Range): void {
  const focus = domRange.cloneRange();
  focus.collapse(editor.selection ? SlateRange.isBackward(editor.selection) : false);
  const box = caretBox(focus);
  if (box) revealClear(box);
}
