/**
 * Whether two text leaves carry the same props (formatting, suggestion ids, comment anchors), so
 * that they may be one leaf. Slate merges neighbours with equal props; the stored form and the
 * review algebra do the same, and must agree with it on what "equal" means.
 */
import type { TextLeaf } from './schema';

function sameIds(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((x, i) => x === b[i]);
}

export function sameLeafProps(a: TextLeaf, b: TextLeaf): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.ins === b.ins && a.del === b.del && sameIds(a.comments, b.comments);
}
