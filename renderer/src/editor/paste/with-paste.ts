/**
 * Paste (and drop) of text. Slate hands the clipboard to `insertData`; this plugin decides what
 * the text becomes:
 *
 * - the app's own copied content (a Slate fragment) is inserted as Slate does, once checked
 *   against the document model — except a copy across turns, which goes in as turns with their
 *   speakers (copied beside the fragment), so no word changes speaker on the way;
 * - text in the agency layout (the importer finds speaker turns) becomes turns and photos
 *   (insert-pasted.ts); other text becomes paragraphs;
 * - HTML is reduced to the text of its blocks first (html-to-text.ts), so no foreign styles,
 *   scripts or remote images get in;
 * - a paste too large to handle is refused with a message (PasteAlert.tsx) instead of freezing the
 *   window, and the document is left as it was.
 *
 * Image files are another plugin's (withPhotos, which wraps this one); data with no text falls
 * through. Nothing is transformed while an input method is composing.
 *
 * What the paste becomes goes in through the editor's methods (`insertInterview`, `insertText`,
 * `insertFragment`), never through transforms of its own, so Suggesting (review/with-suggestions.ts)
 * records a paste as it records typing and structural changes. This plugin gives
 * `insertInterview` its plain behaviour (insert-pasted.ts).
 */
import { Element, type Editor } from 'slate';
import { ReactEditor } from 'slate-react';
import { z } from 'zod';
import { importAgencyText } from '../../../../shared/import/agency-text';
import { cleanInlineText } from '../../../../shared/import/lines';
import { plainTextParagraphs } from '../../../../shared/import/plain-text';
import { normalizeInterview } from '../../../../shared/model/normalize';
import { blockSchema, LIMITS, participantSchema, type Block, type Participant } from '../../../../shared/model/schema';
import { validateInterview } from '../../../../shared/model/validate';
import { getEditorEnv } from '../editor-context';
import { htmlToText } from './html-to-text';
import { insertImported, insertInline, insertParagraphs, plainInsertInterview } from './insert-pasted';
import { pasteNotices } from './paste-notices';

/**
 * The most text one paste may bring, in characters: many times the longest interview, and
 * small enough that parsing and rendering it keeps the window responsive.
 */
export const MAX_PASTE_CHARS = 500_000;
/**
 * The most blocks (paragraphs, turns, photos) one paste may bring. Ten thousand short lines fit in
 * the character limit but take Slate seconds to insert and render; a long interview has a few hundred.
 */
export const MAX_PASTE_BLOCKS = 5_000;
/** HTML carries markup around its text; it may be this much larger before it is ignored. */
const HTML_OVERHEAD = 4;

const SLATE_FRAGMENT = 'application/x-slate-fragment';
const LINE_BREAK = /[\r\n\u2028\u2029\u0085]/;
/** A longer line goes through the paragraph path, which splits what the model cannot hold in one paragraph. */
const INLINE_MAX = 10_000;
const fragmentSchema = z.array(blockSchema).min(1);

type ClipboardData = Pick<DataTransfer, 'getData'>;

/**
 * The app's own copied blocks, if the data carries them: 'valid' (with the blocks) when they fit
 * the document model, 'invalid' when something claims to be a fragment but is not one of ours.
 */
function slateFragment(data: ClipboardData): { kind: 'none' | 'invalid' } | { kind: 'valid'; blocks: Block[] } {
  const encoded = data.getData(SLATE_FRAGMENT) || /data-slate-fragment="(.+?)"/m.exec(data.getData('text/html'))?.[1];
  if (!encoded) return { kind: 'none' };
  try {
    const parsed = fragmentSchema.safeParse(JSON.parse(decodeURIComponent(atob(encoded))));
    return parsed.success ? { kind: 'valid', blocks: parsed.data } : { kind: 'invalid' };
  } catch {
    return { kind: 'invalid' };
  }
}

/**
 * Who speaks in copied turns, put beside the fragment on copy: a fragment names speakers by id,
 * and ids mean different people in different interviews (p3 is one guest here, another there).
 */
const SPEAKERS = 'application/x-interview-desk-speakers';
const speakersSchema = z.array(participantSchema).max(LIMITS.participants);

