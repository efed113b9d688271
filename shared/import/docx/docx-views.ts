/**
 * One view of a Word document's text: each revision either taken or not, as the caller decides
 * (`takes`). Taking an insertion shows its text, taking a deletion hides it; a paragraph mark whose
 * insertion is not taken, or whose deletion is, joins its paragraph with the next, as Word does.
 * With every revision taken this is Word's "accept all"; with none, "reject all".
 */
import type { DocxParagraph, DocxPicture, DocxRun, Revision } from './read-docx';

export interface ViewParagraph {
  style: string | null;
  runs: DocxRun[];
  pictures: DocxPicture[];
}

const shown = (revision: Revision | null, takes: (r: Revision) => boolean) => revision === null || (revision.kind === 'ins') === takes(revision);

export function docxView(paragraphs: readonly DocxParagraph[], takes: (r: Revision) => boolean): ViewParagraph[] {
  const out: ViewParagraph[] = [];
  let joining: ViewParagraph | null = null;
  for (const p of paragraphs) {
    const runs = p.runs.filter((r) => shown(r.revision, takes));
    const pictures = p.pictures.filter((r) => shown(r.revision, takes));
    const current: ViewParagraph = joining
      ? { style: joining.runs.length === 0 && joining.pictures.length === 0 ? p.style : joining.style, runs: [...joining.runs, ...runs], pictures: [...joining.pictures, ...pictures] }
      : { style: p.style, runs, pictures };
    const markGone = p.mark !== null && !shown(p.mark, takes);
    if (markGone) joining = current;
    else {
      out.push(current);
      joining = null;
    }
  }
  if (joining) out.push(joining);
  return out;
}

/** Every revision's author, in the order they first appear. */
export function revisionAuthors(paragraphs: readonly DocxParagraph[]): Revision[] {
  const out: Revision[] = [];
  for (const p of paragraphs) {
    if (p.mark) out.push(p.mark);
    for (const r of p.runs) if (r.revision) out.push(r.revision);
    for (const r of p.pictures) if (r.revision) out.push(r.revision);
  }
  return out;
}
