/**
 * Paragraph breaks under review. A split or a merge of paragraphs does not change the tree's shape
 * until it is settled: the two sides stay separate paragraphs, and the first one carries the
 * history of the break after it (`breakAfter`, see schema.ts). Its partner is the next paragraph of
 * the same container (top level or one turn); the blocks between them, if any, are photos or turns.
 *
 * When the break is settled as `joined`, the two paragraphs become one, but only once nothing stands
 * between them. A block between them that may still go (a pending insertion or removal) makes the
 * join wait; one that is there for good blocks it, and the break stays. This is decided from the
 * settled marks alone, so the order in which suggestions are decided does not change the outcome.
 */
import type { Block, Paragraph } from '../model/schema';
import { joinedTime } from '../model/media-time';
import { mayGo, type Marked } from './decisions';
import { currentValue, type History } from './history';
import { tidyLeaves } from './leaves';

export type BreakValue = 'break' | 'joined';

export function breakHistory(p: Paragraph): History<BreakValue> {
  const b = p.breakAfter;
  if (!b) return { base: 'break', steps: [] };
  return { base: b.base, steps: b.changes.map((c) => ({ id: c.id, to: c.op === 'split' ? 'break' : 'joined' })) };
}

/** Store a break history on a paragraph the caller owns; a plain break is no `breakAfter` at all. */
export function storeBreak(p: Paragraph, h: History<BreakValue>): void {
  if (h.base === 'break' && h.steps.length === 0) {
    delete p.breakAfter;
    return;
  }
  p.breakAfter = { base: h.base, changes: h.steps.map((s) => ({ id: s.id, op: s.to === 'break' ? 'split' : 'join' })) };
}

/** Index of the next paragraph after `i` in the same container, or -1. */
export function nextParagraphIndex(children: readonly Block[], i: number): number {
  for (let j = i + 1; j < children.length; j++) if (children[j]!.type === 'paragraph') return j;
  return -1;
}

/** The insertion/removal marks of a block (paragraphs carry none: they come and go by breaks). */
export function marksOf(block: Block): Marked {
  return block.type === 'paragraph' ? {} : block;
}

/**
 * The partner the paragraph at `i` runs on into in the accepted view (every pending change accepted),
 * or -1: its break reads `joined` and every block between them is a pending removal.
 */
export function acceptedPartner(children: readonly Block[], i: number): number {
  const p = children[i];
  if (p?.type !== 'paragraph' || currentValue(breakHistory(p)) !== 'joined') return -1;
  const j = nextParagraphIndex(children, i);
  if (j < 0) return -1;
  for (let k = i + 1; k < j; k++) if (marksOf(children[k]!).del === undefined) return -1;
  return j;
}

/**
 * Carry out settled joins in a container the caller owns (mutated in place): a paragraph whose break
 * is settled as `joined` takes in its partner when nothing stands between them, keeps waiting while
 * what stands between may still go, and keeps its break when something stays there for good.
 */
export function settleBreaks<C extends Block>(children: C[]): void {
  for (let i = 0; i < children.length; i++) {
    const p = children[i]!;
    if (p.type !== 'paragraph') continue;
    for (;;) {
      const b = p.breakAfter;
      if (!b || b.changes.length > 0) break;
      const j = b.base === 'joined' ? nextParagraphIndex(children, i) : -1;
      if (j < 0) {
        delete p.breakAfter;
        break;
      }
      if (j > i + 1) {
        if (!children.slice(i + 1, j).every((b) => mayGo(marksOf(b)))) delete p.breakAfter;
        break;
      }
      const q = children[j] as Paragraph;
      p.children = tidyLeaves([...p.children, ...q.children]);
      // The joined paragraph starts where the first did (media-time.ts). Whether the first was
      // empty is not asked: that depends on which text decisions came first, and order must not matter.
      const time = joinedTime(p.time, q.time);
      if (time) p.time = time;
      if (q.breakAfter) p.breakAfter = q.breakAfter;
      else delete p.breakAfter;
      children.splice(j, 1);
    }
  }
}
