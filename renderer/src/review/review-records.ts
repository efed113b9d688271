/**
 * The suggestion records (who suggested what, when) of the open document, kept beside the tree.
 *
 * The tree holds the ids; undo and redo take ids out of it and put them back without asking us. So
 * records are never deleted here while the document is open: the document that is saved carries the
 * records its tree uses (shared/review/records.ts `withReview`), and a redo finds its record again.
 */
import type { Block, Interview, MetaChange, Suggestion, SuggestionKind } from '../../../shared/model/schema';
import type { Author } from '../../../shared/review';
import { withReview } from '../../../shared/review/records';
import { forEachBlockUsage, forEachMetaUsage } from '../../../shared/review/usages';

export type NewId = () => string;

const NONE: readonly string[] = Object.freeze([]);

/**
 * The suggestion ids each top-level block uses. Slate never changes a node in place (an edit
 * replaces the node and its ancestors), so a block object's ids never change: after a keystroke
 * only the edited block is looked at again, not the whole body, so a keystroke costs the same
 * however long the interview is.
 */
const idsByBlock = new WeakMap<Block, readonly string[]>();

function blockIds(block: Block): readonly string[] {
  let ids = idsByBlock.get(block);
  if (!ids) {
    const found: string[] = [];
    forEachBlockUsage(block, 0, (id) => found.push(id));
    ids = found.length > 0 ? found : NONE;
    idsByBlock.set(block, ids);
  }
  return ids;
}

/** `usedIds` of the document with these meta changes, from the per-block ids. */
function usedIdsOf(body: readonly Block[], metaChanges: readonly MetaChange[]): Set<string> {
  const used = new Set<string>();
  forEachMetaUsage(metaChanges, (id) => used.add(id));
  for (const block of body) for (const id of blockIds(block)) used.add(id);
  return used;
}

/** A random suggestion id: letters, digits and `-`, as the schema allows. */
export const randomId: NewId = () => crypto.randomUUID();

export class ReviewRecords {
  private readonly records = new Map<string, Suggestion>();

  constructor(
    doc: Interview,
    private readonly newId: NewId = randomId,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    this.adopt(doc);
  }

  /** Take in the records of a document that replaced the tree (a resolution, a restore). */
  adopt(doc: Interview): void {
    for (const r of doc.review?.suggestions ?? []) if (!this.records.has(r.id)) this.records.set(r.id, r);
  }

  /** An arrow, so it can be handed around (the leaf marks' context) without its object. */
  get = (id: string): Suggestion | undefined => this.records.get(id);

  /** Everyone who suggested in this document while it was open (their colours stay put when decided). */
  authorIds(): Set<string> {
    return new Set([...this.records.values()].map((r) => r.authorId));
  }

  /** Open a new suggestion by `author`; returns its id. */
  open(kind: SuggestionKind, author: Author): string {
    let id = this.newId();
    while (this.records.has(id)) id = this.newId();
    this.records.set(id, { id, kind, authorId: author.id, authorName: author.name, createdAt: this.now() });
    return id;
  }

  /** The document with exactly the records its tree (and metadata changes) use. */
  attachTo(doc: Interview): Interview {
    const metaChanges = doc.review?.metaChanges ?? [];
    // Without records there is nothing to look up (a document nobody suggested in).
    const used = this.records.size === 0 ? new Set<string>() : usedIdsOf(doc.body, metaChanges);
    return withReview(doc, this.records.values(), metaChanges, used);
  }
}
