/**
 * Putting pasted text into the document, as plain functions of a Slate editor (unit-tested
 * without a browser):
 *
 * - an interview in the agency layout becomes turns and photos at the caret; its speakers join
 *   the document's participants, taking the place of default ones no turn names. Pasted into an
 *   empty document, it is an import: the same preview as Import opens (import-offers.ts), and
 *   accepted, the document takes what Import would have made of the text, metadata and language
 *   included (shared/import/accept-import.ts, one function for both). This goes through the
 *   editor's `insertInterview` (slate-types.ts), so a plugin can record it instead (Suggesting:
 *   review/with-suggestions.ts, which inserts it as suggestions without a preview);
 *   `plainInsertInterview` is what it does otherwise;
 * - other text becomes paragraphs at the caret (a single line is typed in place), through
 *   `insertText` and `insertFragment`, which such a plugin overrides too.
 *
 * Nothing is inserted when the result could not be saved (more blocks or speakers than the
 * document format allows): the caller tells the writer instead.
 */
import { Editor, Element, Node, Range, Transforms } from 'slate';
import { acceptImport } from '../../../../shared/import/accept-import';
import type { ImportResult } from '../../../../shared/import/agency-text';
import type { ImportDraft } from '../../../../shared/import/preview-edits';
import { adoptIncomingSpeakers, speakerIdsInUse } from '../../../../shared/model/participants';
import { LIMITS, type Block, type Meta, type Paragraph, type Turn } from '../../../../shared/model/schema';
import { getEditorEnv } from '../editor-context';
import type { PastedInterview } from '../slate-types';
import { importOffers } from './import-offers';
import type { PasteProblem } from './paste-notices';

const paragraph = (text: string): Paragraph => ({ type: 'paragraph', children: [{ text }] });
const isTurn = (n: Node | undefined): n is Turn => Element.isElement(n) && n.type === 'turn';

/** Nothing written yet: only empty paragraphs (a new interview has one). */
export function isEmptyDocument(editor: Editor): boolean {
  return editor.children.every((b) => Element.isElement(b) && b.type === 'paragraph' && Node.string(b) === '');
}

/** Length of the paragraph the caret is in (0 at a photo or with no caret). */
function caretParagraphLength(editor: Editor): number {
  if (!editor.selection) return 0;
  const entry = Editor.above(editor, { at: editor.selection, match: (n) => Element.isElement(n) && n.type === 'paragraph' });
  return entry ? Node.string(entry[0]).length : 0;
}

/** Text typed in at the caret; false if the paragraph would grow beyond what the model holds. */
export function insertInline(editor: Editor, text: string): boolean {
  if (caretParagraphLength(editor) + text.length > LIMITS.paragraphText) return false;
  if (text !== '') editor.insertText(text);
  return true;
}

/** Paragraphs at the caret; false (nothing inserted) if they would overfill the document, the turn or the paragraph. */
export function insertParagraphs(editor: Editor, texts: readonly string[]): boolean {
  if (texts.length === 0) return true;
  // The first and last pasted paragraphs join the text before and after the caret.
  if (caretParagraphLength(editor) + texts[0]!.length + (texts.length > 1 ? texts[texts.length - 1]!.length : 0) > LIMITS.paragraphText) return false;
  if (texts.length === 1) {
    editor.insertText(texts[0]!);
    return true;
  }
  const top = editor.selection ? Range.start(editor.selection).path[0]! : editor.children.length - 1;
  const inTurn = isTurn(editor.children[top]) && (editor.selection?.anchor.path.length ?? 0) > 2;
  const room = inTurn ? LIMITS.blocksPerTurn - (editor.children[top] as Turn).children.length : LIMITS.bodyBlocks - editor.children.length;
  if (texts.length > room) return false;
  if (!editor.selection) Transforms.select(editor, Editor.end(editor, []));
  // insertFragment joins the first and last paragraphs to the text around the caret, as a paste should.
  Transforms.insertFragment(editor, texts.map(paragraph));
  return true;
}

/** Where top-level blocks go: at an empty paragraph (replacing it), before or after the block at the caret, or into it split at the caret. */
function topLevelInsertionIndex(editor: Editor): number {
  if (!editor.selection) return editor.children.length;
  if (Range.isExpanded(editor.selection)) Transforms.delete(editor);
  const point = editor.selection.anchor;
  const top = point.path[0]!;
  const block = editor.children[top]!;
  if (Element.isElement(block) && block.type === 'paragraph' && Node.string(block) === '') {
    Transforms.removeNodes(editor, { at: [top] });
    return top;
  }
  if (Element.isElement(block) && block.type === 'photo') return top + 1;
  if (Editor.isStart(editor, point, [top])) return top;
  if (Editor.isEnd(editor, point, [top])) return top + 1;
  // In the middle of a paragraph or turn: split it there; the pasted blocks go between the halves.
  Transforms.splitNodes(editor, { at: point, match: (_, path) => path.length === 1, always: true });
  return top + 1;
}

