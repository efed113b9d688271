/**
 * What a speaker label looks like: at the start of a line (`* Phóng viên:`, `VTV:Thưa ông`,
 * `– Lê Thị Hoa, 45 tuổi:`, `GEORGE SMITH - `), or after a sentence inside a line, in text whose
 * paragraphs were flattened onto one line.
 *
 * A candidate is only a shape; whether it is really a speaker is decided from the evidence over the
 * whole text (speakers.ts), because `Theo ông Hải: …` or `Long An: …` have the same shape.
 */
import { foldForSearch } from '../../text/normalize-text';

export type Separator = 'colon' | 'dash';

export interface LabelCandidate {
  /** The bullet before the label (`*`, `-`, `–`, `•`), or '' when there is none. */
  bullet: string;
  /** The label as printed, whitespace collapsed: `Ông Nguyễn Thanh Hải`, `PV`, `GEORGE SMITH`. */
  label: string;
  separator: Separator;
  /** The text from the line's start through the separator, as matched: `* Phóng viên:`. */
  matched: string;
  /** What follows the label on the line. */
  rest: string;
}

const BULLET = String.raw`(?:[*•▪]\s*|[-–—]\s+)`;
// Label text: no separator inside, and it starts with a letter (or an opening parenthesis).
const LABEL = String.raw`[\p{L}(][^:：]{0,79}?`;
// After the colon: a space, the line's end, or — in text that lost its spaces (`VTV:Thưa ông…`) — a
// capital or an opening quote. A lower-case letter or a slash right after it (`http:`, `10:30`) is no label.
const AFTER_COLON = String.raw`(?=\s|$|[\p{Lu}"“«‘'(])`;
const COLON_LABEL = new RegExp(String.raw`^(${BULLET})?(${LABEL})\s*[:：]${AFTER_COLON}\s*`, 'u');
// `GEORGE SMITH - …`, `Name – …`: a dash with spaces around it.
const DASH_LABEL = new RegExp(String.raw`^(${BULLET})?(${LABEL})\s[-–—](?=\s)\s*`, 'u');

