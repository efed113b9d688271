/**
 * Which turn and which photo of one version is which of another's. Blocks carry no ids (Slate
 * copies every property on a split, so an id would be duplicated by the first Enter), so identity
 * is read from content:
 *
 * - a photo is its image (`assetId`, or its caption and credit while no image is attached); one
 *   image used twice is told apart by its place (its container, the block before it). A moved
 *   photo keeps its key, wherever it goes, even into or out of a turn;
 * - a turn is matched in order: unchanged turns first (exact content), then, between those, as
 *   many on both sides in place, else by the words they share (Dice coefficient) and their
 *   speaker. A turn split in two is matched with the half that shares the most of it; the other
 *   half is a new turn, as the editor itself records a split (renderer/src/review/structure-edits.ts).
 *
 * Keys of matched turns and photos are the base's, so they are equal in all three versions; one
 * matched to nothing gets a key of its own (a turn's from its content, so the same new turn in
 * both is one). Without ids, identical blocks (two empty turns, one image twice with one caption)
 * can only be told apart by place, and a reordering of them may be read either way.
 */
import type { Block, Interview, Photo, Turn } from '../model/schema';
import { commonPairs } from './diff3';
import { hashOf, textOf, turnText, wordList } from './tokens';

interface PhotoSpot {
  photo: Photo;
  /** The image (or, without one, its caption and credit). */
  what: string;
  /** The turn it is in (its key), or the top level. */
  container: string;
  /** The block before it in its container. */
  after: string;
}

function photoSpots(doc: Interview, turnKey: ReadonlyMap<Turn, string>): PhotoSpot[] {
  const out: PhotoSpot[] = [];
  const walk = (children: readonly Block[], container: string) => {
    let after = '^';
    for (const b of children) {
      if (b.type === 'photo') {
        const what = b.assetId ?? `none:${hashOf(`${b.caption}\u0000${b.credit}`)}`;
        out.push({ photo: b, what, container, after });
        after = `F:${what}`;
      } else if (b.type === 'paragraph') after = `P:${hashOf(textOf(b))}`;
      else {
        const key = turnKey.get(b) ?? '?';
        walk(b.children, key);
        after = `T:${key}`;
      }
    }
  };
  walk(doc.body, 'top');
  return out;
}

/**
 * Pairs of the same photo in two lists: the same image in the same place (container and block
 * before it) first, then in the same container, then anywhere, each in document order. An image
 * that appears once on each side is simply itself; an image used twice is told apart by its place.
 */
function matchSpots(from: readonly PhotoSpot[], to: readonly PhotoSpot[], exactOnly = false): Map<number, number> {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  const levels: ((s: PhotoSpot) => string)[] = [(s) => `${s.what}|${s.container}|${s.after}`, (s) => `${s.what}|${s.container}`, (s) => s.what];
  for (const level of exactOnly ? levels.slice(0, 1) : levels) {
    const waiting = new Map<string, number[]>();
    to.forEach((s, j) => {
      if (taken.has(j)) return;
      const k = level(s);
      waiting.set(k, [...(waiting.get(k) ?? []), j]);
    });
    from.forEach((s, i) => {
      if (pairs.has(i)) return;
      const j = waiting.get(level(s))?.shift();
      if (j === undefined) return;
      pairs.set(i, j);
      taken.add(j);
    });
  }
  return pairs;
}

export interface PhotoKeys {
  base: Map<Photo, string>;
  ours: Map<Photo, string>;
  theirs: Map<Photo, string>;
}

/**
 * Keys for every photo of the three versions (accepted views), given their turns' keys. A photo
 * keeps its key wherever it goes. Ours take theirs' key where they stand exactly where theirs do
 * (as for turns: a merged copy must line up with theirs again), then are matched with the base,
 * then with the photos theirs added.
 */
