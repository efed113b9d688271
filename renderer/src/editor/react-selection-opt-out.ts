/**
 * Keeps react-dom from measuring the caret in the whole interview on every commit.
 *
 * Before each commit, when the focused element's `contentEditable` property is "true", react-dom
 * records the selection as character offsets from the element's start, walking every DOM node
 * of the element and reading every text node's length (`commitBeforeMutationEffects` →
 * `getModernOffsetsFromPoints`), so that it can put the selection back if the commit moved focus
 * away. Any commit does it, even one that only changes the save status in the top bar. In the
 * interview editor that walk was the largest JavaScript cost of a keystroke: ~6 ms at 2,000
 * paragraphs and 55–90 ms at 20,000 (BENCHMARKS.md).
 *
 * The copy is never needed for the Slate editor: Slate owns the editor's selection and puts the
 * DOM selection back from `editor.selection` after every render (its layout effect). So the
 * editor root gets an own `contentEditable` property that never reads "true": react-dom then
 * treats it as an element without a text selection of its own (it still gives focus back if a
 * commit took it away, only without offsets). The attribute is untouched, and with it what the
 * browser, `isContentEditable`, CSS and assistive technology see; setting the property still
 * sets the real one. Nothing else in the renderer or Slate reads the property (they use
 * `isContentEditable`).
 */

const NATIVE = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'contentEditable');

/** What the property reads instead of "true" (an editing host whose editability is its attribute's business). */
const REPORTED_FOR_TRUE = 'inherit';

function optOut(element: HTMLElement): void {
  if (!NATIVE?.get || !NATIVE.set || Object.prototype.hasOwnProperty.call(element, 'contentEditable')) return;
  const { get, set } = NATIVE;
  Object.defineProperty(element, 'contentEditable', {
    configurable: true,
    enumerable: true,
    get(this: HTMLElement) {
      const value = get.call(this) as string;
      return value === 'true' ? REPORTED_FOR_TRUE : value;
    },
    set(this: HTMLElement, value: string) {
      set.call(this, value);
    },
  });
}

/**
 * A ref callback for Slate's `<Editable>` (stable: one function for every render, so React calls
 * it only when the root element is attached or detached).
 */
export function reactSelectionOptOut(element: HTMLElement | null): void {
  if (element) optOut(element);
}
