/** Ctrl+Alt+M (⌘+Option+M) anywhere on an open interview: comment on the selected text. */
import { useEffect, useRef } from 'react';
import { matchesShortcut } from '../../../../shared/shortcuts';
import { keyPlatform } from '../../shortcuts/platform';

export function useCommentKeys(addComment: () => void): void {
  const latest = useRef(addComment);
  useEffect(() => {
    latest.current = addComment;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || !matchesShortcut(event, 'addComment', keyPlatform)) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
