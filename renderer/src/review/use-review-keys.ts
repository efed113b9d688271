/**
 * Review shortcuts anywhere on an open interview (shared/shortcuts.ts): the editing modes, and
 * accepting or rejecting the suggestions at the caret or in the selection. None is a bare key or
 * a Backspace: Telex tools send those while typing.
 */
import { useEffect, useRef } from 'react';
import type { EditingMode } from '../../../shared/desktop-commands';
import { matchesShortcut, type ShortcutId } from '../../../shared/shortcuts';
import { keyPlatform } from '../shortcuts/platform';

interface Handlers {
  mode: (mode: EditingMode) => void;
  acceptHere: () => void;
  rejectHere: () => void;
}

export function useReviewKeys(handlers: Handlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const bindings: [ShortcutId, () => void][] = [
      ['modeEditing', () => latest.current.mode('editing')],
      ['modeSuggesting', () => latest.current.mode('suggesting')],
      ['modeViewing', () => latest.current.mode('viewing')],
      ['acceptSuggestion', () => latest.current.acceptHere()],
      ['rejectSuggestion', () => latest.current.rejectHere()],
    ];
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      const hit = bindings.find(([id]) => matchesShortcut(event, id, keyPlatform));
      if (!hit) return;
      event.preventDefault();
      hit[1]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
