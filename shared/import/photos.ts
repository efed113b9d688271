/**
 * Photo credits in plain text, line by line. Text carries no image, only where a photo stood: a
 * caption line followed by a credit line (`Ảnh: Thanh Hải/TTXVN`, `Photo: Jane Doe`), a caption
 * that ends with its credit (`… phát biểu. (Ảnh: Minh Đức/TTXVN)`, `… tại Hà Nội. Ảnh: Minh Đức`,
 * `… in Hanoi. Photo: Tran Nam`), sometimes inside a web table's cell (`… (Ảnh: Lê Văn B) |`).
 *
 * A credit names someone: `Photo: Ten things to see in Hanoi this weekend` is a teaser link in page
 * chrome, not a credit, and must not turn the line above it into a caption.
 */
import { LIMITS } from '../model/schema';
import { foldForSearch } from '../text/normalize-text';

/** Credit markers, as the line's first word: Vietnamese and English. */
const MARKER = String.raw`(?:Ảnh|Photo|Photo credit|Photos|Picture|Photograph|Image)`;
const CREDIT_LINE = new RegExp(String.raw`^${MARKER}\s*:\s*(.*)$`, 'iu');
const CREDIT_IN_PARENTHESES = new RegExp(String.raw`^\(${MARKER}\s*:\s*([^()]*)\)$`, 'iu');
const TRAILING_CREDIT = new RegExp(String.raw`^(.*\S)\s*\(${MARKER}\s*:\s*([^()]+)\)$`, 'iu');
// `… tại Hà Nội. Ảnh: Minh Đức`: a caption that ends a sentence, then the credit, on one line.
const INLINE_CREDIT = new RegExp(String.raw`^(.*[.!?…"”)\]])\s+${MARKER}\s*:\s*(.+)$`, 'u');

/** Credits are short; a long line after `Ảnh:` is prose, not a credit. */
const MAX_CREDIT = 200;

/** Words that make a lower-case credit a credit: `TTXVN phát`, `Bộ Xây dựng cung cấp`, `courtesy of …`. */
const CREDIT_WORDS = /\b(?:phat|cung cap|tu lieu|minh hoa|nguon|chup|internet|courtesy|handout|file|supplied|via|getty|afp|ap|reuters|epa|ttxvn|vna)\b/;

/**
 * Does this read as a credit (a person, an agency, `TTXVN phát`) rather than a sentence? A teaser
 * (`Ten things to see in Hanoi this weekend`) has many lower-case words and no credit word.
 */
export function isCreditText(credit: string): boolean {
  const text = credit.trim();
  if (text === '') return true;
  if (text.length > 80 || /[?!:;]/.test(text) || /\.$/.test(text) && !/\b\p{Lu}\.$/u.test(text)) return false;
  const words = text.split(/[\s/,&–-]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length > 8) return false;
  const lower = words.filter((w) => !/^\p{Lu}/u.test(w)).length;
  return lower * 2 <= words.length || CREDIT_WORDS.test(foldForSearch(text));
}

/** The credit of a line that is only a credit (`Ảnh: TTXVN phát`, `(Photo: Jane Doe)`), or null. */
export function creditLine(text: string): string | null {
  const m = CREDIT_IN_PARENTHESES.exec(text) ?? CREDIT_LINE.exec(text);
  if (!m || m[1]!.length > MAX_CREDIT || !isCreditText(m[1]!)) return null;
  return m[1]!.trim();
}

/** Table pipes around a caption copied from a web page's layout table: `| … (Ảnh: X) |`. */
export const withoutPipes = (text: string): string => text.replace(/^\|\s*/, '').replace(/\s*\|$/, '');

/** A caption line that ends with its credit, in parentheses or after its last sentence, split into the two. */
const HAS_MARKER = new RegExp(String.raw`${MARKER}\s*:`, 'iu');

export function captionWithCredit(text: string): { caption: string; credit: string } | null {
  // The marker's colon is looked for first: most lines have none, and the marker's search reads the whole line.
  if (!text.includes(':') || !HAS_MARKER.test(text)) return null;
  const line = withoutPipes(text);
  const m = TRAILING_CREDIT.exec(line) ?? INLINE_CREDIT.exec(line);
  if (!m || m[2]!.length > MAX_CREDIT || m[1]!.length > LIMITS.longField || !isCreditText(m[2]!)) return null;
  return { caption: m[1]!.trim(), credit: m[2]!.trim() };
}

/** Can this line be the caption of the credit that follows it? (The schema bounds a caption.) */
export const fitsCaption = (text: string): boolean => text.length <= LIMITS.longField;
