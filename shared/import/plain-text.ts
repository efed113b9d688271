/**
 * Plain text that is not an interview, as paragraphs: one per line, or one per blank-line block
 * when the text is hard-wrapped. Lines are cleaned as the importer cleans them (NFC, no control
 * or invisible characters, ordinary spaces) and overlong ones are split to fit the model.
 */
import { isHardWrapped, joinWrapped, prepareLines, toBlocks } from './lines';

const BULLETED = /^(?:[*•▪]\s|[-–—]\s)/;

export function plainTextParagraphs(text: string): string[] {
  const blocks = toBlocks(prepareLines(text));
  // A bulleted line starts an item of its own even in hard-wrapped text.
  if (!isHardWrapped(blocks, (line) => BULLETED.test(line.text))) return blocks.flat().map((line) => line.text);
  return blocks.flatMap((block) => {
    const out: string[][] = [];
    for (const line of block) {
      if (out.length === 0 || BULLETED.test(line.text)) out.push([line.text]);
      else out[out.length - 1]!.push(line.text);
    }
    return out.map(joinWrapped);
  });
}
