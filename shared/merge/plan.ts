/**
 * From the merge's operations (ops.ts) to edits of the review algebra (shared/review/edits.ts),
 * which `suggest` then records as suggestions on our copy.
 *
 * Edit positions address the accepted view, and each edit changes it, so the operations are walked
 * in document order while a small model of our accepted view (paragraph lengths, photos, turns) is
 * kept up to date edit by edit; each position is read from it when its edit is made. The algebra
 * says what it can say, so some operations become several edits: a new paragraph is a split of a
 * paragraph beside it, a removed one is its text deleted and a join, a new turn is inserted empty
 * and typed into (paragraphs first, then photos at their places, as the editor itself does).
 *
 * Two things the algebra cannot say are recorded as deviations for the caller to flag: a join with
 * a block left standing between the two paragraphs, and new text where no paragraph can be split
 * next to it (it is then put at the nearest paragraph). A state the operations should never produce
 * throws PlanError; the caller then keeps our copy and the returned version side by side.
 */
import type { Block, Interview, Photo } from '../model/schema';
import type { BlockPath, Edit } from '../review/edits';
import type { LeafMarks } from '../review/leaves';
import type { InsOp, Op } from './ops';
import { textOf, type WordToken } from './tokens';

export interface PlannedEdit {
  edit: Edit;
  group: number;
}

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

interface Box {
  children: MNode[];
  turn: MTurn | null;
}
interface NodeBase {
  /** One of our blocks not yet reached by the walk. */
  ours: boolean;
  done: boolean;
  gone?: boolean;
  parent: Box;
}
interface MPara extends NodeBase {
  kind: 'p';
  len: number;
}
interface MPhoto extends NodeBase {
  kind: 'ph';
  key: string | undefined;
}
interface MTurn extends NodeBase {
  kind: 't';
  box: Box;
}
type MNode = MPara | MPhoto | MTurn;

interface Cursor {
  box: Box;
  /** The paragraph being written into, at `off`. */
  open: MPara | null;
  off: number;
  /** The open paragraph was made for their new text (it has none of ours). */
  created: boolean;
  /** The open paragraph's end was deleted: it runs on into our next paragraph (`joinGroup`'s join). */
  joining: boolean;
  joinGroup: number;
  /** A paragraph made ahead for their new text after the blocks they insert before it. */
  reserved: MPara | null;
}

const photoFields = (p: Photo) => ({ assetId: p.assetId, caption: p.caption, credit: p.credit, alt: p.alt });

/** Text with formatting, one UTF-16 unit at a time (positions are counted as Slate counts them). */
interface Char {
  c: string;
  marks: LeafMarks | undefined;
  /** The formatting as a key, to compare. */
  k: string;
}

const markKey = (m: LeafMarks | undefined) => `${m?.bold ? 'b' : ''}${m?.italic ? 'i' : ''}`;

function charsOf(words: readonly WordToken[]): Char[] {
  const out: Char[] = [];
  for (const w of words) for (let i = 0; i < w.text.length; i++) out.push({ c: w.text[i]!, marks: w.marks, k: markKey(w.marks) });
  return out;
}

/** Whether a word boundary (a space on either side, or an end) falls before `i`. */
function boundary(chars: readonly Char[], i: number): boolean {
  const space = (j: number) => j < 0 || j >= chars.length || /\s/.test(chars[j]!.c);
  return space(i - 1) || space(i);
}

/** Consecutive characters with the same formatting, as pieces of text to type. */
function runsOf(chars: readonly Char[]): { text: string; marks: LeafMarks | undefined }[] {
  const runs: { text: string; marks: LeafMarks | undefined; k: string }[] = [];
  for (const ch of chars) {
    const last = runs[runs.length - 1];
    if (last && last.k === ch.k) last.text += ch.c;
    else runs.push({ text: ch.c, marks: ch.marks, k: ch.k });
  }
  return runs.map(({ text, marks }) => ({ text, marks }));
}

const withMarks = (marks: LeafMarks | undefined) => (marks ? { marks } : {});

