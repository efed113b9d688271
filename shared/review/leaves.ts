/** Small operations on a paragraph's text leaves, shared by the plain and the suggesting edits. */
import { sameLeafProps } from '../model/leaf-props';
import type { TextLeaf } from '../model/schema';

/** The leaf's props other than its text: marks, suggestion ids and comment anchors. */
export const sameProps = sameLeafProps;

/**
 * Slate's own canonical form: no empty leaf beside others, and neighbours with the same props merged
 * (so different suggestion ids stay apart). A paragraph keeps at least one leaf.
 */
export function tidyLeaves(leaves: readonly TextLeaf[]): TextLeaf[] {
  const out: TextLeaf[] = [];
  for (const leaf of leaves) {
    if (leaf.text === '') continue;
    const prev = out[out.length - 1];
    if (prev && sameProps(prev, leaf)) out[out.length - 1] = { ...prev, text: prev.text + leaf.text };
    else out.push({ ...leaf });
  }
  if (out.length > 0) return out;
  // An empty paragraph keeps the formatting of its first leaf (as Slate does), not its suggestion
  // ids or comment anchors (a thread with no text left is orphaned, see comments.ts).
  const { ins: _ins, del: _del, comments: _comments, ...first } = leaves[0] ?? { text: '' };
  return [{ ...first, text: '' }];
}

/** Split leaf `index` at `at` characters so that a boundary falls there; returns the index of the leaf after it. */
export function splitLeafAt(leaves: TextLeaf[], index: number, at: number): number {
  const leaf = leaves[index]!;
  if (at <= 0) return index;
  if (at >= leaf.text.length) return index + 1;
  leaves.splice(index, 1, { ...leaf, text: leaf.text.slice(0, at) }, { ...leaf, text: leaf.text.slice(at) });
  return index + 1;
}

export interface LeafMarks {
  bold?: true;
  italic?: true;
}

/** A new leaf of text with the given formatting, and an insertion id when it is a suggestion. */
export function newLeaf(text: string, marks: LeafMarks | undefined, ins: string | undefined): TextLeaf {
  const leaf: TextLeaf = { text };
  if (marks?.bold) leaf.bold = true;
  if (marks?.italic) leaf.italic = true;
  if (ins !== undefined) leaf.ins = ins;
  return leaf;
}
