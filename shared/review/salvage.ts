/**
 * Opening a document whose review state is damaged in its shape (a record with a broken date, a
 * suggestion id that is a number, …). Such a document fails the schema, and refusing it would lose an
 * interview over its review state. `salvageReview` drops the damaged review parts (the record, the
 * change, or the mark) and reports what it dropped, so the app can open the document and say so.
 * Damage anywhere else is not its business: the document stays refused, with the schema's reasons.
 *
 * What survives may still disagree with itself (a mark whose record was dropped): problems.ts finds
 * and discards that.
 */
import type { z } from 'zod';
import { interviewSchema, type Interview } from '../model/schema';
import { describeIssues, type ValidationProblem } from '../model/validate';

export type SalvageResult = { ok: true; doc: Interview; dropped: string[] } | { ok: false; problems: ValidationProblem[] };

/** Keys that hold review state (schema.ts); nothing else is dropped. */
const REVIEW_KEYS = new Set(['ins', 'del', 'breakAfter', 'changes', 'review']);
const ROUNDS = 20;

type Json = Record<string | number, unknown>;

/** Where to cut for an issue: the container and the key or index to remove, or undefined. */
function cutFor(root: Json, issue: z.core.$ZodIssue): { holder: Json; key: string | number } | undefined {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const at = path.findIndex((p) => typeof p === 'string' && REVIEW_KEYS.has(p));
  if (at < 0) return undefined;
  // Inside a list of records or changes, drop just the damaged entry.
  const end = typeof path[at + 1] === 'number' ? at + 2 : path[at] === 'review' && (path[at + 1] === 'suggestions' || path[at + 1] === 'metaChanges' || path[at + 1] === 'conflicts') && typeof path[at + 2] === 'number' ? at + 3 : at + 1;
  let holder: unknown = root;
  for (const step of path.slice(0, end - 1)) holder = (holder as Json | undefined)?.[step];
  if (!holder || typeof holder !== 'object') return undefined;
  return { holder: holder as Json, key: path[end - 1]! };
}

export function salvageReview(value: unknown): SalvageResult {
  let work: unknown;
  try {
    work = JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return { ok: false, problems: [{ path: '(document)', message: 'not JSON data' }] };
  }
  const dropped: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const parsed = interviewSchema.safeParse(work);
    if (parsed.success) return { ok: true, doc: parsed.data, dropped };
    const cuts = parsed.error.issues.map((issue) => ({ issue, cut: cutFor(work as Json, issue) }));
    if (cuts.some((c) => !c.cut)) return { ok: false, problems: describeIssues(parsed.error.issues.filter((i, n) => !cuts[n]!.cut)) };
    const byHolder = new Map<Json, Set<string | number>>();
    for (const { cut } of cuts) byHolder.set(cut!.holder, (byHolder.get(cut!.holder) ?? new Set()).add(cut!.key));
    for (const [holder, keys] of byHolder) {
      // Array entries go from the end, so the indexes of the others hold.
      for (const key of [...keys].sort((a, b) => Number(b) - Number(a))) {
        if (Array.isArray(holder) && typeof key === 'number') holder.splice(key, 1);
        else delete holder[key];
      }
    }
    dropped.push(...describeIssues(parsed.error.issues, parsed.error.issues.length).map((p) => `${p.path}: ${p.message}`));
  }
  return { ok: false, problems: [{ path: '(document)', message: 'review state too damaged to salvage' }] };
}
