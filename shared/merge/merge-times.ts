/**
 * Paragraph times (schema.ts `time`) in a returned review file. The body merge works on words and
 * paragraph breaks, and the result is our copy with their changes as suggestions: a time is not
 * tracked content (a working aid, changed directly even while suggesting), so on its own it would
 * stay as ours whatever they did. This pass takes their time where only they changed it:
 *
 * - ours as sent, theirs changed (they stamped or re-stamped a paragraph): theirs;
 * - ours changed, theirs as sent: ours (already there);
 * - both changed, differently: ours. The copy on screen is the one the reporter has been playing
 *   against; a time is cheap to stamp again and never changes what anyone said, so no conflict is
 *   raised for it.
 *
 * A paragraph is matched across the three versions by its text, and only where that text is one
 * paragraph's in each (and the merged paragraph has no pending change): a time must never land on
 * another paragraph, so a paragraph that cannot be told apart keeps ours.
 */
import { sameTime } from '../model/media-time';
import type { Block, Interview, MediaTime, Paragraph } from '../model/schema';

const textOf = (p: Paragraph) => p.children.map((l) => l.text).join('');

function paragraphsOf(doc: Interview): Paragraph[] {
  const out: Paragraph[] = [];
  const visit = (b: Block) => {
    if (b.type === 'paragraph') out.push(b);
    else if (b.type === 'turn') b.children.forEach(visit);
  };
  doc.body.forEach(visit);
  return out;
}

/** Each text that is exactly one paragraph's, with that paragraph's time. */
function uniqueTimes(doc: Interview): Map<string, MediaTime | undefined> {
  const seen = new Map<string, MediaTime | undefined>();
  const twice = new Set<string>();
  for (const p of paragraphsOf(doc)) {
    const text = textOf(p);
    if (seen.has(text)) twice.add(text);
    seen.set(text, p.time);
  }
  for (const text of twice) seen.delete(text);
  return seen;
}

/** `doc` (the merged copy, owned by the caller) with the times only they changed; base, ours, theirs as accepted views. */
export function mergeTimes(base: Interview, ours: Interview, theirs: Interview, doc: Interview): Interview {
  const [b, o, t] = [uniqueTimes(base), uniqueTimes(ours), uniqueTimes(theirs)];
  const merged = uniqueTimes(doc);
  const settled = (p: Paragraph) => p.breakAfter === undefined && p.children.every((l) => l.ins === undefined && l.del === undefined);
  let changed = false;
  const visit = (block: Block): Block => {
    if (block.type === 'turn') {
      const children = block.children.map((c) => visit(c) as typeof c);
      return children.some((c, i) => c !== block.children[i]) ? { ...block, children } : block;
    }
    if (block.type !== 'paragraph' || !settled(block)) return block;
    const text = textOf(block);
    if (text.trim() === '' || !merged.has(text) || !b.has(text) || !o.has(text) || !t.has(text)) return block;
    const [was, mine, theirsTime] = [b.get(text), o.get(text), t.get(text)];
    if (!sameTime(mine, was) || sameTime(theirsTime, was) || !sameTime(block.time, mine)) return block;
    changed = true;
    const { time: _ours, ...rest } = block;
    return theirsTime ? { ...rest, time: theirsTime } : rest;
  };
  const body = doc.body.map(visit);
  return changed ? { ...doc, body } : doc;
}
