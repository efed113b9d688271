/**
 * The Word export (docs/wordprocessingml.md): `docx` writes the stored document with its pending
 * suggestions as tracked changes and its comment threads as comments, for a Word user to review;
 * `docx-clean` writes the accepted view alone.
 */
import type { Interview } from '../../model/schema';
import type { ExportOptions } from '../options';
import { buildDocx, type DocxView } from './build';
import { packDocx } from './pack';
import { wordText } from './text';

export { DOCX_PROPERTY, WORD_LANGUAGE, acceptedText, type DocxView } from './build';
export { STYLE as DOCX_STYLE } from './styles';

export function exportDocx(doc: Interview, options: ExportOptions, view: DocxView): Uint8Array {
  const meta = doc.meta;
  const core = { title: meta.headline, creator: meta.byline, subject: meta.section, keywords: meta.keywords.join(', '), description: meta.sapo };
  return packDocx(buildDocx(doc, options, view), { ...core, title: wordText(core.title) }, options);
}
