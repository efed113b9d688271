/**
 * Why the last paste inserted nothing, per editor. The paste plugin runs inside Slate's
 * insertData, outside React; it reports here and PasteAlert.tsx shows the message.
 */
import { EditorReport, perEditor } from '../editor-report';

export type PasteProblem =
  /** The clipboard holds more text than one paste may bring (`size` and `max` in characters). */
  | { kind: 'too_large'; size: number; max: number }
  /** The text makes more paragraphs, turns and photos than one paste may bring. */
  | { kind: 'too_many_blocks'; count: number; max: number }
  /** The paste would make the interview longer, or bring more speakers, than a document can hold. */
  | { kind: 'too_many_parts' }
  /**
   * Suggesting: the pasted interview has paragraphs outside its turns (an intro, a header, a byline),
   * and tracked changes can place such a paragraph only beside one already outside the turns
   * (review/structure-edits.ts `insertBlocksEdits`); put anywhere else, its words would be a speaker's.
   */
  | { kind: 'not_here_while_suggesting' };

export class PasteNotices extends EditorReport<PasteProblem> {
  /** Each paste reports its outcome; null (a paste that worked) clears the message. */
  show(problem: PasteProblem | null): void {
    this.report(problem);
  }
}

export const pasteNotices = perEditor(() => new PasteNotices());
