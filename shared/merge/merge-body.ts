/**
 * The three-way merge of the body: base (the version sent), ours (this copy now) and theirs (the
 * version returned), each read as its accepted view, aligned container by container (tokens.ts) with
 * diff3 (diff3.ts), and said as operations on our tokens (ops.ts):
 *
 * - where only we changed something, ours stays;
 * - where only they did, their change comes in (our tokens deleted, theirs inserted): suggestions;
 * - where both did the same, nothing happens (a false conflict);
 * - where both did different things ("the same words": changes that overlap or touch in the base),
 *   their version of the stretch replaces ours as one flagged suggestion, so accepting it takes
 *   theirs and rejecting it keeps ours (two insertions at one place too, unless theirs is already
 *   in ours). The merged text then reads as theirs there, so merging the same file again finds
 *   nothing new.
 *
 * Turns and photos are tokens whose insides merge on their own (a turn's children are a container,
 * a turn's speaker and a photo's caption, credit and alt are values). A block one side removed
 * while the other changed it is never lost: their removal of a block we changed is a flagged
 * removal; a block we removed that they changed is put back as a flagged insertion. Photos keep their
 * key wherever they go, so a photo deleted in one place and inserted in another is a move.
 */
import type { Block, Interview, Photo, Turn } from '../model/schema';
import { PHOTO_TEXT_FIELDS } from '../review/values';
import { commonPairs, diff3Regions } from './diff3';
import { type Groups, PLAIN, walkOps, type ConflictDraft, type DelOp, type InsOp, type KeepOp, type Op, type PhotoChange, type TurnChange, type ValueChange } from './ops';
import { mergeText } from './text-merge';
import { wordSteps } from './word-steps';
import { BREAK, turnText, wordsOf, type Token } from './tokens';

/** One version as the merge reads it: its accepted view and the keys of its turns and photos. */
export interface Version {
  doc: Interview;
  turnKey: Map<Turn, string>;
  photoKey: Map<Photo, string>;
  turns: Map<string, Turn>;
  photos: Map<string, Photo>;
}

export function readVersion(doc: Interview, turnKey: Map<Turn, string>, photoKey: Map<Photo, string>): Version {
  return {
    doc,
    turnKey,
    photoKey,
    turns: new Map([...turnKey].map(([t, k]) => [k, t])),
    photos: new Map([...photoKey].map(([p, k]) => [k, p])),
  };
}

export function tokensOf(children: readonly Block[], v: Version): Token[] {
  const out: Token[] = [];
  for (const b of children) {
    if (b.type === 'paragraph') out.push(...wordsOf(b), BREAK);
    else if (b.type === 'photo') out.push({ t: 'p', key: v.photoKey.get(b)!, photo: b });
    else out.push({ t: 't', key: v.turnKey.get(b)!, turn: b });
  }
  return out;
}

const keysOf = (tokens: readonly Token[]) => tokens.map((t) => t.key);
const isWordKey = (key: string) => key.startsWith('w');
const sameKeys = (x: readonly Token[], y: readonly Token[]) => x.length === y.length && x.every((t, i) => t.key === y[i]!.key);
const sameJson = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/** The text of some tokens, for a conflict's record of the base (paragraph ends as line breaks). */
export function textOfTokens(tokens: readonly Token[]): string {
  return tokens
    .map((t) => (t.t === 'w' ? t.text : t.t === 'b' ? '\n' : t.t === 'p' ? `[${t.photo.caption}]\n` : `${turnText(t.turn)}\n`))
    .join('')
    .trim();
}

const photoText = (p: Photo) => p.caption || p.alt || p.credit;
const EMPTY_PHOTO_TEXT = { caption: '', credit: '', alt: '' };

/**
 * Ops in order, with blocks put back at the next place a block can stand: a restored turn or
 * photo cannot go in the middle of a paragraph.
 */
class Emitter {
  readonly ops: Op[] = [];
  private pending: Op[] = [];
  private boundary = true;

