/**
 * What changed between the document last stored and the one to store, as `document.saveChanges`
 * takes it (electron/backend/document-changes.ts): the body's top-level blocks as splices of the
 * stored body, and the other top-level fields that changed, whole.
 *
 * Slate's tree is immutable: a block that did not change is the same object in the new value. The
 * new body is walked once, looking each block up by identity among the stored ones: blocks found
 * in order are kept, and what lies between two kept blocks is one splice (edits in several places
 * between two saves are several small splices, not one covering everything between them). No
 * block is serialised or compared deeply; a block rebuilt with the same content, or moved up,
 * counts as changed, which is safe: it is sent again. The other fields are small and compared by
 * identity, then by value (the review records are rebuilt on every change).
 */
import type { Interview } from '../model/schema';

export interface Splice {
  /** Where in the stored body (indices of the stored body, ascending, not overlapping). */
  start: number;
  deleteCount: number;
  blocks: unknown[];
}

export interface DocumentChanges {
  /** Blocks in the base body (the body the splices apply to). */
  baseLength: number;
  splices: Splice[];
  /** Fields that changed, whole; null: `review`, `comments` or `recordings` is gone. */
  fields: { meta?: unknown; participants?: unknown; review?: unknown; comments?: unknown; recordings?: unknown };
}

const FIELDS = ['meta', 'participants', 'review', 'comments', 'recordings'] as const;

/** The changes from `base` to `next`, or null when they are not one document's (another id or format). */
export function changesBetween(base: Interview, next: Interview): DocumentChanges | null {
  if (base.id !== next.id || base.format !== next.format) return null;
  const a = base.body;
  const at = new Map<unknown, number>();
  a.forEach((block, i) => at.set(block, i));
  const splices: Splice[] = [];
  let kept = 0; // the stored blocks before this index are accounted for
  let added: unknown[] = [];
  for (const block of next.body) {
    const i = at.get(block);
    if (i === undefined || i < kept) {
      added.push(block);
      continue;
    }
    if (i > kept || added.length > 0) splices.push({ start: kept, deleteCount: i - kept, blocks: added });
    added = [];
    kept = i + 1;
  }
  if (kept < a.length || added.length > 0) splices.push({ start: kept, deleteCount: a.length - kept, blocks: added });
  const fields: DocumentChanges['fields'] = {};
  for (const key of FIELDS) {
    const before = base[key];
    const after = next[key];
    if (before === after || JSON.stringify(before) === JSON.stringify(after)) continue;
    fields[key] = after ?? null;
  }
  return { baseLength: a.length, splices, fields };
}

/** The body with the splices applied (stored blocks kept where no splice touches them). */
export function spliceBody<T>(body: readonly T[], splices: readonly { start: number; deleteCount: number; blocks: readonly T[] }[]): T[] {
  const out: T[] = [];
  let from = 0;
  for (const s of splices) {
    for (let i = from; i < s.start; i++) out.push(body[i]!);
    out.push(...s.blocks);
    from = s.start + s.deleteCount;
  }
  for (let i = from; i < body.length; i++) out.push(body[i]!);
  return out;
}

/** Whether splices fit a body of `length` blocks: in order, not overlapping, inside it. */
export function splicesFit(splices: readonly { start: number; deleteCount: number }[], length: number): boolean {
  let from = 0;
  for (const s of splices) {
    if (s.start < from || s.start + s.deleteCount > length) return false;
    from = s.start + s.deleteCount;
  }
  return true;
}

/** Apply changes to a document (the inverse of changesBetween; for tests and checks). */
export function applyChanges(base: Interview, changes: DocumentChanges): Interview {
  const out: Record<string, unknown> = { ...base, body: spliceBody<unknown>(base.body, changes.splices) };
  for (const [key, value] of Object.entries(changes.fields)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out as Interview;
}
