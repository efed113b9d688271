/**
 * Folding for find and replace, with a map from the folded text back to the original.
 *
 * `foldForSearch` (normalize-text.ts) folds a whole string for the search index, where only the
 * folded text matters. Find and replace must also say *where* in the original a match lies, and
 * folding changes lengths: `đ` stays one unit, but NFD input `a` + U+0301 (two units) folds to
 * `a`, `İ` lower-cases to two units, astral characters are two units. So the text is folded one
 * cluster at a time (a base character and the combining marks that follow it) and every folded
 * unit remembers the original range of its cluster.
 *
 * A match may only start and end on cluster boundaries: `a` must not match the first half of
 * `a` + U+20DD, and a replacement must never leave a combining mark stranded on another letter.
 */

export interface FoldOptions {
  /** `dang` finds `đảng`, `Dang Vien` finds `đảng viên`: marks are dropped and đ/Đ become d/D. */
  ignoreDiacritics: boolean;
  /** When false, upper and lower case are the same letter. */
  matchCase: boolean;
}

export interface FoldedText {
  /** The folded text that queries are matched against. */
  text: string;
  /**
   * For each UTF-16 unit of `text`, the range [start, end) of the original cluster it came from;
   * null when folding kept every unit in place (each original unit gave exactly one folded unit),
   * as it does for NFC Vietnamese and English, so unit i of `text` is unit i of the original.
   */
  starts: Int32Array | null;
  ends: Int32Array | null;
}

/** A match in the original string: [start, end) in UTF-16 units, as Slate offsets are. */
export interface TextMatch {
  start: number;
  end: number;
}

const MARK = /\p{M}/u;
const MARKS = /\p{M}+/gu;
const WHITESPACE = /^\s$/u;

/** Folds one cluster (a base and its marks, or a lone code point). Never called for ASCII. */
function foldCluster(cluster: string, { ignoreDiacritics, matchCase }: FoldOptions): string {
  // A query cannot contain a no-break or thin space the user cannot see: all spaces are one.
  if (WHITESPACE.test(cluster)) return ' ';
  if (ignoreDiacritics) {
    // Lower-case before dropping marks: `İ` lower-cases to `i` + U+0307, whose mark must go too.
    let s = cluster.normalize('NFD');
    if (!matchCase) s = s.toLowerCase();
    s = s.replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    return matchCase ? s : s.replace(/ς/g, 'σ');
  }
  // Diacritics count: compare composed forms, so NFC and NFD spellings of `ạ` still match.
  let s = cluster.normalize('NFC');
  // Greek final sigma lower-cases by context; folded per cluster it must equal σ.
  if (!matchCase) s = s.toLowerCase().replace(/ς/g, 'σ');
  return s;
}

// Folding the same characters again and again is the hot path on a 20,000-paragraph interview:
// each option set keeps the fold of every single code point it has seen.
const tables = new Map<string, (string | undefined)[]>();
function codePointTable(options: FoldOptions): (string | undefined)[] {
  const key = `${options.ignoreDiacritics ? 'd' : 'D'}${options.matchCase ? 'C' : 'c'}`;
  let table = tables.get(key);
  if (!table) tables.set(key, (table = []));
  return table;
}

// Whether a BMP code point is a combining mark: 0 not known yet, 1 a mark, 2 not a mark.
const bmpMarks = new Uint8Array(0x10000);
function isMark(cp: number): boolean {
  if (cp < 0x300) return false; // the combining marks start at U+0300
  if (cp > 0xffff) return MARK.test(String.fromCodePoint(cp));
  let known = bmpMarks[cp]!;
  if (known === 0) bmpMarks[cp] = known = MARK.test(String.fromCharCode(cp)) ? 1 : 2;
  return known === 1;
}

const width = (cp: number) => (cp > 0xffff ? 2 : 1);

// The folded text is assembled in a reused buffer of UTF-16 units: concatenating a string one
// character at a time builds a rope per paragraph that costs more to collect than to fold.
let buffer = new Uint16Array(1024);

function reserve(used: number, more: number): void {
  if (used + more <= buffer.length) return;
  const bigger = new Uint16Array(Math.max(buffer.length * 2, used + more));
  bigger.set(buffer);
  buffer = bigger;
}

/**
 * Folds `original` for matching, with the map back to it. The map is only built from the first
 * cluster whose fold is not one unit for one unit (a mark, an astral character, `İ`); until then,
 * and for most text throughout, positions are the same in both.
 */
