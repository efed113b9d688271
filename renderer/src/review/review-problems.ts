/**
 * What the review margin says about damaged review state: each problem that
 * shared/review/problems.ts finds, with what it touches in words a reporter can check before
 * discarding it. Pure, so it is tested without a browser; ReviewProblems.tsx renders it.
 */
import type { Interview, Paragraph } from '../../../shared/model/schema';
import { findProblems, listPending, type ReviewProblem } from '../../../shared/review';

export interface ProblemView {
  /** Stable while the problem is there (React key, and which one a button discards). */
  key: string;
  problem: ReviewProblem;
  /** The suggestion's author and kind, when its record says. */
  authorName?: string;
  kind?: string;
  /** The text or value it concerns, shortened; empty when there is none to show. */
  excerpt: string;
}

const EXCERPT = 80;
const shorten = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text);

export const problemKey = (p: ReviewProblem): string => ('id' in p ? `${p.type}:${p.id}${'field' in p ? `:${p.field}` : ''}` : `${p.type}@${p.path.join('.')}`);

function paragraphAt(doc: Interview, path: readonly number[]): Paragraph | undefined {
  const [top, inner] = path;
  const block = top === undefined ? undefined : doc.body[top];
  const node = inner === undefined ? block : block?.type === 'turn' ? block.children[inner] : undefined;
  return node?.type === 'paragraph' ? node : undefined;
}

export function viewProblems(doc: Interview): ProblemView[] {
  const problems = findProblems(doc);
  if (problems.length === 0) return [];
  const pending = new Map(listPending(doc).map((p) => [p.id, p]));
  const records = doc.review?.suggestions ?? [];
  const seen = new Set<string>();
  const views: ProblemView[] = [];
  for (const problem of problems) {
    const key = problemKey(problem);
    if (seen.has(key)) continue; // two of a kind on one id read as one line, and go together
    seen.add(key);
    const view: ProblemView = { key, problem, excerpt: '' };
    if ('id' in problem) {
      const record = records.find((r) => r.id === problem.id);
      if (record) Object.assign(view, { authorName: record.authorName, kind: record.kind });
      const item = pending.get(problem.id);
      if (item) view.excerpt = shorten([item.removed, item.added].filter(Boolean).join(' → '));
    }
    if (problem.type === 'badMetaValue') {
      const change = doc.review?.metaChanges.find((c) => c.id === problem.id && c.field === problem.field);
      view.excerpt = shorten(change ? JSON.stringify(change.from) : '');
    }
    if (problem.type === 'danglingBreak') view.excerpt = shorten(paragraphAt(doc, problem.path)?.children.map((l) => l.text).join('') ?? '');
    views.push(view);
  }
  return views;
}
