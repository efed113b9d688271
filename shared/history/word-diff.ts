/**
 * A word-level diff of two texts, and the longest-common-subsequence it is built on (also used
 * for the blocks of two versions, compare.ts). Pure and small; a size cap makes a huge change
 * degrade to "all of it replaced" instead of freezing the window.
 *
 * What a reader must be able to rely on: the `same` and `removed` segments, joined, give the old
 * text back exactly, and the `same` and `added` ones the new text, so no word is shown twice or
 * lost (tests/unit/shared/history/compare.test.ts checks this as a property).
 */

export type DiffOp = 'same' | 'added' | 'removed';
export interface Segment {
  op: DiffOp;
  text: string;
}

/** Above this many cells (after the common ends are cut off) an LCS table is not built. */
export const MAX_CELLS = 4_000_000;

/**
 * Pairs of indexes of a longest common subsequence of `a` and `b` under `same`, or null when the
 * part that differs is too large to compare. The common prefix and suffix are matched first, so
 * two long versions that differ in one place cost next to nothing.
 */
export function lcs<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): [number, number][] | null {
  let start = 0;
  while (start < a.length && start < b.length && same(a[start]!, b[start]!)) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && same(a[a.length - 1 - end]!, b[b.length - 1 - end]!)) end++;
  const n = a.length - start - end;
  const m = b.length - start - end;
  const pairs: [number, number][] = [];
  for (let i = 0; i < start; i++) pairs.push([i, i]);
  if (n > 0 && m > 0) {
    if (n * m > MAX_CELLS) return null;
    const table = new Uint32Array((n + 1) * (m + 1));
    const at = (i: number, j: number) => i * (m + 1) + j;
    const x = (i: number) => a[start + i]!;
    const y = (j: number) => b[start + j]!;
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[at(i, j)] = same(x(i), y(j)) ? table[at(i + 1, j + 1)]! + 1 : Math.max(table[at(i + 1, j)]!, table[at(i, j + 1)]!);
      }
    }
    for (let i = 0, j = 0; i < n && j < m; ) {
      if (same(x(i), y(j))) pairs.push([start + i++, start + j++]);
      else if (table[at(i + 1, j)]! >= table[at(i, j + 1)]!) i++;
      else j++;
    }
  }
  for (let k = end; k > 0; k--) pairs.push([a.length - k, b.length - k]);
  return pairs;
}

/** Words and the whitespace between them, so that joining the tokens gives the text back. */
export const tokens = (text: string): string[] => text.split(/(\s+)/).filter((t) => t !== '');

const isSpace = (text: string) => /^\s+$/.test(text);

/**
 * A word-level diff of two texts. A replaced word is one removal and one insertion; neighbouring
 * segments of the same kind are merged, and a lone space between two changes is counted in both
 * (removed and added), so "a b" replaced by "x y" reads as one struck phrase and one new phrase
 * rather than as a patchwork of single words around an unchanged space.
 */
export function diffWords(from: string, to: string): Segment[] {
  const a = tokens(from);
  const b = tokens(to);
  const pairs = lcs(a, b, (x, y) => x === y);
  if (pairs === null) return merge([{ op: 'removed', text: from }, { op: 'added', text: to }]);
  const raw: Segment[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    for (const t of a.slice(i, pi)) raw.push({ op: 'removed', text: t });
    for (const t of b.slice(j, pj)) raw.push({ op: 'added', text: t });
    if (pi < a.length) raw.push({ op: 'same', text: a[pi]! });
    i = pi + 1;
    j = pj + 1;
  }
  return merge(absorbSpaces(merge(raw)));
}

/** A `same` run of whitespace only, with changes on both sides, becomes part of both changes. */
function absorbSpaces(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  segments.forEach((s, k) => {
    const before = segments[k - 1];
    const after = segments[k + 1];
    if (s.op === 'same' && isSpace(s.text) && before && after && before.op !== 'same' && after.op !== 'same') {
      // Removed text first, then added, as everywhere else: the old reading, then the new one.
      out.push({ op: 'removed', text: s.text }, { op: 'added', text: s.text });
    } else out.push(s);
  });
  return reorder(out);
}

/** Within each run of changes, the removed text before the added text (each run kept in order). */
function reorder(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  let removed: Segment[] = [];
  let added: Segment[] = [];
  const flush = () => {
    out.push(...removed, ...added);
    removed = [];
    added = [];
  };
  for (const s of segments) {
    if (s.op === 'removed') removed.push(s);
    else if (s.op === 'added') added.push(s);
    else {
      flush();
      out.push(s);
    }
  }
  flush();
  return out;
}

/** Neighbouring segments of one kind joined; empty ones dropped. */
function merge(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (s.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.op === s.op) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}