export class Planner {
  readonly edits: PlannedEdit[] = [];
  /** Groups whose change could not be carried out exactly (see the module comment). */
  readonly deviations = new Set<number>();
  private readonly top: Box = { children: [], turn: null };
  private readonly photoByKey = new Map<string, MPhoto>();
  /** Move sources reached before their destination: still in place, already walked past. */
  private readonly waiting = new Map<number, { node: MPhoto; group: number }>();
  private readonly moved = new Set<number>();

  constructor(ours: Interview, photoKey: ReadonlyMap<Photo, string>) {
    const build = (b: Block, parent: Box): MNode => {
      if (b.type === 'paragraph') return { kind: 'p', len: textOf(b).length, ours: true, done: false, parent };
      if (b.type === 'photo') {
        const node: MPhoto = { kind: 'ph', key: photoKey.get(b), ours: true, done: false, parent };
        if (node.key) this.photoByKey.set(node.key, node);
        return node;
      }
      const turn: MTurn = { kind: 't', box: { children: [], turn: null }, ours: true, done: false, parent };
      turn.box.turn = turn;
      turn.box.children = b.children.map((c) => build(c, turn.box));
      return turn;
    };
    this.top.children = ours.body.map((b) => build(b, this.top));
  }

  plan(ops: readonly Op[]): PlannedEdit[] {
    this.run(this.cursor(this.top), ops);
    // A move whose new place never came (it cannot, by construction): the photo still goes, flagged.
    for (const { node, group } of this.waiting.values()) {
      this.emit({ type: 'removePhoto', at: this.pathOf(node) }, group);
      this.deviations.add(group);
    }
    return this.edits;
  }

  private cursor(box: Box): Cursor {
    return { box, open: null, off: 0, created: false, joining: false, joinGroup: 0, reserved: null };
  }

  // --- positions ----------------------------------------------------------------------------

  private pathAt(box: Box, index: number): BlockPath {
    return box.turn ? [this.top.children.indexOf(box.turn), index] : [index];
  }

  private pathOf(node: MNode): BlockPath {
    return this.pathAt(node.parent, node.parent.children.indexOf(node));
  }

  private nextOurs(cur: Cursor): MNode | undefined {
    return cur.box.children.find((n) => n.ours && !n.done);
  }

  /** Where a block inserted now goes: before our next block not yet walked. */
  private nextIndex(cur: Cursor): number {
    const i = cur.box.children.findIndex((n) => n.ours && !n.done);
    return i < 0 ? cur.box.children.length : i;
  }

  private detach(node: MNode): void {
    const siblings = node.parent.children;
    siblings.splice(siblings.indexOf(node), 1);
  }

  private gone(node: MNode): void {
    node.gone = true;
    if (node.kind === 't') node.box.children.forEach((c) => this.gone(c));
  }

  private emit(edit: Edit, group: number): void {
    this.edits.push({ edit, group });
  }

  // --- the walk -----------------------------------------------------------------------------

  private run(cur: Cursor, ops: readonly Op[]): void {
    for (let k = 0; k < ops.length; k++) {
      const op = ops[k]!;
      const tok = op.tok;
      if (tok.t === 'w') {
        if (op.op === 'keep') {
          this.openOurs(cur);
          cur.off += tok.text.length;
          continue;
        }
        // Changed words of one group at one place: one deletion, replacement or insertion.
        const struck: WordToken[] = [];
        const typed: WordToken[] = [];
        let j = k;
        for (; j < ops.length; j++) {
          const x = ops[j]!;
          if (x.tok.t !== 'w' || x.op === 'keep' || x.group !== op.group) break;
          (x.op === 'del' ? struck : typed).push(x.tok);
        }
        k = j - 1;
        this.words(cur, struck, typed, op.group);
      } else if (tok.t === 'b') this.paragraphEnd(cur, op);
      else {
        if (op.op === 'ins' && !cur.open && !cur.reserved) this.reserve(cur, ops, k, op.group);
        if (tok.t === 'p') this.photo(cur, op);
        else this.turn(cur, op);
      }
      this.removeDeferred();
    }
    if (cur.open) {
      if (cur.joining) this.endJoin(cur);
      this.close(cur);
    }
  }

