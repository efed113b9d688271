/**
 * `suggest(doc, edits, author, clock)`: the edits recorded as suggestions instead of applied.
 *
 * Positions address the accepted view (edits.ts), and each edit is recorded so that, step by step,
 *   acceptedView(suggest(doc, edits)) ≡ edit(doc, edits)    and    originalView(suggest(doc, edits)) ≡ originalView(doc)
 * (≡: equal after normalizeInterview). What each kind of edit leaves in the tree is described in
 * suggest-text.ts, suggest-blocks.ts and suggest-values.ts; the stored shape is in schema.ts.
 */
import type { Interview } from '../model/schema';
import { EditError, type Edit } from './edits';
import { acceptedBlocks } from './layout';
import { Session, sequentialIds, type Author, type Clock, type IdSource } from './session';
import { insertPhoto, insertTurn, movePhoto, removePhoto, removeTurn } from './suggest-blocks';
import { deleteText, insertText, mergeParagraphs, splitParagraph } from './suggest-text';
import { setMeta, setPhotoText, setSpeaker } from './suggest-values';

export type { Author, Clock, IdSource } from './session';

function record(s: Session, e: Edit): void {
  switch (e.type) {
    case 'insertText':
      return insertText(s, e, e.at, e.text, e.marks);
    case 'deleteText':
      return deleteText(s, e, e.at, e.length);
    case 'replaceText':
      return deleteText(s, e, e.at, e.length, { text: e.text, marks: e.marks });
    case 'splitParagraph':
      return splitParagraph(s, e, e.at);
    case 'mergeParagraphs':
      return mergeParagraphs(s, e, e.at);
    case 'insertTurn':
      return insertTurn(s, e, e.at, e.speakerId, e.text);
    case 'removeTurn':
      return removeTurn(s, e, e.at);
    case 'setSpeaker':
      return setSpeaker(s, e, e.at, e.speakerId);
    case 'insertPhoto':
      return insertPhoto(s, e, e.at, e.photo);
    case 'removePhoto':
      return removePhoto(s, e, e.at);
    case 'movePhoto':
      return movePhoto(s, e, e.from, e.to);
    case 'setPhotoText':
      return setPhotoText(s, e, e.at, e.field, e.value);
    case 'setMeta':
      return setMeta(s, e.field, e.value);
  }
}

/**
 * Record edits by one author as suggestions (a new document; `doc` is not touched). `newId` gives
 * suggestion ids; by default `s1`, `s2`, … not yet used in the document. Throws EditError when an
 * edit does not fit the document.
 */
export function suggest(doc: Interview, edits: readonly Edit[], author: Author, clock: Clock, newId: IdSource = sequentialIds(doc)): Interview {
  const s = new Session(doc, author, clock, newId);
  for (const e of edits) {
    record(s, e);
    if (acceptedBlocks(s.doc.body).length === 0) throw new EditError(e, 'the body keeps at least one block');
  }
  return s.finish();
}
