/**
 * Which turns have the same speaker as the turn right before them. Computed once per document
 * state (the editor's children array changes identity on every edit) instead of once per turn
 * per keystroke: with thousands of turns, a per-turn path lookup dominated typing latency
 * (BENCHMARKS.md).
 */
import { Element, type Descendant } from 'slate';

const cache = new WeakMap<Descendant[], WeakSet<object>>();

export function turnsRepeatingSpeaker(children: Descendant[]): WeakSet<object> {
  let set = cache.get(children);
  if (!set) {
    set = new WeakSet();
    for (let i = 1; i < children.length; i++) {
      const previous = children[i - 1]!;
      const current = children[i]!;
      if (Element.isElement(previous) && Element.isElement(current) && previous.type === 'turn' && current.type === 'turn' && previous.speakerId === current.speakerId) {
        set.add(current);
      }
    }
    cache.set(children, set);
  }
  return set;
}
