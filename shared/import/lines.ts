/**
 * Plain text → numbered, cleaned lines, grouped into blank-line-separated blocks.
 *
 * Everything the importer looks at goes through here first, so that the label and caption rules
 * never see the accidents of where the text came from: decomposed Vietnamese (NFD from macOS or
 * PDFs), control characters, no-break spaces and zero-width characters copied from web pages.
 */
import { LIMITS } from '../model/schema';
import { cleanLine } from '../text/normalize-text';

export interface Line {
  /** 1-based line number in the text as given, for the import report. */
  n: number;
  /** Cleaned, NFC, trimmed text; '' for a blank line. */
  text: string;
}

/**
 * Invisible characters that web pages and word processors scatter through copied text. They carry
 * no meaning in Vietnamese or English prose and would make `Phóng viên` and `Phóng\u200Bviên` two
 * different speakers. (ZWJ/ZWNJ are kept: emoji sequences need them.)
 */
const INVISIBLE = /[\u00AD\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069]/g;

/** Every Unicode space (no-break, narrow no-break, figure, ideographic…) is an ordinary space here. */
const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** Text pasted into a line: no controls or invisible characters, ordinary spaces, its own spaces kept. */
export function cleanInlineText(raw: string): string {
  return cleanLine(raw).replace(INVISIBLE, '').replace(SPACES, ' ');
}

export function cleanImportLine(raw: string): string {
  return cleanInlineText(raw).trim();
}

/**
 * A paragraph longer than the model allows is split at the last space before the limit, so a
 * pasted text without line breaks still becomes a document that can be saved.
 */
function splitOverlong(text: string, max = LIMITS.paragraphText): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf(' ', max);
    const at = cut > max / 2 ? cut : max;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  out.push(rest);
  return out;
}

/** The text's lines, cleaned and numbered. An overlong line keeps its number for each of its parts. */
export function prepareLines(text: string): Line[] {
  const lines: Line[] = [];
  text
    .normalize('NFC')
    .split(/\r\n|[\r\n\u2028\u2029\u0085]/)
    .forEach((raw, i) => {
      for (const part of splitOverlong(cleanImportLine(raw))) lines.push({ n: i + 1, text: part });
    });
  return lines;
}

/** Runs of non-blank lines; blank lines separate them. */
export function toBlocks(lines: readonly Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/**
 * Is the text hard-wrapped (each paragraph broken into lines of about the same width, paragraphs
 * separated by blank lines, as e-mail and some wire feeds do)? `isBoundary(line)` says which lines
 * start something of their own (a speaker label, a photo credit) whatever the wrapping.
 *
 * The evidence: blank lines exist, the longest line is short (≤ 100 characters), and most lines
 * that run on into a next line inside a block come close to that width. One-paragraph-per-line
 * text fails the last test: its lines are long and their lengths vary freely.
 */
export function isHardWrapped(blocks: readonly Line[][], isBoundary: (line: Line) => boolean): boolean {
  if (blocks.length < 2) return false;
  // Not Math.max(...lengths): spreading hundreds of thousands of arguments overflows the stack.
  const width = blocks.flat().reduce((max, l) => Math.max(max, l.text.length), 0);
  if (width > 100 || width < 30) return false;
  let runOn = 0;
  let nearWidth = 0;
  for (const block of blocks) {
    for (let i = 0; i + 1 < block.length; i++) {
      if (isBoundary(block[i + 1]!)) continue;
      runOn++;
      if (block[i]!.text.length >= width * 0.7) nearWidth++;
    }
  }
  return nearWidth >= 2 && nearWidth >= runOn * 0.6;
}

/** Joins hard-wrapped lines: a word broken with a hyphen at the end of a line is rejoined without a space. */
export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) {
    if (out === '') out = part;
    else if (/\p{L}-$/u.test(out)) out += part;
    else out += ` ${part}`;
  }
  return out;
}
