/**
 * Follow: while the recording plays, the paragraph being heard is marked (`heard`) and kept in view.
 *
 * The timed paragraphs are found once per document change (follow-index.ts: sorted starts, then a
 * bisection per tick), not by a query per frame. Scrolling never takes the text from under the
 * reporter: the heard paragraph is scrolled to only when it is off screen, and not within
 * TYPING_PAUSE_MS of a key pressed (the caret's paragraph is what they are looking at then). The
 * mark itself moves always: it changes no layout.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { ReactEditor } from 'slate-react';
import type { Editor } from 'slate';
import { entryAt, timedParagraphs, type TimedEntry } from './follow-index';
import type { PlayerStore } from './player-store';

export const TYPING_PAUSE_MS = 3000;
const HEARD = 'heard';

/** `recording`: the one playing; `first`: whether it is the interview's first (follow-index.ts). */
export function useFollow(editor: Editor, store: PlayerStore, audio: RefObject<HTMLAudioElement | null>, on: boolean, recording: string | null, first: boolean): void {
  // The list is read again on the first tick after the text changed (compared by identity: Slate
  // makes a new value on each change), without subscribing to the value, which would re-render
  // the player on every key.
  const list = useRef<{ of: unknown; entries: TimedEntry<HTMLElement>[] } | null>(null);

  useEffect(() => {
    // Another recording: the list is of other paragraphs.
    list.current = null;
    const el = audio.current;
    if (!on || !el || recording === null) return;
    let lastKey = 0;
    let marked: HTMLElement | null = null;
    const onKey = () => {
      lastKey = performance.now();
    };
    const tick = () => {
      const ms = store.currentMs();
      if (ms === null) return;
      let root: HTMLElement;
      try {
        root = ReactEditor.toDOMNode(editor, editor);
      } catch {
        return;
      }
      if (list.current?.of !== editor.children) list.current = { of: editor.children, entries: timedParagraphs(root, recording, first) };
      const { entries } = list.current;
      const i = entryAt(entries, ms);
      const heard = i >= 0 ? entries[i]!.item : null;
      // A re-render of the paragraph by the editor drops the class: put it back then too.
      if (heard === marked && (!heard || heard.classList.contains(HEARD))) return;
      marked?.classList.remove(HEARD);
      marked = heard;
      if (!heard || !heard.isConnected) return;
      heard.classList.add(HEARD);
      if (performance.now() - lastKey < TYPING_PAUSE_MS) return;
      const box = heard.getBoundingClientRect();
      if (box.bottom < 0 || box.top > window.innerHeight * 0.7) heard.scrollIntoView({ block: 'center' });
    };
    window.addEventListener('keydown', onKey, true);
    el.addEventListener('timeupdate', tick);
    el.addEventListener('seeked', tick);
    tick();
    return () => {
      window.removeEventListener('keydown', onKey, true);
      el.removeEventListener('timeupdate', tick);
      el.removeEventListener('seeked', tick);
      marked?.classList.remove(HEARD);
    };
  }, [editor, store, audio, on, recording, first]);
}
