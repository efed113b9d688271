/**
 * The parts of an agency article around its turns: the header lines before the
 * intro (section, headline, location tag, sapo), the intro's dateline (`TTXVN - `: dateline.ts), the
 * byline after the last turn (`Minh Châu (thực hiện)`, `H. Nam`, `(Reporting by …)`) or under the
 * headline (`By Jane Doe`), and the web page's chrome after it (`Tin liên quan`, `Xem thêm`: furniture.ts).
 */
import { LIMITS, type Meta } from '../model/schema';
import { datelineSource, parseDateline } from './dateline';
import type { Item, TextItem } from './items';
import { looksLikeLabel } from './labels/shape';

export { datelineSource } from './dateline';
export { isWebChrome } from './furniture';

const endsSentence = (text: string) => /[.?!…”"]$/.test(text);
const wordCount = (text: string) => text.split(' ').length;

/** A location tag: a place name, a few words, no sentence. */
const isLocationLike = (text: string) => text.length <= 40 && wordCount(text) <= 5 && !endsSentence(text) && !/[:;,]/.test(text);

/** A headline or section: one line, not ending like a sentence. */
const isTitleLike = (text: string) => text.length <= LIMITS.shortField && !/[.;:,]$/.test(text);

/** A byline: a name or a few capitalised words (`Thanh Bình`, `Hoàng Anh/TTXVN`), no sentence. */
export const isBylineLike = (text: string): boolean =>
  text.length <= 80 && wordCount(text) <= 8 && !/[.?!:;,…]$/.test(text) && !/[:;?!]/.test(text) && looksLikeLabel(text);

/** `Minh Châu (thực hiện)`, `Nhóm phóng viên (Thực hiện)`, `(Thực hiện: Minh Châu)`: the interview's byline. */
const CONDUCTED_BY = /^(.+?)\s*\((?:thực hiện|TH)\)$|^\((?:thực hiện|Thực hiện)\s*:\s*(.+)\)$|^(?:Thực hiện|Bài và ảnh|Bài, ảnh|Bài)\s*:\s*(.+)$/iu;
/** Wire-service credits at the end: `(Reporting by Anna Lee; Editing by Sam Ortega)`. */
const REPORTING_BY = /^\(?((?:Reporting|Reported|Writing|Written|Interview|Interviewed|Additional reporting) by .+?)\)?$/i;
/** `By Jane Doe` under a headline. */
const BY = /^By\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}.'’-]*){0,5})$/u;

/**
 * The byline in a line, as it goes into the byline field, or null: the name of a
 * `Minh Châu (thực hiện)` line, a wire credit, `By …`, or a name alone (`Thanh Bình`, `H. Nam`,
 * `Minh Trang - Hoài Nam`).
 */
export function bylineOf(text: string, alone = true): string | null {
  if (text.length > 120) return null;
  const conducted = CONDUCTED_BY.exec(text);
  if (conducted) return (conducted[1] ?? conducted[2] ?? conducted[3]!).trim();
  const reporting = REPORTING_BY.exec(text);
  if (reporting) return reporting[1]!.trim();
  const by = BY.exec(text);
  if (by) return by[1]!.trim();
  return alone && isBylineLike(text) ? text : null;
}

/** `(Thực hiện)` on a line of its own, under the name it credits. */
export const isConductedByMarker = (text: string): boolean => /^\((?:thực hiện|TH)\)$/iu.test(text);

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
export const isHeadlineWithoutDateline = (text: string): boolean => isTitleLike(text) && !/[.?!…]["”»’']*$/.test(text) && text.length <= 200;

export type HeaderMeta = Pick<Meta, HeaderField | 'byline' | 'source'>;

export type FrontMeta = Partial<Pick<Meta, HeaderField | 'byline' | 'source'>>;

/**
 * The header before the turns, taken out of the items into metadata: a dateline standing alone
 * joins the intro under it; `By Jane Doe` is the byline; the lines before the dateline intro are
 * section, headline, location and sapo (or, without a dateline, a title-like first line is the
 * headline); the dateline gives the source, and the location when the header has none.
 */
export function takeFrontMatter(input: readonly Item[]): { items: Item[]; meta: FrontMeta } {
  const items = [...input];
  const meta: FrontMeta = {};
  const frontOf = () => {
    const firstTurn = items.findIndex((it) => it.kind === 'turn');
    return { firstTurn, front: firstTurn < 0 ? items : items.slice(0, firstTurn) };
  };
  let { firstTurn, front } = frontOf();

  // A dateline on a line of its own (`HÀ NỘI (TTXVN) –`) opens the paragraph after it.
  // (Only near the top: a text with no turns is all "front", and a dateline is never deep in it.)
  const aloneAt = front.slice(0, 20).findIndex((it) => it.kind === 'text' && parseDateline(it.text)?.alone === true);
  const afterAlone = front[aloneAt + 1];
  if (aloneAt >= 0 && afterAlone?.kind === 'text') {
    items.splice(aloneAt, 2, { kind: 'text', line: front[aloneAt]!.line, text: `${(front[aloneAt] as TextItem).text} ${afterAlone.text}` });
    ({ firstTurn, front } = frontOf());
  }

  const header = new Set<Item>();
  const frontTexts = front.filter((it): it is TextItem => it.kind === 'text');
  // `By Jane Doe` under the headline.
  for (const it of frontTexts.slice(0, 4)) {
    const byline = /^By\s/.test(it.text) ? bylineOf(it.text, false) : null;
    if (byline !== null) {
      meta.byline = byline;
      header.add(it);
      break;
    }
  }
  const headerTexts = frontTexts.filter((it) => !header.has(it));
  const datelineAt = headerTexts.slice(0, 20).findIndex((it) => datelineSource(it.text) !== null);
  if (datelineAt >= 0) {
    const dateline = parseDateline(headerTexts[datelineAt]!.text)!;
    meta.source = dateline.source;
    const candidates = headerTexts.slice(0, datelineAt);
    assignHeader(candidates.map((it) => it.text)).forEach((field, i) => {
      if (field) {
        meta[field] = candidates[i]!.text;
        header.add(candidates[i]!);
      }
    });
    if (meta.location === undefined && dateline.location !== '') meta.location = dateline.location;
  } else if (firstTurn >= 0 && headerTexts.length > 0 && front.find((it) => !header.has(it)) === headerTexts[0] && isHeadlineWithoutDateline(headerTexts[0]!.text)) {
    meta.headline = headerTexts[0]!.text;
    header.add(headerTexts[0]!);
  }
  return { items: items.filter((it) => !header.has(it)), meta };
}

/**
 * The byline after the last turn, taken out of the items: a name on its own (`Thanh Bình`,
 * `H. Nam`), `Minh Châu (thực hiện)` or a name over `(Thực hiện)`, a wire credit. It is not the last
 * answer's last paragraph.
 */
export function takeByline(input: readonly Item[]): { items: Item[]; byline: string | null } {
  const items = [...input];
  if (!items.some((it) => it.kind === 'turn')) return { items, byline: null };
  const last = items[items.length - 1];
  const beforeLast = items[items.length - 2];
  if (last?.kind === 'text' && isConductedByMarker(last.text) && beforeLast?.kind === 'text') {
    const byline = bylineOf(beforeLast.text);
    if (byline !== null) return { items: items.slice(0, -2), byline };
  }
  const byline = last?.kind === 'text' ? bylineOf(last.text) : null;
  return byline !== null ? { items: items.slice(0, -1), byline } : { items, byline: null };
}

