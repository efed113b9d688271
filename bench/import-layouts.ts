/**
 * The importer on ~1 MB of text in each layout real interviews arrive in, not only the agency's own:
 * the same generated interview (generate.ts `agencyTextOfSize`) flattened onto one line with
 * no-break spaces where the breaks were, hard-wrapped at 72 characters with and without blank lines,
 * as dash-only dialogue, and with the reporter's labels lost. Each is parsed only (no store), so the
 * numbers say what the layout costs the importer; `import_ms_1mb` (backend-costs.ts) is the whole
 * import of the agency layout.
 */
import { importAgencyText } from '../shared/import/agency-text';
import { median, timeMs } from './stats';

export type ImportLayout = 'agency' | 'flattened' | 'hard-wrapped' | 'wrapped-continuous' | 'dash-dialogue' | 'lost-labels';

export interface LayoutCost {
  bytes: number;
  /** Parse time, median of the runs after a warm-up. */
  parseMs: number;
  /** Turns the importer found: a layout it failed to read would be fast for the wrong reason. */
  turns: number;
}

/** Greedy wrap at `width` characters, as e-mail and wire feeds do. */
function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

const REPORTER = /^\* Phóng viên: /gm;
const ANY_LABEL = /^\* [^:\n]{1,60}: /gm;
/** The reporter's turns end with a question mark, as questions do (the generated prose ends every sentence with a full stop). */
const asQuestions = (agency: string) => agency.replace(/^(\* Phóng viên: .*)\.$/gm, '$1?');

/** The agency text in each layout. */
export function importLayouts(agency: string): Record<ImportLayout, string> {
  const blocks = agency.trimEnd().split('\n\n');
  return {
    agency,
    flattened: blocks.map((b) => b.replace(/\n/g, '\u00A0')).join('\u00A0'),
    'hard-wrapped': blocks.map((b) => b.split('\n').flatMap((l) => wrap(l, 72)).join('\n')).join('\n\n'),
    'wrapped-continuous': blocks.flatMap((b) => b.split('\n').flatMap((l) => wrap(l, 72))).join('\n'),
    'dash-dialogue': asQuestions(agency).replace(ANY_LABEL, '- '),
    'lost-labels': asQuestions(agency).replace(REPORTER, ''),
  };
}

export function measureImportLayouts(agency: string, runs = 3): Record<ImportLayout, LayoutCost> {
  const out = {} as Record<ImportLayout, LayoutCost>;
  for (const [layout, text] of Object.entries(importLayouts(agency)) as Array<[ImportLayout, string]>) {
    let turns = 0;
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const ms = timeMs(() => (turns = importAgencyText(text).report.turns.length));
      if (i > 0) times.push(ms); // the first run warms up
    }
    out[layout] = { bytes: Buffer.byteLength(text), parseMs: median(times), turns };
  }
  return out;
}
