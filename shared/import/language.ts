/**
 * The language of a text, decided by the text as a whole: an English interview with a Vietnamese
 * name in every answer, or a `Xem thêm` line of page chrome, is still English; a Vietnamese one with
 * an English `Share` button is still Vietnamese. One Vietnamese letter is not enough evidence, and
 * neither is the reader's locale.
 *
 * The evidence is counted over words: words with letters only Vietnamese writes (ă â đ ê ô ơ ư and
 * the tone-marked vowels), Vietnamese function words (also when the diacritics were lost: `cua`,
 * `trong`, `khong`), and English function words. A long text is sampled, so a megabyte costs no
 * more than a page.
 */
import type { Language } from '../model/schema';
import type { Line } from './lines';

const VIETNAMESE_LETTER = /[ăâđêôơưĂÂĐÊÔƠƯ\u1EA0-\u1EF9]/;
/** Vowels with a tone mark that Vietnamese shares with other Latin scripts: evidence only alongside the others. */
const SHARED_TONED = /[àáãèéìíòóõùúýỳĩũỹÀÁÃÈÉÌÍÒÓÕÙÚÝ]/;

/** Frequent Vietnamese syllables, folded (no diacritics), that are not English words. */
const VIETNAMESE_WORDS = new Set([
  'va', 'cua', 'la', 'cac', 'nhung', 'trong', 'cho', 'voi', 'khong', 'duoc', 'nay', 'nguoi', 'mot', 'co', 'da', 'cung', 'thi', 'se',
  'tu', 'khi', 'nhu', 've', 'ra', 'tai', 'theo', 'den', 'nhieu', 'toi', 'chung', 'rat', 'nam', 'ong', 'ba', 'viec', 'dang', 'lam',
  'dieu', 'nhat', 'hon', 'sau', 'truoc', 'neu', 'vi', 'nen', 'con', 'tren', 'duoi', 'nuoc', 'thanh', 'tinh', 'xa', 'huyen',
]);
const ENGLISH_WORDS = new Set([
  'the', 'and', 'of', 'to', 'in', 'is', 'that', 'it', 'for', 'you', 'was', 'with', 'on', 'as', 'have', 'are', 'be', 'at', 'we',
  'they', 'this', 'not', 'but', 'what', 'how', 'why', 'he', 'she', 'our', 'my', 'do', 'did', 'will', 'would', 'there', 'their',
  'from', 'by', 'an', 'were', 'been', 'has', 'had', 'which', 'who', 'when', 'your', 'can', 'about', 'more', 'said', 'than',
]);

/** Words read, at most: a fair sample of any text, taken from its start, middle and end. */
const SAMPLE_WORDS = 6000;

export interface LanguageEvidence {
  language: Language;
  words: number;
  vietnamese: number;
  english: number;
}

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
/** A word: a run of letters and apostrophes (matched, not split out: splitting by a Unicode class is several times slower; global, so for `match` only). */
export const WORD = /[\p{L}'’]+/gu;
const CAPITALISED = /^\p{Lu}/u;

interface WordEvidence {
  vietnamese: number;
  english: number;
}

/** What one word says of the language. */
function evidenceOf(word: string): WordEvidence {
  if (VIETNAMESE_LETTER.test(word)) {
    // Capitalised: most likely a name (`Nguyễn Thị Hạnh` in an English story), weak evidence.
    return { vietnamese: CAPITALISED.test(word) ? 0.25 : 1, english: 0 };
  }
  if (SHARED_TONED.test(word)) return { vietnamese: CAPITALISED.test(word) ? 0.125 : 0.5, english: 0 };
  const f = fold(word);
  if (ENGLISH_WORDS.has(f)) return { vietnamese: 0, english: 1 };
  return { vietnamese: VIETNAMESE_WORDS.has(f) ? 0.5 : 0, english: 0 };
}

export function detectLanguage(lines: readonly Line[]): LanguageEvidence {
  // A long text is sampled over its start, middle and end; a short one is read whole.
  const budget = SAMPLE_WORDS * 6;
  let total = 0;
  for (const line of lines) if ((total += line.text.length + 1) > budget) break;
  const picked: Line[] = [];
  if (total <= budget) picked.push(...lines);
  else {
    for (const start of [0, Math.floor(lines.length / 3), Math.floor((lines.length * 2) / 3)]) {
      let used = 0;
      for (let i = start; i < lines.length && used < budget / 3; i++) {
        picked.push(lines[i]!);
        used += lines[i]!.text.length + 1;
      }
    }
  }
  let words = 0;
  let vietnamese = 0;
  let english = 0;
  // A text repeats its words: each is weighed once.
  const weighed = new Map<string, WordEvidence>();
  for (const line of picked) {
    for (const word of line.text.match(WORD) ?? []) {
      words++;
      let evidence = weighed.get(word);
      if (evidence === undefined) weighed.set(word, (evidence = evidenceOf(word)));
      vietnamese += evidence.vietnamese;
      english += evidence.english;
    }
  }
  // Without any evidence (a list of names, noise) the agency's language is the better guess only
  // when the text has its letters; otherwise English, as before.
  const language: Language = vietnamese > english ? 'vi' : english > vietnamese ? 'en' : lines.some((l) => VIETNAMESE_LETTER.test(l.text)) ? 'vi' : 'en';
  return { language, words, vietnamese, english };
}
