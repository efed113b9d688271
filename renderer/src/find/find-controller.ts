/**
 * The state of find and replace for one editor, outside React so it can be tested with a plain
 * Slate editor: the query and options, the matches, which match is current, and the commands.
 *
 * When the search runs:
 * - when the query or an option changes: at once, or in a long interview after a short pause in
 *   typing (the search is a string search per paragraph thanks to caches, see find-matches.ts,
 *   but Slate then re-decorates every node, which takes a while at 20,000 paragraphs);
 * - when the document changes, after a pause in typing (DOCUMENT_DELAY_MS), never per keystroke;
 *   and when the edit changed no match (the usual case), the highlights are left as they are;
 * - before Next, Previous, Replace and Replace all, so they never act on stale matches.
 *
 * The current match is the one the editor's selection is on: Next and Previous select a match;
 * once the user has put the caret elsewhere, they go on from the caret, and Replace first selects.
 */
import { Editor, Element, Range, Transforms } from 'slate';
import type { FoldOptions } from '../../../shared/text/fold-map';
import { cleanLine } from '../../../shared/text/normalize-text';
import { noDecorations, type Decorator } from '../editor/decorations';
import { firstMatchFrom, matchAt, MatchFinder, matchRange, NO_RESULTS, type FindResults, type LeafPoint } from './find-matches';
import { replaceAllMatches, replaceRange } from './replace';

export const DOCUMENT_DELAY_MS = 250;
export const LONG_DOCUMENT_DELAY_MS = 1_000;
/** A document with more top-level blocks than this is long: the query waits QUERY_DELAY_MS. */
export const LONG_DOCUMENT_BLOCKS = 1_000;
export const QUERY_DELAY_MS = 150;

/**
 * At most this many matches are highlighted: those around the current match. Every highlight
 * splits a text leaf into more DOM nodes, and a one-letter query in a long Vietnamese interview
 * matches tens of thousands of times (seconds of rendering); the counter still counts them all.
 */
export const HIGHLIGHT_LIMIT = 400;

export type FindField = 'find' | 'replace';

export interface FindState {
  open: boolean;
  query: string;
  replacement: string;
  options: FoldOptions;
  /** Number of matches. */
  total: number;
  /** Index of the current match, or null when the selection is not on a match. */
  current: number | null;
  /** How many matches the last Replace all changed; shown until the query changes. */
  replaced: number | null;
  /** Which field the find bar should focus; `seq` changes on every request. */
  focus: { field: FindField; seq: number };
}

/** The longest selection that seeds the query when the find bar opens. */
const MAX_SEED = 200;

export class FindController {
  private state: FindState = {
    open: false,
    query: '',
    replacement: '',
    options: { ignoreDiacritics: true, matchCase: false },
    total: 0,
    current: null,
    replaced: null,
    focus: { field: 'find', seq: 0 },
  };
  private results: FindResults = NO_RESULTS;
  private readonly finder = new MatchFinder();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Whether the pending search comes from a query change (and so selects a match). */
  private pendingFromCaret = false;
  private decorator: Decorator = noDecorations;
  /** The matches changed since the decorator was built. */
  private highlightsStale = false;

  /** Brings a newly selected match into sight; set by the view, which owns the DOM. */
  private revealer: ((range: Range) => void) | null = null;

