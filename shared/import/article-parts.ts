/**
 * The parts of an agency article around its turns: the header lines before the
 * intro (section, headline, location tag, sapo), the intro's dateline (`TTXVN - `), the byline
 * after the last turn, and the web page's chrome after it (`Tin liên quan`, `Xem thêm`).
 */
import { LIMITS, type Meta } from '../model/schema';
import { foldForSearch } from '../text/normalize-text';
import { looksLikeLabel } from './labels';

/**
 * `TTXVN - …`, `VNA – …`, `Hà Nội, 12/5 (TTXVN) - …`, `LONDON (Reuters) - …`: the agency that
 * sent the story, optionally after a place and date.
 */
const DATELINE = /^(?:[^()]{1,60}?\s*\(\s*(\p{Lu}[\p{L}\p{N}+/.]*(?: [\p{L}\p{N}+/.]+){0,2})\s*\)|(\p{Lu}{2,10}))\s*[-–—]\s+\S/u;

/** The agency named by a dateline at the start of a paragraph, or null. */
export function datelineSource(text: string): string | null {
  const m = DATELINE.exec(text);
  return m ? (m[1] ?? m[2]!) : null;
}

/** Lines that start a web page's links and boxes after the story; they and all after them are not content. */
const WEB_CHROME = new Set([
  'tin lien quan', 'xem them', 'bai lien quan', 'tin cung chuyen muc', 'doc them', 'tin khac', 'chia se',
  'related', 'related news', 'related stories', 'related articles', 'read more', 'see also', 'more stories', 'share',
]);

export const isWebChrome = (text: string): boolean => WEB_CHROME.has(foldForSearch(text).replace(/[:.]\s*$/, '').trim());

const endsSentence = (text: string) => /[.?!…”"]$/.test(text);
const wordCount = (text: string) => text.split(' ').length;

/** A location tag: a place name, a few words, no sentence. */
const isLocationLike = (text: string) => text.length <= 40 && wordCount(text) <= 5 && !endsSentence(text) && !/[:;,]/.test(text);

/** A headline or section: one line, not ending like a sentence. */
const isTitleLike = (text: string) => text.length <= LIMITS.shortField && !/[.;:,]$/.test(text);

/** A byline: a name or a few capitalised words (`Thanh Bình`, `Hoàng Anh/TTXVN`), no sentence. */
export const isBylineLike = (text: string): boolean =>
  text.length <= 80 && wordCount(text) <= 8 && !/[.?!:;,…]$/.test(text) && !/[:;?!]/.test(text) && looksLikeLabel(text);

export type HeaderField = 'section' | 'headline' | 'location' | 'sapo';

const FIELD_LIMIT: Record<HeaderField, number> = {
  section: LIMITS.shortField,
  headline: LIMITS.shortField,
  location: LIMITS.shortField,
  sapo: LIMITS.longField,
};

/**
 * Which header field each line before the intro is, following the agency's order
 * section · headline · location · sapo, any of which may be missing. Lines beyond the four, and
 * lines too long for their field, stay in the body (null).
 */
export function assignHeader(texts: readonly string[]): Array<HeaderField | null> {
  const [, b, c] = texts;
  let fields: HeaderField[];
  switch (texts.length) {
    case 0:
      fields = [];
      break;
    case 1:
      fields = ['headline'];
      break;
    case 2:
      fields = endsSentence(b!) || b!.length > 200 ? ['headline', 'sapo'] : isLocationLike(b!) ? ['headline', 'location'] : ['section', 'headline'];
      break;
    case 3:
      fields = isLocationLike(c!) && isTitleLike(b!) ? ['section', 'headline', 'location'] : isLocationLike(b!) ? ['headline', 'location', 'sapo'] : ['section', 'headline', 'sapo'];
      break;
    default:
      fields = ['section', 'headline', 'location', 'sapo'];
  }
  return texts.map((text, i) => {
    const field = fields[i];
    return field && text.length <= FIELD_LIMIT[field] ? field : null;
  });
}

/** With no dateline to mark the intro, only a title-like first line is taken as the headline. */
export const isHeadlineWithoutDateline = (text: string): boolean => isTitleLike(text) && !endsSentence(text) && text.length <= 200;

export type HeaderMeta = Pick<Meta, HeaderField | 'byline' | 'source'>;
