/**
 * The turns the import preview lists: each with the line it starts on, its first words, and the
 * findings about the text it covers, so a doubt is read beside the words it is about.
 */
import type { ImportResult } from '../../../shared/import/agency-text';
import type { ImportFinding } from '../../../shared/import/findings';

export interface PreviewTurn {
  /** The line of the text the turn starts on; unknown for a turn the importer had to continue in another. */
  line: number | undefined;
  /** The turn's first paragraph. */
  text: string;
  /** Findings from its first line up to the next turn's (the last turn's end at the page's chrome). */
  findings: ImportFinding[];
}

export function previewTurns(result: ImportResult, findings: readonly ImportFinding[]): PreviewTurn[] {
  const blocks = result.doc.body.flatMap((b) => (b.type === 'turn' ? [b] : []));
  // The report lists the turns the text starts; an answer longer than a turn holds goes on in
  // another turn it does not list, and then lines cannot be matched to turns one for one.
  const lines = result.report.turns.length === blocks.length ? result.report.turns.map((t) => t.line) : [];
  const end = result.report.webChromeFromLine ?? Infinity;
  return blocks.map((turn, k) => {
    const first = turn.children.find((c) => c.type === 'paragraph');
    const text = first && first.type === 'paragraph' ? first.children.map((leaf) => leaf.text).join('') : '';
    const line = lines[k];
    const until = lines[k + 1] ?? end;
    return { line, text, findings: line === undefined ? [] : findings.filter((f) => f.line >= line && f.line < until) };
  });
}
