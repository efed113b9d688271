/**
 * The interview as a Word document (the `docx` library's object model), decided here and packed by
 * pack.ts. Pure: no Node, no clock (every date comes from the document's records or the options),
 * so the same document gives the same bytes.
 *
 * Layout (docs/wordprocessingml.md): headline, subheadline, sapo, byline and a line of story details
 * at the top in their own styles; intro and closing paragraphs (Intro); each turn as paragraphs of
 * its speaker's role (Question for an interviewer, Answer for an interviewee), the first opening with
 * the speaker label in a run of its own (character style Speaker); photos as their caption and
 * credit paragraphs.
 *
 * In review (the `docx` format) the stored document is written with its pending suggestions as Word
 * revisions and its comment threads as Word comments; clean (`docx-clean`) is given the accepted
 * view and writes neither.
 */
import { CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, File, ImageRun, InsertedTextRun, Paragraph, TextRun, type ICommentOptions, type ParagraphChild } from 'docx';
import { printedCredit } from '../../model/photo-credit';
import type { CommentThread, Interview, Meta, Paragraph as ModelParagraph, Participant, Photo, Suggestion, TextLeaf, Turn } from '../../model/schema';
import { acceptedView } from '../../review';
import type { ExportOptions } from '../options';
import { DOCX_PROPERTY } from './properties';
import { sha256Hex } from './sha256';
import { CHARACTER_STYLES, PARAGRAPH_STYLES, STYLE } from './styles';
import { wordText } from './text';

/** `review`: suggestions as revisions and comments as comments (the stored document); `clean`: the accepted view alone. */
export type DocxView = 'review' | 'clean';

export { DOCX_PROPERTY };

/** The language Word proofs the text in. */
export const WORD_LANGUAGE = { vi: 'vi-VN', en: 'en-US' } as const;

/** The image types Word shows inline, by media type. */
const WORD_IMAGE_TYPE: Readonly<Record<string, 'jpg' | 'png' | 'gif' | 'bmp'>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/bmp': 'bmp' };

/** A text column of an A4 page with Word's default margins, in pixels at 96 to the inch (6.3 in). */
const MAX_PICTURE_WIDTH_PX = 605;

/** Who a revision or comment is by when its record is missing (damaged review state still exports). */
const UNKNOWN_AUTHOR = 'Interview Desk';

/**
 * The accepted text the file was made from, one line per paragraph (intro, turns' paragraphs
 * without their labels, then each photo's caption and printed credit where it stands), as its
 * SHA-256 is computed: an importer recomputes it from the version it sent to see whether that
 * version is the one the file came from.
 */
export function acceptedText(doc: Interview): string {
  const accepted = acceptedView(doc);
  const lines: string[] = [];
  const photo = (p: Photo) => lines.push(wordText(p.caption), wordText(printedCredit(p.credit, accepted.meta.language)));
  for (const block of accepted.body) {
    if (block.type === 'paragraph') lines.push(paragraphText(block));
    else if (block.type === 'photo') photo(block);
    else
      for (const child of block.children) {
        if (child.type === 'paragraph') lines.push(paragraphText(child));
        else photo(child);
      }
  }
  return lines.join('\n');
}

const paragraphText = (p: ModelParagraph) => p.children.map((leaf) => wordText(leaf.text)).join('');

/** A change a run is written as: inserted or deleted by the suggestion with this id. */
type Change = { kind: 'ins' | 'del'; id: string };

/** Word wants revision dates without fractions of a second. */
const wordDate = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

class Writer {
  private revisionId = 0;
  private readonly suggestions: ReadonlyMap<string, Suggestion>;
  private readonly participants: ReadonlyMap<string, Participant>;
  private readonly language: string;
  /** Leaves in body order, as the comment ranges count them. */
  private leafIndex = 0;
  private readonly opensAt = new Map<number, number[]>();
  private readonly closesAt = new Map<number, number[]>();
  /** Word comment ids of each thread (its first comment's, then its replies'). */
  private readonly commentIds = new Map<string, number[]>();
  readonly comments: ICommentOptions[] = [];

  /** Drawing ids, counted here: the library's own counter is process-wide, and the bytes would depend on earlier exports. */
  private drawingId = 1;

