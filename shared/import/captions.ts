/**
 * Where the photos stood, line by line, before anything else reads the lines (so that a caption is
 * never taken for a turn, nor its credit for a speaker):
 *
 * - a credit line under its caption (`Ảnh: Thanh Hải/TTXVN`, `Photo: Jane Doe`); a caption wrapped
 *   over two or three lines above it is taken whole, and reported as guessed;
 * - BBC's pairs: `Image copyright Getty Images` with `Image caption …` (either order; the Vietnamese
 *   service prints `Bản quyền hình ảnh`, `Chú thích hình ảnh`); a copyright line alone is page
 *   furniture (furniture.ts reports it);
 * - an image placeholder left by a copy or an export (`[Ảnh]`, `[Image: …]`, `anh-1.jpg`) and the
 *   caption line right after it, which has no credit to prove it and is reported as guessed.
 *
 * A caption with its credit on the same line is recognised where the line is read (photos.ts).
 */
import { LIMITS } from '../model/schema';
import { labelAtLineStart } from './labels/shape';
import type { Line } from './lines';
import { creditLine, fitsCaption } from './photos';

export interface PhotoMark {
  /** The line the photo takes the place of (its first line). */
  at: number;
  /** Every line the photo is made of, by index. */
  lines: number[];
  caption: string;
  credit: string;
  /** The caption was inferred (wrapped lines joined, or a line after an image placeholder). */
  guessed: boolean;
  /** A credit with no caption above it. */
  noCaption: boolean;
  /** The line the caption starts on (for the report), when there is a caption. */
  captionLine?: number;
}

export interface CaptionScan {
  photos: PhotoMark[];
  /** Lines that belong to a photo, by index. */
  used: boolean[];
  /** `Image copyright …` lines with no caption: page furniture. */
  copyrightAlone: number[];
}

const COPYRIGHT = /^(?:Image copyright|Bản quyền hình ảnh|Bản quyền ảnh)\s+(.+)$/iu;
const IMAGE_CAPTION = /^(?:Image caption|Chú thích hình ảnh|Chú thích ảnh)\s+(.+)$/iu;
const PLACEHOLDER = /^(?:\[(?:ảnh|hình|hình ảnh|image|photo|picture|img|ảnh minh họa|ảnh minh hoạ)\b[^\]]*\]|<img\b[^>]*>|\((?:ảnh|hình|image|photo)\)|[\w.-]+\.(?:jpe?g|png|gif|webp|tiff?))$/iu;

/**
 * A line that starts like a turn (`* Ông A: …`, or a long `Name: …` paragraph) is never taken as
 * the caption above a credit: in text whose paragraph breaks were lost, it is the answer the caption
 * ran into, and a photo without a caption (reported) is better than a lost answer.
 */
function turnLike(text: string): boolean {
  const c = labelAtLineStart(text);
  return c !== null && c.separator === 'colon' && (c.bullet !== '' || text.length > 250);
}

/** A caption's line ends mid-sentence and the next one goes on in lower case: one caption, wrapped. */
const continues = (upper: string, lower: string) => !/[.?!…:;"”)]$/.test(upper) && /^[\p{Ll}\p{N}(]/u.test(lower);
const MAX_CAPTION_LINES = 3;

export const isPhotoMarker = (text: string): boolean => PLACEHOLDER.test(text) || COPYRIGHT.test(text) || IMAGE_CAPTION.test(text) || creditLine(text) !== null;

export function findPhotos(lines: readonly Line[]): CaptionScan {
  const used = lines.map(() => false);
  const photos: PhotoMark[] = [];
  const copyrightAlone: number[] = [];
  const blank = (i: number) => i < 0 || i >= lines.length || lines[i]!.text === '';
  /** The nearest non-blank line after (or before) i, across at most one blank line. */
  const nextLine = (i: number) => (!blank(i + 1) ? i + 1 : !blank(i + 2) ? i + 2 : -1);
  const prevLine = (i: number) => (!blank(i - 1) ? i - 1 : !blank(i - 2) ? i - 2 : -1);
  const add = (mark: PhotoMark) => {
    for (const i of mark.lines) used[i] = true;
    photos.push(mark);
  };

  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text === '' || used[i]) continue;
    const copyright = COPYRIGHT.exec(text);
    if (copyright) {
      const next = nextLine(i);
      const prev = prevLine(i);
      const below = next >= 0 && !used[next] ? IMAGE_CAPTION.exec(lines[next]!.text) : null;
      const above = !below && prev >= 0 && !used[prev] ? IMAGE_CAPTION.exec(lines[prev]!.text) : null;
      if (below) add({ at: i, lines: [i, next], caption: below[1]!.trim(), credit: copyright[1]!.trim(), guessed: false, noCaption: false });
      else if (above) add({ at: prev, lines: [prev, i], caption: above[1]!.trim(), credit: copyright[1]!.trim(), guessed: false, noCaption: false });
      else {
        copyrightAlone.push(i);
        used[i] = true;
      }
      continue;
    }
    const caption = IMAGE_CAPTION.exec(text);
    if (caption) {
      const next = nextLine(i);
      if (next >= 0 && COPYRIGHT.test(lines[next]!.text)) continue; // paired when its copyright line is reached
      add({ at: i, lines: [i], caption: caption[1]!.trim(), credit: '', guessed: false, noCaption: false });
      continue;
    }
    if (PLACEHOLDER.test(text)) {
      // The caption, if any, is the line right after the placeholder; a credit under it proves it.
      const next = nextLine(i);
      const candidate = next >= 0 && !used[next] ? lines[next]!.text : '';
      const isCaption = candidate !== '' && candidate.length <= 300 && creditLine(candidate) === null && labelAtLineStart(candidate) === null && !PLACEHOLDER.test(candidate);
      if (!isCaption) {
        add({ at: i, lines: [i], caption: '', credit: '', guessed: false, noCaption: false });
        continue;
      }
      const creditAt = next + 1 < lines.length && lines[next + 1]!.text !== '' ? next + 1 : -1;
      const credit = creditAt >= 0 ? creditLine(lines[creditAt]!.text) : null;
      add({ at: i, lines: credit !== null ? [i, next, creditAt] : [i, next], caption: candidate, credit: credit ?? '', guessed: credit === null, noCaption: false, captionLine: next });
      continue;
    }
  }

  // Credit lines, and the caption above each in the same block.
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text === '' || used[i]) continue;
    const credit = creditLine(text);
    if (credit === null) continue;
    const first = i - 1;
    if (first < 0 || blank(first) || used[first] || !fitsCaption(lines[first]!.text) || creditLine(lines[first]!.text) !== null || turnLike(lines[first]!.text)) {
      add({ at: i, lines: [i], caption: '', credit, guessed: false, noCaption: true });
      continue;
    }
    let top = first;
    let caption = lines[first]!.text;
    while (first - top + 1 < MAX_CAPTION_LINES && top > 0 && !blank(top - 1) && !used[top - 1] && continues(lines[top - 1]!.text, lines[top]!.text)) {
      const joined = `${lines[top - 1]!.text} ${caption}`;
      if (joined.length > LIMITS.longField || labelAtLineStart(lines[top - 1]!.text) !== null) break;
      caption = joined;
      top--;
    }
    const span = Array.from({ length: i - top + 1 }, (_, k) => top + k);
    add({ at: top, lines: span, caption, credit, guessed: top < first, noCaption: false, captionLine: top });
  }
  photos.sort((a, b) => a.at - b.at);
  return { photos, used, copyrightAlone };
}
