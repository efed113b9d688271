/**
 * The person in a printed label: its name, its title and description, the short forms it may later
 * appear as. `Bộ trưởng Bộ Y tế Đào Hồng Lan` is Đào Hồng Lan, titled Bộ trưởng Bộ Y tế;
 * `Phó Giáo sư, tiến sĩ Trần Văn Minh` is Trần Văn Minh; `Lê Thị Hoa, 45 tuổi` is Lê Thị Hoa;
 * `JOHN SMITH, KXYZ` is John Smith of KXYZ; `Hoàng Anh Tuấn (HAT)` may later be `HAT`.
 *
 * The name is what lets two labels be one speaker (aliases.ts): `Doe` and `JANE DOE`, `Ông Hùng`
 * and `Đại sứ Nguyễn Văn Hùng` share the end of a name.
 */
import { foldForSearch } from '../../text/normalize-text';
import { isDefaultIntervieweeLabel, isInterviewerLabel, pairRole } from './roles';
import { collapse, shortForm, withoutParenthesis } from './shape';

/** Honorifics: not part of a name, and not a title either (`Ông Phạm Văn Thành` has no title). */
const HONORIFICS = new Set(['ong', 'ba', 'anh', 'chi', 'co', 'chu', 'bac', 'thay', 'em', 'cu', 'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame']);

/**
 * Titles and roles that stand before a name (folded; several words where the title has them).
 * They are kept as the participant's title, and left out when two labels' names are compared.
 */
const TITLES = new Set([
  'gs', 'ts', 'pgs', 'ths', 'bs', 'ks', 'ls', 'kts', 'nsnd', 'nsut', 'nha bao', 'nha van', 'nha tho', 'nghe si', 'nhac si', 'dao dien', 'hoa si',
  'giao su', 'pho giao su', 'tien si', 'thac si', 'bac si', 'luat su', 'ky su', 'kien truc su', 'duoc si', 'dai su', 'bo truong',
  'thu truong', 'chu tich', 'pho chu tich', 'giam doc', 'pho giam doc', 'tong giam doc', 'bi thu', 'pho bi thu', 'thu tuong',
  'pho thu tuong', 'tong thong', 'pho tong thong', 'nguoi phat ngon', 'hieu truong', 'vien truong', 'truong phong', 'truong ban',
  'chanh an', 'tong bi thu', 'dai ta', 'thuong ta', 'trung ta', 'thieu ta', 'dai tuong', 'thuong tuong', 'trung tuong', 'thieu tuong',
  'nong dan', 'giao vien', 'chuyen gia', 'nghe nhan', 'dong chi', 'phong vien', 'pv', 'bien tap vien',
  'professor', 'ambassador', 'minister', 'secretary', 'senator', 'sen', 'rep', 'representative', 'congressman', 'congresswoman',
  'governor', 'gov', 'mayor', 'president', 'vice president', 'general', 'gen', 'colonel', 'col', 'captain', 'capt', 'lieutenant',
  'admiral', 'judge', 'justice', 'rev', 'reverend', 'father', 'sister', 'rabbi', 'imam', 'journalist', 'reporter', 'correspondent',
  'editor', 'chairman', 'chairwoman', 'chair', 'ceo', 'director', 'dean', 'coach', 'chef', 'foreign minister', 'prime minister',
  'deputy', 'vice', 'chief', 'councillor', 'councilor', 'historian', 'doctor', 'nurse', 'farmer', 'author', 'writer',
]);
const LONGEST_TITLE = 3;

const MALE = new Set(['ong', 'mr', 'anh', 'chu', 'thay', 'sir']);
const FEMALE = new Set(['ba', 'mrs', 'ms', 'miss', 'chi', 'co', 'dame']);

/** A title ending in one of these is followed by an outlet's name, not a person's (`Phóng viên báo Hà Tĩnh`). */
const OUTLET_WORD = /(?:^|\s)(?:báo|đài|tạp chí|kênh|truyền hình|thông tấn xã|newspaper|radio|channel)$/iu;

const foldWord = (w: string) => foldForSearch(w).replace(/[^\p{L}\p{N}]/gu, '');
const isUpper = (ch: string) => /\p{Lu}/u.test(ch);
const isCapitalised = (w: string) => isUpper(w.replace(/^[^\p{L}\p{N}]+/u, '')[0] ?? '');

export interface LabelName {
  /** The name as printed (title case when the label is in capitals): `Trần Văn Minh`, `John Smith`. */
  name: string;
  /** The name's words, folded, for comparing labels: `tran van minh`. */
  words: string[];
  /** Titles and descriptions, as printed: `Phó Giáo sư, tiến sĩ`, `45 tuổi`, `KXYZ`. */
  title: string;
  /** An abbreviation the label defines in parentheses: `HAT` in `Hoàng Anh Tuấn (HAT)`. */
  abbreviation: string | null;
  /** From the honorific, when there is one: Ông/Mr, Bà/Mrs. */
  gender: 'm' | 'f' | null;
  /** Every word of the name is capitalised as printed: a name, not damaged text or a phrase. */
  capitalised: boolean;
}