  push(op: Op): void {
    if (this.pending.length > 0 && this.boundary) this.flush();
    this.ops.push(op);
    if (op.op !== 'del') this.boundary = op.tok.t !== 'w';
  }

  later(op: Op): void {
    this.pending.push(op);
  }

  private flush(): void {
    this.ops.push(...this.pending);
    this.pending = [];
    this.boundary = true;
  }

  finish(): Op[] {
    if (this.pending.length > 0) this.flush();
    return this.ops;
  }
}

export class BodyMerge {
  constructor(
    private readonly base: Version,
    private readonly ours: Version,
    private readonly theirs: Version,
    readonly groups: Groups,
    /** How a speaker is shown in a conflict's record (their printed label). */
    private readonly speakerLabel: (id: string) => string,
  ) {}

  merge(): Op[] {
    const ops = this.container(tokensOf(this.base.doc.body, this.base), tokensOf(this.ours.doc.body, this.ours), tokensOf(this.theirs.doc.body, this.theirs));
    this.pairTurns(ops);
    this.pairPhotos(ops);
    return ops;
  }

  private container(o: Token[], a: Token[], b: Token[]): Op[] {
    const out = new Emitter();
    for (const r of diff3Regions(keysOf(o), keysOf(a), keysOf(b), isWordKey)) {
      const O = o.slice(r.oStart, r.oEnd);
      const A = a.slice(r.aStart, r.aEnd);
      const B = b.slice(r.bStart, r.bEnd);
      if (r.kind === 'same') O.forEach((t, i) => out.push(this.keepSame(t, A[i]!, B[i]!)));
      else if (r.kind === 'ours') {
        for (const t of A) out.push(this.keepOurs(t));
        this.restoreRemoved(O, B, out);
      } else if (r.kind === 'theirs') this.takeTheirs(A, B, out);
      else if (sameKeys(A, B)) A.forEach((t, i) => out.push(this.keepPair(t, B[i]!)));
      else this.conflict(O, A, B, out);
    }
    return out.finish();
  }

  /** A token none of the three changed (its inside may have changed). */
  private keepSame(o: Token, a: Token, b: Token): Op {
    if (a.t === 't' && o.t === 't' && b.t === 't') return { op: 'keep', tok: a, turn: this.mergeTurn(o.turn, a.turn, b.turn) };
    if (a.t === 'p' && o.t === 'p' && b.t === 'p') return { op: 'keep', tok: a, photo: this.mergePhoto(o.photo, a.photo, b.photo) };
    if (b.t === 'w' && b.comments) return { op: 'keep', tok: a, theirsComments: b.comments };
    return { op: 'keep', tok: a };
  }

  /** One of our tokens where only we changed the base: a turn or photo found by its key. */
  private keepOurs(a: Token): Op {
    if (a.t === 't') {
      const bt = this.base.turns.get(a.key);
      const tt = this.theirs.turns.get(a.key);
      if (bt && !tt) return { op: 'del', tok: a, group: this.groups.conflict({ kind: 'removed', base: turnText(bt) }) };
      if (bt && tt) return { op: 'keep', tok: a, turn: this.mergeTurn(bt, a.turn, tt) };
    }
    if (a.t === 'p') {
      const bp = this.base.photos.get(a.key);
      const tp = this.theirs.photos.get(a.key);
      // A photo we moved: their removal of it is not silently carried out (pairPhotos may yet find it moved).
      if (bp && !tp) return { op: 'del', tok: a, group: this.groups.conflict({ kind: 'removed', base: photoText(bp) }) };
      if (bp && tp) return { op: 'keep', tok: a, photo: this.mergePhoto(bp, a.photo, tp) };
    }
    return { op: 'keep', tok: a };
  }

