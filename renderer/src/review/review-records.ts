/**
 * The suggestion records (who suggested what, when) of the open document, kept beside the tree.
 *
 * The tree holds the ids; undo and redo take ids out of it and put them back without asking us. So
 * records are never deleted here while the document is open: the document that is saved carries the
 * records its tree uses (shared/review/records.ts `withReview`), and a redo finds its record again.
 */
import type { Interview, Suggestion, SuggestionKind } from '../../../shared/model/schema';
import type { Author } from '../../../shared/review';
import { withReview } from '../../../shared/review/records';
import { usedIdsOf } from './block-ids';

export type NewId = () => string;

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
