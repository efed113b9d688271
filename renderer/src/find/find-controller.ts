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
 * The whole story is searched (find-matches.ts): the header's fields, the speakers' labels when
 * asked, the body and its photos' texts. The current match is the one the user's selection is on:
 * in the body, the editor's selection; in a field, the range Next or Previous selected there (the
 * view says whether it is still selected). Once the user has put the caret elsewhere in the body,
 * Next and Previous go on from the caret, and Replace first selects.
 *
 * Replace all is one undo step over the body and the header together (story-port.ts), and says
 * where it replaced.
 *
 * A read-only document (Viewing mode) is searched as any other, but Replace and Replace all change
 * nothing there: the find bar hides nothing the user may need to read, yet a Viewing reader must be
 * able to trust that nothing they press edits the story. The check is here, not only in the view,
 * so a key, a menu or a stale button cannot go round it.
 */
import { Editor, Element, Range, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { ReactEditor } from 'slate-react';
import type { FoldOptions } from '../../../shared/text/fold-map';
import { cleanLine } from '../../../shared/text/normalize-text';
import { noDecorations, type Decorator } from '../editor/decorations';
import {
  fieldMatchAt,
  fieldValue,
  firstMatchFrom,
  matchAt,
  MatchFinder,
  matchRange,
  NO_RESULTS,
  samePlace,
  type FieldMatch,
  type FindResults,
  type LeafPoint,
  type Match,
  type StoryHeader,
  type StoryPoint,
} from './find-matches';
import { planReplaceAll, replaceInBody, replaceInPhoto, replaceRange, reportOf, type ReplaceReport, type ReportPlace } from './replace';
import { storyFieldsOf, type StoryFields } from './story-port';

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
  /** Whether the speakers' labels are searched too (off by default: a label is printed before every turn). */
  speakers: boolean;
  /** Number of matches. */
  total: number;
  /** Index of the current match, or null when the selection is not on a match. */
  current: number | null;
  /** What the last Replace all changed, and where; shown until the query changes. */
  replaced: ReplaceReport | null;
  /** Which field the find bar should focus; `seq` changes on every request. */
  focus: { field: FindField; seq: number };
}

/** The longest selection that seeds the query when the find bar opens. */
const MAX_SEED = 200;

/**
 * The view's way to show a match in a field (a metadata field, a photo's caption, a speaker's
 * label), which Slate does not draw: select it there, focusing the field when `focus` (Next,
 * Previous; not while the user types the query). `isSelected` says whether the field still holds
 * that selection (the user may have clicked elsewhere in it since).
 */
export interface FieldView {
  select(match: FieldMatch, focus: boolean): void;
  isSelected(match: FieldMatch): boolean;
  /** No field holds the current match any more. */
  clear(): void;
}

/** The field match Next or Previous selected last, and the editor's selection then. */
interface FieldSelection {
  match: FieldMatch;
  bodySelection: Range | null;
}

export class FindController {
  private state: FindState = {
    open: false,
    query: '',
    replacement: '',
    options: { ignoreDiacritics: true, matchCase: false },
    speakers: false,
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
  private fieldView: FieldView | null = null;
  private fieldSelection: FieldSelection | null = null;
  /**
   * The header the results were found in. Its edits reach no Slate onChange (they are not in the
   * body), so before acting on the results they are searched again if it changed meanwhile: a
   * replacement must never be made from a field's older text.
   */
  private searchedHeader: { meta: unknown; participants: unknown } | null = null;

  constructor(
    private readonly editor: Editor,
    private readonly story: () => StoryFields | undefined = () => storyFieldsOf(editor),
    /** Whether the document is read-only now (Viewing mode): the `readOnly` its Editable was given. */
    private readonly readOnly: () => boolean = () => ReactEditor.isReadOnly(editor),
  ) {}

  /** Replace and Replace all may change the document now (not in Viewing mode). */
  canReplace = (): boolean => !this.readOnly();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): FindState => this.state;

  /** The highlights of the matches; a new function whenever they change (see decorations.ts). */
  getDecorator = (): Decorator => this.decorator;

  /** The view's way to show a match in a field; returns the undo of the setting. */
  setFieldView(view: FieldView): () => void {
    this.fieldView = view;
    return () => {
      if (this.fieldView === view) this.fieldView = null;
    };
  }

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
    this.fieldSelection = null;
    this.fieldView?.clear();
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

