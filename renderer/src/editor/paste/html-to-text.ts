/**
 * Pasted HTML reduced to the text of its blocks: each block element's text is a paragraph
 * (separated by a blank line), a `<br>` a line break, so the result reads like the agency's plain
 * text and goes through the same importer. Nothing else of the HTML survives: no styles, classes,
 * links, scripts or images.
 *
 * The HTML is parsed with DOMParser, whose documents are inert: scripts do not run and images or
 * other remote resources are not fetched.
 */

/** Elements whose content is never text for the reader. */
const SKIPPED = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'img', 'picture',
  'video', 'audio', 'canvas', 'head', 'title', 'meta', 'link', 'button', 'select', 'input', 'textarea',
]);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'caption', 'details', 'summary',
]);

export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const paragraphs: string[] = [];
  let current = '';

  const flush = () => {
    const lines = current
      .split('\n')
      .map((l) => l.replace(/ {2,}/g, ' ').trim())
      .filter((l) => l !== '');
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    current = '';
  };

  const walk = (node: Node, pre: boolean) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      // HTML collapses its own whitespace (not the no-break space) unless inside <pre>.
      current += pre ? data : data.replace(/[ \t\n\r\f]+/g, ' ');
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.localName;
    if (SKIPPED.has(tag) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return;
    if (tag === 'br') {
      current += '\n';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of Array.from(el.childNodes)) walk(child, pre || tag === 'pre');
    if (block) flush();
  };

  if (doc.body) walk(doc.body, false);
  flush();
  return paragraphs.join('\n\n');
}
