/**
 * Plain text → numbered, cleaned lines, grouped into blank-line-separated blocks.
 *
 * Everything the importer looks at goes through here first, so that the label and caption rules
 * never see the accidents of where the text came from: decomposed Vietnamese (NFD from macOS or
 * PDFs), control characters, no-break spaces and zero-width characters copied from web pages,
 * UTF-8 that was decoded as Windows-1252 (`PhÃ³ng viÃªn`, repaired: encoding.ts), and whole
 * articles flattened onto one line with no-break spaces where the breaks were (split again:
 * flatten.ts).
 */
import { LIMITS } from '../model/schema';
import { cleanLine } from '../text/normalize-text';
import { looksMisdecoded, repairMisdecoded } from './encoding';
import { FLAT_BY_LENGTH, splitAtFormerBreaks } from './flatten';

export interface Line {
  /** 1-based line number in the text as given, for the import report. */
  n: number;
  /** Cleaned, NFC, trimmed text; '' for a blank line. */
  text: string;
  /** A paragraph of a line that held several (flattened text). */
  flat?: boolean;
  /** The last line it spans, when hard-wrapped lines were joined into it. */
  to?: number;
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

/** Anything cleanImportLine would change besides the ends' spaces (controls, invisible characters, unusual spaces). */
const NEEDS_CLEANING = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF\u00AD\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;

/**
 * A line of a text already normalised to NFC as a whole: most lines need nothing but trimming, and
 * normalising each again is most of the cost of reading a long text.
 */
const cleanNfcLine = (line: string): string => (NEEDS_CLEANING.test(line) ? cleanImportLine(line) : line.trim());

/**
 * A paragraph longer than the model allows is split at the last space before the limit, so a
 * pasted text without line breaks still becomes a document that can be saved.
 */
export function splitOverlong(text: string, max = LIMITS.paragraphText): string[] {
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

export interface PreparedText {
  lines: Line[];
  /** Numbers of the lines read again as UTF-8 (they had been decoded as Windows-1252). */
  repaired: number[];
}

/**
 * The text's lines, cleaned and numbered. An overlong line keeps its number for each of its parts,
 * and so does each paragraph of a flattened line (marked `flat`).
 */
export function prepareText(text: string): PreparedText {
  const lines: Line[] = [];
  const repaired: number[] = [];
  const nfc = text.normalize('NFC');
  // The repair is tried line by line, and only when the text shows the damage at all.
  const misdecoded = looksMisdecoded(nfc);
  nfc.split(/\r\n|[\r\n\u2028\u2029\u0085]/).forEach((raw, i) => {
    let line = raw;
    if (misdecoded) {
      const fixed = repairMisdecoded(raw);
      if (fixed !== null) {
        line = fixed.normalize('NFC');
        repaired.push(i + 1);
      }
    }
    const pieces = splitAtFormerBreaks(line);
    if (pieces === null && line.length < FLAT_BY_LENGTH) {
      // The common case, kept cheap: one ordinary line.
      lines.push({ n: i + 1, text: cleanNfcLine(line) });
      return;
    }
    // The pieces are cut before no-break spaces, which compose with nothing: each is NFC as its line is.
    for (const piece of pieces ?? [line]) {
      for (const part of splitOverlong(cleanNfcLine(piece))) lines.push({ n: i + 1, text: part, flat: true });
    }
  });
  return { lines, repaired };
}

/** The text's lines, cleaned and numbered (see prepareText). */
export function prepareLines(text: string): Line[] {
  return prepareText(text).lines;
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

/** The blank line between two blocks, for the one-pass reading below. */
const BLANK: Line = { n: 0, text: '' };

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
  const lines: Line[] = [];
  const startsAt: boolean[] = [];
  for (const block of blocks) {
    if (lines.length > 0) {
      lines.push(BLANK);
      startsAt.push(false);
    }
    for (const line of block) {
      lines.push(line);
      startsAt.push(isBoundary(line));
    }
  }
  return linesAreHardWrapped(lines, startsAt);
}

/**
 * isHardWrapped read off the lines themselves, blank lines separating the blocks, `startsAt[i]`
 * saying whether lines[i] starts something of its own: one pass, no blocks built, for a long text.
 */
export function linesAreHardWrapped(lines: readonly Line[], startsAt: readonly boolean[]): boolean {
  let blocks = 0;
  let width = 0;
  for (let i = 0; i < lines.length; i++) {
    const length = lines[i]!.text.length;
    if (length === 0) continue;
    if (i === 0 || lines[i - 1]!.text === '') blocks++;
    if (length > width) width = length;
  }
  if (blocks < 2 || width > 100 || width < 30) return false;
  let runOn = 0;
  let nearWidth = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const text = lines[i]!.text;
    if (text === '' || lines[i + 1]!.text === '' || startsAt[i + 1]) continue;
    runOn++;
    if (text.length >= width * 0.7) nearWidth++;
  }
  return nearWidth >= 2 && nearWidth >= runOn * 0.6;
}

/** Joins hard-wrapped lines: a word broken with a hyphen at the end of a line is rejoined without a space. */
export function joinWrapped(parts: readonly string[]): string {
  const out: string[] = [];
  let previous = '';
  for (const part of parts) {
    // Only the previous part's end is looked at: testing the joined text grows with every line.
    if (out.length > 0) out.push(previous.endsWith('-') && /\p{L}-$/u.test(previous.slice(-2)) ? '' : ' ');
    out.push(part);
    previous = part;
  }
  return out.join('');
}