  /** Search the speakers' labels too, or not. */
  setSpeakers(speakers: boolean): void {
    this.set({ speakers, replaced: null });
    this.schedule(true, 0);
  }

  next(): void {
    this.flushPending();
    const { matches } = this.results;
    if (matches.length === 0) return;
    const current = this.selectedMatch();
    const at = this.caret();
    let i = current !== null ? current + 1 : at ? firstMatchFrom(matches, at) : 0;
    if (i === -1 || i >= matches.length) i = 0; // past the last match: wrap to the first
    this.select(i, true);
  }

  previous(): void {
    this.flushPending();
    const { matches } = this.results;
    if (matches.length === 0) return;
    const current = this.selectedMatch();
    const at = this.caret();
    let i: number;
    if (current !== null) i = current - 1;
    else if (!at) i = matches.length - 1;
    else {
      const after = firstMatchFrom(matches, at);
      i = (after === -1 ? matches.length : after) - 1;
    }
    if (i < 0) i = matches.length - 1; // before the first match: wrap to the last
    this.select(i, true);
  }

  /**
   * Replaces the current match and moves to the next. When the selection is not on a match (the
   * user clicked elsewhere since), it first only selects the next one: nothing is replaced unseen.
   */
  replace(): void {
    if (!this.canReplace()) return;
    this.flushPending();
    const current = this.selectedMatch();
    if (current === null) {
      this.next();
      return;
    }
    const match = this.results.matches[current]!;
    const text = cleanLine(this.state.replacement);
    let after: StoryPoint | null = null;
    if (match.kind === 'text') replaceRange(this.editor, matchRange(match), text);
    else {
      // One match is a Replace all of one: the same checks (a label never emptied, a field's limit).
      const plan = planReplaceAll([match], text);
      const photo = plan.photos[0];
      if (photo) replaceInPhoto(this.editor, photo.path, photo.fields);
      else if (plan.counts.size > 0) this.story()?.replace({ meta: plan.meta, labels: plan.labels }, () => undefined);
      const { place } = match;
      after = { kind: 'field', place, offset: match.start + text.length };
      this.fieldSelection = null;
    }
    this.search(false);
    const { matches } = this.results;
    if (matches.length === 0) return;
    const from = after ?? (this.editor.selection ? { kind: 'body' as const, point: Range.end(this.editor.selection) } : null);
    if (!from) return;
    const i = firstMatchFrom(matches, from);
    this.select(i === -1 ? 0 : i, true);
  }

  /** Replaces every match, in the body and the header, as one undo step. */
  replaceAll(): void {
    if (!this.canReplace()) return;
    this.flushPending();
    const text = cleanLine(this.state.replacement);
    const plan = planReplaceAll(this.results.matches, text);
    let body = new Map<ReportPlace, number>();
    const bodyChange = () => {
      body = replaceInBody(this.editor, plan, text);
    };
    const header = { meta: plan.meta, labels: plan.labels };
    const story = Object.keys(header.meta).length + Object.keys(header.labels).length > 0 ? this.story() : undefined;
    if (story) story.replace(header, bodyChange);
    else HistoryEditor.withNewBatch(this.editor, bodyChange);
    // The header's fields are set as planned; the body says what it could do.
    const counts = new Map(body);
    if (story) for (const place of ['headline', 'subheadline', 'sapo', 'speaker'] as const) if (plan.counts.has(place)) counts.set(place, plan.counts.get(place)!);
    this.fieldSelection = null;
    this.search(false);
    this.set({ replaced: reportOf(counts) });
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
    this.results = open && query !== '' ? this.finder.find(this.editor.children, query, options, this.header()) : NO_RESULTS;
    // A new decorator makes Slate re-decorate every node; skip that when nothing moved.
    if (!sameHighlights(before, this.results)) this.highlightsStale = true;
    const { matches } = this.results;
    const at = this.caret();
    if (fromCaret && matches.length > 0) {
      const i = at ? firstMatchFrom(matches, at) : 0;
      this.select(i === -1 ? 0 : i, false);
      return;
    }
    this.set({ total: matches.length, current: this.matchSelectedNow() });
  }

  /** What is searched besides the body: the header, and the speakers' labels when asked for. */
  private header(): StoryHeader | undefined {
    const header = this.story()?.header();
    this.searchedHeader = header ?? null;
    return header && { meta: header.meta, speakers: this.state.speakers ? header.participants : [] };
  }

