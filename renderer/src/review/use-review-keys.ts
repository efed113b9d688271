/**
 * Review shortcuts anywhere on an open interview (shared/shortcuts.ts): the editing modes,
 * accepting or rejecting the suggestions at the caret or in the selection, and going to the next
 * or previous change. None is a bare key or
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
  nextChange: () => void;
  previousChange: () => void;
}

const BODY_ONLY = new Set<ShortcutId>(['acceptSuggestion', 'rejectSuggestion']);

/** A native form field (metadata, a photo's caption, the find bar), not the story editor. */
export const inFormField = (target: EventTarget | null) => target instanceof Element && target.closest('input, textarea, select') !== null;

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
      ['nextChange', () => latest.current.nextChange()],
      ['previousChange', () => latest.current.previousChange()],
    ];
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      const hit = bindings.find(([id]) => matchesShortcut(event, id, keyPlatform));
      if (!hit) return;
      // Accept/reject "here" means the caret in the story: in a metadata or caption field it would
      // act on a body selection the user is not looking at.
      if (BODY_ONLY.has(hit[0]) && inFormField(event.target)) return;
      event.preventDefault();
      hit[1]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