  /**
   * Blocks they insert, followed by new text of theirs where we have no paragraph: the paragraph for
   * that text can only come from splitting the one before the blocks, so it is made first, and the
   * blocks go in before it (as their editor made it: Enter, then the blocks between).
   */
  private reserve(cur: Cursor, ops: readonly Op[], k: number, group: number): void {
    let j = k + 1;
    while (j < ops.length && ops[j]!.op === 'ins' && (ops[j]!.tok.t === 'p' || ops[j]!.tok.t === 't')) j++;
    const next = ops[j];
    if (next?.op !== 'ins' || (next.tok.t !== 'w' && next.tok.t !== 'b')) return;
    const siblings = cur.box.children;
    const at = this.nextIndex(cur);
    const before = siblings[at - 1];
    if (siblings[at]?.kind === 'p' || before?.kind !== 'p') return;
    this.emit({ type: 'splitParagraph', at: { path: this.pathOf(before), offset: before.len } }, group);
    const made: MPara = { kind: 'p', len: 0, ours: false, done: true, parent: cur.box };
    siblings.splice(at, 0, made);
    cur.reserved = made;
  }

  /**
   * The open paragraph, emptied and joining, can be joined to the paragraph before it instead: right
   * before it, or with only photos waiting to move away between (they are removed now instead).
   */
  private joinsBack(cur: Cursor): boolean {
    return cur.open!.len === 0 && this.paragraphBefore(cur.open!) !== undefined;
  }

  private paragraphBefore(p: MPara): MPara | undefined {
    const siblings = p.parent.children;
    for (let i = siblings.indexOf(p) - 1; i >= 0; i--) {
      const n = siblings[i]!;
      if (n.kind === 'p') return n;
      if (!this.waitingMove(n)) return undefined;
    }
    return undefined;
  }

  private waitingMove(node: MNode): [number, { node: MPhoto; group: number }] | undefined {
    return [...this.waiting].find(([, w]) => w.node === node);
  }

  /**
   * A paragraph whose end was deleted has no next paragraph to run on into. Emptied, it is joined
   * to the paragraph before it instead (the same text); otherwise its break stays, flagged.
   */
  private endJoin(cur: Cursor): void {
    const p = cur.open!;
    const before = p.len === 0 ? this.paragraphBefore(p) : undefined;
    if (before) {
      this.clearBetween(before, p);
      this.emit({ type: 'mergeParagraphs', at: this.pathOf(before) }, cur.joinGroup);
      this.detach(p);
    } else this.deviations.add(cur.joinGroup);
    this.close(cur);
  }

  private close(cur: Cursor): void {
    cur.open = null;
    cur.off = 0;
    cur.created = false;
    cur.joining = false;
  }

  /** The next token is one of our paragraph's: be in that paragraph (joining it on if its break went). */
  private openOurs(cur: Cursor): void {
    if (cur.open && !cur.joining && !cur.created) return;
    if (cur.open && cur.created) this.close(cur);
    const q = this.nextOurs(cur);
    if (q?.kind !== 'p') throw new PlanError('expected one of our paragraphs');
    if (cur.open && cur.joining) {
      const p = cur.open;
      this.clearBetween(p, q);
      const siblings = cur.box.children;
      if (siblings.indexOf(q) === siblings.indexOf(p) + 1) {
        this.emit({ type: 'mergeParagraphs', at: this.pathOf(p) }, cur.joinGroup);
        p.len += q.len;
        q.done = true;
        this.detach(q);
        cur.joining = false;
        return;
      }
      // A block stays between them: the break stays too.
      this.endJoin(cur);
    }
    q.done = true;
    cur.open = q;
    cur.off = 0;
  }