const FORBIDDEN = /[;?!"“”«»…[\]{}<>|/\\=+*_#@%&]/;

/**
 * Shape rules shared by line-start and mid-line candidates. Commas are allowed at a line's start
 * only, where a label may carry a description (`Phó Giáo sư, tiến sĩ Trần Văn Minh`, `JOHN SMITH,
 * KXYZ`, `Lê Thị Hoa, 45 tuổi`); inside a line a comma is far more often a sentence's.
 */
export function isLabelShaped(label: string, allowCommas = false): boolean {
  if (label.length > 80 || FORBIDDEN.test(label)) return false;
  const commas = label.split(',').length - 1;
  if (commas > (allowCommas ? 2 : 0)) return false;
  const words = label.split(' ');
  if (words.length > (commas > 0 ? 12 : 10)) return false;
  // Abbreviations end with a dot (`Dr.`, `P.V.`, `GS.TS.`); a long word ending with one ends a sentence.
  if (words.some((w) => w.endsWith('.') && w.length > 6)) return false;
  // Parentheses must pair up and stay short: `Hoàng Anh Tuấn (HAT)`, `Phóng viên (Reuters)`.
  const open = (label.match(/\(/g) ?? []).length;
  const close = (label.match(/\)/g) ?? []).length;
  if (open !== close || open > 1) return false;
  if (open === 1 && !/\([^()]{1,40}\)/.test(label)) return false;
  // `… tại Hà Nội PV`: a caption run into the reporter's label (flattened text) is not one label.
  if (words.length > 1 && /^p\.?v\.?$/i.test(words[words.length - 1]!)) return false;
  return /\p{L}/u.test(label);
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const SEPARATOR = /[:：\-–—]/;

/**
 * A label ends within its first 90 characters with a colon or a dash; a line without one has none.
 * (A regular expression over the line's start reads it several times faster than a loop over its characters.)
 */
export const separatorNearStart = (text: string): boolean => SEPARATOR.test(text.slice(0, 91));

/** `Q. What…` / `A. We…`, `Hỏi. …` / `Đáp. …`: the pair labels with a full stop instead of a colon. */
const PAIR_WITH_STOP = /^((?:[*•▪]|[-–—](?=\s))\s*)?(Q|A|Hỏi|Đáp)\.\s+(?=\S)/u;

/** The label at the start of a line, if the line starts with something shaped like one. */
export function labelAtLineStart(text: string): LabelCandidate | null {
  const label = separatorNearStart(text) ? labelWithSeparator(text) : null;
  const pair = PAIR_WITH_STOP.exec(text);
  // `A. Smith: …` is a name with an initial; `Q. What do you mean: …` is the pair label and its question.
  if (pair && !(label && looksLikeLabel(label.label))) {
    return { bullet: (pair[1] ?? '').trim(), label: pair[2]!, separator: 'colon', matched: pair[0].trimEnd(), rest: text.slice(pair[0].length) };
  }
  return label;
}

// The colon form is tried first: `Ông A - Giám đốc Sở: …` is labelled by all that precedes the colon.
const LABEL_FORMS = [[COLON_LABEL, 'colon'], [DASH_LABEL, 'dash']] as const;

function labelWithSeparator(text: string): LabelCandidate | null {
  for (const [pattern, separator] of LABEL_FORMS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const label = collapse(m[2]!);
    if (!isLabelShaped(label, separator === 'colon')) continue;
    return { bullet: (m[1] ?? '').trim(), label, separator, matched: m[0].trimEnd(), rest: text.slice(m[0].length) };
  }
  return null;
}

export interface InlineLabel extends LabelCandidate {
  /** Where the candidate (bullet included) starts in the line. */
  index: number;
}

/** Characters that end a sentence, when a space follows them. */
const SENTENCE_END = new Set(['.', '?', '!', '…', '"', '”', '»', ')']);
/** Abbreviations whose dot ends no sentence: `Dr. Reed: …` is not a label after a sentence. */
const ABBREVIATION_BEFORE = /(?:^|\s)(?:Dr|Mr|Mrs|Ms|Prof|St|Sen|Rep|Gen|Col|TS|GS|PGS|ThS|BS|KTS|Th)\.$/;
const INLINE_LABEL = /^((?:[*•▪]\s*)?)(\p{L}[^:：.?!,;]{0,79}?(?:\([^()]{1,40}\))?)\s*$/u;
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t';

/**
 * Label-shaped text after the end of a sentence inside a line: `… thưa ông? * Ông Hải: …`.
 * `from` skips the line's own label at its start.
 *
 * Found from the colons rather than with one regular expression over the line: a line has few
 * colons, and a lookbehind tried at every position was most of the importer's time on long texts.
 */
export function labelsInsideLine(text: string, from = 0): InlineLabel[] {
  const out: InlineLabel[] = [];
  for (let c = nextColon(text, from); c >= 0; c = nextColon(text, c + 1)) {
    const after = text[c + 1];
    // A space after the colon, or text that lost it before a capital or a quote.
    if (after === undefined || !(isSpace(after) || /[\p{Lu}"“«]/u.test(after))) continue;
    // Back to the whitespace that follows the sentence before: the label may not hold . ? ! , ; or a colon.
    let start = -1;
    for (let i = c - 1; i >= Math.max(from, c - 100); i--) {
      const ch = text[i]!;
      if (isSpace(ch)) {
        if (i > 0 && SENTENCE_END.has(text[i - 1]!)) {
          start = i + 1;
          break;
        }
        continue;
      }
      if (ch === ':' || ch === '：' || ch === ',' || ch === ';' || ch === '?' || ch === '!' || ch === '.') break;
    }
    if (start < 0) continue;
    const boundary = start;
    while (isSpace(text[start])) start++;
    if (start < from) continue;
    if (ABBREVIATION_BEFORE.test(text.slice(Math.max(0, boundary - 12), boundary).trimEnd())) continue;
    const m = INLINE_LABEL.exec(text.slice(start, c));
    if (!m) continue;
    const label = collapse(m[2]!);
    if (!isLabelShaped(label)) continue;
    out.push({ bullet: m[1]!.trim(), label, separator: 'colon', matched: text.slice(start, c + 1), rest: '', index: start });
  }
  return out;
}

function nextColon(text: string, from: number): number {
  const a = text.indexOf(':', from);
  const b = text.indexOf('：', from);
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/** Keys of labels seen lately: a long interview prints the same few labels thousands of times. */
const keys = new Map<string, string>();

/** Comparison key of a label: one speaker however the label is cased or spaced. */
export function labelKey(label: string): string {
  let key = keys.get(label);
  if (key === undefined) {
    if (keys.size >= 4096) keys.clear();
    key = collapse(label.normalize('NFC').toLocaleLowerCase('vi'));
    keys.set(label, key);
  }
  return key;
}

/** Accent-free key for word lists: `Phóng viên`, `PHONG VIEN` and `P.V.` spelt any way. */
export const fold = (label: string): string => collapse(foldForSearch(label).replace(/\./g, ' '));

const isUpper = (ch: string) => /\p{Lu}/u.test(ch);

/** Letters only, without the parenthesised part. */
export const withoutParenthesis = (label: string): string => collapse(label.replace(/\([^()]*\)/g, ' '));

function looksLikeName(core: string): boolean {
  if (!isUpper(core[0] ?? '')) return false;
  const letters = core.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toLocaleUpperCase('vi')) return true;
  const words = core.split(' ').filter((w) => /^\p{L}/u.test(w));
  const capitalised = words.filter((w) => isUpper(w[0]!)).length;
  return capitalised / words.length > 0.5;
}

/**
 * Does the label read like a person, a role or an outlet rather than the start of a sentence?
 * Names and titles are capitalised (`Ông Nguyễn Thanh Hải`, `Người phát ngôn Phạm Thu Hằng`,
 * `GEORGE SMITH`); sentences are not (`Theo ông Hải`, `Kết quả như sau`). A label with a
 * description after a comma is judged by its name (`Lê Thị Hoa, 45 tuổi`).
 */
export function looksLikeLabel(label: string): boolean {
  const core = withoutParenthesis(label);
  if (!core.includes(',')) return looksLikeName(core);
  return core.split(',').some((part) => {
    const p = part.trim();
    return p.split(' ').filter((w) => isUpper(w[0] ?? '')).length >= 2 && looksLikeName(p);
  });
}

/** An all-capital short form (`HAT`, `CS`, `P.V.`) that may stand for a longer label. */
export function shortForm(label: string): string | null {
  const compact = label.replace(/\./g, '');
  return /^\p{Lu}{1,6}$/u.test(compact) ? foldForSearch(compact).toUpperCase() : null;
}

/** Whether the text after a label starts like a sentence: a capital, a digit or an opening quote, then more words. */
export function startsSentence(rest: string): boolean {
  return /^[\p{Lu}\p{N}"“«‘'(–—-]/u.test(rest) && rest.trim().split(/\s+/).length >= 2;
}

/** Whether a text ends like a sentence (closing quotes and brackets allowed after the stop). */
export const endsSentence = (text: string): boolean => /[.?!…]["”»’')\]]*$/.test(text);

/** Closing quotes and brackets, which may follow a question mark. */
const CLOSERS = new Set(['"', '”', '»', '’', "'", ')', ']']);

/**
 * Whether a text ends with a question mark (closing quotes and brackets allowed after it). Read
 * back from the end: a pattern anchored at the end is tried from every position of a long text.
 */
export function endsQuestion(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.has(text[i]!)) i--;
  return i >= 0 && text[i] === '?';
}
