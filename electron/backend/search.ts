/**
 * Full-text search of the library, accent-insensitive: `dang vien`, `Dang Vien` and `đảng viên`
 * all find `đảng viên`, `ha noi` finds `Hà Nội`. The index (migration v2) holds text folded by
 * foldForSearch; queries are folded the same way, split into word tokens and each token quoted,
 * so FTS5 syntax typed by a user (quotes, `-`, `AND`, `*`) is always taken literally.
 * Snippets are cut from the original text, with the matches mapped back through the fold.
 */
import { SEARCH_PAGE, type SearchHit } from '../../shared/api/contract';
import { searchableText } from '../../shared/model/text';
import type { Interview } from '../../shared/model/schema';
import { foldWithMap, matchFolded, type TextMatch } from '../../shared/text/fold-map';
import { foldForSearch } from '../../shared/text/normalize-text';
import type { HandlerContext } from './context';
import { readDocumentText } from './document-store';
import { refreshSearchIndex } from './search-index';

const MAX_TOKENS = 12;
const SNIPPET_RADIUS = 70;
/** Candidates ranked beyond the limit, so interviews with equal ranks at the cut are ordered as before. */
const TIE_CANDIDATES = 20;

/** The query's word tokens, folded; punctuation and FTS operators become separators. */
export function queryTokens(query: string): string[] {
  return foldForSearch(query.normalize('NFC'))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '')
    .slice(0, MAX_TOKENS);
}

/** An FTS5 MATCH expression: every token must occur, each as a quoted prefix (or, with `prefix` false, whole). */
export function ftsExpression(tokens: readonly string[], prefix = true): string {
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"${prefix ? '*' : ''}`).join(' ');
}

/**
 * Interviews ranked by relevance (FTS5's bm25) when at most this many match. A common Vietnamese
 * syllable is in nearly every interview (syllables are words), and ranking 10,000 matches cost
 * p95 35–45 ms on the bench library for little meaning; above the cut the matches are listed
 * newest change first, as the library lists interviews (BENCHMARKS.md).
 */
export const RANKED_AT_MOST = 1000;

export function searchDocuments(ctx: HandlerContext, query: string, limit = SEARCH_PAGE, rankedAtMost = RANKED_AT_MOST): SearchHit[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return [];
  refreshSearchIndex(ctx); // interviews autosaved since the last search (search-index.ts)
  const expression = ftsExpression(tokens);
  const matchesOf = (match: string) => new Set(ctx.db.prepare('SELECT rowid FROM document_fts WHERE document_fts MATCH ?').pluck().all(match) as number[]);
  // Short prefixes (`do`*, `tu`*) stand for hundreds of index terms and listing their matches
  // costs 10–20 ms, while the words themselves cost ~2 ms. An interview holding every word whole
  // matches the prefixes too, so when those alone are more than the cut the prefix matches are
  // listed only if an interview without them is reached.
  const whole = matchesOf(ftsExpression(tokens, false));
  let rows: HitRow[];
  if (whole.size > rankedAtMost) {
    rows = newestMatches(ctx, whole, () => matchesOf(expression), limit);
  } else {
    const matching = matchesOf(expression);
    rows = matching.size > rankedAtMost ? newestMatches(ctx, matching, null, limit) : rankedMatches(ctx, expression, limit);
  }
  return rows.map((r) => ({
    id: r.id,
    headline: r.headline,
    section: r.section,
    status: r.status as SearchHit['status'],
    updatedAt: r.updated_at,
    snippet: snippetOfText(displayTextOf(ctx, r), tokens),
  }));
}

interface HitRow {
  rowid: number;
  id: string;
  revision: number;
  headline: string;
  section: string;
  status: string;
  updated_at: string;
}

/**
 * The text snippets are cut from, per interview version: reading a hit's body and parsing it was
 * most of a search once ranking stopped being (~0.2 ms a hit), and successive searches (a prefix
 * growing while the user types, the newest interviews for common words) show the same interviews.
 * A new revision of an interview is a new key; the oldest entries go first beyond CACHED_TEXTS.
 */
const CACHED_TEXTS = 256;
const displayTexts = new WeakMap<HandlerContext['db'], Map<string, string>>();

