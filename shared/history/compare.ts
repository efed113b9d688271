/**
 * What changed between two versions of an interview, for the compare view: the story details
 * field by field, the participants one by one, the body block by block (a turn is one block,
 * labelled by its speaker) with a word-level diff inside each changed block, and the pending
 * suggestions of the two versions.
 *
 * The text is compared as each version reads with its suggestions accepted (its accepted view:
 * the "Final" view of the editor, and what an export would carry), and the pending suggestions are
 * listed apart, with who made them. That is the clearest for an editor, because the two kinds of
 * change answer different questions — "how does the story read differently?" and "what is still
 * waiting for a decision, and from whom?" — and mixing them on one line puts two layers of struck
 * and inserted text on the same words: a version where `30%` is struck and `25%` inserted (a
 * pending replacement) read as the raw leaves is `30%25%`, and diffed against `30%` that showed
 * `30%30%25%`. Compared as read, it is one deletion (`30%`) and one insertion (`25%`), and the
 * list below says that this replacement is a suggestion by its author, not yet accepted. A
 * removal in the diff therefore only ever means "not in the later version", never "struck by a
 * reviewer".
 */
import type { Block, Interview, Meta, Participant } from '../model/schema';
import { acceptedView } from '../review';
import { pendingChanges, type PendingChange } from './pending-changes';
import { diffWords, lcs, type DiffOp, type Segment } from './word-diff';

export { diffWords, type DiffOp, type Segment } from './word-diff';
export type { PendingChange, Place } from './pending-changes';

export interface BlockDiff {
  op: DiffOp | 'changed';
  /** The speaker's label for a turn (`old → new` when the speaker changed); `paragraph` or `photo` for the others (translated by the view). */
  label: string;
  kind: 'turn' | 'paragraph' | 'photo';
  /** For a photo: its image was replaced (or attached, or taken away); the caption and credit are in the segments. */
  imageChanged?: boolean;
  segments: Segment[];
}
export interface FieldDiff {
  /** A story detail, or one participant (`participant` names them, by label). */
  field: keyof Meta | 'participant';
  participant?: string;
  from: string;
  to: string;
}
export interface VersionDiff {
  meta: FieldDiff[];
  blocks: BlockDiff[];
  pending: PendingChange[];
  /** True when anything differs: the text as read, a detail, a participant, or which suggestions are pending. */
  changed: boolean;
}

interface FlatBlock {
  kind: BlockDiff['kind'];
  /** What must be equal for the block to be unchanged: its speaker (by id, so a renamed participant does not change every turn), image and text. */
  key: string;
  label: string;
  assetId: string | null;
  text: string;
}

function textOf(block: Block): string {
  if (block.type === 'paragraph') return block.children.map((l) => l.text).join('');
  if (block.type === 'photo') return [block.caption, block.credit].filter((s) => s !== '').join(' — ');
  return block.children.map(textOf).join('\n');
}

function flatten(doc: Interview): FlatBlock[] {
  const labels = new Map(doc.participants.map((p) => [p.id, p.label]));
  return doc.body.map((block): FlatBlock => {
    const text = textOf(block);
    if (block.type === 'turn') return { kind: 'turn', key: `turn\u0000${block.speakerId}\u0000${text}`, label: labels.get(block.speakerId) ?? block.speakerId, assetId: null, text };
    const assetId = block.type === 'photo' ? block.assetId : null;
    return { kind: block.type, key: `${block.type}\u0000${assetId ?? ''}\u0000${text}`, label: block.type, assetId, text };
  });
}

function metaText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function metaChanges(from: Meta, to: Meta): FieldDiff[] {
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])] as (keyof Meta)[];
  return fields.flatMap((field) => {
    const a = metaText(from[field]);
    const b = metaText(to[field]);
    return a === b ? [] : [{ field, from: a, to: b }];
  });
}

const describe = (p: Participant) => [p.fullName && p.fullName !== p.label ? `${p.label} (${p.fullName})` : p.label, p.title].filter((s) => s !== '').join(', ');

/** Participants added, removed or changed (label, full name, title), matched by id. */
function participantChanges(from: readonly Participant[], to: readonly Participant[]): FieldDiff[] {
  const before = new Map(from.map((p) => [p.id, p]));
  const after = new Map(to.map((p) => [p.id, p]));
  const out: FieldDiff[] = [];
  for (const p of from) {
    const q = after.get(p.id);
    if (!q) out.push({ field: 'participant', participant: p.label, from: describe(p), to: '' });
    else if (describe(p) !== describe(q)) out.push({ field: 'participant', participant: q.label, from: describe(p), to: describe(q) });
  }
  for (const q of to) if (!before.has(q.id)) out.push({ field: 'participant', participant: q.label, from: '', to: describe(q) });
  return out;
}

const whole = (op: 'same' | 'added' | 'removed', b: FlatBlock): BlockDiff => ({ op, kind: b.kind, label: b.label, segments: b.text === '' ? [] : [{ op, text: b.text }] });

function changedBlock(o: FlatBlock, n: FlatBlock): BlockDiff {
  if (o.key === n.key) return whole('same', n);
  return {
    op: 'changed',
    kind: n.kind,
    label: o.label === n.label ? n.label : `${o.label} → ${n.label}`,
    ...(o.kind === 'photo' && o.assetId !== n.assetId ? { imageChanged: true } : {}),
    segments: diffWords(o.text, n.text),
  };
}

/** The body's blocks: unchanged ones matched (LCS), the ones between two matches paired in order as changes when of the same kind. */
function blockChanges(a: readonly FlatBlock[], b: readonly FlatBlock[]): BlockDiff[] {
  // Too large to match (tens of thousands of blocks changed): blocks are paired in order.
  const pairs = lcs(a, b, (x, y) => x.key === y.key) ?? [];
  const blocks: BlockDiff[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    const olds = a.slice(i, pi);
    const news = b.slice(j, pj);
    const paired = Math.min(olds.length, news.length);
    for (let k = 0; k < paired; k++) {
      const o = olds[k]!;
      const n = news[k]!;
      if (o.kind === n.kind) blocks.push(changedBlock(o, n));
      else blocks.push(whole('removed', o), whole('added', n));
    }
    for (const o of olds.slice(paired)) blocks.push(whole('removed', o));
    for (const n of news.slice(paired)) blocks.push(whole('added', n));
    if (pi < a.length) blocks.push(whole('same', a[pi]!));
    i = pi + 1;
    j = pj + 1;
  }
  return blocks;
}

export function compareVersions(from: Interview, to: Interview): VersionDiff {
  const a = acceptedView(from);
  const b = acceptedView(to);
  const meta = [...metaChanges(a.meta, b.meta), ...participantChanges(a.participants, b.participants)];
  const blocks = blockChanges(flatten(a), flatten(b));
  const pending = pendingChanges(from, to);
  return { meta, blocks, pending, changed: meta.length > 0 || blocks.some((x) => x.op !== 'same') || pending.some((p) => p.status !== 'open') };
}
