/**
 * A transcript file as lines (CRLF, LF or CR; a byte-order mark dropped) and blocks of lines
 * separated by blank ones, each line keeping its 1-based number for the report.
 */
export interface NumberedLine {
  n: number;
  text: string;
}

export function numberedLines(text: string): NumberedLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, i) => ({ n: i + 1, text: line }));
}

/** Runs of non-blank lines (a line of spaces is blank). */
export function blocksOf(lines: readonly NumberedLine[]): NumberedLine[][] {
  const out: NumberedLine[][] = [];
  let current: NumberedLine[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) out.push(current);
  return out;
}
