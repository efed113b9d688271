/**
 * Finding a query in the whole story, in reading order: the headline, the subheadline and the sapo,
 * the speakers' printed labels (when asked: a label is printed before every turn of its speaker,
 * so renaming one is a bigger change than fixing a word), then the body, where a photo's caption,
 * credit and alt text come in the photo's place. A pure function of the document: what it returns
 * depends only on the story handed in.
 *
 * Body paragraphs are searched each as one string (a match may run across bold and italic leaves),
 * and each match is mapped back to Slate points. Long interviews have 20,000 paragraphs, so work is
 * kept per paragraph node: Slate never mutates a node, it replaces it, so a paragraph object that
 * is still in the tree still has the text it was folded and searched with. After an edit only the
 * changed paragraphs are searched again. Fields are few and short: they are searched each time.
 */
import { Element, Path, Point, Range, type Descendant } from 'slate';
import type { Meta, Paragraph, Participant, Photo } from '../../../shared/model/schema';
import { findAll, foldQuery, foldWithMap, matchFolded, type FoldedText, type FoldOptions, type TextMatch } from '../../../shared/text/fold-map';

/** The header fields that are searched, in the order they are read. */
export const FOUND_META_FIELDS = ['headline', 'subheadline', 'sapo'] as const;
export type FoundMetaField = (typeof FOUND_META_FIELDS)[number];

/** A photo's texts, in the order they are read. */
export const PHOTO_TEXT_FIELDS = ['caption', 'credit', 'alt'] as const;
export type PhotoTextField = (typeof PHOTO_TEXT_FIELDS)[number];

/** What is searched besides the body. */
export interface StoryHeader {
  meta: Pick<Meta, FoundMetaField>;
  /** The participants whose labels are searched: none unless the user asked for speaker names. */
  speakers: readonly Participant[];
}

/** A text field that holds a match: a header field, a speaker's label, or a photo's text. */
export type FieldPlace =
  | { kind: 'meta'; field: FoundMetaField }
  | { kind: 'speaker'; participantId: string; /** its place in the participant list */ order: number }
  | { kind: 'photo'; field: PhotoTextField; /** the photo's path when the search ran */ path: Path; photo: Photo };

/** A position inside a paragraph: which leaf, and the offset in that leaf. */
export interface LeafPoint {
  leaf: number;
  offset: number;
}

/** A match in body text. Its points are relative to its paragraph, so they stay right if the paragraph moves. */
export interface BodyMatch {
  kind: 'text';
  /** Its place in the story's list of matches. */
  index: number;
  paragraph: Paragraph;
  /** The paragraph's path when the search ran. */
  path: Path;
  start: LeafPoint;
  end: LeafPoint;
}

/** A match in a field: [start, end) of the field's value (UTF-16 units), as it read when found. */
export interface FieldMatch {
  kind: 'field';
  index: number;
  place: FieldPlace;
  value: string;
  start: number;
  end: number;
}

export type Match = BodyMatch | FieldMatch;

export interface FindResults {
  /** Every match, in reading order. */
  matches: Match[];
  /** The matches of each paragraph, for `decorate`, which is handed nodes. */
  byParagraph: Map<Paragraph, BodyMatch[]>;
}

export const NO_RESULTS: FindResults = { matches: [], byParagraph: new Map() };

/** The Slate range of a body match, in a paragraph at `path` (where it is now, if it moved). */
export function matchRange(match: BodyMatch, path: Path = match.path): Range {
  return {
    anchor: { path: [...path, match.start.leaf], offset: match.start.offset },
    focus: { path: [...path, match.end.leaf], offset: match.end.offset },
  };
}

export const paragraphText = (p: Paragraph): string => (p.children.length === 1 ? p.children[0]!.text : p.children.map((l) => l.text).join(''));

/** The value of a field place in a story (the photo's as found: its node is kept in the place). */
export function fieldValue(place: FieldPlace, header: StoryHeader | undefined): string | undefined {
  if (place.kind === 'photo') return place.photo[place.field];
  if (place.kind === 'meta') return header?.meta[place.field];
  return header?.speakers.find((p) => p.id === place.participantId)?.label;
}

