/**
 * Small helpers shared by the XML exporters (NITF, NewsML-G2, the XHTML of HTML and ninjs).
 * All markup is built with xmlbuilder2, which escapes text and attribute values (completed by
 * markup() below, for a quirk of its writer); the text itself
 * was cleaned by story.ts, so it holds no character XML 1.0 forbids.
 */
import { create, fragment } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { Run } from './story';

export type { XMLBuilder };
type DomNode = XMLBuilder['node'];

const ELEMENT_NODE = 1;

/** A new XML document; serialize() writes it in UTF-8 with the declaration. */
export function xmlDocument(): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8' });
}

/** Append an element with text content, or nothing when the text is empty. */
export function textElement(parent: XMLBuilder, name: string, text: string, attributes?: Record<string, string>): void {
  if (text !== '') parent.ele(name, attributes).txt(text);
}

/** Append text runs, each wrapped in the emphasis elements its marks call for. */
export function appendRuns(parent: XMLBuilder, runs: readonly Run[], emphasis: (parent: XMLBuilder, mark: 'bold' | 'italic') => XMLBuilder): void {
  for (const run of runs) {
    let target = parent;
    if (run.bold) target = emphasis(target, 'bold');
    if (run.italic) target = emphasis(target, 'italic');
    target.txt(run.text);
  }
}

/**
 * Put each child of element-only content on its own indented line, for people reading the file.
 * xmlbuilder2's prettyPrint cannot be used: it indents mixed content too, and whitespace inside
 * a `<p>` is text. So only elements named in `containers` (element-only in their schema) get
 * whitespace, and only when they hold no text of their own.
 */
export function indentContainers(doc: XMLBuilder, containers: ReadonlySet<string>): void {
  const visit = (node: DomNode, depth: number): void => {
    const children: DomNode[] = [];
    for (let c = node.firstChild; c !== null; c = c.nextSibling) children.push(c);
    const elementOnly = children.length > 0 && children.every((c) => c.nodeType === ELEMENT_NODE);
    if (elementOnly && containers.has(node.nodeName)) {
      // Take the children out and append them again with the indentation between them: the DOM's
      // insertBefore costs O(children) each, which made long bodies quadratic.
      const text = (level: number) => node.ownerDocument!.createTextNode(`\n${'  '.repeat(level)}`);
      for (const child of children) node.removeChild(child);
      for (const child of children) {
        node.appendChild(text(depth + 1));
        node.appendChild(child);
      }
      node.appendChild(text(depth));
    }
    for (const child of children) if (child.nodeType === ELEMENT_NODE) visit(child, depth + 1);
  };
  // The document node itself is level -1, so its root element starts at the left margin.
  visit(doc.node, -1);
}

/*
 * xmlbuilder2 (3.0.2 and later, 4.x included) does not escape an `&` that starts something shaped
 * like an entity or character reference (`&amp;`, `&nbsp;`, `&#0;`): its "no double encoding"
 * (oozcitak/xmlbuilder2#117). Our strings are text, never markup, so `&amp;` typed in a paragraph
 * must come out as `&amp;amp;`, and `&nbsp;` or `&#0;` would make the file ill-formed. The escaping
 * is therefore completed here, on the finished tree, just before it is written: every `&` becomes
 * `&amp;`, which the writer then leaves alone. Whether the installed writer has the quirk is
 * checked once, so a version without it is not double-escaped.
 */
const leavesEntityLikeText = fragment().ele('a').txt('&amp;').end() === '<a>&amp;</a>';
const leavesEntityLikeAttribute = fragment().ele('a', { b: '&amp;' }).end() === '<a b="&amp;"/>';
const TEXT_NODE = 3;

type MutableText = { data: string };
type MutableElement = { attributes: ArrayLike<{ value: string }> };

function completeEscaping(node: DomNode): void {
  if (node.nodeType === TEXT_NODE && leavesEntityLikeText) {
    const text = node as unknown as MutableText;
    if (text.data.includes('&')) text.data = text.data.replace(/&/g, '&amp;');
  }
  if (node.nodeType === ELEMENT_NODE && leavesEntityLikeAttribute) {
    for (const attribute of Array.from((node as unknown as MutableElement).attributes)) {
      if (attribute.value.includes('&')) attribute.value = attribute.value.replace(/&/g, '&amp;');
    }
  }
  for (let c = node.firstChild; c !== null; c = c.nextSibling) completeEscaping(c);
}

/**
 * The markup of a document or fragment, without declaration or pretty-printing. It finishes the
 * escaping in place (see above), so each tree is written once.
 */
export function markup(doc: XMLBuilder): string {
  completeEscaping(doc.node);
  return doc.end({ headless: true, prettyPrint: false });
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Serialize a document: the declaration on its own line, no pretty-printing (see indentContainers), final newline. */
export function serialize(doc: XMLBuilder): string {
  return `${DECLARATION}\n${markup(doc)}\n`;
}
