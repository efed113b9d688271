/** Read-only views of a document's text, for listings, the search index and summaries. */
import type { Block, Interview } from './schema';

function blockTexts(block: Block, out: string[]): void {
  if (block.type === 'paragraph') out.push(block.children.map((l) => l.text).join(''));
  else if (block.type === 'photo') out.push(block.caption, block.credit);
  else for (const child of block.children) blockTexts(child, out);
}

/** Everything a reader could search for: metadata, speakers, body text and captions. */
export function searchableText(doc: Interview): string {
  const parts: string[] = [doc.meta.headline, doc.meta.subheadline, doc.meta.sapo, doc.meta.section, doc.meta.location, doc.meta.byline];
  for (const p of doc.participants) parts.push(p.label, p.fullName, p.title);
  for (const block of doc.body) blockTexts(block, parts);
  return parts.filter((s) => s !== '').join('\n');
}
