/**
 * Speaker labels: what a label at the start of a line (or after a sentence, in text whose
 * paragraphs were flattened onto one line) looks like, which labels are well known, and how a
 * printed label becomes a participant's full name and title.
 *
 * A candidate is only a shape; whether it is really a speaker is decided from the evidence over the
 * whole text (speakers.ts), because `Theo ông Hải: …` or `Long An: …` have the same shape.
 */
import { foldForSearch } from '../text/normalize-text';

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
const COLON_LABEL = new RegExp(String.raw`^(${BULLET})?(${LABEL})\s*[:：](?=\s|$)\s*`, 'u');
// `GEORGE SMITH - …`, `Name – …`: a dash with spaces around it.
const DASH_LABEL = new RegExp(String.raw`^(${BULLET})?(${LABEL})\s[-–—](?=\s)\s*`, 'u');

/** Shape rules shared by line-start and mid-line candidates. */
function isLabelShaped(label: string): boolean {
  if (label.length > 80 || /[,;?!"“”«»…[\]{}<>|/\\=+*_#@%&]/.test(label)) return false;
  const words = label.split(' ');
  if (words.length > 10) return false;
  // Abbreviations end with a dot (`Dr.`, `P.V.`, `GS.TS.`); a long word ending with one ends a sentence.
  if (words.some((w) => w.endsWith('.') && w.length > 6)) return false;
  // Parentheses must pair up and stay short: `Hoàng Anh Tuấn (HAT)`, `Phóng viên (Reuters)`.
  const open = (label.match(/\(/g) ?? []).length;
  const close = (label.match(/\)/g) ?? []).length;
  if (open !== close || open > 1) return false;
  if (open === 1 && !/\([^()]{1,40}\)/.test(label)) return false;
  return /\p{L}/u.test(label);
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The label at the start of a line, if the line starts with something shaped like one. */
export function labelAtLineStart(text: string): LabelCandidate | null {
  // The colon form is tried first: `Ông A - Giám đốc Sở: …` is labelled by all that precedes the colon.
  for (const [pattern, separator] of [[COLON_LABEL, 'colon'], [DASH_LABEL, 'dash']] as const) {
    const m = pattern.exec(text);
    if (!m) continue;
    const label = collapse(m[2]!);
    if (!isLabelShaped(label)) continue;
    return { bullet: (m[1] ?? '').trim(), label, separator, matched: m[0].trimEnd(), rest: text.slice(m[0].length) };
  }
  return null;
}

export interface InlineLabel extends LabelCandidate {
  /** Where the candidate (bullet included) starts in the line. */
  index: number;
}

// After the end of a sentence (not an abbreviation such as `Dr.` or `TS.`): an optional bullet,
// up to ten words, a colon and a space.
const MID_LINE =
  /(?<=[.?!…"”»)]\s+)(?<!(?:^|\s)(?:Dr|Mr|Mrs|Ms|Prof|St|Sen|Rep|Gen|Col|TS|GS|PGS|ThS|BS|KTS|Th)\.\s+)((?:[*•▪]\s*)?)(\p{L}[^:：.?!,;]{0,79}?(?:\([^()]{1,40}\))?)\s*[:：]\s+/gu;

/**
 * Label-shaped text after the end of a sentence inside a line: `… thưa ông? * Ông Hải: …`.
 * `from` skips the line's own label at its start.
 */
export function labelsInsideLine(text: string, from = 0): InlineLabel[] {
  const out: InlineLabel[] = [];
  for (const m of text.matchAll(MID_LINE)) {
    if (m.index < from) continue;
    const label = collapse(m[2]!);
    if (!isLabelShaped(label)) continue;
    out.push({ bullet: m[1]!.trim(), label, separator: 'colon', matched: m[0].trimEnd(), rest: '', index: m.index });
  }
  return out;
}

/** Comparison key of a label: one speaker however the label is cased or spaced. */
export function labelKey(label: string): string {
  return collapse(label.normalize('NFC').toLocaleLowerCase('vi'));
}

/** Accent-free key for the lists below: `Phóng viên`, `PHONG VIEN` and `P.V.` spelt any way. */
const fold = (label: string) => collapse(foldForSearch(label).replace(/\./g, ' '));

/** Labels that always mean the one asking: the reporter, a moderator, or the outlet itself. */
const INTERVIEWER_PREFIXES = ['phong vien', 'p v', 'pv', 'nha bao', 'reporter', 'interviewer', 'moderator', 'nguoi dan chuong trinh', 'dan chuong trinh', 'mc', 'host'];
const OUTLETS = [
  'ttxvn', 'vna', 'bbc', 'voa', 'rfi', 'cnn', 'nhk', 'afp', 'ap', 'reuters', 'dw', 'xinhua', 'kyodo', 'yonhap', 'sputnik', 'tass',
  'vtv', 'vov', 'npr', 'al jazeera', 'the guardian', 'nikkei', 'bloomberg', 'tuoi tre', 'thanh nien', 'nhan dan', 'vnexpress',
];
/** Labels that name a role only in a pair: `Q` asks when `A` answers. */
export const PAIRS: ReadonlyArray<{ ask: readonly string[]; answer: readonly string[] }> = [
  { ask: ['q'], answer: ['a'] },
  { ask: ['hoi'], answer: ['dap', 'tra loi'] },
  { ask: ['question'], answer: ['answer'] },
];
/** The app's default speaker names are labels too. */
const INTERVIEWEE_NAMES = ['khach moi', 'guest'];

export function isInterviewerLabel(label: string, source = ''): boolean {
  const f = fold(label);
  if (source !== '' && f === fold(source)) return true;
  if (OUTLETS.includes(f)) return true;
  return INTERVIEWER_PREFIXES.some((p) => f === p || f.startsWith(`${p} `) || f.startsWith(`${p}(`));
}

export function pairRole(label: string): 'ask' | 'answer' | null {
  const f = fold(label);
  for (const pair of PAIRS) {
    if (pair.ask.includes(f)) return 'ask';
    if (pair.answer.includes(f)) return 'answer';
  }
  return null;
}

/** Which pair a label belongs to (index into PAIRS), or -1. */
export function pairIndex(label: string): number {
  const f = fold(label);
  return PAIRS.findIndex((p) => p.ask.includes(f) || p.answer.includes(f));
}

export const isDefaultIntervieweeLabel = (label: string): boolean => INTERVIEWEE_NAMES.includes(fold(label));

const isUpper = (ch: string) => /\p{Lu}/u.test(ch);

/** Letters only, without the parenthesised part. */
const withoutParenthesis = (label: string) => collapse(label.replace(/\([^()]*\)/g, ' '));

/**
 * Does the label read like a person, a role or an outlet rather than the start of a sentence?
 * Names and titles are capitalised (`Ông Nguyễn Thanh Hải`, `Người phát ngôn Phạm Thu Hằng`,
 * `GEORGE SMITH`); sentences are not (`Theo ông Hải`, `Kết quả như sau`).
 */
export function looksLikeLabel(label: string): boolean {
  const core = withoutParenthesis(label);
  if (!isUpper(core[0] ?? '')) return false;
  const letters = core.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toLocaleUpperCase('vi')) return true;
  const words = core.split(' ').filter((w) => /^\p{L}/u.test(w));
  const capitalised = words.filter((w) => isUpper(w[0]!)).length;
  return capitalised / words.length > 0.5;
}

/** An all-capital short form (`HAT`, `CS`, `P.V.`) that may stand for a longer label. */
export function shortForm(label: string): string | null {
  const compact = label.replace(/\./g, '');
  return /^\p{Lu}{1,6}$/u.test(compact) ? foldForSearch(compact).toUpperCase() : null;
}

/** Honorifics that are not part of a person's name. */
const HONORIFICS = new Set(['ông', 'bà', 'anh', 'chị', 'cô', 'chú', 'bác', 'thầy', 'em', 'cụ', 'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame']);
const isHonorific = (word: string) => HONORIFICS.has(word.replace(/\.$/, '').toLocaleLowerCase('vi'));

function titleCase(word: string): string {
  return word
    .toLocaleLowerCase('vi')
    .replace(/(^|[-'’])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toLocaleUpperCase('vi'));
}

export interface SpeakerDescription {
  fullName: string;
  title: string;
  /** The short forms this label may later appear as: its parenthesised abbreviation and its initials. */
  shortForms: string[];
}

/**
 * A printed label as a participant: `Ông Nguyễn Thanh Hải` → full name `Nguyễn Thanh Hải`;
 * `Bộ trưởng Bộ Y tế Đào Hồng Lan` → `Đào Hồng Lan`, title `Bộ trưởng Bộ Y tế`;
 * `CYNTHIA SMITH` → `Cynthia Smith` (short form CS); `Hoàng Anh Tuấn (HAT)` → short form HAT.
 * Role labels (`Phóng viên`, `Q`, `BBC`) name nobody.
 */
export function describeSpeaker(label: string, interviewer: boolean): SpeakerDescription {
  const paren = /\(([^()]*)\)/.exec(label)?.[1]?.trim() ?? '';
  const abbreviation = paren !== '' ? shortForm(paren) : null;
  const shortForms: string[] = abbreviation ? [abbreviation] : [];
  if (interviewer || pairRole(label) !== null || isDefaultIntervieweeLabel(label)) {
    return { fullName: '', title: abbreviation ? '' : paren, shortForms: [...shortForms, ...initialsOf(withoutParenthesis(label).split(' '))] };
  }
  let words = withoutParenthesis(label).split(' ');
  const letters = words.join('').replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toLocaleUpperCase('vi')) words = words.map(titleCase);
  while (words.length > 1 && isHonorific(words[0]!)) words = words.slice(1);
  // A Vietnamese name is the run of capitalised words at the end; what comes before is the title.
  let start = words.length;
  while (start > 0 && isUpper(words[start - 1]![0] ?? '')) start--;
  if (start === words.length) start = 0;
  const name = words.slice(start);
  const title = [words.slice(0, start).join(' '), abbreviation ? '' : paren].filter((s) => s !== '').join(', ');
  shortForms.push(...initialsOf(name));
  return { fullName: name.join(' '), title, shortForms };
}

function initialsOf(words: readonly string[]): string[] {
  const letters = words.map((w) => foldForSearch(w.replace(/[^\p{L}]/gu, '')).charAt(0).toUpperCase()).join('');
  return letters.length >= 2 ? [letters] : [];
}