export function photoKeys(base: Interview, ours: Interview, theirs: Interview, turns: TurnKeys): PhotoKeys {
  const b = photoSpots(base, turns.base);
  const o = photoSpots(ours, turns.ours);
  const t = photoSpots(theirs, turns.theirs);
  const seen = new Map<string, number>();
  const baseKey = b.map((s) => {
    const n = seen.get(s.what) ?? 0;
    seen.set(s.what, n + 1);
    return `p:${s.what}#${n}`;
  });
  const keys: PhotoKeys = { base: new Map(b.map((s, i) => [s.photo, baseKey[i]!])), ours: new Map(), theirs: new Map() };
  const theirsToBase = matchSpots(t, b);
  const theirKey = t.map((s, j) => {
    const i = theirsToBase.get(j);
    return i === undefined ? `p:${s.what}#t${j}` : baseKey[i]!;
  });
  t.forEach((s, j) => keys.theirs.set(s.photo, theirKey[j]!));
  const claimed = new Set<string>();
  const oursToTheirs = matchSpots(o, t, true);
  for (const [i, j] of oursToTheirs) {
    keys.ours.set(o[i]!.photo, theirKey[j]!);
    claimed.add(theirKey[j]!);
  }
  const restOurs = o.map((_, i) => i).filter((i) => !oursToTheirs.has(i));
  const restBase = b.map((_, i) => i).filter((i) => !claimed.has(baseKey[i]!));
  const oursToBase = matchSpots(
    restOurs.map((i) => o[i]!),
    restBase.map((i) => b[i]!),
  );
  restOurs.forEach((i, k) => {
    const m = oursToBase.get(k);
    if (m !== undefined) keys.ours.set(o[i]!.photo, baseKey[restBase[m]!]!);
  });
  // Ours left over may be a photo they inserted too, now elsewhere or after changed text.
  const leftOurs = o.map((_, i) => i).filter((i) => !keys.ours.has(o[i]!.photo));
  const theirsNew = t.map((_, j) => j).filter((j) => !theirsToBase.has(j) && !claimed.has(theirKey[j]!));
  const oursToNew = matchSpots(
    leftOurs.map((i) => o[i]!),
    theirsNew.map((j) => t[j]!),
  );
  leftOurs.forEach((i, k) => {
    const m = oursToNew.get(k);
    keys.ours.set(o[i]!.photo, m === undefined ? `p:${o[i]!.what}#o${i}` : theirKey[theirsNew[m]!]!);
  });
  return keys;
}

/** Below this similarity two turns are not the same turn. */
const SAME_TURN = 0.4;
/** Gaps bigger than this (turns × turns) are not searched for similar turns: they are new or gone. */
const MAX_GAP_CELLS = 40_000;

function bag(turn: Turn): Map<string, number> {
  const m = new Map<string, number>();
  const add = (w: string) => m.set(w, (m.get(w) ?? 0) + 1);
  for (const w of wordList(turnText(turn))) add(w);
  for (const c of turn.children) if (c.type === 'photo') add(`\u0000${c.assetId ?? c.caption}`);
  return m;
}

function similarity(x: Map<string, number>, y: Map<string, number>, sameSpeaker: boolean): number {
  let common = 0;
  let nx = 0;
  let ny = 0;
  for (const n of x.values()) nx += n;
  for (const n of y.values()) ny += n;
  for (const [w, n] of x) common += Math.min(n, y.get(w) ?? 0);
  const words = nx + ny === 0 ? 1 : (2 * common) / (nx + ny);
  return words * 0.8 + (sameSpeaker ? 0.2 : 0);
}

