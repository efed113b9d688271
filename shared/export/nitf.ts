/**
 * NITF 3.6 export.
 *
 * Two variants of one document:
 * - exportNitf: in the NITF namespace, valid against IPTC's NITF 3.6 XSD (nitf-3-6.xsd);
 * - exportNitfNoNamespace: the same elements in no namespace, DTD style, which is the only NITF
 *   Superdesk's ingest parser accepts. It validates once the namespace is put back.
 * NewsML-G2 embeds the namespaced body through appendInlineNitf, with body.content wrapped in
 * `<block>` because that is where Superdesk's G2 parser looks for it.
 *
 * Mapping: title and hedline/hl1 = headline, hl2 = subheadline; byline in body.head and again as
 * the end-of-story tagline (the agency prints it last); dateline/location/city = location;
 * abstract = sapo; distributor = source; docdata holds the id, urgency, issue date (this
 * version's time), embargo (management-status + date.release), editorial note, slugline (du-key),
 * copyright and keywords; tobject.property = genre, tobject.subject = the IPTC subject codes
 * (with the broad subject's name as its type). `<meta name="anpa-keyword">` repeats the slugline
 * and `<meta name="anpa-wordcount">` gives the word count: that is where Superdesk's parser reads
 * them. The section also goes in `<meta name="section">` for people reading the file: NITF has
 * no free-text section, and `anpa-category` must be a receiver's category code.
 *
 * Body: one `<p>` per paragraph. A turn's first paragraph starts with its label as literal text
 * in `<em class="bold">` (the only emphasis NITF has; `<b>` is invalid), then a space; the class
 * question/answer/intro is a hint some receivers strip. Photos are `<media>` in place, with the
 * file name as a relative source (files are delivered next to the XML), the alt text, the credit
 * as source-credit and media-producer, and caption + printed credit as the caption.
 */
import type { Interview } from '../model/schema';
import type { ExportOptions } from './options';
import { rulesFor } from './receivers';
import { buildStory, type Story, type StoryParagraph, type StoryPhoto } from './story';
import { broadSubjectName } from './subjects';
import { appendRuns, indentContainers, serialize, textElement, xmlDocument, type XMLBuilder } from './xml';

export const NITF_NS = 'http://iptc.org/std/NITF/2006-10-18/';
export const NITF_VERSION = '-//IPTC//DTD NITF 3.6//EN';

/** Element-only NITF elements: the ones indented for readability. */
export const NITF_CONTAINERS: ReadonlySet<string> = new Set([
  'nitf', 'head', 'tobject', 'docdata', 'key-list', 'body', 'body.head', 'hedline', 'abstract', 'body.content', 'block', 'media', 'body.end',
]);

const PARAGRAPH_CLASS: Readonly<Record<StoryParagraph['role'], string | null>> = {
  intro: 'intro',
  question: 'question',
  answer: 'answer',
  between: null,
  closing: null,
};

/** `2024-05-10T02:00:00Z` → `20240510T020000Z`, the ISO 8601 basic form NITF documents ask for. */
export function nitfDate(utc: string): string {
  return utc.replace(/[-:]/g, '');
}

/** NITF urgency runs 1 (most) to 8 (least), 5 normal; the document's 1–9 is kept, 9 becomes 8. */
const nitfUrgency = (urgency: number) => String(Math.min(Math.max(urgency, 1), 8));

function appendParagraph(parent: XMLBuilder, p: StoryParagraph): void {
  const attributes: Record<string, string> = {};
  const cls = PARAGRAPH_CLASS[p.role];
  if (cls) attributes.class = cls;
  if (p.lede) attributes.lede = 'true';
  const el = parent.ele('p', attributes);
  if (p.label !== null) {
    el.ele('em', { class: 'bold' }).txt(p.label);
    if (p.runs.length > 0) el.txt(' ');
  }
  appendRuns(el, p.runs, (target, mark) => target.ele('em', { class: mark }));
}

function appendMedia(parent: XMLBuilder, photo: StoryPhoto, captionAlone: boolean): void {
  const media = parent.ele('media', { 'media-type': 'image' });
  const reference: Record<string, string> = {};
  if (photo.file && photo.ref !== null) {
    reference.source = photo.ref;
    reference['mime-type'] = photo.file.mime;
    reference.width = String(photo.file.width);
    reference.height = String(photo.file.height);
  }
  if (photo.alt) reference['alternate-text'] = photo.alt;
  if (photo.credit) reference['source-credit'] = photo.credit;
  // media-reference is required; a photo without an image keeps one with no source (preflight blocks it anyway).
  media.ele('media-reference', reference);
  // Caption and credit once each in the text, or the agency's caption line with the credit repeated (receivers.ts).
  textElement(media, 'media-caption', captionAlone ? photo.caption : photo.captionLine);
  textElement(media, 'media-producer', photo.credit);
}