export function foldWithMap(original: string, options: FoldOptions): FoldedText {
  const table = codePointTable(options);
  const lowerAscii = !options.matchCase;
  const n = original.length;
  let starts: Int32Array | null = null;
  let ends: Int32Array | null = null;
  let out = 0;
  let i = 0;
  while (i < n) {
    const cp = original.codePointAt(i)!;
    let j = i + width(cp);
    let folded: string | null = null;
    let unit = -1;
    if (cp < 0x80 && (j >= n || !isMark(original.codePointAt(j)!))) {
      // ASCII without following marks, the common case.
      unit = cp === 0x09 ? 0x20 : lowerAscii && cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
    } else {
      while (j < n) {
        const next = original.codePointAt(j)!;
        if (!isMark(next)) break;
        j += width(next);
      }
      if (j === i + width(cp)) {
        const known = table[cp];
        folded = known ?? foldCluster(original.slice(i, j), options);
        if (known === undefined) table[cp] = folded;
      } else {
        folded = foldCluster(original.slice(i, j), options);
      }
      if (folded.length === 1 && j === i + 1) {
        unit = folded.charCodeAt(0);
        folded = null;
      }
    }
    if (folded === null) {
      // One unit for one unit.
      reserve(out, 1);
      if (starts) {
        ensureMap(out + 1);
        starts[out] = i;
        ends![out] = j;
      }
      buffer[out++] = unit;
    } else {
      if (!starts) [starts, ends] = identityMap(out, out + folded.length + (n - j));
      reserve(out, folded.length);
      ensureMap(out + folded.length);
      for (let k = 0; k < folded.length; k++) {
        starts![out] = i;
        ends![out] = j;
        buffer[out++] = folded.charCodeAt(k);
      }
    }
    i = j;
  }
  return { text: unitsToString(buffer, out), starts: starts?.subarray(0, out) ?? null, ends: ends?.subarray(0, out) ?? null };

  function ensureMap(length: number): void {
    if (starts!.length >= length) return;
    const grow = (a: Int32Array) => {
      const bigger = new Int32Array(Math.max(a.length * 2, length));
      bigger.set(a);
      return bigger;
    };
    starts = grow(starts!);
    ends = grow(ends!);
  }
}

/** The map of `used` units that stayed in place, with room for `capacity`. */
function identityMap(used: number, capacity: number): [Int32Array, Int32Array] {
  const starts = new Int32Array(Math.max(capacity, used + 1));
  const ends = new Int32Array(starts.length);
  for (let k = 0; k < used; k++) {
    starts[k] = k;
    ends[k] = k + 1;
  }
  return [starts, ends];
}

function unitsToString(units: Uint16Array, length: number): string {
  const CHUNK = 8192; // below the engines' argument-count limits
  let s = '';
  for (let at = 0; at < length; at += CHUNK) s += String.fromCharCode.apply(null, units.subarray(at, Math.min(length, at + CHUNK)) as unknown as number[]);
  return s;
}

/** The folded form of a query typed into the find box (NFC first, as the document is). */
export function foldQuery(query: string, options: FoldOptions): string {
  return foldWithMap(query.normalize('NFC'), options).text;
}

/** True when folded position `i` starts a cluster (or is the end of the text). */
function isBoundary(folded: FoldedText, i: number): boolean {
  const { starts } = folded;
  return starts === null || i === 0 || i === folded.text.length || starts[i] !== starts[i - 1];
}

/**
 * Every non-overlapping occurrence of an already folded query in folded text, as ranges of the
 * original string, from left to right.
 */
export function matchFolded(folded: FoldedText, foldedQuery: string): TextMatch[] {
  const matches: TextMatch[] = [];
  if (foldedQuery === '') return matches;
  let from = 0;
  for (;;) {
    const at = folded.text.indexOf(foldedQuery, from);
    if (at === -1) return matches;
    const end = at + foldedQuery.length;
    if (isBoundary(folded, at) && isBoundary(folded, end)) {
      matches.push(folded.starts ? { start: folded.starts[at]!, end: folded.ends![end - 1]! } : { start: at, end });
      from = end;
    } else {
      from = at + 1;
    }
  }
}

/** Every occurrence of `query` in `text` under `options`, as ranges of `text`. */
export function findAll(text: string, query: string, options: FoldOptions): TextMatch[] {
  return matchFolded(foldWithMap(text, options), foldQuery(query, options));
}