function copiedSpeakers(data: ClipboardData): Participant[] | null {
  try {
    const parsed = speakersSchema.safeParse(JSON.parse(data.getData(SPEAKERS)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * A copy that crosses a turn boundary (more than one block, one of them a turn) carries words of
 * more than one speaker, or of a speaker and the intro. Slate's own paste would pour them all into
 * the paragraph at the caret — into the mouth of whoever speaks there. Within one turn, a copy is
 * words (a reporter quoting a phrase back), and Slate's paste is right.
 */
const crossesTurns = (blocks: readonly Block[]) => blocks.length > 1 && blocks.some((b) => b.type === 'turn');

/** Insert pasted text; false when it was refused (the notice says why). */
export function insertPastedText(editor: Editor, text: string): boolean {
  const notices = pasteNotices(editor);
  if (text.length > MAX_PASTE_CHARS) {
    notices.show({ kind: 'too_large', size: text.length, max: MAX_PASTE_CHARS });
    return false;
  }
  // The text's own language (read from the text, as Import reads it), not the screen's or the document's.
  const imported = importAgencyText(text, { id: 'pasted' });
  const isInterview = imported.report.turns.length > 0 && validateInterview(normalizeInterview(imported.doc)).ok;
  // A piece of one line is typed in where the caret is, spaces and all.
  const inline = !isInterview && !LINE_BREAK.test(text) && text.length <= INLINE_MAX;
  const paragraphs = isInterview || inline ? [] : plainTextParagraphs(text);
  const blocks = isInterview ? imported.doc.body.reduce((n, b) => n + 1 + (b.type === 'turn' ? b.children.length : 0), 0) : paragraphs.length;
  if (blocks > MAX_PASTE_BLOCKS) {
    notices.show({ kind: 'too_many_blocks', count: blocks, max: MAX_PASTE_BLOCKS });
    return false;
  }
  const problem = isInterview
    ? insertImported(editor, imported)
    : (inline ? insertInline(editor, cleanInlineText(text)) : insertParagraphs(editor, paragraphs))
      ? null
      : { kind: 'too_many_parts' as const };
  notices.show(problem);
  return problem === null;
}

export function withPaste<E extends Editor>(editor: E): E {
  const { insertData, setFragmentData } = editor;

  editor.insertInterview = (pasted) => plainInsertInterview(editor, pasted);

  editor.setFragmentData = (data, originEvent) => {
    setFragmentData(data, originEvent);
    // The copied blocks as the editor holds them (what Slate just encoded), not decoded back.
    const used = new Set(editor.getFragment().flatMap((b) => (Element.isElement(b) && b.type === 'turn' ? [b.speakerId] : [])));
    data.setData(SPEAKERS, JSON.stringify(getEditorEnv(editor).participantsNow().filter((p) => used.has(p.id))));
  };

  editor.insertData = (data) => {
    // An input method is composing: leave the data to Slate untouched rather than end the composition.
    if (ReactEditor.isComposing(editor)) return insertData(data);
    const plain = data.getData('text/plain');
    const html = data.getData('text/html');
    // Files only (photos), or types we do not read: not ours.
    if (plain === '' && html === '') return insertData(data);

    // Sizes are checked before anything reads the text: a 10 MB paste must not freeze the window.
    const usablePlain = plain !== '' && plain.length <= MAX_PASTE_CHARS;
    const usableHtml = html !== '' && html.length <= MAX_PASTE_CHARS * HTML_OVERHEAD;
    if (!usablePlain && !usableHtml) {
      pasteNotices(editor).show({ kind: 'too_large', size: Math.max(plain.length, html.length), max: MAX_PASTE_CHARS });
      return;
    }

    const fragment = slateFragment(data);
    if (fragment.kind === 'valid') {
      const notices = pasteNotices(editor);
      notices.clear();
      if (!crossesTurns(fragment.blocks)) return insertData(data);
      const speakers = copiedSpeakers(data);
      if (speakers) {
        // Whole turns, each with its speaker (adopted by label, as an imported interview's are).
        if (!editor.insertInterview({ blocks: fragment.blocks, speakers })) notices.show({ kind: 'not_here_while_suggesting' });
        return;
      }
      // Speakers unknown (copied elsewhere): the text, through the importer, which reads labels it finds.
    }
    // The HTML's blocks when there is HTML (a Slate fragment that failed the check included), else the plain text.
    const fromHtml = usableHtml ? htmlToText(html) : '';
    insertPastedText(editor, fromHtml.trim() !== '' ? fromHtml : usablePlain ? plain : '');
  };

  return editor;
}
