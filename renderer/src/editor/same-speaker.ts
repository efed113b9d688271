/**
 * Which turns have the same speaker as the turn right before them, and telling exactly those
 * turns when their answer changes.
 *
 * The answer for a turn can change without the turn itself changing (the turn before it gets
 * another speaker, or is deleted), so a turn cannot learn it from its own render. It used to ask
 * with a `useSlateSelector` per turn: every keystroke then ran one selector per turn (10,000 at
 * 20,000 paragraphs, ~8 ms a key). Now the set is computed once per document state (the editor's
 * children array changes identity on every edit; one pass over the top-level blocks), and one
 * listener on the editor's changes (`withSameSpeakerWatch`) compares it with the previous state's
 * set and wakes only the turns whose answer changed.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { Descendant, Editor } from 'slate';
import { onEditorChange } from './editor-changes';

/** The turn's speaker, or undefined for anything else (a text node has no `type`). */
const turnSpeaker = (node: Descendant): string | undefined => ('type' in node && node.type === 'turn' ? node.speakerId : undefined);

const cache = new WeakMap<readonly Descendant[], ReadonlySet<object>>();

export function turnsRepeatingSpeaker(children: readonly Descendant[]): ReadonlySet<object> {
  let set = cache.get(children);
  if (!set) {
    const found = new Set<object>();
    // Property reads only: this runs once per keystroke over every top-level block.
    let previous = children.length > 0 ? turnSpeaker(children[0]!) : undefined;
    for (let i = 1; i < children.length; i++) {
      const current = turnSpeaker(children[i]!);
      if (current !== undefined && current === previous) found.add(children[i]!);
      previous = current;
    }
    set = found;
    cache.set(children, set);
  }
  return set;
}

/** The turns listening, by turn object (a turn that changes is a new object, and re-subscribes). */
class SameSpeakerWatch {
  private seen: ReadonlySet<object> = new Set();
  private readonly listeners = new Map<object, Set<() => void>>();

  /** After a change of the document: wake the turns that joined or left the set. */
  update(children: readonly Descendant[]): void {
    const next = turnsRepeatingSpeaker(children);
    if (next === this.seen) return;
    const changed: object[] = [];
    for (const turn of next) if (!this.seen.has(turn)) changed.push(turn);
    for (const turn of this.seen) if (!next.has(turn)) changed.push(turn);
    this.seen = next;
    for (const turn of changed) for (const listener of this.listeners.get(turn) ?? []) listener();
  }

  subscribe(turn: object, listener: () => void): () => void {
    let set = this.listeners.get(turn);
    if (!set) this.listeners.set(turn, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(turn) === set) this.listeners.delete(turn);
    };
  }
}

const watches = new WeakMap<Editor, SameSpeakerWatch>();

function watchOf(editor: Editor): SameSpeakerWatch {
  let watch = watches.get(editor);
  if (!watch) watches.set(editor, (watch = new SameSpeakerWatch()));
  return watch;
}

/** The editor plugin: after every change, wake the turns whose warning comes or goes. */
export function withSameSpeakerWatch<E extends Editor>(editor: E): E {
  const watch = watchOf(editor);
  // In the same task as Slate's own re-render, so React draws both in one commit.
  onEditorChange(editor, () => watch.update(editor.children));
  return editor;
}

/** Does this turn repeat the speaker of the turn right before it? (Re-renders when that changes.) */
export function useRepeatsSpeaker(editor: Editor, turn: object): boolean {
  const watch = watchOf(editor);
  const subscribe = useCallback((listener: () => void) => watch.subscribe(turn, listener), [watch, turn]);
  const get = () => turnsRepeatingSpeaker(editor.children).has(turn);
  return useSyncExternalStore(subscribe, get);
}
