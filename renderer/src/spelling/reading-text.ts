/**
 * A paragraph's text as it will read: without the words a suggestion deletes. Spelling checks
 * this text, not the stored one, where a suggested replacement sits beside what it replaces
 * (`lập` struck, `xây` inserted, stored as `lậpxây`) and would be flagged as one misspelt word.
 *
 * Findings come back in reading offsets; `toParagraph` maps them to the paragraph's own offsets,
 * which the underlines, the menu and the fixes use. A finding across a struck piece (a letter
 * deleted inside a word) covers the struck piece too.
 */
import type { Paragraph } from '../../../shared/model/schema';
import { paragraphText } from '../find/find-matches';

export interface ReadingText {
  text: string;
  /** Whether any text is struck (else reading and paragraph offsets are the same). */
  struck: boolean;
  /** The paragraph range of the reading range [start, end): a struck run at `start` is before it, one at `end` after it. */
  toParagraph(start: number, end: number): { start: number; end: number };
}

const plain = (text: string): ReadingText => ({ text, struck: false, toParagraph: (start, end) => ({ start, end }) });

export function readingText(paragraph: Paragraph): ReadingText {
  // The usual paragraph has no struck text: no copy, no map.
  if (!paragraph.children.some((l) => l.del !== undefined)) return plain(paragraphText(paragraph));
  let text = '';
  // Each struck run: the reading offset it sits at, and how much is struck up to its end.
  const gaps: { at: number; struck: number }[] = [];
  let struck = 0;
  for (const leaf of paragraph.children) {
    if (leaf.del !== undefined) {
      struck += leaf.text.length;
      gaps.push({ at: text.length, struck });
    } else {
      text += leaf.text;
    }
  }
  const shift = (i: number, includeAt: boolean) => {
    let s = 0;
    for (const g of gaps) if (g.at < i || (includeAt && g.at === i)) s = g.struck;
    return s;
  };
  return { text, struck: true, toParagraph: (start, end) => ({ start: start + shift(start, true), end: end + shift(end, false) }) };
}