  /** Base blocks we removed where only we changed the stretch: one they changed comes back, flagged. */
  private restoreRemoved(O: readonly Token[], B: readonly Token[], out: Emitter): void {
    O.forEach((o, i) => {
      const b = B[i]!;
      if (o.t === 't' && b.t === 't' && !this.ours.turns.has(o.key) && !sameJson(o.turn, b.turn)) {
        out.later(this.insTheirs(b, this.groups.conflict({ kind: 'restored', base: turnText(o.turn) })));
      }
      if (o.t === 'p' && b.t === 'p' && !this.ours.photos.has(o.key) && !sameJson(o.photo, b.photo)) {
        out.later(this.insTheirs(b, this.groups.conflict({ kind: 'restored', base: photoText(o.photo) })));
      }
    });
  }

  /** Where only they changed the base: ours go, theirs come, as suggestions (struck, then typed). */
  private takeTheirs(A: readonly Token[], B: readonly Token[], out: Emitter): void {
    let removedChanged: number | undefined;
    for (const a of A) {
      // A turn or photo we changed that they removed: a flagged removal, not a silent one.
      const changed =
        (a.t === 't' && !sameJson(this.base.turns.get(a.key), a.turn)) || (a.t === 'p' && !sameJson(pick(this.base.photos.get(a.key)), pick(a.photo)));
      if (changed) {
        removedChanged ??= this.groups.conflict({ kind: 'removed', base: textOfTokens([a.t === 't' ? { ...a, turn: this.base.turns.get(a.key) ?? a.turn } : a]) });
        out.push({ op: 'del', tok: a, group: removedChanged });
      } else out.push({ op: 'del', tok: a, group: PLAIN });
    }
    for (const b of B) out.push(this.insTheirs(b, PLAIN));
  }

  private insTheirs(b: Token, group: number): InsOp {
    if (b.t === 't') return { op: 'ins', tok: b, group, children: tokensOf(b.turn.children, this.theirs).map((c) => this.insTheirs(c, group)) };
    return { op: 'ins', tok: b, group };
  }

  /** The same token on both sides (a false conflict, or what a conflict's two versions share). */
  private keepPair(a: Token, b: Token): Op {
    if (a.t === 't' && b.t === 't') {
      const bt = this.base.turns.get(a.key);
      return bt ? { op: 'keep', tok: a, turn: this.mergeTurn(bt, a.turn, b.turn) } : { op: 'keep', tok: a };
    }
    if (a.t === 'p' && b.t === 'p') {
      const bp = this.base.photos.get(a.key);
      return { op: 'keep', tok: a, photo: this.mergePhoto(bp, a.photo, b.photo) };
    }
    if (b.t === 'w' && b.comments) return { op: 'keep', tok: a, theirsComments: b.comments };
    return { op: 'keep', tok: a };
  }

