/**
 * The editor's find controller, and the keys that open it: Ctrl/Cmd+F (find) and Ctrl+H
 * (replace; Cmd+Option+F on macOS) anywhere on the interview, as listed in shared/shortcuts.ts.
 */
import { useEffect, useState } from 'react';
import type { Editor } from 'slate';
import { matchesShortcut } from '../../../shared/shortcuts';
import { useDesktopCommand } from '../desktop/commands';
import { keyPlatform } from '../shortcuts/platform';
import { FindController } from './find-controller';

export function useFind(editor: Editor): FindController {
  const [controller] = useState(() => new FindController(editor));

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Never while an input method composes; never behind a modal dialog.
      if (event.defaultPrevented || event.isComposing) return;
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      if (matchesShortcut(event, 'find', keyPlatform)) controller.open('find');
      else if (matchesShortcut(event, 'replace', keyPlatform)) controller.open('replace');
      else return;
      event.preventDefault(); // the browser's own find bar, or Chromium's history on Ctrl+H
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      controller.dispose();
    };
  }, [controller]);

  // The desktop build's Edit menu (it sends the command when the page left the key unhandled).
  useDesktopCommand('edit.find', () => controller.open('find'));
  useDesktopCommand('edit.replace', () => controller.open('replace'));

  return controller;
}