  /** Photos waiting to move that stand between two paragraphs being joined are removed now instead. */
  private clearBetween(p: MPara, q: MPara): void {
    const siblings = p.parent.children;
    for (const node of siblings.slice(siblings.indexOf(p) + 1, siblings.indexOf(q))) {
      const entry = this.waitingMove(node);
      if (!entry) continue;
      this.emit({ type: 'removePhoto', at: this.pathOf(node) }, entry[1].group);
      this.waiting.delete(entry[0]);
      this.detach(node);
      this.gone(node);
    }
  }

  /**
   * Move a photo to right before or right after a paragraph just made next to it (where their new
   * paragraph stands between photos: the algebra makes paragraphs only by splitting one).
   */
  private stepOver(photo: MPhoto, made: MPara, after: number | 'before', group: number): void {
    const box = made.parent;
    const from = this.pathOf(photo);
    this.detach(photo);
    // Right before it, or after it and the `after` photos that stepped over it already.
    const to = box.children.indexOf(made) + (after === 'before' ? 0 : 1 + after);
    this.emit({ type: 'movePhoto', from, to: this.pathAt(box, to) }, group);
    box.children.splice(to, 0, photo);
  }

  /** Their new text goes here: be in a paragraph, making one if there is none. */
  private paragraphForInsert(cur: Cursor, group: number): void {
    if (cur.open) return;
    if (cur.reserved) {
      cur.open = cur.reserved;
      cur.reserved = null;
      cur.off = 0;
      cur.created = true;
      return;
    }
    const q = this.nextOurs(cur);
    if (q?.kind === 'p') {
      q.done = true;
      cur.open = q;
      cur.off = 0;
      return;
    }
    const siblings = cur.box.children;
    const at = this.nextIndex(cur);
    const made: MPara = { kind: 'p', len: 0, ours: false, done: true, parent: cur.box };
    let before = -1;
    for (let i = at - 1; i >= 0 && before < 0; i--) if (siblings[i]!.kind === 'p') before = i;
    const after = siblings.findIndex((n, i) => i >= at && n.kind === 'p');
    const photosOnly = (from: number, to: number) => siblings.slice(from, to).every((n) => n.kind === 'ph');
    if (before >= 0 && (before === at - 1 || photosOnly(before + 1, at) || after < 0 || !photosOnly(at, after))) {
      // Split the paragraph before at its end; photos standing between step back over the new one.
      const p = siblings[before] as MPara;
      this.emit({ type: 'splitParagraph', at: { path: this.pathOf(p), offset: p.len } }, group);
      siblings.splice(before + 1, 0, made);
      if (photosOnly(before + 2, at + 1)) {
        for (let i = before + 2; i <= at; i++) this.stepOver(siblings[i] as MPhoto, made, 'before', group);
      } else this.deviations.add(group);
    } else if (after >= 0) {
      // Split the paragraph after at its start; photos standing between step forward over the new one.
      const stepping = photosOnly(at, after);
      this.emit({ type: 'splitParagraph', at: { path: this.pathAt(cur.box, after), offset: 0 } }, group);
      siblings.splice(after, 0, made);
      if (stepping) for (let n = 0; siblings.indexOf(made) > at; n++) this.stepOver(siblings[at] as MPhoto, made, n, group);
      else this.deviations.add(group);
    } else {
      // (Text for a body of turns and photos only: the algebra makes paragraphs only by splitting one.)
      throw new PlanError('no paragraph to split in this container');
    }
    cur.open = made;
    cur.off = 0;
    cur.created = true;
  }

