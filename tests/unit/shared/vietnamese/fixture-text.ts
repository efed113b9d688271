/** Reads the marked-up sentences of tests/fixtures/vietnamese/ (see the README there). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Defect {
  start: number;
  end: number;
  found: string;
  correct: string;
  kind: 'misplaced-tone' | 'house-style' | 'spelling';
}

export interface FixtureLine {
  /** Line number in the file, for messages. */
  line: number;
  written: string;
  correct: string;
  defects: Defect[];
}

const MARK = /\{([^{}>=]+)([>=])([^{}]+)\}/g;

export function readFixture(name: string, wrongKind: 'misplaced-tone' | 'spelling'): FixtureLine[] {
  const text = readFileSync(join(import.meta.dirname, '../../../fixtures/vietnamese', name), 'utf8');
  const out: FixtureLine[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    let written = '';
    let correct = '';
    let last = 0;
    const defects: Defect[] = [];
    for (const m of raw.matchAll(MARK)) {
      const before = raw.slice(last, m.index);
      written += before;
      correct += before;
      const [, found, sign, right] = m as unknown as [string, string, string, string];
      defects.push({ start: written.length, end: written.length + found.length, found, correct: right, kind: sign === '=' ? 'house-style' : wrongKind });
      written += found;
      correct += right;
      last = m.index + m[0].length;
    }
    written += raw.slice(last);
    correct += raw.slice(last);
    out.push({ line: i + 1, written, correct, defects });
  });
  return out;
}
