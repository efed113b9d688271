/**
 * Where the keyboard goes when a dialog or panel opens: the element marked `data-autofocus`, else
 * the first form control a user fills in (a text field, a list, a choice), else the first button
 * of its body. Never the close button of its header: a dialog that opens on its × makes the user
 * tab before typing, and Enter there would close what they just opened.
 */
const CONTROLS = 'input:not([type="hidden"]), select, textarea, [contenteditable="true"]';
const ANY_FOCUSABLE = `${CONTROLS}, button, a[href], [tabindex]:not([tabindex="-1"])`;

/** Can the user reach it: enabled and laid out (not in a hidden or collapsed part). */
function reachable(el: HTMLElement): boolean {
  return !el.matches(':disabled') && el.getClientRects().length > 0 && !el.closest('[inert]');
}

export function firstField(container: HTMLElement, skip?: Element | null): HTMLElement | null {
  const inBody = (el: HTMLElement) => reachable(el) && !(skip && skip.contains(el));
  const marked = container.querySelector<HTMLElement>('[data-autofocus]');
  if (marked && reachable(marked)) return marked;
  const control = Array.from(container.querySelectorAll<HTMLElement>(CONTROLS)).find(inBody);
  // A group of choices is entered at its chosen one, as Tab enters it.
  if (control instanceof HTMLInputElement && control.type === 'radio' && control.name) {
    const chosen = Array.from(container.querySelectorAll<HTMLInputElement>('input[type="radio"]')).find((r) => r.name === control.name && r.checked && inBody(r));
    return chosen ?? control;
  }
  if (control) return control;
  return Array.from(container.querySelectorAll<HTMLElement>(ANY_FOCUSABLE)).find(inBody) ?? null;
}