  constructor(
    private readonly doc: Interview,
    private readonly view: DocxView,
    private readonly options: ExportOptions,
  ) {
    this.suggestions = new Map((doc.review?.suggestions ?? []).map((s) => [s.id, s]));
    this.participants = new Map(doc.participants.map((p) => [p.id, p]));
    this.language = WORD_LANGUAGE[doc.meta.language];
    if (view === 'review') this.planComments();
  }

  /** Where each thread's range starts and ends, in leaves of the body; threads without text are anchored on the headline. */
  private planComments(): void {
    const first = new Map<string, number>();
    const last = new Map<string, number>();
    let index = 0;
    const visit = (p: ModelParagraph) => {
      for (const leaf of p.children) {
        for (const thread of leaf.comments ?? []) {
          if (!first.has(thread)) first.set(thread, index);
          last.set(thread, index);
        }
        index++;
      }
    };
    for (const block of this.doc.body) {
      if (block.type === 'paragraph') visit(block);
      else if (block.type === 'turn') for (const child of block.children) if (child.type === 'paragraph') visit(child);
    }
    let nextId = 0;
    for (const thread of this.doc.comments ?? []) {
      const id = nextId;
      nextId += thread.comments.length;
      this.commentIds.set(thread.id, thread.comments.map((_, i) => id + i));
      this.comments.push(...this.wordComments(thread, id, !first.has(thread.id)));
      const start = first.get(thread.id);
      const end = last.get(thread.id);
      if (start === undefined || end === undefined) continue;
      // Every comment of the thread, replies too, has the range and a reference in the text, as
      // Word writes them: LibreOffice shows a reply only where the text refers to it.
      const ids = thread.comments.map((_, i) => id + i);
      this.opensAt.set(start, [...(this.opensAt.get(start) ?? []), ...ids]);
      this.closesAt.set(end, [...(this.closesAt.get(end) ?? []), ...ids]);
    }
  }

  /** A thread as Word comments: the first, then its replies pointing at it; all marked done when it is resolved. */
  private wordComments(thread: CommentThread, firstId: number, orphaned: boolean): ICommentOptions[] {
    return thread.comments.map((comment, i) => {
      const lines = comment.text.split('\n');
      // A thread whose words are gone is kept on the headline, with the words it was opened on.
      if (i === 0 && orphaned && thread.quote !== '') lines.unshift(`“${thread.quote}”`);
      return {
        id: firstId + i,
        author: wordText(comment.authorName || comment.authorId),
        initials: initials(comment.authorName || comment.authorId),
        date: new Date(wordDate(comment.createdAt)),
        children: lines.map((line) => new Paragraph({ children: [new TextRun({ text: wordText(line), language: { value: this.language } })] })),
        ...(i > 0 ? { parentId: firstId } : {}),
        ...(thread.resolved ? { resolved: true } : {}),
      };
    });
  }

  /** The threads anchored nowhere in the body, whose range is the headline. */
  private orphanedCommentIds(): number[] {
    const anchored = new Set([...this.opensAt.values()].flat());
    return [...this.commentIds.values()].filter((ids) => !ids.some((id) => anchored.has(id))).flat();
  }

  /** A run of text, plain or as a revision by the suggestion's author. */
  run(text: string, marks: { bold?: boolean; italic?: boolean; style?: string }, change: Change | undefined): ParagraphChild {
    const options = {
      text: wordText(text),
      ...(marks.bold ? { bold: true } : {}),
      ...(marks.italic ? { italics: true } : {}),
      ...(marks.style ? { style: marks.style } : {}),
      language: { value: this.language },
    };
    if (!change || this.view === 'clean') return new TextRun(options);
    const record = this.suggestions.get(change.id);
    const revision = { id: this.revisionId++, author: wordText(record?.authorName || record?.authorId || UNKNOWN_AUTHOR), date: wordDate(record?.createdAt ?? '1970-01-01T00:00:00Z') };
    return change.kind === 'ins' ? new InsertedTextRun({ ...options, ...revision }) : new DeletedTextRun({ ...options, ...revision });
  }

  /** A value that was replaced while under review: the old one struck, the new one inserted, by the last change's author. */
  replaced(base: string, current: string, lastChange: string | undefined, marks: { bold?: boolean; style?: string }, container?: Change): ParagraphChild[] {
    if (container || lastChange === undefined || base === current) return current === '' ? [] : [this.run(current, marks, container)];
    return [...(base === '' ? [] : [this.run(base, marks, { kind: 'del', id: lastChange })]), ...(current === '' ? [] : [this.run(current, marks, { kind: 'ins', id: lastChange })])];
  }

