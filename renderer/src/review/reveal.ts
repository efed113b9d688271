/**
 * Bring a place in the story into view and make it glow briefly, so the eye finds what a card, a
 * thread or the next-change key jumped to. By the DOM node of the Slate path (ReactEditor), centred.
 */
import { Node, type Editor, type Path } from 'slate';
import { ReactEditor } from 'slate-react';

const GLOW_MS = 1600;

export function revealPath(editor: Editor, path: Path): void {
  let element: HTMLElement;
  try {
    element = ReactEditor.toDOMNode(editor as ReactEditor, Node.get(editor, path));
  } catch {
    return; // not rendered (the Final or Original view is shown): selecting it is enough
  }
  element.scrollIntoView({ block: 'center' });
  element.classList.remove('revealed');
  void element.offsetWidth; // restart the animation when the same place is revealed twice
  element.classList.add('revealed');
  window.setTimeout(() => element.classList.remove('revealed'), GLOW_MS);
}