function displayTextOf(ctx: HandlerContext, row: HitRow): string {
  let texts = displayTexts.get(ctx.db);
  if (!texts) displayTexts.set(ctx.db, (texts = new Map()));
  const key = `${row.id}@${row.revision}:${row.updated_at}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = displayText(readDocumentText(ctx.db, row.id) ?? '');
    if (texts.size >= CACHED_TEXTS) texts.delete(texts.keys().next().value!);
  } else {
    texts.delete(key); // most recently used last
  }
  texts.set(key, text);
  return text;
}

/**
 * The best-ranked matches. Ranked inside the index first, and only the top rows are read from
 * `document`: joining before the LIMIT made SQLite read every matching row whole (bodies of
 * 10–100 KB, with `deleted_at` stored after them), which cost ~4× the ranking itself on a
 * 10,000-interview library (BENCHMARKS.md). Trashed interviews are left out through their index.
 * A few extra candidates keep equal ranks at the cut going newest first, as when every match was sorted.
 */
function rankedMatches(ctx: HandlerContext, expression: string, limit: number): HitRow[] {
  return ctx.db
    .prepare(
      `SELECT d.rowid, d.id, d.revision, d.headline, d.section, d.status, d.updated_at
         FROM (SELECT rowid, rank FROM document_fts
                WHERE document_fts MATCH ? AND rowid NOT IN (SELECT rowid FROM document WHERE deleted_at IS NOT NULL)
                ORDER BY rank LIMIT ?) f
         JOIN document d ON d.rowid = f.rowid
        ORDER BY f.rank, d.updated_at DESC
        LIMIT ?`,
    )
    .all(expression, limit + TIE_CANDIDATES, limit) as HitRow[];
}

/**
 * The newest matches (last change first; equal times in the order the interviews were stored),
 * out of a set too large to rank: those in `surely`, and when `all` is given, those it lists
 * (asked only when an interview outside `surely` comes up). The
 * interviews are walked newest first along the `updated_at` index (no row is read) until `limit`
 * matches not in the trash are found; only those rows are read (without their bodies).
 */
function newestMatches(ctx: HandlerContext, surely: ReadonlySet<number>, all: (() => ReadonlySet<number>) | null, limit: number): HitRow[] {
  const trashed = new Set(ctx.db.prepare('SELECT rowid FROM document WHERE deleted_at IS NOT NULL').pluck().all() as number[]);
  let matching: ReadonlySet<number> | null = all === null ? surely : null;
  const matches = (rowid: number) => surely.has(rowid) || (matching ??= all!()).has(rowid);
  const picked: number[] = [];
  for (const rowid of ctx.db.prepare('SELECT rowid FROM document INDEXED BY document_updated ORDER BY updated_at DESC').pluck().iterate() as IterableIterator<number>) {
    if (trashed.has(rowid) || !matches(rowid)) continue;
    picked.push(rowid);
    if (picked.length === limit) break;
  }
  const read = ctx.db.prepare('SELECT rowid, id, revision, headline, section, status, updated_at FROM document WHERE rowid = ?');
  return picked.map((rowid) => read.get(rowid) as HitRow);
}

/** A short excerpt around the first match, with the matched ranges (relative to the excerpt). */
export function snippetOf(bodyJson: string, tokens: readonly string[]): SearchHit['snippet'] {
  return snippetOfText(displayText(bodyJson), tokens);
}

/** A stored body's searchable text on one line (parts joined by ` · `), or '' when it cannot be read. */
function displayText(bodyJson: string): string {
  try {
    const doc: unknown = JSON.parse(bodyJson);
    if (hasSearchableText(doc)) return searchableText(doc).replace(/\n+/g, ' · ');
  } catch {
    // A damaged row still appears in the results; opening it reports the damage.
  }
  return '';
}

/**
 * Whether the parts of a stored document that searchableText reads have the shape it reads them
 * in (strings where it reads strings). Checking the whole document schema for each of 50 hits
 * cost ~6 ms of a search; a document the schema accepts passes this check and gives the same
 * text. A row damaged elsewhere still gets its snippet; opening it reports the damage.
 */
function hasSearchableText(doc: unknown): doc is Interview {
  if (!isObject(doc) || !isObject(doc.meta) || !Array.isArray(doc.participants) || !Array.isArray(doc.body)) return false;
  const meta = doc.meta;
  if (!['headline', 'subheadline', 'sapo', 'section', 'location', 'byline'].every((k) => typeof meta[k] === 'string')) return false;
  if (!doc.participants.every((p) => isObject(p) && typeof p.label === 'string' && typeof p.fullName === 'string' && typeof p.title === 'string')) return false;
  return doc.body.every(isSearchableBlock);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isSearchableBlock(block: unknown): boolean {
  if (!isObject(block)) return false;
  switch (block.type) {
    case 'paragraph':
      return Array.isArray(block.children) && block.children.every((leaf) => isObject(leaf) && typeof leaf.text === 'string');
    case 'photo':
      return typeof block.caption === 'string' && typeof block.credit === 'string';
    case 'turn':
      return Array.isArray(block.children) && block.children.every((child) => isObject(child) && (child.type === 'paragraph' || child.type === 'photo') && isSearchableBlock(child));
    default:
      return false;
  }
}

/** Characters folded per side of the first match before the snippet is cut: room for the radius and for context. */
const FOLD_WINDOW = 3 * SNIPPET_RADIUS;

/**
 * The snippet of `text`. Folding with a map costs per character and an interview runs to 100 KB
 * or more, so the first match of the first word is found on the original text (a regex that
 * accepts every accented form of each letter) and only a window around it is folded. When the two
 * disagree about where that first match is (characters the regex does not know), the whole text
 * is folded, as before.
 */
export function snippetOfText(text: string, tokens: readonly string[]): SearchHit['snippet'] {
  const at = tokens.length > 0 ? firstWordStart(text, tokens[0]!) : -1;
  if (at >= 0) {
    const windowed = snippetIn(text, tokens, Math.max(0, at - FOLD_WINDOW), Math.min(text.length, at + 4 * tokens[0]!.length + FOLD_WINDOW), at);
    if (windowed) return windowed;
  }
  return snippetIn(text, tokens, 0, text.length)!;
}

/**
 * The snippet computed on text[from, to) only. With `expectFirstAt`, null unless the first word's
 * first match is there (the caller's window was placed around it).
 */
export function snippetIn(text: string, tokens: readonly string[], from: number, to: number, expectFirstAt?: number): SearchHit['snippet'] | null {
  const folded = foldWithMap(text.slice(from, to), { ignoreDiacritics: true, matchCase: false });
  const inText = (m: TextMatch): TextMatch => ({ start: m.start + from, end: m.end + from });
  // Prefix search: a token matches the start of a word, as in the index.
  const atWordStart = (m: TextMatch) => m.start === 0 || NOT_WORD.test(text[m.start - 1]!);
  const byToken = tokens.map((t) => matchFolded(folded, t).map(inText).filter(atWordStart));
  const matches = byToken.flat().sort((a, b) => a.start - b.start);
  if (matches.length === 0) return expectFirstAt === undefined ? { text: text.slice(0, 2 * SNIPPET_RADIUS), highlights: [] } : null;
  // Centre on the first place the query's first word occurs (the phrase usually starts there).
  const first = byToken[0]![0] ?? matches[0]!;
  if (expectFirstAt !== undefined && (byToken[0]!.length === 0 || first.start !== expectFirstAt)) return null;
  const start = Math.max(0, first.start - SNIPPET_RADIUS);
  const end = Math.min(text.length, first.end + SNIPPET_RADIUS);
  const prefix = start > 0 ? '… ' : '';
  const highlights = matches
    .filter((m) => m.start >= start && m.end <= end)
    .map((m) => [m.start - start + prefix.length, m.end - start + prefix.length] as [number, number]);
  return { text: prefix + text.slice(start, end) + (end < text.length ? ' …' : ''), highlights };
}

const NOT_WORD = /[^\p{L}\p{N}]/u;

/** For each folded letter, every Latin letter (any case, any accent) that folds to it: `d` → d D đ Đ, `a` → a à ả ã á ạ ă … */
let lettersByFold: Map<string, string> | null = null;
function foldClasses(): Map<string, string> {
  if (lettersByFold) return lettersByFold;
  const groups = new Map<string, string>();
  const ranges: [number, number][] = [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0xc0, 0x24f], [0x1e00, 0x1eff]];
  for (const [lo, hi] of ranges) {
    for (let cp = lo; cp <= hi; cp++) {
      const ch = String.fromCodePoint(cp);
      const f = foldForSearch(ch);
      if (f.length === 1) groups.set(f, (groups.get(f) ?? '') + ch);
    }
  }
  lettersByFold = groups;
  return groups;
}

/** Where `token` (folded) first starts a word in the original `text`, or -1 (also for tokens with other letters). */
function firstWordStart(text: string, token: string): number {
  const finder = wordStartFinder(token);
  return finder ? (finder.exec(text)?.index ?? -1) : -1;
}

/** The regex firstWordStart uses for a token (null: a letter it cannot match), compiled once per token, not once per hit. */
const finders = new Map<string, RegExp | null>();
function wordStartFinder(token: string): RegExp | null {
  let finder = finders.get(token);
  if (finder !== undefined) return finder;
  const classes = foldClasses();
  const parts: string[] = [];
  for (const ch of token) {
    const letters = classes.get(ch);
    if (!letters) {
      parts.length = 0;
      break;
    }
    parts.push(`[${letters}]`);
  }
  // The first letter leads and the word-start test follows it (the character before that letter
  // is not a letter or digit): a pattern that starts with a lookbehind is tried at every position
  // of the text, one starting with a character class lets the engine skip to the candidates.
  // For a rare word, scanning 50 hits' texts the old way was ~9 ms of a ~11 ms search.
  finder = parts.length === 0 ? null : new RegExp(`${parts[0]}(?<![\\p{L}\\p{N}].)${parts.slice(1).join('')}`, 'u');
  if (finders.size >= 256) finders.clear();
  finders.set(token, finder);
  return finder;
}
