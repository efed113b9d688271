/**
 * Whether the story's details (section, location, sapo, byline and the wire fields) are unfolded
 * over the text. Folded, they are one line — the headline, editable in place, with section and
 * location — so a laptop screen shows the interview itself, not its form. The key of the shortcut
 * table (`storyDetails`) unfolds and folds them from anywhere on the interview.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { formatAccelerator } from '../../../shared/accelerators';
import { acceleratorOf, matchesShortcut, shortcut } from '../../../shared/shortcuts';
import { keyPlatform } from '../shortcuts/platform';

export const storyDetailsKey = (): string => formatAccelerator(acceleratorOf(shortcut('storyDetails'), keyPlatform), keyPlatform);

/**
 * The folded state, the key that flips it, and `set` for the native `<details>` (whose `toggle`
 * event reports what find did: a match in a folded field unfolds them). `form` is the element the
 * fields live in; folding while the keyboard is in it puts the keyboard on `toggle`, the button, so
 * it is not lost with the hidden field.
 */
export function useStoryDetailsToggle(form: RefObject<HTMLElement | null>, toggle: RefObject<HTMLElement | null>) {
  const [open, setOpen] = useState(false);
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  });

  const set = useCallback(
    (next: boolean) => {
      if (!next && form.current?.contains(document.activeElement)) toggle.current?.focus();
      setOpen(next);
    },
    [form, toggle],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || !matchesShortcut(event, 'storyDetails', keyPlatform)) return;
      event.preventDefault();
      set(!openRef.current);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [set]);

  return { open, set };
}