  /**
   * Our words struck and theirs typed, at the cursor. What both begin or end with, up to a word
   * boundary, is left alone: a token is a word with its spaces, so typing after the last word of a
   * paragraph ("nay" → "nay 2025") is seen as a change of that word, and must read as what it is.
   */
  private words(cur: Cursor, struck: readonly WordToken[], typed: readonly WordToken[], group: number): void {
    if (struck.length > 0) this.openOurs(cur);
    else this.paragraphForInsert(cur, group);
    const p = cur.open!;
    const path = this.pathOf(p);
    const gone = charsOf(struck);
    const come = charsOf(typed);
    const same = (i: number, j: number) => gone[i]!.c === come[j]!.c && gone[i]!.k === come[j]!.k;
    let head = 0;
    while (head < gone.length && head < come.length && same(head, head)) head++;
    while (head > 0 && (!boundary(gone, head) || !boundary(come, head))) head--;
    let tail = 0;
    while (tail < gone.length - head && tail < come.length - head && same(gone.length - 1 - tail, come.length - 1 - tail)) tail++;
    while (tail > 0 && (!boundary(gone, gone.length - tail) || !boundary(come, come.length - tail))) tail--;
    const deleted = gone.length - head - tail;
    const runs = runsOf(come.slice(head, come.length - tail));
    let offset = cur.off + head;
    const first = runs.shift();
    if (deleted > 0) {
      const at = { path, offset };
      this.emit(first ? { type: 'replaceText', at, length: deleted, text: first.text, ...withMarks(first.marks) } : { type: 'deleteText', at, length: deleted }, group);
    } else if (first) this.emit({ type: 'insertText', at: { path, offset }, text: first.text, ...withMarks(first.marks) }, group);
    if (first) offset += first.text.length;
    for (const run of runs) {
      this.emit({ type: 'insertText', at: { path, offset }, text: run.text, ...withMarks(run.marks) }, group);
      offset += run.text.length;
    }
    p.len += come.length - gone.length;
    cur.off += come.length;
  }

  private paragraphEnd(cur: Cursor, op: Op): void {
    if (op.op === 'keep') {
      this.openOurs(cur);
      this.close(cur);
    } else if (op.op === 'del') {
      this.openOurs(cur);
      cur.joining = true;
      cur.joinGroup = op.group;
    } else if (!cur.open && cur.reserved) {
      cur.reserved = null; // the paragraph made ahead is this one, empty
    } else if (!cur.open) {
      // An empty new paragraph: before our next one (split at its start), or made where there is none.
      const q = this.nextOurs(cur);
      const last = cur.box.children[cur.box.children.length - 1];
      if (cur.box === this.top && !q && last?.kind === 'ph') {
        // Closing a body that ends with a photo: normalisation puts this paragraph there anyway.
      } else if (q?.kind === 'p') {
        this.emit({ type: 'splitParagraph', at: { path: this.pathOf(q), offset: 0 } }, op.group);
        cur.box.children.splice(cur.box.children.indexOf(q), 0, { kind: 'p', len: 0, ours: false, done: true, parent: cur.box });
      } else if (!cur.box.children.some((n) => n.kind === 'p')) {
        // A body of turns and photos has no paragraph to split: an empty one cannot be made there.
        this.deviations.add(op.group);
      } else {
        this.paragraphForInsert(cur, op.group);
        this.close(cur);
      }
    } else if (cur.created || cur.joining) {
      // The end of their new paragraph, or a deleted end put back: the paragraph ends here.
      this.close(cur);
    } else {
      const p = cur.open;
      this.emit({ type: 'splitParagraph', at: { path: this.pathOf(p), offset: cur.off } }, op.group);
      // The rest of our paragraph is the new one; our next tokens are in it.
      const rest: MPara = { kind: 'p', len: p.len - cur.off, ours: false, done: true, parent: cur.box };
      p.len = cur.off;
      cur.box.children.splice(cur.box.children.indexOf(p) + 1, 0, rest);
      cur.open = rest;
      cur.off = 0;
    }
  }