function titleCase(word: string): string {
  return word
    .toLocaleLowerCase('vi')
    .replace(/(^|[-'’])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toLocaleUpperCase('vi'));
}

/** How many of the leading words form a title or honorific (`GS.TS` counts as one word of titles). */
function leadingTitleWords(words: readonly string[]): { count: number; honorificOnly: boolean; gender: 'm' | 'f' | null } {
  let count = 0;
  let honorificOnly = true;
  let gender: 'm' | 'f' | null = null;
  outer: while (count < words.length - 1) {
    const parts = words[count]!.split(/[.-]/).filter((p) => p !== '').map(foldWord);
    if (parts.length > 1 && parts.every((p) => TITLES.has(p) || HONORIFICS.has(p))) {
      honorificOnly = false;
      count++;
      continue;
    }
    for (let n = Math.min(LONGEST_TITLE, words.length - 1 - count); n >= 1; n--) {
      const phrase = words.slice(count, count + n).map(foldWord).join(' ');
      if (HONORIFICS.has(phrase)) {
        if (count === 0) gender = MALE.has(phrase) ? 'm' : FEMALE.has(phrase) ? 'f' : null;
        count += n;
        continue outer;
      }
      if (TITLES.has(phrase)) {
        honorificOnly = false;
        count += n;
        continue outer;
      }
    }
    break;
  }
  return { count, honorificOnly, gender };
}

/** Trailing words that are capitalised, from the end. */
function trailingCapitalised(words: readonly string[]): number {
  let n = 0;
  while (n < words.length && isCapitalised(words[words.length - 1 - n]!)) n++;
  return n;
}

export function parseLabelName(label: string): LabelName {
  const paren = /\(([^()]*)\)/.exec(label)?.[1]?.trim() ?? '';
  const abbreviation = paren !== '' ? shortForm(paren) : null;
  const base = withoutParenthesis(label);
  const segments = base.split(/\s*,\s*|\s+[-–—]\s+/).filter((s) => s !== '');
  // The segment holding the name: the one ending in the longest run of capitalised words.
  let best = 0;
  let bestRun = -1;
  segments.forEach((seg, i) => {
    const run = trailingCapitalised(seg.split(' '));
    if (run > bestRun) {
      best = i;
      bestRun = run;
    }
  });
  let words = (segments[best] ?? '').split(' ').filter((w) => w !== '');
  // A role with no name (`Giáo viên (GV)`, `Moderator`): all title.
  if (TITLES.has(words.map(foldWord).join(' '))) {
    return { name: '', words: [], title: collapse([...segments, abbreviation ? '' : paren].filter((s) => s !== '').join(', ')), abbreviation, gender: null, capitalised: false };
  }
  const letters = words.join('').replace(/[^\p{L}]/gu, '');
  const allCaps = letters.length >= 2 && letters === letters.toLocaleUpperCase('vi');
  const lead = leadingTitleWords(words);
  const titleWords = words.slice(0, lead.count);
  words = words.slice(lead.count);
  // A Vietnamese name is the run of capitalised words at the end; what comes before it is a title
  // (`Bộ trưởng Bộ Y tế Đào Hồng Lan`).
  let start = words.length - trailingCapitalised(words);
  if (start === words.length) start = 0;
  const nameWords = words.slice(start);
  // The title: the other segments, and in the name's own segment the words before the name.
  const ownTitle = [lead.honorificOnly ? '' : titleWords.join(' '), words.slice(0, start).join(' ')].filter((s) => s !== '').join(' ');
  const title = [...segments.slice(0, best), ownTitle, ...segments.slice(best + 1), abbreviation ? '' : paren].filter((s) => s !== '').join(', ');
  return {
    name: (allCaps ? nameWords.map(titleCase) : nameWords).join(' '),
    words: nameWords.map(foldWord).filter((w) => w !== ''),
    title: collapse(title),
    abbreviation,
    gender: lead.gender,
    capitalised: nameWords.length > 0 && nameWords.every(isCapitalised),
  };
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
  const parsed = parseLabelName(label);
  const shortForms: string[] = parsed.abbreviation ? [parsed.abbreviation] : [];
  if (interviewer || pairRole(label) !== null || isDefaultIntervieweeLabel(label)) {
    const initials = initialsOf(withoutParenthesis(label).split(' '));
    // A reporter with a name (`Journalist Mai Lan`, `Minh Anh – RFA`, `JOHN SMITH, KXYZ`) is that
    // person; a role or an outlet (`Phóng viên`, `Phóng viên báo Tuổi Trẻ`, `BBC`) names nobody.
    if (interviewer && pairRole(label) === null && parsed.name !== '' && parsed.capitalised && !isInterviewerLabel(parsed.name) && !OUTLET_WORD.test(parsed.title)) {
      return { fullName: parsed.name, title: parsed.title, shortForms: [...shortForms, ...initials] };
    }
    const paren = /\(([^()]*)\)/.exec(label)?.[1]?.trim() ?? '';
    return { fullName: '', title: parsed.abbreviation ? '' : paren, shortForms: [...shortForms, ...initials] };
  }
  shortForms.push(...initialsOf(parsed.name.split(' ')));
  return { fullName: parsed.name, title: parsed.title, shortForms };
}

export function initialsOf(words: readonly string[]): string[] {
  const letters = words.map((w) => foldForSearch(w.replace(/[^\p{L}]/gu, '')).charAt(0).toUpperCase()).join('');
  return letters.length >= 2 ? [letters] : [];
}

/** Whether these words are only titles and honorifics (`GS`, `Đại sứ`, `Dr.`): the start of a label split across two lines. */
export function isTitleOnly(words: readonly string[]): boolean {
  if (words.length === 0) return false;
  return leadingTitleWords([...words, 'X']).count === words.length;
}