  constructor(private readonly editor: Editor) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): FindState => this.state;

  /** The highlights of the matches; a new function whenever they change (see decorations.ts). */
  getDecorator = (): Decorator => this.decorator;

  /** The view's way to scroll a selected match into sight; returns the undo of the setting. */
  setRevealer(reveal: (range: Range) => void): () => void {
    this.revealer = reveal;
    return () => {
      if (this.revealer === reveal) this.revealer = null;
    };
  }

  open(field: FindField): void {
    const seed = this.state.open ? null : this.selectedText();
    this.set({ open: true, focus: { field, seq: this.state.focus.seq + 1 }, ...(seed ? { query: seed, replaced: null } : {}) });
    this.search(false);
  }

  close(): void {
    this.cancelPending();
    this.results = NO_RESULTS;
    this.highlightsStale = true;
    this.set({ open: false, total: 0, current: null, replaced: null });
  }

  setQuery(query: string): void {
    this.set({ query, replaced: null });
    this.schedule(true, this.isLong() ? QUERY_DELAY_MS : 0);
  }

  setReplacement(replacement: string): void {
    this.set({ replacement });
  }

  setOptions(options: Partial<FoldOptions>): void {
    this.set({ options: { ...this.state.options, ...options }, replaced: null });
    this.schedule(true, 0);
  }

  next(): void {
    this.flushPending();
    const { matches } = this.results;
    if (matches.length === 0) return;
    const current = this.selectedMatch();
    const selection = this.editor.selection;
    let i = current !== null ? current + 1 : selection ? firstMatchFrom(matches, selection) : 0;
    if (i === -1 || i >= matches.length) i = 0; // past the last match: wrap to the first
    this.select(i);
  }

  previous(): void {
    this.flushPending();
    const { matches } = this.results;
    if (matches.length === 0) return;
    const current = this.selectedMatch();
    const selection = this.editor.selection;
    let i: number;
    if (current !== null) i = current - 1;
    else if (!selection) i = matches.length - 1;
    else {
      const after = firstMatchFrom(matches, selection);
      i = (after === -1 ? matches.length : after) - 1;
    }
    if (i < 0) i = matches.length - 1; // before the first match: wrap to the last
    this.select(i);
  }

  /**
   * Replaces the current match and moves to the next. When the selection is not on a match (the
   * user clicked elsewhere since), it first only selects the next one: nothing is replaced unseen.
   */
  replace(): void {
    this.flushPending();
    const current = this.selectedMatch();
    if (current === null) {
      this.next();
      return;
    }
    replaceRange(this.editor, matchRange(this.results.matches[current]!), cleanLine(this.state.replacement));
    this.search(false);
    const { matches } = this.results;
    if (matches.length === 0 || !this.editor.selection) return;
    const i = firstMatchFrom(matches, this.editor.selection);
    this.select(i === -1 ? 0 : i);
  }

  replaceAll(): void {
    this.flushPending();
    const replaced = replaceAllMatches(this.editor, this.results.matches, cleanLine(this.state.replacement));
    this.search(false);
    this.set({ replaced });
  }

  /** The document changed: search again once typing pauses. */
  documentChanged(): void {
    if (!this.state.open || this.state.query === '') return;
    this.schedule(false, this.isLong() ? LONG_DOCUMENT_DELAY_MS : DOCUMENT_DELAY_MS);
  }

  dispose(): void {
    this.cancelPending();
  }

  /**
   * Runs the search. With `fromCaret`, the first match at or after the selection becomes current
   * and is selected (the query changed: incremental search); otherwise the selection stays and
   * the current match is whichever one it is on.
   */
  private search(fromCaret: boolean): void {
    this.cancelPending();
    const { open, query, options } = this.state;
    const before = this.results;
    this.results = open && query !== '' ? this.finder.find(this.editor.children, query, options) : NO_RESULTS;
    // A new decorator makes Slate re-decorate every node; skip that when nothing moved.
    if (!sameHighlights(before, this.results)) this.highlightsStale = true;
    const { matches } = this.results;
    const selection = this.editor.selection;
    if (fromCaret && matches.length > 0) {
      const i = selection ? firstMatchFrom(matches, selection) : 0;
      this.select(i === -1 ? 0 : i);
      return;
    }
    const at = selection && matches.length > 0 ? matchAt(matches, selection) : -1;
    this.set({ total: matches.length, current: at === -1 ? null : at });
  }

  /** The current match, if the selection is still on it (the user may have clicked away since). */
  private selectedMatch(): number | null {
    const { current } = this.state;
    const { selection } = this.editor;
    if (current === null || !selection) return current;
    return matchAt(this.results.matches, selection) === current ? current : null;
  }

  private select(i: number): void {
    const range = matchRange(this.results.matches[i]!);
    Transforms.select(this.editor, range);
    this.set({ total: this.results.matches.length, current: i });
    this.revealer?.(range);
  }

  /** Searches after `delay` ms (at once for 0); a newer call replaces a pending one. */
  private schedule(fromCaret: boolean, delay: number): void {
    const selectMatch = fromCaret || (this.timer !== null && this.pendingFromCaret);
    this.cancelPending();
    if (delay === 0) {
      this.search(selectMatch);
      return;
    }
    this.pendingFromCaret = selectMatch;
    this.timer = setTimeout(() => this.search(selectMatch), delay);
  }

  private isLong(): boolean {
    return this.editor.children.length > LONG_DOCUMENT_BLOCKS;
  }

  private flushPending(): void {
    if (this.timer !== null) this.search(this.pendingFromCaret);
  }

  private cancelPending(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pendingFromCaret = false;
  }

  /** The selected text, when it is short and inside one paragraph: what the user wants to find. */
  private selectedText(): string | null {
    const { selection } = this.editor;
    if (!selection || Range.isCollapsed(selection)) return null;
    const [start, end] = Range.edges(selection);
    if (start.path.length !== end.path.length || !start.path.slice(0, -1).every((n, k) => n === end.path[k])) return null;
    const text = Editor.string(this.editor, selection);
    return text.length > 0 && text.length <= MAX_SEED ? text : null;
  }

  private set(patch: Partial<FindState>): void {
    const next = { ...this.state, ...patch };
    const highlightsChanged = this.highlightsStale || next.open !== this.state.open || next.current !== this.state.current;
    this.state = next;
    if (highlightsChanged) {
      this.decorator = this.buildDecorator();
      this.highlightsStale = false;
    }
    for (const listener of this.listeners) listener();
  }

  /**
   * Looks up the matches of the paragraph Slate is rendering. Keyed by the paragraph node, not its
   * path: while a search is pending after an edit, a changed paragraph is simply not highlighted,
   * and one that moved (a turn inserted above) keeps its highlights at its new path.
   */
  private buildDecorator(): Decorator {
    const { byParagraph, matches } = this.results;
    if (!this.state.open || matches.length === 0) return noDecorations;
    const current = this.state.current !== null ? matches[this.state.current] : undefined;
    const [from, to] = this.highlightWindow();
    return ([node, path]) => {
      if (!Element.isElement(node) || node.type !== 'paragraph') return [];
      const found = byParagraph.get(node);
      if (!found || found[0]!.index >= to || found[found.length - 1]!.index < from) return [];
      const shown = found.length === 1 || (found[0]!.index >= from && found[found.length - 1]!.index < to) ? found : found.filter((m) => m.index >= from && m.index < to);
      return shown.map((m) => (m === current ? { ...matchRange(m, path), findMatch: true, findCurrent: true } : { ...matchRange(m, path), findMatch: true }));
    };
  }

  /** The indexes [from, to) of the highlighted matches: HIGHLIGHT_LIMIT around the current one. */
  private highlightWindow(): [number, number] {
    const { matches } = this.results;
    if (matches.length <= HIGHLIGHT_LIMIT) return [0, matches.length];
    const selection = this.editor.selection;
    const centre = this.state.current ?? (selection ? Math.max(0, firstMatchFrom(matches, selection)) : 0);
    const from = Math.max(0, Math.min(centre - HIGHLIGHT_LIMIT / 2, matches.length - HIGHLIGHT_LIMIT));
    return [from, from + HIGHLIGHT_LIMIT];
  }
}

/**
 * True when two searches highlight the same places: the same paragraph nodes (unchanged, so the
 * same text) with the same matches. Paths may differ; the decorator is handed the current ones.
 */
function sameHighlights(a: FindResults, b: FindResults): boolean {
  if (a === b) return true;
  if (a.matches.length !== b.matches.length || a.byParagraph.size !== b.byParagraph.size) return false;
  const samePoint = (p: LeafPoint, q: LeafPoint) => p.leaf === q.leaf && p.offset === q.offset;
  for (let i = 0; i < a.matches.length; i++) {
    const x = a.matches[i]!;
    const y = b.matches[i]!;
    if (x.paragraph !== y.paragraph || !samePoint(x.start, y.start) || !samePoint(x.end, y.end)) return false;
  }
  return true;
}
