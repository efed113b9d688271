/**
 * The state of one `suggest` call: a working copy of the document that the recording functions
 * (suggest-text.ts, suggest-blocks.ts, suggest-values.ts) change in place, the review records, and
 * who is suggesting. The caller's document is never touched.
 */
import type { Interview, MetaChange, Paragraph, Photo, Suggestion, SuggestionKind, Turn } from '../model/schema';
import { breakHistory, settleBreaks, storeBreak, type BreakValue } from './breaks';
import { changeValue } from './history';
import type { Container } from './layout';
import { tidyLeaves } from './leaves';
import { withReview } from './records';
import { usedIds } from './usages';

/** Who is suggesting (the local profile, shared/api/profile.ts). */
export interface Author {
  id: string;
  name: string;
}

/** The time a suggestion is recorded, as an ISO 8601 date-time with offset. */
export type Clock = () => string;

/** A fresh suggestion id (letters, digits, - and _; at most 64). */
export type IdSource = () => string;

/** Ids `s1`, `s2`, … skipping any the document already uses: deterministic, for tests and tools. */
export function sequentialIds(doc: Interview): IdSource {
  const taken = usedIds(doc);
  for (const r of doc.review?.suggestions ?? []) taken.add(r.id);
  let n = 0;
  return () => {
    let id: string;
    do id = `s${++n}`;
    while (taken.has(id));
    taken.add(id);
    return id;
  };
}

export class Session {
  readonly doc: Interview;
  readonly records: Map<string, Suggestion>;
  metaChanges: MetaChange[];

  constructor(
    doc: Interview,
    readonly author: Author,
    private readonly clock: Clock,
    private readonly newId: IdSource,
  ) {
    this.doc = JSON.parse(JSON.stringify(doc)) as Interview;
    this.records = new Map();
    for (const r of this.doc.review?.suggestions ?? []) if (!this.records.has(r.id)) this.records.set(r.id, r);
    this.metaChanges = this.doc.review?.metaChanges ?? [];
  }

  /** Open a new suggestion by this author and return its id. */
  open(kind: SuggestionKind): string {
    const id = this.newId();
    this.records.set(id, { id, kind, authorId: this.author.id, authorName: this.author.name, createdAt: this.clock() });
    return id;
  }

  kindOf(id: string | undefined): SuggestionKind | undefined {
    return id === undefined ? undefined : this.records.get(id)?.kind;
  }

  setKind(id: string, kind: SuggestionKind): void {
    const r = this.records.get(id);
    if (r) this.records.set(id, { ...r, kind });
  }

  /** A pending suggestion of this author: theirs to extend, amend or take back without a trace. */
  isOwn(id: string | undefined): boolean {
    return id !== undefined && this.records.get(id)?.authorId === this.author.id;
  }

  /**
   * Content this author added in a pending suggestion. Editing inside it is plain editing: it is
   * all new anyway. A photo's new place after a move is not new content, so a move does not count.
   */
  isOwnInsertion(id: string | undefined): boolean {
    return this.isOwn(id) && this.kindOf(id) !== 'movePhoto';
  }

  /** The insertion a leaf or a photo belongs to: its own mark, or its turn's. */
  insertionOf(node: { ins?: string }, turn: Turn | undefined): string | undefined {
    return node.ins ?? turn?.ins;
  }

  /** Change the break after a paragraph (to a break: split; to joined: merge), then settle the container. */
  changeBreak(container: Container, p: Paragraph, to: BreakValue, plain: boolean): void {
    const kind = to === 'break' ? 'splitParagraph' : 'mergeParagraphs';
    const h = changeValue(breakHistory(p), to, { isOwn: (id) => this.isOwn(id), plain, open: () => this.open(kind) });
    const last = h.steps[h.steps.length - 1];
    // An own step amended from one direction to the other is now the other kind of change.
    if (last && last.to === to && this.isOwn(last.id)) this.setKind(last.id, kind);
    storeBreak(p, h);
    settleBreaks(container.children);
  }

  /** Every photo in the document, with its container. */
  photos(): { photo: Photo; container: Container }[] {
    const out: { photo: Photo; container: Container }[] = [];
    const top: Container = { children: this.doc.body, turn: undefined };
    for (const block of this.doc.body) {
      if (block.type === 'photo') out.push({ photo: block, container: top });
      if (block.type === 'turn') {
        const inner: Container = { children: block.children, turn: block };
        for (const child of block.children) if (child.type === 'photo') out.push({ photo: child, container: inner });
      }
    }
    return out;
  }

  /** The document with the review records it still uses (tidy leaves, as Slate keeps them). */
  finish(): Interview {
    const tidy = (p: Paragraph) => (p.children = tidyLeaves(p.children));
    for (const block of this.doc.body) {
      if (block.type === 'paragraph') tidy(block);
      if (block.type === 'turn') for (const child of block.children) if (child.type === 'paragraph') tidy(child);
    }
    return withReview(this.doc, this.records.values(), this.metaChanges);
  }
}
