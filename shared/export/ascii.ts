/**
 * Lossy transliteration to 7-bit ASCII, for wire formats that cannot carry Vietnamese
 * (IPTC 7901, ANPA-1312): `đảng viên` → `dang vien`, `Thúc đẩy` → `Thuc day`.
 *
 * LOSSY: tone and vowel marks are dropped, so words that differ only by marks become one
 * (`bán`, `bạn`, `ban` → `ban`); a reader or a tool cannot restore them. Use it only where the
 * receiver cannot take UTF-8 or an agreed 8-bit code page.
 *
 * Steps: decompose (NFD) and drop combining marks; đ/Đ → d/D (they do not decompose); common
 * punctuation and spaces to their ASCII look-alikes; a few Latin letters that do not decompose
 * (ß, æ, ø, ł…) to their usual spelling; anything else (other scripts, emoji) → `?`, as
 * `encode('ascii', 'replace')` does in the agencies' own formatters.
 */

const REPLACEMENTS: Readonly<Record<string, string>> = {
  // Vietnamese letters that are not base + mark.
  đ: 'd', Đ: 'D',
  // Quotation marks, dashes, ellipsis, bullets.
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2026': '...', '\u2022': '*', '\u00B7': '.', '\u00D7': 'x',
  // Other Latin letters without a decomposition.
  ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ı: 'i',
};

const MARKS = /\p{M}+/gu;
const SPACE = /^\s$/u;
const NOT_ASCII = /[^\u0000-\u007F]/;

/**
 * Runs of non-ASCII characters already transliterated. NFD of the whole text was most of a 7901
 * export (~50 ms at 2,000 paragraphs), and Vietnamese text repeats a few hundred runs (`đả`, `ư`,
 * `ệ`) ~100,000 times. Transliterating run by run gives the same text: an ASCII character maps to
 * itself, does not decompose, and is a starter, so neither NFD (whose reordering moves only
 * combining characters between two starters) nor the removal of marks reaches across it. Long
 * runs are not kept; the map is cleared when it grows past RUN_CACHE_LIMIT.
 */
const runs = new Map<string, string>();
const RUN_CACHE_LIMIT = 20_000;
const CACHED_RUN_LENGTH = 32;
const NOT_ASCII_RUN = /[^\u0000-\u007F]+/g;

/** Transliterate to printable ASCII (plus tab and space); see the module comment for what is lost. */
export function toAscii(text: string): string {
  if (!NOT_ASCII.test(text)) return text; // nothing to decompose, no marks, nothing to replace
  return text.replace(NOT_ASCII_RUN, runToAscii);
}

function runToAscii(run: string): string {
  if (run.length > CACHED_RUN_LENGTH) return transliterate(run);
  let ascii = runs.get(run);
  if (ascii === undefined) {
    if (runs.size >= RUN_CACHE_LIMIT) runs.clear();
    ascii = transliterate(run);
    runs.set(run, ascii);
  }
  return ascii;
}

function transliterate(text: string): string {
  const folded = text.normalize('NFD').replace(MARKS, '');
  if (!NOT_ASCII.test(folded)) return folded;
  let out = '';
  for (const ch of folded) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out += ch;
    else out += REPLACEMENTS[ch] ?? (SPACE.test(ch) ? ' ' : '?');
  }
  return out;
}
