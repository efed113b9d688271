/**
 * Finding a query in the interview body. Each paragraph is searched as one string (a match may
 * run across bold and italic leaves), and each match is mapped back to Slate points.
 *
 * Long interviews have 20,000 paragraphs, so work is kept per paragraph node: Slate never mutates
 * a node, it replaces it, so a paragraph object that is still in the tree still has the text it
 * was folded and searched with. After an edit only the changed paragraphs are searched again.
 */
import { Element, Point, Range, type Descendant, type Path } from 'slate';
import type { Paragraph } from '../../../shared/model/schema';
import { foldQuery, foldWithMap, matchFolded, type FoldedText, type FoldOptions, type TextMatch } from '../../../shared/text/fold-map';

/** A position inside a paragraph: which leaf, and the offset in that leaf. */
export interface LeafPoint {
  leaf: number;
  offset: number;
}

/** One match. Its points are relative to its paragraph, so they stay right if the paragraph moves. */
export interface Match {
  /** Its place in the document's list of matches. */
  index: number;
  paragraph: Paragraph;
  /** The paragraph's path when the search ran. */
  path: Path;
  start: LeafPoint;
  end: LeafPoint;
}

export interface FindResults {
  /** Every match, in document order. */
  matches: Match[];
  /** The matches of each paragraph, for `decorate`, which is handed nodes. */
  byParagraph: Map<Paragraph, Match[]>;
}

export const NO_RESULTS: FindResults = { matches: [], byParagraph: new Map() };

/** The Slate range of a match, in a paragraph at `path` (where it is now, if it moved). */
export function matchRange(match: Match, path: Path = match.path): Range {
  return {
    anchor: { path: [...path, match.start.leaf], offset: match.start.offset },
    focus: { path: [...path, match.end.leaf], offset: match.end.offset },
  };
}

export const paragraphText = (p: Paragraph): string => (p.children.length === 1 ? p.children[0]!.text : p.children.map((l) => l.text).join(''));

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

/** Searches documents, remembering per paragraph what it folded and found. */
export class MatchFinder {
  private cache = new WeakMap<Paragraph, CacheEntry>();

  find(children: readonly Descendant[], query: string, options: FoldOptions): FindResults {
    const folded = foldQuery(query, options);
    if (folded === '') return NO_RESULTS;
    const key = optionsKey(options);
    const results: FindResults = { matches: [], byParagraph: new Map() };
    const visit = (nodes: readonly Descendant[], parentPath: Path) => {
      nodes.forEach((node, i) => {
        if (!Element.isElement(node)) return;
        if (node.type === 'paragraph') {
          const found = this.search(node, folded, key, options);
          if (found.length === 0) return;
          const path = [...parentPath, i];
          const list = found.map(({ start, end }, k) => ({ index: results.matches.length + k, paragraph: node, path, start, end }));
          results.byParagraph.set(node, list);
          for (const m of list) results.matches.push(m);
        } else if (node.type === 'turn') {
          visit(node.children, [...parentPath, i]);
        }
        // Photos are void blocks: their caption and credit are not body text.
      });
    };
    visit(children, []);
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

/** Index of the first match that starts at or after the start of `at`, or -1. */
export function firstMatchFrom(matches: readonly Match[], at: Range): number {
  const from = Range.start(at);
  // Binary search: matches are in document order.
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Point.isBefore(Range.start(matchRange(matches[mid]!)), from)) lo = mid + 1;
    else hi = mid;
  }
  return lo < matches.length ? lo : -1;
}

/** Index of the match whose range equals `range`, or -1. */
export function matchAt(matches: readonly Match[], range: Range): number {
  const i = firstMatchFrom(matches, range);
  return i >= 0 && Range.equals(matchRange(matches[i]!), Range.isBackward(range) ? { anchor: range.focus, focus: range.anchor } : range) ? i : -1;
}