  /** The leaves of a paragraph, with comment ranges around the ones their threads cover. */
  leaves(p: ModelParagraph, container: Change | undefined): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const leaf of p.children) {
      const index = this.leafIndex++;
      for (const id of this.opensAt.get(index) ?? []) out.push(new CommentRangeStart(id));
      if (leaf.text !== '') out.push(this.run(leaf.text, { bold: leaf.bold, italic: leaf.italic }, leafChange(leaf, container)));
      for (const id of this.closesAt.get(index) ?? []) out.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
    }
    return out;
  }

  label(turn: Turn, container: Change | undefined): ParagraphChild[] {
    const labelOf = (id: string) => `${this.participants.get(id)?.label ?? id}:`;
    const changes = this.view === 'review' ? (turn.changes ?? []) : [];
    const base = changes[0]?.from ?? turn.speakerId;
    return this.replaced(labelOf(base), labelOf(turn.speakerId), changes.at(-1)?.id, { style: STYLE.speaker }, container);
  }

  turn(turn: Turn): Paragraph[] {
    const container = this.view === 'review' ? blockChange(turn) : undefined;
    const role = this.participants.get(turn.speakerId)?.role;
    const style = role === 'interviewer' ? STYLE.question : STYLE.answer;
    const out: Paragraph[] = [];
    let label: ParagraphChild[] | null = this.label(turn, container);
    for (const child of turn.children) {
      if (child.type === 'photo') {
        if (label) out.push(new Paragraph({ style, children: label }));
        label = null;
        out.push(...this.photo(child, container));
        continue;
      }
      // The label and the words are separate runs, with a plain space between: the label run is
      // what marks a turn's first paragraph, for a desk template and for reading the file back.
      const opening = label ? [...label, this.run(' ', {}, container)] : [];
      label = null;
      out.push(new Paragraph({ style, children: [...opening, ...this.leaves(child, container)] }));
    }
    return out;
  }

  photo(photo: Photo, outer: Change | undefined): Paragraph[] {
    const container = this.view === 'review' ? (blockChange(photo) ?? outer) : undefined;
    const changes = this.view === 'review' ? (photo.changes ?? []) : [];
    const field = (name: 'caption' | 'credit') => {
      const own = changes.filter((c) => c.field === name);
      return { base: own[0]?.from ?? photo[name], last: own.at(-1)?.id };
    };
    const caption = field('caption');
    const credit = field('credit');
    const language = this.doc.meta.language;
    const out: Paragraph[] = [];
    const picture = this.picture(photo, container);
    if (picture) out.push(new Paragraph({ style: STYLE.photo, children: [picture] }));
    const captionRuns = this.replaced(caption.base, photo.caption, caption.last, {}, container);
    if (captionRuns.length > 0) out.push(new Paragraph({ style: STYLE.caption, children: captionRuns }));
    const creditRuns = this.replaced(printedCredit(credit.base, language), printedCredit(photo.credit, language), credit.last, {}, container);
    if (creditRuns.length > 0) out.push(new Paragraph({ style: STYLE.credit, children: creditRuns }));
    return out;
  }

  /**
   * The image inline, at most a text column wide, with its alt text. A photo suggested for removal
   * shows no image (its struck caption and credit say it goes), nor does one whose bytes were not
   * given or whose type Word cannot show (only its caption and credit are written then).
   */
  private picture(photo: Photo, container: Change | undefined): ImageRun | null {
    if (photo.assetId === null || container?.kind === 'del') return null;
    const data = this.options.pictureBytes?.[photo.assetId];
    const file = this.options.pictures?.[photo.assetId];
    const type = file ? WORD_IMAGE_TYPE[file.mime] : undefined;
    if (!data || !file || !type) return null;
    const scale = file.width > 0 && file.height > 0 ? Math.min(1, MAX_PICTURE_WIDTH_PX / file.width) : 0;
    const transformation = scale > 0 ? { width: Math.round(file.width * scale), height: Math.round(file.height * scale) } : { width: MAX_PICTURE_WIDTH_PX, height: Math.round((MAX_PICTURE_WIDTH_PX * 2) / 3) };
    const id = this.drawingId++;
    return new ImageRun({ type, data, transformation, altText: { id: String(id), name: `Picture ${id}`, description: wordText(photo.alt || photo.caption) } });
  }

  /** Headline, subheadline, sapo, byline and the story details, each in its style. */
  header(): Paragraph[] {
    const meta = this.doc.meta;
    const changes = this.view === 'review' ? (this.doc.review?.metaChanges ?? []) : [];
    const field = (name: 'headline' | 'subheadline' | 'sapo' | 'byline', style: string): Paragraph[] => {
      const own = changes.filter((c) => c.field === name);
      const from = own[0]?.from;
      const base = typeof from === 'string' ? from : meta[name];
      const runs = this.replaced(base, meta[name], own.at(-1)?.id, {});
      if (name === 'headline') {
        const orphans = this.orphanedCommentIds();
        runs.unshift(...orphans.map((id) => new CommentRangeStart(id)));
        for (const id of orphans) runs.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
      }
      return runs.length > 0 ? [new Paragraph({ style, children: runs })] : [];
    };
    const details = storyDetails(meta);
    return [
      ...field('headline', STYLE.headline),
      ...field('subheadline', STYLE.subheadline),
      ...field('sapo', STYLE.sapo),
      ...field('byline', STYLE.byline),
      ...(details === '' ? [] : [new Paragraph({ style: STYLE.meta, children: [this.run(details, {}, undefined)] })]),
    ];
  }

  body(): Paragraph[] {
    const out: Paragraph[] = [];
    for (const block of this.doc.body) {
      if (block.type === 'turn') out.push(...this.turn(block));
      else if (block.type === 'photo') out.push(...this.photo(block, undefined));
      else out.push(new Paragraph({ style: STYLE.intro, children: this.leaves(block, undefined) }));
    }
    return out;
  }
}

