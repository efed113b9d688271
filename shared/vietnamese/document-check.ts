/**
 * The language checks over a whole interview, for the export preflight: the headline,
 * subheadline and sapo, every body paragraph (intro, answers, closing) and every photo caption.
 * Participants' labels and names are exempt, as in the editor.
 */
import type { Block, Interview, Paragraph, Photo } from '../model/schema';
import { checkText, type TextCheckOptions } from './check-text';
import { participantWords, WordExemptions } from './exemptions';
import type { TextFinding } from './findings';
import type { SpellingOptions } from './spelling';

export type CheckedField = 'headline' | 'subheadline' | 'sapo';

export interface PlaceFindings {
  /** Body path (Slate path) of the paragraph or photo; null for a metadata field. */
  path: number[] | null;
  field: CheckedField | null;
  findings: TextFinding[];
}

/** What the document check needs: the house style, the dictionaries it has, extra exempt words. */
export type DocumentCheckOptions = Omit<SpellingOptions, 'language'> & { personalDictionary?: readonly string[] };

const paragraphText = (p: Paragraph) => p.children.map((leaf) => leaf.text).join('');

export function checkDocument(doc: Interview, options: DocumentCheckOptions): PlaceFindings[] {
  const exempt = new WordExemptions([...participantWords(doc.participants), ...(options.personalDictionary ?? [])]);
  const check: TextCheckOptions = { ...options, language: doc.meta.language, exempt };
  const out: PlaceFindings[] = [];
  const add = (text: string, path: number[] | null, field: CheckedField | null) => {
    const findings = checkText(text, check);
    if (findings.length > 0) out.push({ path, field, findings });
  };
  for (const field of ['headline', 'subheadline', 'sapo'] as const) add(doc.meta[field], null, field);
  const visit = (block: Block | Photo | Paragraph, path: number[]) => {
    if (block.type === 'paragraph') add(paragraphText(block), path, null);
    else if (block.type === 'photo') add(block.caption, path, null);
    else block.children.forEach((child, j) => visit(child, [...path, j]));
  };
  doc.body.forEach((block, i) => visit(block, [i]));
  return out;
}