/** Order-preserving matching of similar turns in one gap (maximum total similarity). */
function matchGap(base: readonly Turn[], other: readonly Turn[]): [number, number][] {
  const m = base.length;
  const n = other.length;
  if (m === 0 || n === 0) return [];
  // As many turns on both sides between unchanged ones: they were changed in place, each is the
  // turn at its place however much it changed (no similarity can tell better, and two empty turns
  // are as similar to each other as to any place).
  if (m === n) return base.map((_, i) => [i, i]);
  if (m * n > MAX_GAP_CELLS) return [];
  const bx = base.map(bag);
  const by = other.map(bag);
  const sim: number[][] = bx.map((x, i) => by.map((y, j) => similarity(x, y, base[i]!.speakerId === other[j]!.speakerId)));
  // score[i][j]: best total for base[i..] and other[j..].
  const score: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) {
      const s = sim[i]![j]!;
      const take = s >= SAME_TURN ? s + score[i + 1]![j + 1]! : -1;
      score[i]![j] = Math.max(take, score[i + 1]![j]!, score[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < m && j < n) {
    const s = sim[i]![j]!;
    if (s >= SAME_TURN && score[i]![j] === s + score[i + 1]![j + 1]!) pairs.push([i++, j++]);
    else if (score[i]![j] === score[i + 1]![j]) i++;
    else j++;
  }
  return pairs;
}

/** Pairs (base index, other index) of the same turn in two lists of turns. */
export function matchTurns(base: readonly Turn[], other: readonly Turn[]): [number, number][] {
  const exact = commonPairs(base.map(signature), other.map(signature));
  const out: [number, number][] = [];
  let bi = 0;
  let oi = 0;
  for (const [x, y] of [...exact, [base.length, other.length] as [number, number]]) {
    for (const [gx, gy] of matchGap(base.slice(bi, x), other.slice(oi, y))) out.push([bi + gx, oi + gy]);
    if (x < base.length) out.push([x, y]);
    bi = x + 1;
    oi = y + 1;
  }
  return out;
}

export interface TurnKeys {
  base: Map<Turn, string>;
  ours: Map<Turn, string>;
  theirs: Map<Turn, string>;
}

/**
 * A turn's content for telling equal turns: its JSON, without the formatting of an empty
 * paragraph's empty leaf (nothing shows it, and no edit can reproduce it).
 */
function signature(turn: Turn): string {
  return JSON.stringify({
    ...turn,
    children: turn.children.map((c) => (c.type === 'paragraph' && c.children.every((l) => l.text === '') ? { ...c, children: [{ text: '' }] } : c)),
  });
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
const topTurns = (doc: Interview) => doc.body.filter((b): b is Turn => b.type === 'turn');

/** Our copy three ways: as stored (with its pending suggestions), with all accepted, with none. */
export interface OursViews {
  stored: Interview;
  accepted: Interview;
  original: Interview;
}

/**
 * Keys for the top-level turns of the three versions (see the module comment). Theirs are matched
 * with the base first. Then ours, in three steps:
 *  1. ours that are exactly theirs take their key (a change both made, or one merged in before);
 *  2. the rest are matched with the base as our copy reads without its pending suggestions: after a
 *     merge, that is our copy as it was before it, so merging the same file again finds the same
 *     turns whatever the suggestions did to them;
 *  3. turns that exist only as pending insertions are matched with the base turns left.
 * Matches found in one step anchor the next (turns between two anchors match only each other).
 */
export function turnKeys(base: Interview, ours: OursViews, theirs: Interview): TurnKeys {
  const b = topTurns(base);
  const t = topTurns(theirs);
  const keys: TurnKeys = { base: new Map(b.map((x, i) => [x, `t${i}`])), ours: new Map(), theirs: new Map() };
  const newKey = (x: Turn) => `n:${hashOf(signature(x))}`;
  const theirsToBase = new Map(matchTurns(b, t).map(([x, y]) => [y, x]));
  t.forEach((x, j) => {
    const i = theirsToBase.get(j);
    keys.theirs.set(x, i === undefined ? newKey(x) : `t${i}`);
  });

  // Each view's turns are the stored turns it keeps, in order (a removal pending: accepted drops it;
  // an insertion pending: original drops it).
  const stored = topTurns(ours.stored);
  const accepted = topTurns(ours.accepted);
  const original = topTurns(ours.original);
  const acc = range(0, stored.length).filter((i) => stored[i]!.del === undefined);
  const org = range(0, stored.length).filter((i) => stored[i]!.ins === undefined);
  const byStored = new Map<number, { key: string; base?: number }>();
  const claimed = new Set<number>();

  for (const [oi, tj] of commonPairs(accepted.map(signature), t.map(signature))) {
    const i = theirsToBase.get(tj);
    byStored.set(acc[oi]!, i === undefined ? { key: newKey(accepted[oi]!) } : { key: `t${i}`, base: i });
    if (i !== undefined) claimed.add(i);
  }
  const matchView = (view: readonly Turn[], toStored: readonly number[]) => {
    if (view.length !== toStored.length) return; // (a view that does not line up is not used)
    const anchors: [number, number][] = [];
    view.forEach((_, j) => {
      const i = byStored.get(toStored[j]!)?.base;
      if (i !== undefined && (anchors.length === 0 || i > anchors[anchors.length - 1]![0])) anchors.push([i, j]);
    });
    let bi = 0;
    let vj = 0;
    for (const [x, y] of [...anchors, [b.length, view.length] as [number, number]]) {
      const freeBase = range(bi, x).filter((i) => !claimed.has(i));
      const freeView = range(vj, y).filter((j) => !byStored.has(toStored[j]!));
      for (const [gx, gy] of matchTurns(
        freeBase.map((i) => b[i]!),
        freeView.map((j) => view[j]!),
      )) {
        const i = freeBase[gx]!;
        byStored.set(toStored[freeView[gy]!]!, { key: `t${i}`, base: i });
        claimed.add(i);
      }
      bi = x + 1;
      vj = y + 1;
    }
  };
  matchView(original, org);
  matchView(accepted, acc);
  accepted.forEach((x, k) => keys.ours.set(x, byStored.get(acc[k]!)?.key ?? newKey(x)));
  return keys;
}
