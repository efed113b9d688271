/**
 * Page furniture inside the text: what a web page puts between and around the paragraphs of a story,
 * which a copy brings along and which belongs to no speaker. Recognised line by line, left out of
 * the document, and every line of it reported (findings `furniture-dropped`), so nothing vanishes
 * without a line number:
 *
 * - related links: `Xem thêm: …`, `Đọc thêm: …`, `Read more: …`, `RELATED: …`, and a `Tin liên quan` /
 *   `Related stories` heading with the headlines under it;
 * - share buttons and the like: `Chia sẻ Facebook Zalo`, `Share this with Facebook Twitter Email`,
 *   `Quảng cáo`, `Advertisement`;
 * - date lines (`Thứ Hai, 12/5/2025 - 08:30`, `Updated 12 May 2025`) and breadcrumbs
 *   (`Trang chủ > Thời sự > Phỏng vấn`);
 * - teasers: `Photo: <a headline>`, `Video: …` (a credit names someone; a teaser is a sentence);
 * - a pull-quote: a quoted line repeated word for word from a paragraph of the story;
 * - BBC's `Image copyright Getty Images` with no caption (captions.ts finds them).
 *
 * The web page's chrome after the last turn (`Tin liên quan`, `Xem thêm`) is cut with everything
 * after it (agency-text.ts); the lines here are the ones found before it.
 */
import { foldForSearch } from '../text/normalize-text';
import { labelAtLineStart } from './labels/shape';
import type { Line } from './lines';
import { creditLine } from './photos';

export type FurnitureReason = 'related' | 'share' | 'date' | 'breadcrumb' | 'teaser' | 'pull-quote' | 'image-copyright' | 'advert';

export interface FurnitureMark {
  /** First and last line index (inclusive) of the furniture. */
  from: number;
  to: number;
  reason: FurnitureReason;
}

const fold = (text: string) => foldForSearch(text).replace(/\s+/g, ' ').trim();

/** Lines that start a web page's links and boxes after the story; they and all after them are not content. */
const WEB_CHROME = new Set([
  'tin lien quan', 'xem them', 'bai lien quan', 'tin cung chuyen muc', 'doc them', 'tin khac', 'chia se', 'tin moi', 'tin noi bat',
  'related', 'related news', 'related stories', 'related articles', 'read more', 'see also', 'more stories', 'share', 'more on this story',
  'top stories', 'most read', 'you may also like',
]);

/** (Chrome headings are a few words: longer lines are not folded to find out.) */
export const isWebChrome = (text: string): boolean => text.length <= 24 && WEB_CHROME.has(fold(text).replace(/[:.]\s*$/, '').trim());

const RELATED_LINK = /^(?:xem them|doc them|xem tiep|tin lien quan|bai lien quan|read more|related|see also|also read|read also|more on this)\s*[:：>»|-]\s*\S/;

const SHARE_WORDS = new Set([
  'share', 'shares', 'tweet', 'facebook', 'twitter', 'x', 'email', 'e-mail', 'print', 'zalo', 'messenger', 'whatsapp', 'linkedin', 'pinterest',
  'telegram', 'reddit', 'copy', 'link', 'copy link', 'save', 'like', 'comment', 'comments', 'chia se', 'in', 'in bai', 'luu', 'luu bai', 'luu tin',
  'binh luan', 'thich', 'gui', 'gui bai', 'theo doi', 'follow', 'this', 'with', 'on', 'bai viet', 'sao chep', 'lien ket', 'sao chep lien ket',
]);
/** At least one of these makes a line of the words above a row of buttons rather than a sentence. */
const SHARE_CORE = new Set(['share', 'tweet', 'facebook', 'twitter', 'zalo', 'messenger', 'whatsapp', 'linkedin', 'pinterest', 'telegram', 'reddit', 'chia se', 'email', 'print', 'in bai', 'copy link']);

const ADVERT = new Set(['quang cao', 'advertisement', 'advertising', 'sponsored', 'noi dung tai tro', 'sponsored content']);