  /** Both changed the stretch, differently: one flagged group. */
  private conflict(O: readonly Token[], A: readonly Token[], B: readonly Token[], out: Emitter): void {
    if (O.length === 0 && isSubsequence(keysOf(B), keysOf(A))) {
      // Both inserted here and theirs is already in ours: nothing new.
      const pairs = commonPairs(keysOf(A), keysOf(B));
      const partner = new Map(pairs);
      A.forEach((t, i) => out.push(partner.has(i) ? this.keepPair(t, B[partner.get(i)!]!) : this.keepOurs(t)));
      return;
    }
    const steps = [...O, ...A, ...B].every((t) => t.t === 'w') ? wordSteps(keysOf(O), keysOf(A), keysOf(B), (k) => /\s$/.test(k)) : undefined;
    if (steps) {
      // Text only: word by word where the two sides' changes can be told apart (word-steps.ts).
      let g: number | undefined;
      const group = () => (g ??= this.groups.conflict({ kind: 'text', base: textOfTokens(O) }));
      for (const step of steps) {
        if (step.kind === 'both') out.push(this.keepPair(A[step.a]!, B[step.b]!));
        else if (step.kind === 'ours') out.push(this.keepOurs(A[step.a]!));
        else if (step.kind === 'drop') out.push({ op: 'del', tok: A[step.a]!, group: step.conflict ? group() : PLAIN });
        else out.push(this.insTheirs(B[step.b]!, step.conflict ? group() : PLAIN));
      }
      return;
    }
    const draft: ConflictDraft = { kind: 'text', base: textOfTokens(O) };
    const g = this.groups.conflict(draft);
    if (O.length === 0 && sideBySide(A[A.length - 1]!, B[0]!)) {
      // Both inserted here: nothing to choose between, so both stay, theirs as a flagged suggestion
      // after ours (which goes first is the only thing the merge cannot know).
      for (const t of A) out.push(this.keepOurs(t));
      for (const t of B) out.push(this.insTheirs(t, g));
      return;
    }
    const pairs = commonPairs(keysOf(A), keysOf(B));
    let ai = 0;
    let bi = 0;
    // A turn or photo of ours that theirs has elsewhere is not theirs to remove here: it stays (and
    // gets their changes), as it would outside a conflict.
    const elsewhere = (t: Token) => (t.t === 'p' ? this.theirs.photos.has(t.key) : t.t === 't' && this.theirs.turns.has(t.key)) && !B.some((b) => b.key === t.key);
    for (const [x, y] of [...pairs, [A.length, B.length] as [number, number]]) {
      for (; ai < x; ai++) out.push(elsewhere(A[ai]!) ? this.keepOurs(A[ai]!) : { op: 'del', tok: A[ai]!, group: g });
      for (; bi < y; bi++) out.push(this.insTheirs(B[bi]!, g));
      if (x < A.length) out.push(this.keepPair(A[x]!, B[y]!));
      ai = x + 1;
      bi = y + 1;
    }
  }

  private value(b: string, o: string, t: string, draft: () => ConflictDraft): ValueChange<string> | undefined {
    if (t === b || o === t) return undefined;
    if (o === b) return { to: t, group: PLAIN };
    return { to: t, group: this.groups.conflict(draft()) };
  }

  private mergeTurn(bt: Turn, ot: Turn, tt: Turn): TurnChange {
    const speaker = this.value(bt.speakerId, ot.speakerId, tt.speakerId, () => ({ kind: 'value', field: 'speakerId', base: this.speakerLabel(bt.speakerId) }));
    const children = this.container(tokensOf(bt.children, this.base), tokensOf(ot.children, this.ours), tokensOf(tt.children, this.theirs));
    return speaker ? { speaker, children } : { children };
  }

  /** Caption, credit and alt text: each merged by words (a change of one word meets no other). */
  mergePhoto(base: Pick<Photo, 'caption' | 'credit' | 'alt'> | undefined, op: Photo, tp: Photo | undefined): PhotoChange | undefined {
    if (!tp) return undefined;
    // A photo both added has no text in the base: where the two differ, it is a conflict.
    const bp = base ?? EMPTY_PHOTO_TEXT;
    const fields: PhotoChange['fields'] = [];
    for (const field of PHOTO_TEXT_FIELDS) {
      const [b, o, t] = [bp[field], op[field], tp[field]];
      if (t === b || o === t) continue;
      if (o === b) {
        fields.push({ field, to: t, group: PLAIN });
        continue;
      }
      // As for metadata (merge-values.ts): by words, or theirs whole where both changed the same words.
      const merged = mergeText(b, o, t);
      if (merged.conflict) fields.push({ field, to: t, group: this.groups.conflict({ kind: 'value', field, base: b }) });
      else if (merged.text !== o) fields.push({ field, to: merged.text, group: PLAIN });
    }
    return fields.length > 0 ? { fields } : undefined;
  }