  /**
   * A block comes next, kept or inserted: no paragraph may be open (one just begun is handed back,
   * unwritten). Returns where an inserted block goes: before our next block, or, when the open
   * paragraph is emptied and joining our next one, before it (the join then happens after the block).
   */
  private atBoundary(cur: Cursor, op: Op): number {
    const p = cur.open;
    if (p && cur.joining && p.len === 0 && op.op !== 'del') {
      // Our emptied paragraph goes: joined to the paragraph before it if there is one, else it
      // joins the next one later, and the block goes before it (a kept photo was moved there). A
      // kept turn cannot go before it: the paragraph then stays, flagged.
      if (this.joinsBack(cur)) this.endJoin(cur);
      else if (op.op === 'ins' || op.tok.t === 'p') return cur.box.children.indexOf(p);
      else {
        this.deviations.add(cur.joinGroup);
        this.close(cur);
      }
      return this.nextIndex(cur);
    }
    if (cur.reserved && !p) return cur.box.children.indexOf(cur.reserved);
    if (p) {
      if (cur.joining) this.endJoin(cur);
      else if (cur.off === 0 && !cur.created) {
        p.ours = true;
        p.done = false;
      } else if (op.op !== 'keep') this.deviations.add(op.group);
      this.close(cur);
    }
    return this.nextIndex(cur);
  }

  /**
   * Take one of our blocks out of the accepted view. The body keeps at least one block (edits.ts),
   * so the last one left at the top level goes only once something new stands beside it.
   */
  private remove(node: MPhoto | MTurn, group: number): void {
    node.done = true;
    if (node.parent === this.top && this.top.children.length === 1) {
      this.deferred.push({ node, group });
      return;
    }
    const path = this.pathOf(node);
    this.emit(node.kind === 't' ? { type: 'removeTurn', at: path[0] } : { type: 'removePhoto', at: path }, group);
    this.detach(node);
    this.gone(node);
  }

  private readonly deferred: { node: MPhoto | MTurn; group: number }[] = [];

  private removeDeferred(): void {
    while (this.deferred.length > 0 && this.top.children.length > 1) {
      const { node, group } = this.deferred.shift()!;
      this.remove(node, group);
    }
  }

  private photo(cur: Cursor, op: Op): void {
    if (op.op === 'del') {
      if (op.move && this.moved.has(op.move)) return; // already moved to its new place
      // A removal needs no boundary: the block is simply not there any more.
      const node = this.nextOurs(cur);
      if (node?.kind !== 'ph') throw new PlanError('expected one of our photos');
      node.done = true;
      if (op.move) this.waiting.set(op.move, { node, group: op.group });
      else this.remove(node, op.group);
      return;
    }
    const p = cur.open;
    if (op.op === 'keep' && p && cur.joining && p.len === 0 && !this.joinsBack(cur)) {
      // Our paragraph before the photo is emptied and joins the one after it: the algebra cannot
      // take a paragraph away across a photo, but the photo can step over it (their layout).
      const node = this.nextOurs(cur);
      if (node?.kind !== 'ph') throw new PlanError('expected one of our photos');
      const from = this.pathOf(node);
      this.detach(node);
      const at = cur.box.children.indexOf(p);
      this.emit({ type: 'movePhoto', from, to: this.pathAt(cur.box, at) }, cur.joinGroup);
      cur.box.children.splice(at, 0, node);
    }
    const at = this.atBoundary(cur, op);
    if (op.op === 'ins') {
      this.placePhoto(cur.box, at, op);
      return;
    }
    const node = this.nextOurs(cur);
    if (node?.kind !== 'ph') throw new PlanError('expected one of our photos');
    node.done = true;
    for (const f of op.photo?.fields ?? []) this.emit({ type: 'setPhotoText', at: this.pathOf(node), field: f.field, value: f.to }, f.group);
  }

  /**
   * The photo a move takes: the source walked past and left waiting, or one of ours not reached yet
   * (found by its key), or none when its old place is gone (removed with a turn, or cleared for a join).
   */
  private takeSource(op: InsOp): MPhoto | undefined {
    const id = op.move!;
    const waiting = this.waiting.get(id);
    this.waiting.delete(id);
    this.moved.add(id);
    const source = waiting?.node ?? this.photoByKey.get(op.tok.key);
    return source && !source.gone && (waiting !== undefined || !source.done) ? source : undefined;
  }

