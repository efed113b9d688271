/**
 * Photo captions and credits in plain text. Text carries no image, only where a photo stood: a
 * caption line followed by a credit line (`Ảnh: Thanh Hải/TTXVN`, `Photo: Jane Doe`), or a caption
 * that ends with its credit in parentheses (`… phát biểu. (Ảnh: Minh Đức/TTXVN)`).
 */
import { LIMITS } from '../model/schema';

/** Credit markers, as the line's first word: Vietnamese and English. */
const MARKER = String.raw`(?:Ảnh|Photo|Photo credit|Picture)`;
const CREDIT_LINE = new RegExp(String.raw`^${MARKER}\s*:\s*(.*)$`, 'iu');
const CREDIT_IN_PARENTHESES = new RegExp(String.raw`^\(${MARKER}\s*:\s*([^()]*)\)$`, 'iu');
const TRAILING_CREDIT = new RegExp(String.raw`^(.*\S)\s*\(${MARKER}\s*:\s*([^()]+)\)$`, 'iu');

/** Credits are short; a long line after `Ảnh:` is prose, not a credit. */
const MAX_CREDIT = 200;

/** The credit of a line that is only a credit (`Ảnh: TTXVN phát`, `(Photo: Jane Doe)`), or null. */
export function creditLine(text: string): string | null {
  const m = CREDIT_IN_PARENTHESES.exec(text) ?? CREDIT_LINE.exec(text);
  if (!m || m[1]!.length > MAX_CREDIT) return null;
  return m[1]!.trim();
}

/** A caption line that ends with its credit in parentheses, split into the two. */
export function captionWithCredit(text: string): { caption: string; credit: string } | null {
  const m = TRAILING_CREDIT.exec(text);
  if (!m || m[2]!.length > MAX_CREDIT || m[1]!.length > LIMITS.longField) return null;
  return { caption: m[1]!.trim(), credit: m[2]!.trim() };
}

/** Can this line be the caption of the credit that follows it? (The schema bounds a caption.) */
export const fitsCaption = (text: string): boolean => text.length <= LIMITS.longField;
