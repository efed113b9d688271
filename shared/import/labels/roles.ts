/**
 * Labels whose role is known from the words alone: the reporter, a moderator or the outlet asks
 * (`Phóng viên`, `PV`, `TTXVN`, `Thông tấn xã Việt Nam`, `Minh Anh – RFA`, `JOHN SMITH, KXYZ`);
 * `Q` asks when `A` answers; the app's own default names are labels too.
 */
import { fold, withoutParenthesis } from './shape';

/** Labels that always mean the one asking: the reporter, a moderator, or the outlet itself. */
const INTERVIEWER_PREFIXES = [
  'phong vien', 'p v', 'pv', 'nha bao', 'reporter', 'interviewer', 'moderator', 'journalist', 'correspondent',
  'nguoi dan chuong trinh', 'dan chuong trinh', 'mc', 'host', 'bien tap vien', 'btv',
];

/** News organisations, folded. A label that is, or is qualified by, one of them asks. */
const OUTLETS = new Set([
  'ttxvn', 'vna', 'thong tan xa viet nam', 'vietnam news agency', 'ttx', 'bbc', 'bbc news', 'bbc tieng viet', 'voa', 'voa tieng viet', 'rfi',
  'rfa', 'cnn', 'nhk', 'afp', 'ap', 'reuters', 'dw', 'xinhua', 'kyodo', 'yonhap', 'sputnik', 'tass', 'vtv', 'vov', 'htv', 'vtc', 'npr',
  'pbs', 'abc', 'cbs', 'nbc', 'sky news', 'al jazeera', 'the guardian', 'guardian', 'nikkei', 'bloomberg', 'the new york times',
  'new york times', 'the washington post', 'washington post', 'financial times', 'the economist', 'le monde', 'france 24',
  'tuoi tre', 'thanh nien', 'nhan dan', 'vnexpress', 'vietnamplus', 'dan tri', 'vietnamnet', 'tien phong', 'lao dong', 'zing',
  'znews', 'quan doi nhan dan', 'qdnd', 'cong an nhan dan', 'cand', 'sai gon giai phong', 'sggp', 'nguoi lao dong', 'nld',
  'bao chinh phu', 'baochinhphu', 'dai tieng noi viet nam', 'truyen hinh viet nam', 'dai truyen hinh viet nam', 'vietnam news',
  'the saigon times', 'viet nam news', 'tin tuc', 'bao tin tuc', 'kinh te do thi', 'phap luat', 'giao duc thoi dai',
]);

/** A US broadcaster's call sign (`KXYZ`, `WNYC`): an outlet by its shape. */
const CALL_SIGN = /^[KW][A-Z]{3}(?:-(?:TV|FM|AM))?$/;

/** Labels that name a role only in a pair: `Q` asks when `A` answers. */
export const PAIRS: ReadonlyArray<{ ask: readonly string[]; answer: readonly string[] }> = [
  { ask: ['q'], answer: ['a'] },
  { ask: ['hoi'], answer: ['dap', 'tra loi'] },
  { ask: ['question'], answer: ['answer'] },
];
/** The app's default speaker names are labels too. */
const INTERVIEWEE_NAMES = ['khach moi', 'guest'];

const isOutlet = (part: string) => OUTLETS.has(fold(part)) || CALL_SIGN.test(part.trim()) || /^(?:bao|tap chi|kenh|truyen hinh) /.test(fold(part));

/**
 * The parts of a label that may name an outlet: the label itself, what follows a dash or a comma
 * (`Minh Anh – RFA`, `JOHN SMITH, KXYZ`), and what is in parentheses (`Phóng viên (Reuters)`).
 */
function qualifiers(label: string): string[] {
  const paren = /\(([^()]*)\)/.exec(label)?.[1];
  const base = withoutParenthesis(label);
  const parts = base.split(/\s*,\s*|\s+[-–—]\s+/).slice(1);
  return paren ? [...parts, paren] : parts;
}

export function isInterviewerLabel(label: string, source = ''): boolean {
  const f = fold(label);
  if (source !== '' && f === fold(source)) return true;
  if (OUTLETS.has(f) || CALL_SIGN.test(label)) return true;
  if (INTERVIEWER_PREFIXES.some((p) => f === p || f.startsWith(`${p} `) || f.startsWith(`${p}(`))) return true;
  return qualifiers(label).some((q) => isOutlet(q) || (source !== '' && fold(q) === fold(source)));
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
