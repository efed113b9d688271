/**
 * Where the review margin's cards go when they line up with the text: each card as near its
 * anchor's top as it can be, never above it (a card above its words reads as being about the line
 * before), never over the card before it, and in the order given (document order: swapping two
 * cards to save space would put a comment beside the wrong speaker's words).
 *
 * One pass, each card at the larger of its anchor and the bottom of the one before plus the gap.
 * That is the least push the three rules allow: no card can go higher without either leaving its
 * anchor or overlapping the card above, which by induction is itself as high as it can be.
 */
export function placeCards(anchorTops: readonly number[], cardHeights: readonly number[], gap: number): number[] {
  if (anchorTops.length !== cardHeights.length) throw new RangeError('one height a card');
  const tops: number[] = [];
  let free = -Infinity; // the first place the next card may start
  for (let i = 0; i < anchorTops.length; i++) {
    const top = Math.max(anchorTops[i]!, free);
    tops.push(top);
    free = top + Math.max(0, cardHeights[i]!) + gap;
  }
  return tops;
}