/** Whether two places are the same field (a photo by its path). */
export function samePlace(a: FieldPlace, b: FieldPlace): boolean {
  if (a.kind === 'meta' && b.kind === 'meta') return a.field === b.field;
  if (a.kind === 'speaker' && b.kind === 'speaker') return a.participantId === b.participantId;
  if (a.kind === 'photo' && b.kind === 'photo') return a.field === b.field && Path.equals(a.path, b.path);
  return false;
}

/**
 * Maps matches in a paragraph's string to leaf points. A match starts in the leaf that holds its
 * first character and ends in the leaf that holds its last one, so its highlight never takes in
 * an empty piece of a neighbouring leaf.
 */
export function toLeafPoints(leafLengths: readonly number[], matches: readonly TextMatch[]): { start: LeafPoint; end: LeafPoint }[] {
  const out: { start: LeafPoint; end: LeafPoint }[] = [];
  let leaf = 0;
  let leafStart = 0; // offset of `leaf` in the paragraph's string
  const last = leafLengths.length - 1;
  for (const m of matches) {
    // Matches come in order, so the leaf cursor only moves forward.
    while (leaf < last && m.start >= leafStart + leafLengths[leaf]!) leafStart += leafLengths[leaf++]!;
    const start = { leaf, offset: m.start - leafStart };
    let endLeaf = leaf;
    let endLeafStart = leafStart;
    while (endLeaf < last && m.end > endLeafStart + leafLengths[endLeaf]!) endLeafStart += leafLengths[endLeaf++]!;
    out.push({ start, end: { leaf: endLeaf, offset: m.end - endLeafStart } });
  }
  return out;
}

interface CacheEntry {
  optionsKey: string;
  folded: FoldedText;
  query: string | null;
  found: { start: LeafPoint; end: LeafPoint }[];
}

const optionsKey = (o: FoldOptions) => `${o.ignoreDiacritics ? 'd' : 'D'}${o.matchCase ? 'C' : 'c'}`;

/** Searches stories, remembering per paragraph what it folded and found. */
export class MatchFinder {
  private cache = new WeakMap<Paragraph, CacheEntry>();

  /** Every match of `query` in the header (if given) and the body, in reading order. */
  find(body: readonly Descendant[], query: string, options: FoldOptions, header?: StoryHeader): FindResults {
    const folded = foldQuery(query, options);
    if (folded === '') return NO_RESULTS;
    const key = optionsKey(options);
    const results: FindResults = { matches: [], byParagraph: new Map() };
    const inField = (place: FieldPlace, value: string) => {
      if (value === '') return;
      for (const { start, end } of findAll(value, query, options)) results.matches.push({ kind: 'field', index: results.matches.length, place, value, start, end });
    };
    if (header) {
      for (const field of FOUND_META_FIELDS) inField({ kind: 'meta', field }, header.meta[field]);
      header.speakers.forEach((p, order) => inField({ kind: 'speaker', participantId: p.id, order }, p.label));
    }
    const visit = (nodes: readonly Descendant[], parentPath: Path) => {
      nodes.forEach((node, i) => {
        if (!Element.isElement(node)) return;
        if (node.type === 'paragraph') {
          const found = this.search(node, folded, key, options);
          if (found.length === 0) return;
          const path = [...parentPath, i];
          const list = found.map(({ start, end }, k): BodyMatch => ({ kind: 'text', index: results.matches.length + k, paragraph: node, path, start, end }));
          results.byParagraph.set(node, list);
          for (const m of list) results.matches.push(m);
        } else if (node.type === 'turn') {
          visit(node.children, [...parentPath, i]);
        } else {
          // A photo is a void block: its texts are fields, read where the photo stands.
          const path = [...parentPath, i];
          for (const field of PHOTO_TEXT_FIELDS) inField({ kind: 'photo', field, path, photo: node }, node[field]);
        }
      });
    };
    visit(body, []);
    return results;
  }

