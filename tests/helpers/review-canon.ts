/** Comparing documents in review tests. */
import { expect } from 'vitest';
import { normalizeInterview } from '../../shared/model/normalize';
import { interviewSchema, type Interview, type Paragraph } from '../../shared/model/schema';
import { forEachUsage } from '../../shared/review/usages';

/**
 * ≡: equal after the normalisation every stored document gets (leaves merged as Slate merges them),
 * not counting the formatting of an empty paragraph's empty leaf: text typed into it and rejected
 * leaves a plain empty paragraph, as in Slate, which drops the empty leaf beside the new text.
 */
export function canon(doc: Interview): Interview {
  const out = normalizeInterview(doc);
  const plainEmpty = (p: Paragraph) => {
    if (p.children.length === 1 && p.children[0]!.text === '') p.children = [{ text: '' }];
  };
  for (const b of out.body) {
    if (b.type === 'paragraph') plainEmpty(b);
    if (b.type === 'turn') for (const c of b.children) if (c.type === 'paragraph') plainEmpty(c);
  }
  return out;
}

/**
 * The document with its suggestion ids renamed t1, t2, … in the order they first appear, for
 * comparing two recordings that drew different fresh ids.
 */
export function renumbered(doc: Interview): Interview {
  const names = new Map<string, string>();
  forEachUsage(doc, (id) => names.has(id) || names.set(id, `t${names.size + 1}`));
  const rename = (id: string) => names.get(id) ?? id;
  const walk = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = walk(v, k);
      return out;
    }
    return typeof value === 'string' && (key === 'ins' || key === 'del') ? rename(value) : value;
  };
  const out = walk(doc) as Interview;
  const renameIn = (xs: { id: string }[] | undefined) => xs?.forEach((x) => (x.id = rename(x.id)));
  for (const b of out.body) {
    const blocks = b.type === 'turn' ? [b, ...b.children] : [b];
    for (const x of blocks) renameIn(x.type === 'paragraph' ? x.breakAfter?.changes : x.changes);
  }
  if (out.review) {
    renameIn(out.review.suggestions);
    renameIn(out.review.metaChanges);
    out.review.suggestions.sort((a, b) => a.id.localeCompare(b.id));
  }
  return out;
}

export function expectValid(doc: Interview): void {
  const parsed = interviewSchema.safeParse(doc);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
}