/** hedline, byline, distributor, dateline and abstract, in the order body.head requires. */
function appendBodyHead(body: XMLBuilder, story: Story): void {
  const { meta } = story;
  const head = body.ele('body.head');
  if (meta.headline || meta.subheadline) {
    const hedline = head.ele('hedline');
    hedline.ele('hl1').txt(meta.headline);
    textElement(hedline, 'hl2', meta.subheadline);
  }
  textElement(head, 'byline', meta.byline);
  textElement(head, 'distributor', meta.source);
  if (meta.location) head.ele('dateline').ele('location').ele('city').txt(meta.location);
  if (meta.sapo) head.ele('abstract').ele('p').txt(meta.sapo);
}

/** How the body is laid out; the NewsML-G2 text item varies it for its receiver. */
interface BodyLayout {
  /** body.content's paragraphs inside one `<block>` (where Superdesk's G2 parser reads them). */
  wrapInBlock: boolean;
  /** Photos as `<media>` where they stand. */
  media: boolean;
  /** The sapo as the first paragraph (besides `abstract`). */
  sapoFirst: boolean;
}

function appendBody(nitf: XMLBuilder, story: Story, layout: BodyLayout): void {
  const body = nitf.ele('body');
  appendBodyHead(body, story);
  let content = body.ele('body.content');
  if (layout.wrapInBlock) content = content.ele('block');
  if (layout.sapoFirst && story.meta.sapo) content.ele('p', { class: 'sapo' }).txt(story.meta.sapo);
  const { captionAlone } = rulesFor(story.options.receiver);
  for (const block of story.blocks) {
    if (block.kind === 'paragraph') appendParagraph(content, block);
    else if (layout.media) appendMedia(content, block, captionAlone);
  }
  if (story.meta.byline) body.ele('body.end').ele('tagline').txt(story.meta.byline);
}

function appendHead(nitf: XMLBuilder, story: Story): void {
  const { meta, options } = story;
  const head = nitf.ele('head');
  textElement(head, 'title', meta.headline);
  if (meta.section) head.ele('meta', { name: 'section', content: meta.section });
  if (meta.slugline) head.ele('meta', { name: 'anpa-keyword', content: meta.slugline });
  head.ele('meta', { name: 'anpa-wordcount', content: String(story.wordCount) });
  const tobject = head.ele('tobject', { 'tobject.type': 'news' });
  tobject.ele('tobject.property', { 'tobject.property.type': 'Interview' });
  for (const subject of meta.subjects) {
    tobject.ele('tobject.subject', { 'tobject.subject.refnum': subject.code, 'tobject.subject.type': broadSubjectName(subject.code) ?? subject.name });
  }

  const docdata = head.ele('docdata', { 'management-status': meta.embargo ? 'embargoed' : 'usable' });
  docdata.ele('doc-id', { 'id-string': story.ids.text });
  docdata.ele('urgency', { 'ed-urg': nitfUrgency(meta.urgency) });
  docdata.ele('date.issue', { norm: nitfDate(options.versionCreated) });
  if (meta.embargo) docdata.ele('date.release', { norm: nitfDate(meta.embargo) });
  // An attribute cannot keep line breaks (XML normalises them to spaces), so the note is one line here.
  if (meta.editorialNote) docdata.ele('ed-msg', { info: meta.editorialNote.replace(/\s*\n\s*/g, ' ') });
  if (meta.slugline) docdata.ele('du-key', { key: meta.slugline });
  if (meta.source) docdata.ele('doc.copyright', { holder: meta.source, year: options.firstCreated.slice(0, 4) });
  if (meta.keywords.length > 0) {
    const list = docdata.ele('key-list');
    for (const key of meta.keywords) list.ele('keyword', { key });
  }
}

function nitfElement(parent: XMLBuilder, namespace: string | null): XMLBuilder {
  return namespace === null ? parent.ele('nitf') : parent.ele(namespace, 'nitf');
}

function nitfDocument(story: Story, namespace: string | null): string {
  const doc = xmlDocument();
  const nitf = nitfElement(doc, namespace).att({ version: NITF_VERSION, baselang: story.meta.language });
  appendHead(nitf, story);
  appendBody(nitf, story, { wrapInBlock: false, media: true, sapoFirst: false });
  indentContainers(doc, NITF_CONTAINERS);
  return serialize(doc);
}

/** NITF 3.6 in its namespace, valid against nitf-3-6.xsd. */
export function exportNitf(doc: Interview, options: ExportOptions): string {
  return nitfDocument(buildStory(doc, options), NITF_NS);
}

/** The same NITF in no namespace (DTD style), for Superdesk-style ingest. */
export function exportNitfNoNamespace(doc: Interview, options: ExportOptions): string {
  return nitfDocument(buildStory(doc, options), null);
}

/**
 * The body as NITF inside NewsML-G2's inlineXML: namespaced, no head (G2 carries the metadata),
 * body.content wrapped in `<block>`; photos in place and the sapo first as the receiver needs
 * (receivers.ts).
 */
export function appendInlineNitf(parent: XMLBuilder, story: Story, layout: Omit<BodyLayout, 'wrapInBlock'>): void {
  const nitf = nitfElement(parent, NITF_NS).att({ version: NITF_VERSION, baselang: story.meta.language });
  appendBody(nitf, story, { ...layout, wrapInBlock: true });
}
