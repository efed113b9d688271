/**
 * Text that was UTF-8 but got decoded as Windows-1252 (or Latin-1) on its way here: `PhÃ³ng viÃªn`
 * for `Phóng viên`, `Ä‘` for `đ`, `á»™` for `ộ`. Every Vietnamese letter outside ASCII turns into
 * two or three such characters, so the damage is easy to recognise and, because Windows-1252 maps
 * each byte to one character, exactly reversible: the characters are turned back into the bytes
 * they came from and those are read as UTF-8. A line is repaired only when that gives valid UTF-8;
 * otherwise it is left as it is (and its labels may still be proven by repetition).
 */

/** Windows-1252's characters for the bytes 0x80–0x9F (undefined ones decode to the C1 control of the same value). */
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88, 0x2030: 0x89,
  0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95,
  0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/**
 * The lead characters of Vietnamese letters misread: `Ã` (U+00C0–00FF), `Ä` (ă đ ĩ ũ), `Æ` (ơ ư),
 * `á»`/`áº` (U+1EA0–1EFF), each followed by a continuation byte's character.
 */
const MOJIBAKE = /(?:[ÃÄÅÆ][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018\u2019\u201A\u201C\u201D\u201E\u2020\u2021\u2022\u2026\u2030\u2039\u203A\u20AC\u2122])|(?:á[º»])/;

/** Whether the text shows the marks of UTF-8 decoded as Windows-1252. */
export const looksMisdecoded = (text: string): boolean => MOJIBAKE.test(text);

/** The bytes the characters stood for, or null if a character cannot have come from one byte. */
function toBytes(text: string): number[] | null {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0xff) bytes.push(code);
    else if (CP1252_HIGH[code] !== undefined) bytes.push(CP1252_HIGH[code]!);
    else return null;
  }
  return bytes;
}

/** Strict UTF-8 decoding (no overlong forms, no surrogates); null on any error. */
function decodeUtf8(bytes: readonly number[]): string | null {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    let code: number;
    let extra: number;
    if (b < 0x80) {
      code = b;
      extra = 0;
    } else if (b >= 0xc2 && b <= 0xdf) {
      code = b & 0x1f;
      extra = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      code = b & 0x0f;
      extra = 2;
    } else if (b >= 0xf0 && b <= 0xf4) {
      code = b & 0x07;
      extra = 3;
    } else return null;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return null;
      code = (code << 6) | (c & 0x3f);
    }
    if ((extra === 2 && (code < 0x800 || (code >= 0xd800 && code <= 0xdfff))) || (extra === 3 && (code < 0x10000 || code > 0x10ffff))) return null;
    out += String.fromCodePoint(code);
    i += extra + 1;
  }
  return out;
}

/** The line read again as UTF-8 when it was misdecoded and the bytes allow it; null otherwise. */
export function repairMisdecoded(text: string): string | null {
  if (!looksMisdecoded(text)) return null;
  const bytes = toBytes(text);
  if (bytes === null) return null;
  const repaired = decodeUtf8(bytes);
  return repaired !== null && repaired !== text ? repaired : null;
}