  /**
   * A turn they inserted that we also have: both moved it (ours stays where we put it; theirs is a
   * flagged copy where they put it, with ours flagged as removed, one group). A turn they have that
   * we removed comes back flagged.
   */
  private pairTurns(ops: Op[]): void {
    const keeps = new Map<string, { list: Op[]; index: number }>();
    const ins: InsOp[] = [];
    for (const { op, list, index } of walkOps(ops)) {
      if (op.tok.t !== 't') continue;
      if (op.op === 'keep') keeps.set(op.tok.key, { list, index });
      if (op.op === 'ins') ins.push(op);
    }
    for (const op of ins) {
      const key = op.tok.key;
      const kept = keeps.get(key);
      if (kept) {
        const keep = kept.list[kept.index] as KeepOp;
        const g = this.groups.isConflict(op.group) ? op.group : this.groups.conflict({ kind: 'moved', base: turnText(this.base.turns.get(key) ?? (keep.tok as { turn: Turn }).turn) });
        kept.list[kept.index] = { op: 'del', tok: keep.tok, group: g };
        regroup(op, g);
        keeps.delete(key);
      } else if (this.base.turns.has(key) && !this.ours.turns.has(key) && !this.groups.isConflict(op.group)) {
        regroup(op, this.groups.conflict({ kind: 'restored', base: turnText(this.base.turns.get(key)!) }));
      }
    }
  }

  /** Photos deleted in one place and inserted in another are moves (see the module comment). */
  private pairPhotos(ops: Op[]): void {
    const dels = new Map<string, DelOp[]>();
    const keeps = new Map<string, { list: Op[]; index: number }>();
    const ins: InsOp[] = [];
    for (const { op, list, index } of walkOps(ops)) {
      if (op.tok.t !== 'p') continue;
      if (op.op === 'del') dels.set(op.tok.key, [...(dels.get(op.tok.key) ?? []), op]);
      if (op.op === 'keep') keeps.set(op.tok.key, { list, index });
      if (op.op === 'ins') ins.push(op);
    }
    let moves = 0;
    for (const op of ins) {
      const key = op.tok.key;
      const fields = () => this.mergePhoto(this.base.photos.get(key), this.ours.photos.get(key)!, this.theirs.photos.get(key));
      const d = dels.get(key)?.shift();
      if (d) {
        d.move = op.move = ++moves;
        // A removal that turns out to be a move: the move is one suggestion, flagged only if either part was.
        const draft = this.groups.drafts.get(d.group);
        if (draft?.kind === 'removed' || !draft) d.group = op.group;
        else op.group = d.group;
        const change = fields();
        if (change) op.photo = change;
        continue;
      }
      if (this.ours.photos.has(key)) {
        const kept = keeps.get(key);
        op.move = ++moves;
        if (kept) {
          // Both moved it, to different places: ours stays unless their move is accepted.
          const was = this.base.photos.get(key);
          const g = this.groups.isConflict(op.group) ? op.group : this.groups.conflict({ kind: 'moved', base: was ? photoText(was) : '' });
          kept.list[kept.index] = { op: 'del', tok: kept.list[kept.index]!.tok, group: g, move: op.move };
          op.group = g;
          keeps.delete(key);
        }
        // Otherwise ours is inside a turn they removed: it is moved out of it (plan.ts finds it by key).
        const change = fields();
        if (change) op.photo = change;
      } else if (this.base.photos.has(key) && !this.groups.isConflict(op.group)) {
        op.group = this.groups.conflict({ kind: 'restored', base: photoText(this.base.photos.get(key)!) });
      }
    }
  }
}

function pick(p: Photo | undefined) {
  return p && { caption: p.caption, credit: p.credit, alt: p.alt };
}

function regroup(op: Op, group: number): void {
  if (op.op === 'keep') return;
  op.group = group;
  if (op.op === 'ins') for (const c of op.children ?? []) regroup(c, group);
}

/** Whether `b` can follow `a` in a container: after a block or a paragraph end, or a word after a finished word. */
function sideBySide(a: Token, b: Token): boolean {
  if (a.t !== 'w') return true;
  return b.t === 'w' ? /\s$/.test(a.text) : b.t === 'b';
}

function isSubsequence(small: readonly string[], big: readonly string[]): boolean {
  let i = 0;
  for (const k of big) if (i < small.length && small[i] === k) i++;
  return i === small.length;
}
