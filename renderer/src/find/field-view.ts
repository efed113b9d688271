/**
 * Showing a match that lies in a text field rather than in the story's text: the headline, the
 * subheadline and the sapo (MetaFields marks them `data-meta-field`), a photo's caption, credit and
 * alt text (`data-photo-control`), a speaker's label (the participants panel, one entry per
 * participant in order). Slate draws no highlight there, so the match is selected in the field
 * itself, and the field is outlined while it holds the current match.
 */
import { Editor, Element as SlateElement } from 'slate';
import { ReactEditor } from 'slate-react';
import type { FieldMatch } from './find-matches';
import type { FieldView } from './find-controller';

type TextField = HTMLInputElement | HTMLTextAreaElement;

const OUTLINED = 'find-field-current';
/** How many frames to wait for a field to appear (the participants panel opening). */
const WAIT_FRAMES = 20;

const isTextField = (el: Element | null | undefined): el is TextField => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;

/** The DOM field that holds a match, if it is on screen. */
export function fieldElement(editor: Editor, match: FieldMatch): TextField | null {
  const { place } = match;
  if (place.kind === 'meta') {
    const el = document.querySelector(`[data-meta-field="${place.field}"]`);
    return isTextField(el) ? el : null;
  }
  if (place.kind === 'speaker') {
    // The label is the first box of each participant's entry.
    const el = document.querySelectorAll('.participants-panel .participant-list > li')[place.order]?.querySelector('input');
    return isTextField(el) ? el : null;
  }
  try {
    const [node] = Editor.node(editor, place.path);
    if (!SlateElement.isElement(node) || node.type !== 'photo') return null;
    const el = ReactEditor.toDOMNode(editor, node).querySelector(`[data-photo-control="${place.field}"]`);
    return isTextField(el) ? el : null;
  } catch {
    return null; // the photo went away meanwhile
  }
}

/**
 * The field view of one find bar. Enter and Shift+Enter in a field that find focused go on to the
 * next or previous match while the match is still selected there, as they do in the find box (the
 * user was walking the matches; in a headline Enter would otherwise type a space over the match).
 */
export function domFieldView(editor: Editor, walk: { next(): void; previous(): void }): FieldView {
  let outlined: TextField | null = null;
  let detach: (() => void) | null = null;
  let wait = 0;

  const outline = (el: TextField | null) => {
    if (outlined === el) return;
    outlined?.classList.remove(OUTLINED);
    el?.classList.add(OUTLINED);
    outlined = el;
  };

  const holds = (el: TextField, match: FieldMatch) => el.selectionStart === match.start && el.selectionEnd === match.end;

  const keepWalking = (el: TextField, match: FieldMatch) => {
    detach?.();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.isComposing || event.ctrlKey || event.metaKey || event.altKey || !holds(el, match)) return;
      event.preventDefault();
      if (event.shiftKey) walk.previous();
      else walk.next();
    };
    const off = () => {
      (el as HTMLElement).removeEventListener('keydown', onKeyDown);
      el.removeEventListener('blur', off);
      if (detach === off) detach = null;
    };
    (el as HTMLElement).addEventListener('keydown', onKeyDown);
    el.addEventListener('blur', off);
    detach = off;
  };

  const show = (el: TextField, match: FieldMatch, focus: boolean) => {
    // A field under the closed "Details" is shown first.
    const details = el.closest('details');
    if (details && !details.open) details.open = true;
    if (focus) {
      el.focus({ preventScroll: true });
      keepWalking(el, match);
    }
    el.setSelectionRange(match.start, match.end);
    outline(el);
    el.scrollIntoView({ block: 'center' });
  };

  return {
    select(match, focus) {
      cancelAnimationFrame(wait);
      const el = fieldElement(editor, match);
      if (el) return show(el, match, focus);
      outline(null);
      // A speaker's label: their panel is opening; wait for it to be drawn.
      let frames = 0;
      const retry = () => {
        const found = fieldElement(editor, match);
        if (found) show(found, match, focus);
        else if (++frames < WAIT_FRAMES) wait = requestAnimationFrame(retry);
      };
      wait = requestAnimationFrame(retry);
    },
    isSelected(match) {
      const el = fieldElement(editor, match);
      // Not on screen (the participants panel closed): the user cannot have moved in it.
      return el === null || holds(el, match);
    },
    clear() {
      cancelAnimationFrame(wait);
      detach?.();
      outline(null);
    },
  };
}