/** Section, location and keywords on one line, as a desk reads them under a byline. */
function storyDetails(meta: Meta): string {
  return [meta.section, meta.location, meta.keywords.join(', ')].filter((v) => v.trim() !== '').join(' · ');
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/u)
    .filter(Boolean)
    .map((w) => [...w][0])
    .join('');
  return wordText(letters.slice(0, 8));
}

function blockChange(node: { ins?: string; del?: string }): Change | undefined {
  if (node.del) return { kind: 'del', id: node.del };
  if (node.ins) return { kind: 'ins', id: node.ins };
  return undefined;
}

/**
 * A leaf's revision: struck text stays struck whoever inserted it (the accepted view has none of
 * it), inside a removed turn or photo everything is struck, and otherwise typed text is an insertion.
 */
function leafChange(leaf: TextLeaf, container: Change | undefined): Change | undefined {
  if (leaf.del) return { kind: 'del', id: leaf.del };
  if (container?.kind === 'del') return container;
  if (leaf.ins) return { kind: 'ins', id: leaf.ins };
  return container;
}

/** The Word document of an interview: `doc` is the stored document for `review`, the accepted view for `clean`. */
export function buildDocx(doc: Interview, options: ExportOptions, view: DocxView): File {
  const writer = new Writer(doc, view, options);
  const children = [...writer.header(), ...writer.body()];
  const language = WORD_LANGUAGE[doc.meta.language];
  return new File({
    title: wordText(doc.meta.headline),
    subject: wordText(doc.meta.section),
    creator: wordText(doc.meta.byline),
    keywords: wordText(doc.meta.keywords.join(', ')),
    description: wordText(doc.meta.sapo),
    revision: options.version,
    styles: {
      default: { document: { run: { language: { value: language } } } },
      paragraphStyles: PARAGRAPH_STYLES,
      characterStyles: CHARACTER_STYLES,
    },
    ...(writer.comments.length > 0 ? { comments: { children: writer.comments } } : {}),
    customProperties: [
      { name: DOCX_PROPERTY.format, value: doc.format },
      { name: DOCX_PROPERTY.id, value: doc.id },
      { name: DOCX_PROPERTY.version, value: String(options.version) },
      { name: DOCX_PROPERTY.view, value: view },
      { name: DOCX_PROPERTY.acceptedSha256, value: sha256Hex(acceptedText(doc)) },
    ],
    sections: [{ children }],
  });
}