/** `Chia sẻ Facebook Zalo`, `Share this with Facebook Twitter Email`: every word a button's. */
function isShareRow(text: string): boolean {
  if (text.length > 100) return false;
  const words = fold(text).replace(/[|•·/,;]+/g, ' ').split(' ').filter((w) => w !== '');
  let core = false;
  for (let i = 0; i < words.length; ) {
    let n = Math.min(3, words.length - i);
    for (; n >= 1; n--) if (SHARE_WORDS.has(words.slice(i, i + n).join(' '))) break;
    if (n === 0) return false;
    if (SHARE_CORE.has(words.slice(i, i + n).join(' '))) core = true;
    i += n;
  }
  return core;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
// Longer names first: `thu hai` (Thứ Hai) before `thu` (Thursday).
const WEEKDAYS = 'thu hai|thu ba|thu tu|thu nam|thu sau|thu bay|chu nhat|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|cn|t2|t3|t4|t5|t6|t7';
const DATE_PARTS = new RegExp(
  String.raw`\b(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}[:h]\d{2}(?::\d{2})?|\d{4}|\d{1,2}(?:st|nd|rd|th)?|${MONTHS}|${WEEKDAYS}|ngay|thang|nam|luc|gio|cap nhat|dang luc|dang|updated|last updated|published|posted|gmt|utc|ict|am|pm|sa|ch|at|on)\b`,
  'g',
);

/** A line that is only a date and time (`Thứ Hai, 12/5/2025 - 08:30 GMT+7`, `Updated 12 May 2025`): no headline. */
export function isDateLine(text: string): boolean {
  if (text.length > 80 || !/\d/.test(text)) return false;
  const rest = fold(text).replace(DATE_PARTS, ' ').replace(/[\s,.:;|/()+–—-]+/g, '').replace(/\d/g, '');
  return rest === '';
}

/** `Trang chủ > Thời sự > Phỏng vấn`, `Home » News » Asia`: short names joined by arrows. */
function isBreadcrumb(text: string): boolean {
  if (text.length > 120 || /[.?!…]$/.test(text)) return false;
  const parts = text.split(/\s*[>»›]\s*/).filter((p) => p !== '');
  return parts.length >= 3 && parts.every((p) => p.split(' ').length <= 5);
}

/** `Photo: Ten things to see in Hanoi this weekend`, `Video: …`: a link to another story. */
function isTeaser(text: string): boolean {
  const m = /^(?:photo|photos|ảnh|video|clip|infographic|podcast|gallery|watch|xem video)\s*:\s*(.+)$/iu.exec(text);
  return m !== null && creditLine(text) === null && m[1]!.split(' ').length >= 4;
}

/** A heading's related headlines: short, no full stop, no label. */
const isHeadlineLike = (text: string) => text.length <= 150 && !/[.?!…:;]$/.test(text) && labelAtLineStart(text) === null;

const QUOTE_START = /^["“«„'‘]/;
const quoteCore = (text: string) => collapseLower(text.replace(/^["“«„'‘…\s.]+|["”»'’…\s.!?]+$/g, ''));
const collapseLower = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
const MAX_QUOTE_CANDIDATES = 100;

/**
 * The words furniture lines start with, folded. Every rule below needs one of them, a digit (a
 * date), an arrow (a breadcrumb) or a quote (a pull-quote): the other lines — nearly all of a long
 * text — are passed over without folding them.
 */
const FIRST_WORDS = new Set([
  ...[...WEB_CHROME, ...SHARE_WORDS, ...ADVERT].map((w) => w.split(' ')[0]!),
  'xem', 'doc', 'tin', 'bai', 'read', 'related', 'see', 'also', 'more', 'top', 'most', 'you', 'photo', 'photos', 'anh', 'video', 'clip',
  'infographic', 'podcast', 'gallery', 'watch', 'noi',
]);
/** Where the first word of a line ends. */
const FIRST_WORD_END = /[\s:：|•·,]/;
/** First words folded lately: a long text starts its lines with the same few hundred words, and folding is the cost. */
const foldedFirstWords = new Map<string, string>();
function firstWordFolded(text: string): string {
  const head = text.slice(0, 16);
  const end = head.search(FIRST_WORD_END);
  const word = end < 0 ? head : head.slice(0, end);
  let folded = foldedFirstWords.get(word);
  if (folded === undefined) {
    if (foldedFirstWords.size >= 4096) foldedFirstWords.clear();
    folded = fold(word);
    foldedFirstWords.set(word, folded);
  }
  return folded;
}
const mayBeFurniture = (text: string) => FIRST_WORDS.has(firstWordFolded(text)) || /[\d>»›]/.test(text) || QUOTE_START.test(text);

export function findFurniture(lines: readonly Line[], skip: readonly boolean[], copyrightAlone: readonly number[]): FurnitureMark[] {
  const marks: FurnitureMark[] = copyrightAlone.map((i) => ({ from: i, to: i, reason: 'image-copyright' as const }));
  const quoteCandidates: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text === '' || skip[i] || text.length > 300 || !mayBeFurniture(text)) continue;
    const f = fold(text);
    if (RELATED_LINK.test(f) && text.length <= 250) {
      marks.push({ from: i, to: i, reason: 'related' });
    } else if (WEB_CHROME.has(f.replace(/[:.]\s*$/, '').trim()) && !/^(?:share|chia se)$/.test(f)) {
      // A related-stories box inside the text: its heading and the headlines under it.
      let to = i;
      for (let k = i + 1, taken = 0; k < lines.length && taken < 6; k++) {
        const t = lines[k]!.text;
        if (t === '') continue;
        if (skip[k] || !isHeadlineLike(t)) break;
        to = k;
        taken++;
      }
      marks.push({ from: i, to, reason: 'related' });
      i = to;
    } else if (isShareRow(text)) {
      marks.push({ from: i, to: i, reason: 'share' });
    } else if (ADVERT.has(f)) {
      marks.push({ from: i, to: i, reason: 'advert' });
    } else if (isDateLine(text)) {
      marks.push({ from: i, to: i, reason: 'date' });
    } else if (isBreadcrumb(text)) {
      marks.push({ from: i, to: i, reason: 'breadcrumb' });
    } else if (isTeaser(text)) {
      marks.push({ from: i, to: i, reason: 'teaser' });
    } else if (QUOTE_START.test(text) && text.length >= 20 && quoteCandidates.length < MAX_QUOTE_CANDIDATES && labelAtLineStart(text) === null) {
      quoteCandidates.push(i);
    }
  }
  // Pull-quotes: a quoted line whose words the story prints again inside a paragraph.
  if (quoteCandidates.length > 0) {
    const candidate = new Set(quoteCandidates);
    const others = collapseLower(lines.filter((l, i) => !candidate.has(i) && l.text !== '').map((l) => l.text).join('\n'));
    for (const i of quoteCandidates) {
      const core = quoteCore(lines[i]!.text);
      if (core.length >= 15 && others.includes(core)) marks.push({ from: i, to: i, reason: 'pull-quote' });
    }
  }
  return marks.sort((a, b) => a.from - b.from);
}
