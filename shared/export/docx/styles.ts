/**
 * The Word styles of the export, by id. The ids are the contract with a desk's Word template (which
 * restyles them by id) and with the importer (which reads a paragraph's role from its style), so they
 * are plain English names that never change with the document's language; docs/wordprocessingml.md
 * lists them.
 */
import type { IParagraphStyleOptions, ICharacterStyleOptions } from 'docx';

export const STYLE = {
  headline: 'Headline',
  subheadline: 'Subheadline',
  sapo: 'Sapo',
  byline: 'Byline',
  meta: 'StoryDetails',
  intro: 'Intro',
  question: 'Question',
  answer: 'Answer',
  photo: 'Photo',
  caption: 'Caption',
  credit: 'Credit',
  /** A character style: the speaker label that opens a turn. */
  speaker: 'Speaker',
} as const;

/** Sizes in half-points, spacing in twentieths of a point (Word's units). */
export const PARAGRAPH_STYLES: readonly IParagraphStyleOptions[] = [
  { id: STYLE.headline, name: 'Headline', basedOn: 'Normal', next: STYLE.subheadline, quickFormat: true, run: { bold: true, size: 40 }, paragraph: { spacing: { after: 160 }, keepNext: true } },
  { id: STYLE.subheadline, name: 'Subheadline', basedOn: 'Normal', next: STYLE.sapo, quickFormat: true, run: { size: 28 }, paragraph: { spacing: { after: 160 }, keepNext: true } },
  { id: STYLE.sapo, name: 'Sapo', basedOn: 'Normal', next: STYLE.byline, quickFormat: true, run: { bold: true }, paragraph: { spacing: { after: 200 } } },
  { id: STYLE.byline, name: 'Byline', basedOn: 'Normal', next: STYLE.intro, quickFormat: true, run: { italics: true }, paragraph: { spacing: { after: 120 } } },
  { id: STYLE.meta, name: 'Story details', basedOn: 'Normal', next: STYLE.intro, run: { size: 18, color: '595959' }, paragraph: { spacing: { after: 240 } } },
  { id: STYLE.intro, name: 'Intro', basedOn: 'Normal', next: STYLE.question, quickFormat: true, paragraph: { spacing: { after: 160 } } },
  { id: STYLE.question, name: 'Question', basedOn: 'Normal', next: STYLE.answer, quickFormat: true, run: { bold: true }, paragraph: { spacing: { before: 120, after: 120 } } },
  { id: STYLE.answer, name: 'Answer', basedOn: 'Normal', next: STYLE.question, quickFormat: true, paragraph: { spacing: { after: 120 } } },
  { id: STYLE.photo, name: 'Photo', basedOn: 'Normal', next: STYLE.caption, paragraph: { spacing: { before: 120 }, keepNext: true } },
  { id: STYLE.caption, name: 'Caption', basedOn: 'Normal', next: STYLE.credit, quickFormat: true, run: { italics: true, size: 20 }, paragraph: { keepNext: true } },
  { id: STYLE.credit, name: 'Credit', basedOn: 'Normal', next: STYLE.answer, quickFormat: true, run: { size: 18 }, paragraph: { spacing: { after: 160 } } },
];

export const CHARACTER_STYLES: readonly ICharacterStyleOptions[] = [{ id: STYLE.speaker, name: 'Speaker', basedOn: 'DefaultParagraphFont', quickFormat: true, run: { bold: true } }];
