/**
 * Full-text search of the library, accent-insensitive: `dang vien`, `Dang Vien` and `đảng viên`
 * all find `đảng viên`, `ha noi` finds `Hà Nội`. The index (migration v2) holds text folded by
 * foldForSearch; queries are folded the same way, split into word tokens and each token quoted,
 * so FTS5 syntax typed by a user (quotes, `-`, `AND`, `*`) is always taken literally.
 * Snippets are cut from the original text, with the matches mapped back through the fold.
 */
import type { SearchHit } from '../../shared/api/contract';
import { searchableText } from '../../shared/model/text';
import { validateInterview } from '../../shared/model/validate';
import { foldWithMap, matchFolded, type TextMatch } from '../../shared/text/fold-map';
import { foldForSearch } from '../../shared/text/normalize-text';
import type { HandlerContext } from './context';

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

/** An FTS5 MATCH expression: every token must occur, each as a quoted prefix. */
export function ftsExpression(tokens: readonly string[]): string {
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' ');
}

export function searchDocuments(ctx: HandlerContext, query: string, limit = 50): SearchHit[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return [];
  // Ranked inside the index first, and only the top rows are read from `document`: joining before
  // the LIMIT made SQLite read every matching row whole (bodies of 10–100 KB, with `deleted_at`
  // stored after them), which cost ~4× the ranking itself on a 10,000-interview library (BENCHMARKS.md).
  // Trashed interviews are left out through their index. A few extra candidates keep equal ranks
  // at the cut going newest first, as when every match was sorted.
  const rows = ctx.db
    .prepare(
      `SELECT d.id, d.headline, d.section, d.status, d.updated_at, d.body
         FROM (SELECT rowid, rank FROM document_fts
                WHERE document_fts MATCH ? AND rowid NOT IN (SELECT rowid FROM document WHERE deleted_at IS NOT NULL)
                ORDER BY rank LIMIT ?) f
         JOIN document d ON d.rowid = f.rowid
        ORDER BY f.rank, d.updated_at DESC
        LIMIT ?`,
    )
    .all(ftsExpression(tokens), limit + TIE_CANDIDATES, limit) as { id: string; headline: string; section: string; status: string; updated_at: string; body: string }[];
  return rows.map((r) => ({
    id: r.id,
    headline: r.headline,
    section: r.section,
    status: r.status as SearchHit['status'],
    updatedAt: r.updated_at,
    snippet: snippetOf(r.body, tokens),
  }));
}

/** A short excerpt around the first match, with the matched ranges (relative to the excerpt). */
export function snippetOf(bodyJson: string, tokens: readonly string[]): SearchHit['snippet'] {
  let text = '';
  try {
    const checked = validateInterview(JSON.parse(bodyJson));
    if (checked.ok) text = searchableText(checked.doc).replace(/\n+/g, ' · ');
  } catch {
    // A damaged row still appears in the results; opening it reports the damage.
  }
  return snippetOfText(text, tokens);
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
  const classes = foldClasses();
  let pattern = '';
  for (const ch of token) {
    const letters = classes.get(ch);
    if (!letters) return -1;
    pattern += `[${letters}]`;
  }
  return new RegExp(`(?<![\\p{L}\\p{N}])${pattern}`, 'u').exec(text)?.index ?? -1;
}
