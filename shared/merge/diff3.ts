/**
 * Two-way and three-way alignment of key sequences (diff3, Khanna, Kunal & Pierce's formulation).
 *
 * Why node-diff3 and why not all of it: its longest-common-subsequence (Hunt–McIlroy, as in GNU diff) is small,
 * typed, MIT-licensed and long in use, and writing another one would be one more thing to get wrong.
 * Its `diff3MergeRegions`, however, reports a change made by one side only by that side's new content
 * (a pure deletion is not reported at all), while turning a change into suggestions needs every
 * index: which of our tokens are replaced, by which of theirs, over which stretch of the base. So the
 * regions are built here from its two-way `diffIndices`, with the same grouping rule: changes of the
 * two sides that overlap or touch in the base form one region.
 *
 * Keys are strings (the LCS indexes them as object keys); callers make them (tokens.ts).
 */
import { diffIndices } from 'node-diff3';

/** A stretch `[oStart, oEnd)` of the base replaced by `[xStart, xEnd)` of the other side. */
export interface Hunk {
  oStart: number;
  oEnd: number;
  xStart: number;
  xEnd: number;
}

/**
 * The hunks between `o` and `x`, in order. Equal ends are cut off before the LCS runs: most of a
 * returned document is unchanged, and the LCS costs grow with what is left between them.
 */
export function diffHunks(o: readonly string[], x: readonly string[]): Hunk[] {
  let pre = 0;
  while (pre < o.length && pre < x.length && o[pre] === x[pre]) pre++;
  let post = 0;
  while (post < o.length - pre && post < x.length - pre && o[o.length - 1 - post] === x[x.length - 1 - post]) post++;
  return middleHunks(o, x, pre, post);
}

/**
 * A stretch of the three-way alignment: `same` where neither side changed the base, `ours` or
 * `theirs` where one did, `both` where both did (their new content may still be equal: a false
 * conflict, for the caller to tell).
 */
