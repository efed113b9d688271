/**
 * The editor events the spelling menu answers: a right-click on an underlined word, Shift+F10 or
 * the ContextMenu key with the caret in one, and the end of an input method's composition (when
 * the underlines that waited for it are shown). Elsewhere the browser's own menu is left alone.
 */
import { useMemo, type CompositionEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { Node, type Editor, type Range } from 'slate';
import { ReactEditor } from 'slate-react';
import type { Paragraph } from '../../../shared/model/schema';
import { paragraphRange } from './fix-commands';
import type { SpellingController } from './spelling-controller';

export interface SpellingMenuEvents {
  onContextMenu(event: MouseEvent<HTMLDivElement>): void;
  /** True when the key opened the menu (the editor then does nothing else with it). */
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): boolean;
  onCompositionEnd(event: CompositionEvent<HTMLDivElement>): void;
}

const isMenuKey = (e: KeyboardEvent) => e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey);

export function useSpellingMenuEvents(controller: SpellingController, editor: Editor): SpellingMenuEvents {
  return useMemo(
    () => ({
      onContextMenu(event) {
        // A menu opened from the keyboard: this is the same request, arriving as a mouse event.
        if (controller.getMenu()) {
          event.preventDefault();
          return;
        }
        let range: Range;
        try {
          range = ReactEditor.findEventRange(editor as ReactEditor, event);
        } catch {
          return; // not over text (a photo, a turn label)
        }
        if (controller.openMenu(range.anchor, { x: event.clientX, y: event.clientY })) event.preventDefault();
      },
      onKeyDown(event) {
        if (!isMenuKey(event) || !editor.selection) return false;
        const point = editor.selection.focus;
        const hit = controller.findingAt(point);
        if (!hit) return false;
        let at = { x: 0, y: 0 };
        try {
          const paragraph = Node.get(editor, hit.path) as Paragraph;
          const rect = ReactEditor.toDOMRange(editor as ReactEditor, paragraphRange(paragraph, hit.path, hit.finding.start, hit.finding.end)).getBoundingClientRect();
          at = { x: rect.left, y: rect.bottom + 2 };
        } catch {
          // The word is not on screen: the menu opens in the corner, still usable.
        }
        controller.openMenu(point, at);
        event.preventDefault();
        return true;
      },
      onCompositionEnd() {
        controller.compositionEnded();
      },
    }),
    [controller, editor],
  );
}
