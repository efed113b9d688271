/**
 * What changed between two versions of an interview, for the compare view: the metadata field by
 * field, and the body block by block (a turn is one block, labelled by its speaker) with a
 * word-level diff inside each changed block. Pure and small: a longest-common-subsequence over
 * blocks, then over words, with a size cap so a huge change degrades to "replaced" instead of
 * freezing the window.
 */
import type { Block, Interview, Meta } from '../model/schema';

export type DiffOp = 'same' | 'added' | 'removed';
export interface Segment {
  op: DiffOp;
  text: string;
}
export interface BlockDiff {
  op: DiffOp | 'changed';
  /** The speaker's label for a turn; `paragraph` or `photo` for the others (translated by the view). */
  label: string;
  kind: 'turn' | 'paragraph' | 'photo';
  segments: Segment[];
}
export interface FieldDiff {
  field: keyof Meta | 'participants';
  from: string;
  to: string;
}
export interface VersionDiff {
  meta: FieldDiff[];
  blocks: BlockDiff[];
  /** True when anything differs. */
  changed: boolean;
}

/** Above this many cells an LCS table is not built: the texts are shown as replaced. */
const MAX_CELLS = 4_000_000;

interface FlatBlock {
  kind: BlockDiff['kind'];
  label: string;
  text: string;
}

function textOf(block: Block): string {
  if (block.type === 'paragraph') return block.children.map((l) => l.text).join('');
  if (block.type === 'photo') return [block.caption, block.credit].filter((s) => s !== '').join(' — ');
  return block.children.map(textOf).join('\n');
}

function flatten(doc: Interview): FlatBlock[] {
  const labels = new Map(doc.participants.map((p) => [p.id, p.label]));
  return doc.body.map((block) =>
    block.type === 'turn' ? { kind: 'turn', label: labels.get(block.speakerId) ?? block.speakerId, text: textOf(block) } : { kind: block.type, label: block.type, text: textOf(block) },
  );
}

/** Pairs of indexes of a longest common subsequence of `a` and `b` under `same`. */
function lcs<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): [number, number][] | null {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) return null;
  const table = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[at(i, j)] = same(a[i]!, b[j]!) ? table[at(i + 1, j + 1)]! + 1 : Math.max(table[at(i + 1, j)]!, table[at(i, j + 1)]!);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (same(a[i]!, b[j]!)) {
      pairs.push([i++, j++]);
    } else if (table[at(i + 1, j)]! >= table[at(i, j + 1)]!) i++;
    else j++;
  }
  return pairs;
}

/** Words and the spaces between them, so that joining the segments gives the text back. */
const tokens = (text: string) => text.split(/(\s+)/).filter((t) => t !== '');

/** A word-level diff of two texts; neighbouring segments of the same kind are merged. */
export function diffWords(from: string, to: string): Segment[] {
  const a = tokens(from);
  const b = tokens(to);
  const pairs = lcs(a, b, (x, y) => x === y);
  const out: Segment[] = [];
  const push = (op: DiffOp, text: string) => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  if (pairs === null) {
    push('removed', from);
    push('added', to);
    return out;
  }
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    push('removed', a.slice(i, pi).join(''));
    push('added', b.slice(j, pj).join(''));
    if (pi < a.length) push('same', a[pi]!);
    i = pi + 1;
    j = pj + 1;
  }
  return out;
}

function metaText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

export function compareVersions(from: Interview, to: Interview): VersionDiff {
  const meta: FieldDiff[] = [];
  for (const field of Object.keys(to.meta) as (keyof Meta)[]) {
    const a = metaText(from.meta[field]);
    const b = metaText(to.meta[field]);
    if (a !== b) meta.push({ field, from: a, to: b });
  }
  const people = (doc: Interview) => doc.participants.map((p) => (p.fullName && p.fullName !== p.label ? `${p.label} (${p.fullName})` : p.label)).join(', ');
  if (people(from) !== people(to)) meta.push({ field: 'participants', from: people(from), to: people(to) });

  const a = flatten(from);
  const b = flatten(to);
  const key = (x: FlatBlock) => `${x.kind}\u0000${x.label}\u0000${x.text}`;
  const pairs = lcs(a, b, (x, y) => key(x) === key(y)) ?? [];
  const blocks: BlockDiff[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    // Between two unchanged blocks: pair the old and new blocks in order as changes (same kind),
    // the rest are removals and additions.
    const olds = a.slice(i, pi);
    const news = b.slice(j, pj);
    const paired = Math.min(olds.length, news.length);
    for (let k = 0; k < paired; k++) {
      const o = olds[k]!;
      const n = news[k]!;
      if (o.kind === n.kind) {
        blocks.push({ op: 'changed', kind: n.kind, label: o.label === n.label ? n.label : `${o.label} → ${n.label}`, segments: diffWords(o.text, n.text) });
      } else {
        blocks.push({ op: 'removed', kind: o.kind, label: o.label, segments: [{ op: 'removed', text: o.text }] });
        blocks.push({ op: 'added', kind: n.kind, label: n.label, segments: [{ op: 'added', text: n.text }] });
      }
    }
    for (const o of olds.slice(paired)) blocks.push({ op: 'removed', kind: o.kind, label: o.label, segments: [{ op: 'removed', text: o.text }] });
    for (const n of news.slice(paired)) blocks.push({ op: 'added', kind: n.kind, label: n.label, segments: [{ op: 'added', text: n.text }] });
    if (pi < a.length) blocks.push({ op: 'same', kind: a[pi]!.kind, label: a[pi]!.label, segments: [{ op: 'same', text: a[pi]!.text }] });
    i = pi + 1;
    j = pj + 1;
  }
  return { meta, blocks, changed: meta.length > 0 || blocks.some((x) => x.op !== 'same') };
}