export interface Region {
  kind: 'same' | 'ours' | 'theirs' | 'both';
  oStart: number;
  oEnd: number;
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Hunks of `x` against `o` between equal ends of the given lengths, without further trimming. */
function middleHunks(o: readonly string[], x: readonly string[], pre: number, post: number): Hunk[] {
  const mo = o.slice(pre, o.length - post);
  const mx = x.slice(pre, x.length - post);
  if (mo.length === 0 && mx.length === 0) return [];
  if (mo.length === 0 || mx.length === 0) return [{ oStart: pre, oEnd: pre + mo.length, xStart: pre, xEnd: pre + mx.length }];
  return diffIndices(mo, mx).map((h) => ({
    oStart: pre + h.buffer1[0],
    oEnd: pre + h.buffer1[0] + h.buffer1[1],
    xStart: pre + h.buffer2[0],
    xEnd: pre + h.buffer2[0] + h.buffer2[1],
  }));
}

/** The matched pairs (o index, x index) between hunks. */
function pairsOf(hunks: readonly Hunk[], oLength: number): [number, number][] {
  const pairs: [number, number][] = [];
  let oi = 0;
  let xi = 0;
  for (const h of hunks) {
    while (oi < h.oStart) pairs.push([oi++, xi++]);
    oi = h.oEnd;
    xi = h.xEnd;
  }
  while (oi < oLength) pairs.push([oi++, xi++]);
  return pairs;
}

/** The hunks between matched pairs (o index, x index). */
function hunksFromPairs(pairs: readonly [number, number][], oLength: number, xLength: number): Hunk[] {
  const out: Hunk[] = [];
  let oi = 0;
  let xi = 0;
  for (const [po, px] of [...pairs, [oLength, xLength] as [number, number]]) {
    if (po > oi || px > xi) out.push({ oStart: oi, oEnd: po, xStart: xi, xEnd: px });
    oi = po + 1;
    xi = px + 1;
  }
  return out;
}

/**
 * The regions of `a` (ours) and `b` (theirs) against the base `o`, covering all three in order.
 *
 * The two sides must line up with the base the same way wherever they agree, or the same change
 * made on both sides would be seen as two different ones (a conflict with itself, and merging a
 * merged copy again would change it). So theirs is aligned with the base first, and ours follows
 * it: a token ours shares with theirs is matched with the base token theirs matched it with; only
 * what lies between such tokens is aligned on its own. `isText` says which keys are text (see
 * the grouping below).
 */
export function diff3Regions(
  o: readonly string[],
  a: readonly string[],
  b: readonly string[],
  isText: (key: string) => boolean = () => true,
): Region[] {
  const hb = diffHunks(o, b);
  const baseOfB = new Map(pairsOf(hb, o.length).map(([oi, bi]) => [bi, oi]));
  const through: [number, number][] = [];
  for (const [ai, bi] of commonPairs(a, b)) {
    const oi = baseOfB.get(bi);
    if (oi !== undefined) through.push([oi, ai]);
  }
  // Between the tokens matched through theirs, ours is aligned with the base on its own.
  const pa: [number, number][] = [];
  let oi = 0;
  let ai = 0;
  for (const [po, px] of [...through, [o.length, a.length] as [number, number]]) {
    for (const [go, gx] of commonPairs(o.slice(oi, po), a.slice(ai, px))) pa.push([oi + go, ai + gx]);
    if (po < o.length) pa.push([po, px]);
    oi = po + 1;
    ai = px + 1;
  }
  const ha = hunksFromPairs(pa, o.length, a.length);
  const hunks = [...ha.map((h) => ({ ...h, side: 'a' as const })), ...hb.map((h) => ({ ...h, side: 'b' as const }))];
  // In base order; at one place an insertion before a change there (it stands before it).
  hunks.sort((x, y) => x.oStart - y.oStart || x.oEnd - x.oStart - (y.oEnd - y.oStart));
  const out: Region[] = [];
  let oPos = 0;
  let aPos = 0;
  let bPos = 0;
  const same = (to: number) => {
    if (to <= oPos) return;
    const n = to - oPos;
    out.push({ kind: 'same', oStart: oPos, oEnd: to, aStart: aPos, aEnd: aPos + n, bStart: bPos, bEnd: bPos + n });
    oPos = to;
    aPos += n;
    bPos += n;
  };
  const textOnly = (h: Hunk & { side: 'a' | 'b' }) => o.slice(h.oStart, h.oEnd).every(isText) && (h.side === 'a' ? a : b).slice(h.xStart, h.xEnd).every(isText);
  let i = 0;
  while (i < hunks.length) {
    const start = hunks[i]!.oStart;
    let end = hunks[i]!.oEnd;
    const group = [hunks[i]!];
    // Changes of the same base tokens are one region ("the same words"), and so are two insertions
    // at one place (which goes first is not for the merge to say). A change of text that only
    // touches another (a word inserted right after a replaced one) is a region of its own: both
    // stand. Changes of structure that touch stay one region: only a token both sides kept, between
    // two regions, guarantees that putting their results side by side makes a valid document.
    // (Touching at a word boundary: text that runs on into the next without a space is one word.)
    let text = textOnly(group[0]!);
    const spacedEnd = () =>
      group.filter((g) => g.oEnd === end).every((g) => {
        const x = g.side === 'a' ? a : b;
        const last = g.xEnd > g.xStart ? x[g.xEnd - 1]! : end > 0 ? o[end - 1]! : ' ';
        return /\s$/.test(last);
      });
    const joins = (h: Hunk & { side: 'a' | 'b' }) => {
      const overlapping = h.oEnd > h.oStart ? h.oStart < end : (h.oStart > start && h.oStart < end) || (h.oStart === start && start === end);
      const touching = h.oStart === end || (h.oEnd === h.oStart && h.oStart === start);
      return overlapping || (touching && !(text && textOnly(h) && spacedEnd()));
    };
    for (i++; i < hunks.length && joins(hunks[i]!); i++) {
      end = Math.max(end, hunks[i]!.oEnd);
      group.push(hunks[i]!);
      text &&= textOnly(hunks[i]!);
    }
    same(start);
    const range = (side: 'a' | 'b', pos: number): [number, number] => {
      const own = group.filter((h) => h.side === side);
      if (own.length === 0) return [pos, pos + (end - start)];
      const first = own[0]!;
      const last = own[own.length - 1]!;
      return [first.xStart - (first.oStart - start), last.xEnd + (end - last.oEnd)];
    };
    const [aStart, aEnd] = range('a', aPos);
    const [bStart, bEnd] = range('b', bPos);
    const sides = new Set(group.map((h) => h.side));
    out.push({ kind: sides.size === 2 ? 'both' : sides.has('a') ? 'ours' : 'theirs', oStart: start, oEnd: end, aStart, aEnd, bStart, bEnd });
    oPos = end;
    aPos = aEnd;
    bPos = bEnd;
  }
  same(o.length);
  return out;
}

/** Pairs of equal keys between two sequences (a longest common subsequence), in order. */
export function commonPairs(x: readonly string[], y: readonly string[]): [number, number][] {
  const pairs: [number, number][] = [];
  let xi = 0;
  let yi = 0;
  for (const h of diffHunks(x, y)) {
    while (xi < h.oStart) pairs.push([xi++, yi++]);
    xi = h.oEnd;
    yi = h.xEnd;
  }
  while (xi < x.length) pairs.push([xi++, yi++]);
  return pairs;
}
