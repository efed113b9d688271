/**
 * The story's slugline: the short keyword desks and wire systems file a story under (NITF
 * `anpa-keyword`/`du-key`, NewsML-G2 and ninjs `slugline`, the 7901 keyword line).
 *
 * The story's own slug when it has one. Otherwise one is made from the headline, because every
 * receiver files by it and an empty one is refused or replaced by something worse (the 7901
 * keyword line used to fall back to the section): the headline's first words, transliterated to
 * ASCII (sluglines travel through 7-bit formats), joined by `-`, as many whole words as fit in
 * SLUGLINE_MAX characters — the ANPA keyword limit, the shortest any receiver has.
 */
import { toAscii } from './ascii';

export const SLUGLINE_MAX = 24;

export function sluglineFrom(slug: string, headline: string): string {
  if (slug !== '') return slug;
  const words = toAscii(headline)
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
  let slugline = '';
  for (const word of words) {
    const next = slugline === '' ? word : `${slugline}-${word}`;
    if (next.length > SLUGLINE_MAX) break;
    slugline = next;
  }
  // A first word longer than the limit is cut rather than dropped.
  return slugline === '' && words.length > 0 ? words[0]!.slice(0, SLUGLINE_MAX) : slugline;
}
