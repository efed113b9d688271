/**
 * Word and character counts of the interview body and of one turn. The body is the text the
 * reporter writes: intro, turns and closing paragraphs. Speaker labels are not text, and photo
 * captions and credits are not body copy.
 *
 * Counts are kept per paragraph node (Slate replaces a node when it changes, never mutates it),
 * so after an edit only the edited paragraphs are counted again.
 */
import { Element, type Descendant, type Editor } from 'slate';
import type { Paragraph } from '../../../shared/model/schema';
import { addCounts, countText, NO_COUNTS, type TextCounts } from '../../../shared/text/word-count';

const cache = new WeakMap<Paragraph, TextCounts>();

export function paragraphCounts(paragraph: Paragraph): TextCounts {
  let counts = cache.get(paragraph);
  if (!counts) {
    // The whole paragraph at once: a word may run across a bold or italic leaf boundary.
    counts = countText(paragraph.children.length === 1 ? paragraph.children[0]!.text : paragraph.children.map((l) => l.text).join(''));
    cache.set(paragraph, counts);
  }
  return counts;
}

/** A turn's counts are kept like a paragraph's: a body count after a keystroke recounts one turn. */
const turnCache = new WeakMap<object, TextCounts>();

export function blockCounts(block: Descendant): TextCounts {
  if (!Element.isElement(block)) return NO_COUNTS;
  if (block.type === 'paragraph') return paragraphCounts(block);
  if (block.type === 'turn') {
    let counts = turnCache.get(block);
    if (!counts) {
      counts = block.children.reduce((sum, child) => addCounts(sum, blockCounts(child)), NO_COUNTS);
      turnCache.set(block, counts);
    }
    return counts;
  }
  return NO_COUNTS;
}

export function bodyCounts(blocks: readonly Descendant[]): TextCounts {
  // Summed as numbers: one object for the result, not one per block (20,000 paragraphs).
  let words = 0;
  let characters = 0;
  for (const block of blocks) {
    const counts = blockCounts(block);
    words += counts.words;
    characters += counts.characters;
  }
  return { words, characters };
}

/** Index of the top-level turn that holds the caret (the focus end of the selection), or null. */
export function selectedTurnIndex(editor: Editor): number | null {
  const index = editor.selection?.focus.path[0];
  if (index === undefined) return null;
  const block = editor.children[index];
  return Element.isElement(block) && block.type === 'turn' ? index : null;
}
