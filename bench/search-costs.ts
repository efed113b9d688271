/**
 * Library search over 10,000 interviews: the app's search (electron/backend/search.ts, as the
 * library screen calls it) against a scan of the same rows (LIKE over the stored folded text,
 * every row examined, as ranking needs every match).
 */
import type { HandlerContext } from '../electron/backend/context';
import { queryTokens, searchDocuments } from '../electron/backend/search';
import type { SearchQuery } from './generate';
import { median, percentile, timeMs } from './stats';

export interface SearchCost {
  queries: number;
  searchP50: number;
  searchP95: number;
  scanP50: number;
  scanP95: number;
  /** By query kind: search p95 (ms) and median number of matching interviews. */
  byKind: Record<SearchQuery['kind'], { searchP95: number; medianMatches: number }>;
}

/** `LIKE '%token%'` for each token, ANDed: the folded column holds what the index holds. */
function scanStatement(ctx: HandlerContext, tokens: number) {
  const where = Array.from({ length: tokens }, () => `search_text LIKE ? ESCAPE '\\'`).join(' AND ');
  return ctx.db.prepare(`SELECT id FROM document WHERE ${where}`);
}
const likePattern = (token: string) => `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function measureSearch(ctx: HandlerContext, queries: readonly SearchQuery[], warmup = 5): SearchCost {
  const countMatches = ctx.db.prepare('SELECT count(*) AS n FROM document_fts WHERE document_fts MATCH ?');
  for (const q of queries.slice(0, warmup)) searchDocuments(ctx, q.text);
  const rows = queries.map((q) => {
    const tokens = queryTokens(q.text);
    const searchMs = timeMs(() => searchDocuments(ctx, q.text));
    const scan = scanStatement(ctx, tokens.length);
    const scanMs = timeMs(() => scan.all(...tokens.map(likePattern)));
    const matches = (countMatches.get(tokens.map((t) => `"${t}"*`).join(' ')) as { n: number }).n;
    return { kind: q.kind, searchMs, scanMs, matches };
  });
  const kindStats = (kind: SearchQuery['kind']) => {
    const of = rows.filter((r) => r.kind === kind);
    return { searchP95: percentile(of.map((r) => r.searchMs), 95), medianMatches: median(of.map((r) => r.matches)) };
  };
  return {
    queries: rows.length,
    searchP50: median(rows.map((r) => r.searchMs)),
    searchP95: percentile(rows.map((r) => r.searchMs), 95),
    scanP50: median(rows.map((r) => r.scanMs)),
    scanP95: percentile(rows.map((r) => r.scanMs), 95),
    byKind: { frequent: kindStats('frequent'), uniform: kindStats('uniform') },
  };
}
