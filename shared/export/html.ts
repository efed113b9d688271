/**
 * HTML export: a semantic HTML5 page for a web CMS and for preview, and the XHTML body that the
 * ninjs export carries.
 *
 *   <article class="interview">
 *     <header> section, <h1> headline, subheadline, dateline (location), sapo </header>
 *     <p class="intro">TTXVN - …</p>
 *     <p class="question"><strong>* Phóng viên:</strong> …</p>
 *     <figure><img src alt width height><figcaption>caption <span class="credit">Ảnh: …</span></figcaption></figure>
 *     <footer><p class="byline">…</p></footer>
 *   </article>
 *
 * The label is literal text in `<strong>` at the start of the turn's first paragraph, as the agency
 * prints it (story.ts); the writer's bold and italic become `<strong>` and `<em>`. Pictures are referenced by their
 * file name, relative to the page (they are delivered next to it). No styles or scripts: the CMS or
 * the preview styles the classes.
 *
 * Built as XML (shared/export/xml.ts), so the markup is also well-formed XHTML; only void elements (`<img/>`,
 * `<meta/>`) are self-closed, since HTML would read `<p/>` or `<title/>` as an element left open.
 */
import type { Interview } from '../model/schema';
import type { ExportOptions } from './options';
import { buildStory, type Story, type StoryBlock, type StoryParagraph, type StoryPhoto } from './story';
import { appendRuns, fragment, indentContainers, markup, textElement, xmlDocument, type XMLBuilder } from './xml';

const PARAGRAPH_CLASS: Readonly<Record<StoryParagraph['role'], string>> = {
  intro: 'intro',
  question: 'question',
  answer: 'answer',
  between: 'text',
  closing: 'closing',
};

function appendParagraph(parent: XMLBuilder, p: StoryParagraph): void {
  const el = parent.ele('p', { class: PARAGRAPH_CLASS[p.role] });
  if (p.label !== null) {
    el.ele('strong').txt(p.label);
    if (p.runs.length > 0) el.txt(' ');
  }
  appendRuns(el, p.runs, (target, mark) => target.ele(mark === 'bold' ? 'strong' : 'em'));
}

function appendFigure(parent: XMLBuilder, photo: StoryPhoto, href: (photo: StoryPhoto) => string | null): void {
  const src = href(photo);
  if (src === null && photo.captionLine === '') return; // nothing to show
  const figure = parent.ele('figure');
  if (src !== null && photo.file) {
    figure.ele('img', { src, alt: photo.alt, width: String(photo.file.width), height: String(photo.file.height) });
  }
  if (photo.captionLine) {
    const caption = figure.ele('figcaption');
    if (photo.caption) caption.txt(photo.caption);
    if (photo.caption && photo.printedCredit) caption.txt(' ');
    if (photo.printedCredit) caption.ele('span', { class: 'credit' }).txt(photo.printedCredit);
  }
}

/**
 * The body's paragraphs and figures. `href` gives a photo's image address, or null for none;
 * a figure with neither image nor caption is left out.
 */
export function appendHtmlBody(parent: XMLBuilder, story: Story, href: (photo: StoryPhoto) => string | null): void {
  for (const block of story.blocks) {
    if (block.kind === 'paragraph') appendParagraph(parent, block);
    else appendFigure(parent, block, href);
  }
}

/** One block of the body as markup: a paragraph, or a photo's figure ('' when it has nothing to show). */
export function blockMarkup(block: StoryBlock, href: (photo: StoryPhoto) => string | null): string {
  const frag = fragment();
  if (block.kind === 'paragraph') appendParagraph(frag, block);
  else appendFigure(frag, block, href);
  return markup(frag);
}

/** The body as an XHTML fragment (`<p>…</p><figure>…</figure>…`), for ninjs bodies. */
export function xhtmlBodyFragment(story: Story, href: (photo: StoryPhoto) => string | null): string {
  const frag = fragment();
  appendHtmlBody(frag, story, href);
  return markup(frag);
}

/** The picture's path beside the page (or its address, for a destination with a picture base URL). */
const relativeHref = (photo: StoryPhoto) => photo.ref;

/** Elements with no text of their own, indented for readability (whitespace between them renders as nothing). */
const HTML_CONTAINERS: ReadonlySet<string> = new Set(['html', 'head', 'body', 'article', 'header', 'figure', 'footer']);

/** Elements HTML parses as empty; every other element must be written with an end tag. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * The XML writer self-closes empty elements, and `<article/>` in HTML opens an element that never
 * ends. An empty text node makes the writer use an end tag, so empty non-void elements are given one.
 */
function keepEndTags(node: XMLBuilder['node']): void {
  if (node.nodeType === 1 && node.firstChild === null && !VOID_ELEMENTS.has(node.nodeName)) {
    node.appendChild(node.ownerDocument!.createTextNode(''));
  }
  for (let c = node.firstChild; c !== null; c = c.nextSibling) keepEndTags(c);
}

/** A complete HTML5 page. */
export function exportHtml(doc: Interview, options: ExportOptions): string {
  const story = buildStory(doc, options);
  const { meta } = story;
  const page = xmlDocument();
  const html = page.ele('html', { lang: meta.language });
  const head = html.ele('head');
  head.ele('meta', { charset: 'utf-8' });
  // A page needs a title: an empty headline gets the document id.
  head.ele('title').txt(meta.headline || story.docId);
  if (meta.byline) head.ele('meta', { name: 'author', content: meta.byline });
  if (meta.keywords.length > 0) head.ele('meta', { name: 'keywords', content: meta.keywords.join(', ') });

  // The embargo is for the receiving system, not for readers: an attribute, never visible text.
  const article = html.ele('body').ele('article', meta.embargo ? { class: 'interview', 'data-embargo': meta.embargo } : { class: 'interview' });
  const header = article.ele('header');
  textElement(header, 'p', meta.section, { class: 'section' });
  textElement(header, 'h1', meta.headline);
  textElement(header, 'p', meta.subheadline, { class: 'subheadline' });
  textElement(header, 'p', meta.location, { class: 'dateline' });
  textElement(header, 'p', meta.sapo, { class: 'sapo' });
  if (header.node.childNodes.length === 0) header.remove();

  appendHtmlBody(article, story, relativeHref);
  if (meta.byline) article.ele('footer').ele('p', { class: 'byline' }).txt(meta.byline);

  indentContainers(page, HTML_CONTAINERS);
  keepEndTags(page.node);
  return `<!DOCTYPE html>\n${markup(page)}\n`;
}