const HEADER_FIELDS = ['section', 'headline', 'location', 'sapo', 'byline', 'source'] as const;

/** The metadata the pasted text supplied, for the document's empty fields. */
function suppliedMeta(meta: ImportResult['meta']): Partial<Meta> {
  const out: Partial<Meta> = {};
  for (const field of HEADER_FIELDS) if (meta[field]) out[field] = meta[field];
  return out;
}

/**
 * An imported interview at the caret. Its speakers are adopted (one with the same label as a
 * participant is that participant) and its turns point at the document's ids for them. Into an
 * empty document it replaces the empty paragraph and fills the empty metadata; elsewhere its
 * header and byline, if any, stay as paragraphs so that no pasted text is lost. Returns why
 * nothing was pasted, or null.
 */
export function insertImported(editor: Editor, imported: ImportResult): PasteProblem | null {
  const env = getEditorEnv(editor);
  const empty = isEmptyDocument(editor);
  const { meta } = imported;
  // Copied by adoptSpeakers, which gives the turns the document's speaker ids.
  const body: Block[] = [...imported.doc.body];
  if (!empty) {
    const header = [meta.section, meta.headline, meta.location, meta.sapo].filter((s): s is string => !!s);
    body.unshift(...header.map(paragraph));
    if (meta.byline) body.push(paragraph(meta.byline));
  }
  const keptBlocks = empty ? 0 : editor.children.length;
  const speakers = imported.doc.participants;
  const adopted = adoptIncomingSpeakers(env.participantsNow(), speakers, speakerIdsInUse(editor.children as Block[]));
  if (keptBlocks + body.length > LIMITS.bodyBlocks || adopted.participants.length > LIMITS.participants) return { kind: 'too_many_parts' };
  const pasted: PastedInterview = { blocks: body, speakers, ...(empty ? { meta: suppliedMeta(meta), imported } : {}) };
  return editor.insertInterview(pasted) ? null : { kind: 'not_here_while_suggesting' };
}

/** The pasted speakers made the document's participants; the blocks with their turns pointing at them. */
export function adoptSpeakers(editor: Editor, pasted: PastedInterview): Block[] {
  const blocks = structuredClone(pasted.blocks);
  const idMap = pasted.speakers.length > 0 ? getEditorEnv(editor).adoptParticipants(pasted.speakers, { replaceUnusedDefaults: true }) : {};
  for (const block of blocks) if (block.type === 'turn') block.speakerId = idMap[block.speakerId] ?? block.speakerId;
  return blocks;
}

/** The editor's whole body replaced by `body`, the caret at its end. */
function replaceWholeBody(editor: Editor, body: Block[]): void {
  Editor.withoutNormalizing(editor, () => {
    for (let i = editor.children.length - 1; i >= 0; i--) Transforms.removeNodes(editor, { at: [i] });
    Transforms.insertNodes(editor, body, { at: [0], select: false });
    Transforms.select(editor, Editor.end(editor, [body.length - 1]));
  });
}

/**
 * The preview of a text interview pasted into an empty document, accepted: the document takes the
 * content Import would have made of it (accept-import.ts), in one undo step. Should the document
 * have been written in meanwhile, the interview goes in at the caret like any paste into a written
 * document, with the speakers as the preview left them.
 */
export function acceptPastedImport(editor: Editor, result: ImportResult, draft: ImportDraft): PasteProblem | null {
  importOffers(editor).clear();
  const env = getEditorEnv(editor);
  if (!isEmptyDocument(editor) || !env.takeImported || !env.metaNow) {
    const accepted = acceptImport(result, draft);
    return insertImported(editor, { ...result, doc: { ...result.doc, ...accepted } });
  }
  const content = acceptImport(result, draft, { meta: env.metaNow(), participants: env.participantsNow() });
  env.takeImported({ meta: content.meta, participants: content.participants }, () => replaceWholeBody(editor, content.body));
  return null;
}

/** `insertInterview`, plainly (see insertImported). */
export function plainInsertInterview(editor: Editor, pasted: PastedInterview): boolean {
  // Into an empty document, a text interview is an import: its preview first (PastedImportPreview.tsx).
  if (pasted.imported && pasted.meta && getEditorEnv(editor).takeImported) {
    importOffers(editor).offer(pasted.imported);
    return true;
  }
  const body = adoptSpeakers(editor, pasted);
  Editor.withoutNormalizing(editor, () => {
    let at: number;
    if (pasted.meta) {
      for (let i = editor.children.length - 1; i >= 0; i--) Transforms.removeNodes(editor, { at: [i] });
      at = 0;
    } else {
      at = topLevelInsertionIndex(editor);
    }
    Transforms.insertNodes(editor, body, { at: [at], select: false });
    Transforms.select(editor, Editor.end(editor, [at + body.length - 1]));
  });
  if (pasted.meta) getEditorEnv(editor).adoptMeta(pasted.meta);
  return true;
}
