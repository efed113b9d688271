/**
 * Where focus goes back when a dialog closes: the element that had it, and — for text the user
 * was typing in — the caret as it was.
 *
 * Focusing a contenteditable puts the caret at its start unless the selection is put back. The
 * editor (Slate) reads DOM selection changes late (throttled) and would take that start as the
 * caret, so the next key typed after closing the dialog would land at the start of the paragraph.
 * The range is saved when the dialog opens and restored right after focusing, before any
 * selection change is read. (Inputs and textareas keep their own selection across focus.)
 */
export function rememberFocus(): () => void {
  const element = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const selection = getSelection();
  const range = element?.isContentEditable && selection && selection.rangeCount > 0 && element.contains(selection.anchorNode) ? selection.getRangeAt(0).cloneRange() : null;
  return () => {
    if (!element?.isConnected) return;
    element.focus({ preventScroll: true });
    // A range whose text was replaced meanwhile is collapsed by the browser, not thrown: still inside.
    if (range && element.contains(range.startContainer) && element.contains(range.endContainer)) {
      const now = getSelection();
      now?.removeAllRanges();
      now?.addRange(range);
    }
  };
}