  /** Where the user is: in the field match last selected, if still there, else the editor's selection. */
  private caret(): StoryPoint | null {
    const field = this.liveFieldSelection();
    if (field) return { kind: 'field', place: field.place, offset: field.start };
    const { selection } = this.editor;
    return selection ? { kind: 'body', point: Range.start(selection) } : null;
  }

  /**
   * The field match last selected, while the user is still on it: the field still reads as it did,
   * the view says it is still selected there, and the user has not moved the caret in the body
   * since (a selection that went away, as Viewing mode's read-only text drops it, is no move).
   */
  private liveFieldSelection(): FieldMatch | null {
    const sel = this.fieldSelection;
    if (!sel) return null;
    const { match } = sel;
    const { selection } = this.editor;
    const bodyMoved = selection !== null && (sel.bodySelection === null || !Range.equals(selection, sel.bodySelection));
    const value = this.currentFieldValue(match);
    if (bodyMoved || value !== match.value || (this.fieldView && !this.fieldView.isSelected(match))) {
      this.fieldSelection = null;
      return null;
    }
    return match;
  }

  /** What the field of a match holds now (undefined once it is gone). */
  private currentFieldValue(match: FieldMatch): string | undefined {
    const { place } = match;
    if (place.kind === 'photo') return currentPhotoValue(this.editor, match);
    const header = this.story()?.header();
    return header && fieldValue(place, { meta: header.meta, speakers: header.participants });
  }

  /** The index of the match the user's selection is on now, or null. */
  private matchSelectedNow(): number | null {
    const { matches } = this.results;
    if (matches.length === 0) return null;
    const field = this.liveFieldSelection();
    if (field) {
      const i = fieldMatchAt(matches, field.place, field.start, field.end);
      return i === -1 ? null : i;
    }
    const { selection } = this.editor;
    const i = selection ? matchAt(matches, selection) : -1;
    return i === -1 ? null : i;
  }

  /** The current match, if the selection is still on it (the user may have clicked away since). */
  private selectedMatch(): number | null {
    const { current } = this.state;
    if (current === null) return null;
    const match = this.results.matches[current];
    if (!match) return null;
    if (match.kind === 'field') {
      const field = this.liveFieldSelection();
      return field && samePlace(field.place, match.place) && field.start === match.start && field.end === match.end ? current : null;
    }
    const { selection } = this.editor;
    if (!selection) return current;
    return matchAt(this.results.matches, selection) === current ? current : null;
  }

  /** Selects match `i`: in the body with the editor's selection, in a field through the view. */
  private select(i: number, focusField: boolean): void {
    const match = this.results.matches[i]!;
    if (match.kind === 'text') {
      this.fieldSelection = null;
      this.fieldView?.clear();
      const range = matchRange(match);
      Transforms.select(this.editor, range);
      this.set({ total: this.results.matches.length, current: i });
      this.revealer?.(range);
      return;
    }
    this.fieldSelection = { match, bodySelection: this.editor.selection };
    this.set({ total: this.results.matches.length, current: i });
    if (match.place.kind === 'speaker' && focusField) this.story()?.showParticipants();
    this.fieldView?.select(match, focusField);
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
    const header = this.story()?.header();
    const headerMoved = header !== undefined && (header.meta !== this.searchedHeader?.meta || header.participants !== this.searchedHeader.participants);
    if (this.timer !== null || headerMoved) this.search(this.pendingFromCaret);
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
  const same = (x: Match, y: Match) => {
    if (x.kind === 'text' && y.kind === 'text') return x.paragraph === y.paragraph && samePoint(x.start, y.start) && samePoint(x.end, y.end);
    if (x.kind === 'field' && y.kind === 'field') return samePlace(x.place, y.place) && x.value === y.value && x.start === y.start && x.end === y.end;
    return false;
  };
  for (let i = 0; i < a.matches.length; i++) if (!same(a.matches[i]!, b.matches[i]!)) return false;
  return true;
}

/** The value a photo field match's photo holds now (it may have moved or gone: then undefined). */
function currentPhotoValue(editor: Editor, match: FieldMatch): string | undefined {
  const { place } = match;
  if (place.kind !== 'photo') return undefined;
  try {
    const node = Editor.node(editor, place.path)[0];
    return Element.isElement(node) && node.type === 'photo' ? node[place.field] : undefined;
  } catch {
    return undefined;
  }
}
