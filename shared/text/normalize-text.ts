/**
 * Text hygiene applied to every string that enters a document.
 *
 * - Unicode NFC: Vietnamese typed on macOS or pasted from PDFs often arrives decomposed
 *   (NFD); two spellings of one word must compare, search and export identically.
 * - C0/C1 control characters (except tab) and lone UTF-16 surrogates are removed: they
 *   are invisible to the writer, and XML 1.0 exports (NITF, NewsML-G2) cannot carry them.
 */

// Controls forbidden in XML 1.0 plus C1 controls and the BOM/zero-width no-break space;
// tab is kept, line breaks are handled by the caller (paragraphs hold no newlines).
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Whether a string holds anything cleanLine or cleanMultiline would replace or remove (controls,
 * line breaks, surrogates, U+FEFF/U+FFFE/U+FFFF): almost never, so the four passes are skipped.
 */
const NEEDS_CLEANING = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

/** A single-line field (headline, label, paragraph text): NFC, no controls, no line breaks. */
export function cleanLine(value: string): string {
  if (!NEEDS_CLEANING.test(value)) return value.normalize('NFC');
  return value
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(FORBIDDEN, '')
    .normalize('NFC');
}

/** A multi-line field (editorial note): like cleanLine but keeps `\n` line breaks. */
export function cleanMultiline(value: string): string {
  if (!NEEDS_CLEANING.test(value)) return value.normalize('NFC');
  return value
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\r\n|[\r\u2028\u2029]/g, '\n')
    .replace(FORBIDDEN, '')
    .normalize('NFC');
}

/**
 * Fold text for accent-insensitive search: `đảng viên`, `Dang Vien` and `dang vien` all fold
 * to `dang vien`. SQLite's unicode61 tokenizer strips combining marks but treats đ/Đ as base
 * letters, so the fold is done here and the index stores the folded text.
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
