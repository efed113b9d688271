/**
 * A photo's credit is stored bare (`TTXVN phát`) and printed with the document language's prefix
 * (`Ảnh: TTXVN phát`, `Photo: Reuters`), as the agency layout does. Storing it bare keeps the
 * credit correct when the language changes and lets each export format print it its own way.
 */
import type { Language } from './schema';

export const CREDIT_PREFIX: Readonly<Record<Language, string>> = { vi: 'Ảnh:', en: 'Photo:' };

/** The credit line as printed under a photo; empty when there is no credit. */
export function printedCredit(credit: string, language: Language): string {
  return credit === '' ? '' : `${CREDIT_PREFIX[language]} ${credit}`;
}

/**
 * A credit as typed or pasted, without a leading prefix of either language: writers copying from
 * the agency's text bring `Ảnh: Thanh Hải/TTXVN` along, which would otherwise print twice.
 * Expects NFC text (see cleanLine).
 */
export function stripCreditPrefix(value: string): string {
  return value.replace(/^\s*(?:ảnh|photo)\s*:\s*/iu, '');
}