  private search(paragraph: Paragraph, foldedQuery: string, key: string, options: FoldOptions): { start: LeafPoint; end: LeafPoint }[] {
    let entry = this.cache.get(paragraph);
    if (!entry || entry.optionsKey !== key) {
      entry = { optionsKey: key, folded: foldWithMap(paragraphText(paragraph), options), query: null, found: [] };
      this.cache.set(paragraph, entry);
    }
    if (entry.query !== foldedQuery) {
      entry.query = foldedQuery;
      const inText = matchFolded(entry.folded, foldedQuery);
      entry.found = inText.length === 0 ? [] : toLeafPoints(paragraph.children.map((l) => l.text.length), inText);
    }
    return entry.found;
  }
}

/** A place in the story where the user is: a point of the body, or an offset in a field. */
export type StoryPoint = { kind: 'body'; point: Point } | { kind: 'field'; place: FieldPlace; offset: number };

/** Header fields come first, then the speakers' labels, then the body (photos included). */
const BODY_RANK = Number.MAX_SAFE_INTEGER;
function rank(at: StoryPoint): number {
  if (at.kind === 'body' || at.place.kind === 'photo') return BODY_RANK;
  if (at.place.kind === 'meta') return FOUND_META_FIELDS.indexOf(at.place.field);
  return FOUND_META_FIELDS.length + at.place.order;
}

/** Where a match starts, as a story point. */
export function matchStart(match: Match): StoryPoint {
  return match.kind === 'text' ? { kind: 'body', point: Range.start(matchRange(match)) } : { kind: 'field', place: match.place, offset: match.start };
}

/** Negative when `a` comes before `b` in reading order, 0 at the same place, positive after. */
export function compareStoryPoints(a: StoryPoint, b: StoryPoint): number {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (a.kind === 'body' && b.kind === 'body') return Point.compare(a.point, b.point);
  if (a.kind === 'field' && b.kind === 'field') {
    if (a.place.kind === 'photo' && b.place.kind === 'photo') {
      const byPhoto = Path.compare(a.place.path, b.place.path);
      if (byPhoto !== 0) return byPhoto;
      const byField = PHOTO_TEXT_FIELDS.indexOf(a.place.field) - PHOTO_TEXT_FIELDS.indexOf(b.place.field);
      if (byField !== 0) return byField;
    }
    return a.offset - b.offset;
  }
  // A photo's field against a point of the body: a point inside the photo (its empty void text)
  // is where the photo starts, before its fields.
  if (a.kind === 'field' && a.place.kind === 'photo' && b.kind === 'body') return Path.isAncestor(a.place.path, b.point.path) ? 1 : Path.compare(a.place.path, b.point.path);
  return -compareStoryPoints(b, a);
}

/** Index of the first match that starts at or after `at`, or -1. */
export function firstMatchFrom(matches: readonly Match[], at: StoryPoint | Range): number {
  const from: StoryPoint = 'kind' in at ? at : { kind: 'body', point: Range.start(at) };
  // Binary search: matches are in reading order.
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareStoryPoints(matchStart(matches[mid]!), from) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < matches.length ? lo : -1;
}

/** Index of the body match whose range equals `range`, or -1. */
export function matchAt(matches: readonly Match[], range: Range): number {
  const i = firstMatchFrom(matches, range);
  const m = i >= 0 ? matches[i]! : undefined;
  return m?.kind === 'text' && Range.equals(matchRange(m), Range.isBackward(range) ? { anchor: range.focus, focus: range.anchor } : range) ? i : -1;
}

/** Index of the field match at exactly [start, end) of `place`, or -1. */
export function fieldMatchAt(matches: readonly Match[], place: FieldPlace, start: number, end: number): number {
  const i = firstMatchFrom(matches, { kind: 'field', place, offset: start });
  const m = i >= 0 ? matches[i]! : undefined;
  return m?.kind === 'field' && samePlace(m.place, place) && m.start === start && m.end === end ? i : -1;
}