  /**
   * Put a photo at `index` of `box` (an index before the source is taken out): ours moved there,
   * or theirs inserted.
   */
  private placePhoto(box: Box, index: number, op: InsOp): void {
    const source = op.move ? this.takeSource(op) : undefined;
    if (!source) {
      this.emit({ type: 'insertPhoto', at: this.pathAt(box, index), photo: photoFields((op.tok as { photo: Photo }).photo) }, op.group);
      box.children.splice(index, 0, { kind: 'ph', key: undefined, ours: false, done: true, parent: box });
      return;
    }
    const from = this.pathOf(source);
    // `to` addresses the document with the photo already taken out of `from` (edits.ts).
    const anchor = box.children[index];
    this.detach(source);
    const at = anchor === undefined ? box.children.length : anchor === source ? box.children.indexOf(source) : box.children.indexOf(anchor);
    this.emit({ type: 'movePhoto', from, to: this.pathAt(box, at < 0 ? index : at) }, op.group);
    box.children.splice(at < 0 ? index : at, 0, source);
    source.parent = box;
    source.ours = false;
    source.done = true;
    for (const f of op.photo?.fields ?? []) this.emit({ type: 'setPhotoText', at: this.pathOf(source), field: f.field, value: f.to }, f.group);
  }

  private turn(cur: Cursor, op: Op): void {
    if (op.op === 'del') {
      const node = this.nextOurs(cur);
      if (node?.kind !== 't') throw new PlanError('expected one of our turns');
      this.remove(node, op.group);
      return;
    }
    const at = this.atBoundary(cur, op);
    if (op.op === 'ins') {
      this.insertTurn(at, op);
      return;
    }
    const node = this.nextOurs(cur);
    if (node?.kind !== 't') throw new PlanError('expected one of our turns');
    node.done = true;
    if (op.turn?.speaker) this.emit({ type: 'setSpeaker', at: this.top.children.indexOf(node), speakerId: op.turn.speaker.to }, op.turn.speaker.group);
    if (op.turn) this.run(this.cursor(node.box), op.turn.children);
  }

  /** Their new turn: inserted empty, its paragraphs typed (split one after another), then its photos put in. */
  private insertTurn(at: number, op: InsOp): void {
    const g = op.group;
    const turn = (op.tok as { turn: { speakerId: string } }).turn;
    const blocks: ({ kind: 'p'; words: WordToken[] } | { kind: 'ph'; op: InsOp })[] = [];
    let para: { kind: 'p'; words: WordToken[] } | null = null;
    for (const c of op.children ?? []) {
      if (c.op !== 'ins') continue;
      if (c.tok.t === 'w') (para ??= { kind: 'p', words: [] }).words.push(c.tok);
      else if (c.tok.t === 'b') {
        blocks.push(para ?? { kind: 'p', words: [] });
        para = null;
      } else if (c.tok.t === 'p') blocks.push({ kind: 'ph', op: c });
    }
    if (para) blocks.push(para);
    if (!blocks.some((b) => b.kind === 'p')) blocks.push({ kind: 'p', words: [] });

    this.emit({ type: 'insertTurn', at, speakerId: turn.speakerId, text: '' }, g);
    const node: MTurn = { kind: 't', box: { children: [], turn: null }, ours: false, done: true, parent: this.top };
    node.box.turn = node;
    this.top.children.splice(at, 0, node);

    let last: MPara | null = null;
    for (const b of blocks) {
      if (b.kind !== 'p') continue;
      let p: MPara;
      if (!last) {
        p = { kind: 'p', len: 0, ours: false, done: true, parent: node.box };
        node.box.children.push(p);
      } else {
        this.emit({ type: 'splitParagraph', at: { path: this.pathOf(last), offset: last.len } }, g);
        p = { kind: 'p', len: 0, ours: false, done: true, parent: node.box };
        node.box.children.push(p);
      }
      for (const run of runsOf(charsOf(b.words))) {
        this.emit({ type: 'insertText', at: { path: this.pathOf(p), offset: p.len }, text: run.text, ...withMarks(run.marks) }, g);
        p.len += run.text.length;
      }
      last = p;
    }
    // Each photo at its final index: everything before it is in place by then.
    blocks.forEach((b, x) => {
      if (b.kind === 'ph') this.placePhoto(node.box, x, b.op);
    });
  }
}
