/**
 * Next / Previous change: the places the keys stop at, one per pending suggestion in the story (where
 * it first appears), and which one is next from the caret. Metadata suggestions are not in the
 * story's flow; the review margin lists them.
 */
import { Editor, Point } from 'slate';
import type { Block, Interview } from '../../../shared/model/schema';
import { listPending } from '../../../shared/review';

export type Direction = 1 | -1;

/** The start of each pending body suggestion, in document order. */
export function changeStops(editor: Editor, doc: Interview): Point[] {
  const stops: Point[] = [];
  for (const item of listPending({ ...doc, body: editor.children as Block[] })) {
    if (!('path' in item.at) || item.at.path.length === 0) continue;
    try {
      stops.push(Editor.start(editor, item.at.path));
    } catch {
      // a path the live tree no longer has (the list was taken from a stale document)
    }
  }
  return stops.sort(Point.compare);
}

/**
 * The stop to go to from `caret`: the first one after it (or before it, going back), wrapping
 * round at the end as Word does. Without a caret, the first (or last). Null when there is none.
 */
export function stepFrom(stops: readonly Point[], caret: Point | null, direction: Direction): Point | null {
  if (stops.length === 0) return null;
  if (!caret) return direction === 1 ? stops[0]! : stops[stops.length - 1]!;
  if (direction === 1) return stops.find((s) => Point.isAfter(s, caret)) ?? stops[0]!;
  return [...stops].reverse().find((s) => Point.isBefore(s, caret)) ?? stops[stops.length - 1]!;
}
