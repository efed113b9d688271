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
  const rows = ctx.db
    .prepare(
      `SELECT d.id, d.headline, d.section, d.status, d.updated_at, d.body
         FROM document_fts f JOIN document d ON d.rowid = f.rowid
        WHERE document_fts MATCH ?
        ORDER BY bm25(document_fts), d.updated_at DESC
        LIMIT ?`,
    )
    .all(ftsExpression(tokens), limit) as { id: string; headline: string; section: string; status: string; updated_at: string; body: string }[];
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
  const folded = foldWithMap(text, { ignoreDiacritics: true, matchCase: false });
  // Prefix search: a token matches the start of a word, as in the index.
  const atWordStart = (m: TextMatch) => m.start === 0 || /[^\p{L}\p{N}]/u.test(text[m.start - 1]!);
  const byToken = tokens.map((t) => matchFolded(folded, t).filter(atWordStart));
  const matches = byToken.flat().sort((a, b) => a.start - b.start);
  if (matches.length === 0) return { text: text.slice(0, 2 * SNIPPET_RADIUS), highlights: [] };
  // Centre on the first place the query's first word occurs (the phrase usually starts there).
  const first = byToken[0]![0] ?? matches[0]!;
  const from = Math.max(0, first.start - SNIPPET_RADIUS);
  const to = Math.min(text.length, first.end + SNIPPET_RADIUS);
  const prefix = from > 0 ? '… ' : '';
  const highlights = matches
    .filter((m) => m.start >= from && m.end <= to)
    .map((m) => [m.start - from + prefix.length, m.end - from + prefix.length] as [number, number]);
  return { text: prefix + text.slice(from, to) + (to < text.length ? ' …' : ''), highlights };
}
