/**
 * Flattened text: a whole article on one or two lines, as some pages and chat apps deliver it.
 * Two things survive of its paragraphs:
 *
 * - no-break spaces where the breaks were (`…mỗi sáng.\u00A0Cần Thơ (TTXVN) – …`): a long line with
 *   several no-break spaces after sentence ends is split there, back into paragraphs;
 * - the speaker labels themselves (`… thưa bà? Bà Út: …`, or right after a caption that has no full
 *   stop: `… tại Hà Nội PV: Khi…`): once a label is proven, a flattened line is split before each
 *   of its occurrences (agency-text.ts, with `provenLabelsInside` below for the second kind).
 *
 * Every piece keeps the number of the line it came from, for the report.
 */
import { collapse, labelKey } from './labels/shape';

/** A line shorter than this is an ordinary paragraph, whatever spaces it has. */
const FLAT_MIN = 300;
/** Lines at least this long are treated as flattened even without no-break spaces. */
export const FLAT_BY_LENGTH = 1500;

const NBSP_RUN = /[\u00A0\u202F\u2007]+/g;
/** The dot of these ends no sentence: `Mr.\u00A0Smith`, `TP.\u00A0Hồ Chí Minh`. */
const ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|St|TP|Th|TS|GS|PGS|ThS|BS|Q|P|No|Tp)\.$/;
const SENTENCE_END = /[.?!…]["”»’')\]]*$/;
/** A photo credit right before the no-break space: it ended a line. */
const CREDIT_BEFORE = /(?:^|[\u00A0\u202F\u2007])(?:Ảnh|Photo|Photo credit|Picture)\s*:[^.?!\u00A0]{1,60}$/iu;
/** Words before a no-break space that tie it to the next word: honorifics and titles. */
const TIED = /(?:^|\s)(?:Ông|Bà|Anh|Chị|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|GS|TS|PGS|Số|số|No\.?)$/;

/**
 * The pieces of a raw line whose paragraph breaks became no-break spaces, or null when it does
 * not look like one. The evidence: a long line, and at least two no-break spaces right after the
 * end of a sentence (typography puts them inside numbers and after titles, not there).
 */
export function splitAtFormerBreaks(raw: string): string[] | null {
  if (raw.length < FLAT_MIN || !/[\u00A0\u202F\u2007]/.test(raw)) return null;
  const breaks: number[] = [];
  let afterSentence = 0;
  for (const m of raw.matchAll(NBSP_RUN)) {
    const before = raw.slice(Math.max(0, m.index - 12), m.index).trimEnd();
    const next = raw[m.index + m[0].length] ?? '';
    if (next === '' || /\s/.test(next)) continue;
    if (SENTENCE_END.test(before) && !ABBREVIATION.test(before)) {
      afterSentence++;
      breaks.push(m.index);
    } else if (/^[*•▪][ \u00A0]/.test(raw.slice(m.index + m[0].length, m.index + m[0].length + 2)) || CREDIT_BEFORE.test(raw.slice(Math.max(0, m.index - 80), m.index))) {
      // A bulleted turn starts, or a photo credit (`Ảnh: Minh Đức/TTXVN`, no full stop) ends.
      breaks.push(m.index);
    } else if (m[0].length >= 2 || (/[\p{L}\p{N}"”’')]$/u.test(before) && /\p{Lu}/u.test(next) && !TIED.test(before) && isTitleStart(raw, breaks, m.index))) {
      // Two no-break spaces, or a title line (a headline has no full stop) at the line's start.
      breaks.push(m.index);
    }
  }
  if (afterSentence < 2) return null;
  const pieces: string[] = [];
  let from = 0;
  for (const at of breaks) {
    pieces.push(raw.slice(from, at));
    from = at;
  }
  pieces.push(raw.slice(from));
  return pieces.map((p) => p.replace(/^[\s\u00A0\u202F\u2007]+/, '')).filter((p) => p.trim() !== '');
}

/** The text since the previous break is short and has no sentence end: a headline or section line. */
function isTitleStart(raw: string, breaks: readonly number[], at: number): boolean {
  const from = breaks.length > 0 ? breaks[breaks.length - 1]! : 0;
  if (breaks.length > 2) return false;
  const piece = raw.slice(from, at).trim();
  return piece.length >= 8 && piece.length <= 150 && !/[.?!…;]/.test(piece) && piece.split(/\s+/).length >= 2;
}

export interface ProvenInside {
  /** Where the label starts. */
  index: number;
  /** The label as printed. */
  label: string;
  /** The label and its colon, as matched. */
  matched: string;
}

/**
 * Proven labels inside a flattened line that no sentence end precedes: `… tại chợ nổi Cái Răng PV:
 * Thưa bà…`. Only where the word before the label is capitalised (the end of a caption's name or
 * place), and at least three words stand since the last sentence end, so that `Theo Reuters: …` and
 * `… nói với PV: …` stay sentences.
 */
export function provenLabelsInside(text: string, from: number, isProven: (key: string) => boolean, maxWords = 8): ProvenInside[] {
  const out: ProvenInside[] = [];
  for (let c = text.indexOf(':', from); c >= 0; c = text.indexOf(':', c + 1)) {
    const after = text[c + 1];
    if (after === undefined || !(after === ' ' || /[\p{Lu}"“«]/u.test(after))) continue;
    const head = text.slice(Math.max(from, c - 120), c);
    const words = head.trimEnd().split(' ');
    // The longest run of words before the colon that is a proven label.
    for (let n = Math.min(maxWords, words.length - 1); n >= 1; n--) {
      const label = collapse(words.slice(words.length - n).join(' '));
      if (!isProven(labelKey(label))) continue;
      const before = words.slice(0, words.length - n);
      const prev = before[before.length - 1] ?? '';
      // The word before ends a name or a place (`… Cái Răng PV:`), not a sentence or another label.
      if (!/^[\p{Lu}\p{N}]/u.test(prev) || /[.?!…:：]$/.test(prev)) break;
      let since = 0;
      for (let i = before.length - 1; i >= 0 && !/[.?!…]["”»)]*$/.test(before[i]!); i--) since++;
      if (since < 3) break;
      const index = c - head.length + before.join(' ').length + (before.length > 0 ? 1 : 0);
      out.push({ index, label, matched: text.slice(index, c + 1) });
      break;
    }
  }
  return out;
}
