/**
 * Export an interview as agency plain text, in the layout the agency publishes interviews in (the
 * one shared/import/agency-text.ts reads):
 *
 *   section, headline, location, sapo      one block each, when set
 *   body                                   intro paragraphs; `* Label: ` before a turn's first
 *                                          paragraph; a photo as its caption line and `Ảnh: credit`
 *   byline
 *
 * Blocks are separated by one blank line and the text ends with one newline. The output depends on
 * the document only, so the same document always gives the same bytes; importing a published
 * agency interview and exporting it gives the text back up to its byline.
 */
import type { Block, Interview, Language, Paragraph, Photo, Turn } from '../model/schema';

const CREDIT_MARKER: Record<Language, string> = { vi: 'Ảnh', en: 'Photo' };

const paragraphText = (p: Paragraph) => p.children.map((leaf) => leaf.text).join('');

/** A caption line and its credit line; a photo with no credit still gets the marker, so it reads back as a photo. */
function photoBlock(photo: Photo, language: Language): string {
  const credit = photo.credit === '' ? `${CREDIT_MARKER[language]}:` : `${CREDIT_MARKER[language]}: ${photo.credit}`;
  return photo.caption === '' ? credit : `${photo.caption}\n${credit}`;
}

function turnBlocks(turn: Turn, label: string, language: Language): string[] {
  const out: string[] = [];
  let labelled = false;
  for (const child of turn.children) {
    if (child.type === 'photo') {
      // A turn that opens with a photo still names its speaker first.
      if (!labelled) out.push(`* ${label}:`);
      labelled = true;
      out.push(photoBlock(child, language));
      continue;
    }
    const text = paragraphText(child);
    if (text === '') continue;
    out.push(labelled ? text : `* ${label}: ${text}`);
    labelled = true;
  }
  if (!labelled) out.push(`* ${label}:`);
  return out;
}

export function exportAgencyText(doc: Interview): string {
  const { meta } = doc;
  const labels = new Map(doc.participants.map((p) => [p.id, p.label]));
  const blocks: string[] = [meta.section, meta.headline, meta.location, meta.sapo].filter((s) => s !== '');
  const add = (block: Block) => {
    if (block.type === 'paragraph') {
      const text = paragraphText(block);
      if (text !== '') blocks.push(text);
    } else if (block.type === 'photo') {
      blocks.push(photoBlock(block, meta.language));
    } else {
      blocks.push(...turnBlocks(block, labels.get(block.speakerId) ?? block.speakerId, meta.language));
    }
  };
  doc.body.forEach(add);
  if (meta.byline !== '') blocks.push(meta.byline);
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}
