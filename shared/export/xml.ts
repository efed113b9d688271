/**
 * Small helpers shared by the XML exporters (NITF, NewsML-G2, the XHTML of HTML and ninjs), and
 * the small tree they build their markup in.
 *
 * The tree keeps the builder interface the exporters were written against (xmlbuilder2's `ele`,
 * `att`, `txt`, `remove`, `node`), and writes exactly what xmlbuilder2 wrote for them, byte for
 * byte: elements with their attributes in insertion order, a default-namespace declaration
 * (`xmlns="…"`) first on an element whose namespace differs from its parent's, `<e/>` for an
 * element without children, and text and attribute values escaped (`&`, `<`, `>`, and `"` in
 * attributes). Every `&` is escaped, also one that starts something shaped like an entity
 * (`&amp;`, `&nbsp;` typed in a paragraph stay text) — xmlbuilder2 needed a fix-up pass for that
 * (oozcitak/xmlbuilder2#117). Building xmlbuilder2's DOM cost ~50 ms per export at 2,000
 * paragraphs; this tree is plain objects. The text itself was cleaned by story.ts, so it holds no
 * character XML 1.0 forbids.
 */
import type { Run } from './story';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;

/** A node of the tree, with the DOM-like fields the exporters walk (first/next child, type, name). */
export class XmlNode {
  parentNode: XmlNode | null = null;
  firstChild: XmlNode | null = null;
  lastChild: XmlNode | null = null;
  nextSibling: XmlNode | null = null;
  previousSibling: XmlNode | null = null;
  /** Attributes in insertion order (elements only). */
  readonly attributes: [name: string, value: string][] = [];

  constructor(
    readonly nodeType: typeof ELEMENT_NODE | typeof TEXT_NODE | typeof DOCUMENT_NODE | typeof FRAGMENT_NODE,
    readonly nodeName: string,
    /** Elements: the namespace (null: none). */
    readonly namespace: string | null,
    /** Text nodes: the text. */
    readonly data: string,
    readonly ownerDocument: XmlDocumentNode | null,
  ) {}

  get childNodes(): XmlNode[] {
    const out: XmlNode[] = [];
    for (let c = this.firstChild; c !== null; c = c.nextSibling) out.push(c);
    return out;
  }

  appendChild(child: XmlNode): XmlNode {
    if (child.parentNode) child.parentNode.removeChild(child);
    child.parentNode = this;
    child.previousSibling = this.lastChild;
    child.nextSibling = null;
    if (this.lastChild) this.lastChild.nextSibling = child;
    else this.firstChild = child;
    this.lastChild = child;
    return child;
  }

  removeChild(child: XmlNode): XmlNode {
    if (child.parentNode !== this) throw new Error('not a child of this node');
    if (child.previousSibling) child.previousSibling.nextSibling = child.nextSibling;
    else this.firstChild = child.nextSibling;
    if (child.nextSibling) child.nextSibling.previousSibling = child.previousSibling;
    else this.lastChild = child.previousSibling;
    child.parentNode = null;
    child.previousSibling = null;
    child.nextSibling = null;
    return child;
  }
}

/** The node that owns the tree (a document or a fragment); it creates text nodes. */
class XmlDocumentNode extends XmlNode {
  constructor(type: typeof DOCUMENT_NODE | typeof FRAGMENT_NODE) {
    super(type, type === DOCUMENT_NODE ? '#document' : '#document-fragment', null, '', null);
  }

  createTextNode(data: string): XmlNode {
    return new XmlNode(TEXT_NODE, '#text', null, data, this);
  }
}

/** A place in the tree to add to: the builder interface of the exporters. */
export class XMLBuilder {
  constructor(readonly node: XmlNode) {}

  /** A child element `ele(name, attributes?)`, or in a namespace `ele(namespace, name)`; its builder. */
  ele(nameOrNamespace: string, attributesOrName?: Record<string, string> | string): XMLBuilder {
    const explicit = typeof attributesOrName === 'string';
    const name = explicit ? attributesOrName : nameOrNamespace;
    // Without a namespace of its own an element is in its parent's (xmlbuilder2 does the same).
    const namespace = explicit ? nameOrNamespace : this.node.nodeType === ELEMENT_NODE ? this.node.namespace : null;
    const owner = this.node.ownerDocument ?? (this.node as XmlDocumentNode);
    const element = new XmlNode(ELEMENT_NODE, name, namespace, '', owner);
    this.node.appendChild(element);
    const builder = new XMLBuilder(element);
    if (!explicit && attributesOrName) builder.att(attributesOrName);
    return builder;
  }

  /** Set attributes (a later value for the same name replaces the earlier one in its place). */
  att(attributes: Record<string, string>): XMLBuilder {
    const list = this.node.attributes;
    for (const [name, value] of Object.entries(attributes)) {
      const at = list.findIndex(([n]) => n === name);
      if (at >= 0) list[at] = [name, value];
      else list.push([name, value]);
    }
    return this;
  }

  /** Append text; returns this element's builder. */
  txt(text: string): XMLBuilder {
    const owner = this.node.ownerDocument ?? (this.node as XmlDocumentNode);
    this.node.appendChild(owner.createTextNode(text));
    return this;
  }

  /** Take this node out of the tree; the parent's builder. */
  remove(): XMLBuilder {
    const parent = this.node.parentNode;
    if (!parent) throw new Error('the root cannot be removed');
    parent.removeChild(this.node);
    return new XMLBuilder(parent);
  }
}

/** A new XML document; serialize() writes it in UTF-8 with the declaration. */
export function xmlDocument(): XMLBuilder {
  return new XMLBuilder(new XmlDocumentNode(DOCUMENT_NODE));
}

/** A new fragment (no root element required), written by markup(). */
export function fragment(): XMLBuilder {
  return new XMLBuilder(new XmlDocumentNode(FRAGMENT_NODE));
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
 * Pretty-printing everything cannot be used: whitespace inside a `<p>` (mixed content) is text.
 * So only elements named in `containers` (element-only in their schema) get whitespace, and only
 * when they hold no text of their own.
 */
export function indentContainers(doc: XMLBuilder, containers: ReadonlySet<string>): void {
  const visit = (node: XmlNode, depth: number): void => {
    const children: XmlNode[] = [];
    for (let c = node.firstChild; c !== null; c = c.nextSibling) children.push(c);
    const elementOnly = children.length > 0 && children.every((c) => c.nodeType === ELEMENT_NODE);
    if (elementOnly && containers.has(node.nodeName)) {
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

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeText = (text: string) => (/[&<>]/.test(text) ? text.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!) : text);
const escapeAttribute = (value: string) => (/[&<>"]/.test(value) ? value.replace(/[&<>"]/g, (c) => TEXT_ESCAPES[c]!) : value);

function write(node: XmlNode, inheritedNamespace: string | null, out: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    out.push(escapeText(node.data));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) {
    for (let c = node.firstChild; c !== null; c = c.nextSibling) write(c, inheritedNamespace, out);
    return;
  }
  let tag = `<${node.nodeName}`;
  if (node.namespace !== inheritedNamespace) tag += ` xmlns="${escapeAttribute(node.namespace ?? '')}"`;
  for (const [name, value] of node.attributes) tag += ` ${name}="${escapeAttribute(value)}"`;
  if (node.firstChild === null) {
    out.push(`${tag}/>`);
    return;
  }
  out.push(`${tag}>`);
  for (let c: XmlNode | null = node.firstChild; c !== null; c = c.nextSibling) write(c, node.namespace, out);
  out.push(`</${node.nodeName}>`);
}

/** The markup of a document or fragment, without declaration or pretty-printing. */
export function markup(doc: XMLBuilder): string {
  const out: string[] = [];
  write(doc.node, null, out);
  return out.join('');
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Serialize a document: the declaration on its own line, no pretty-printing (see indentContainers), final newline. */
export function serialize(doc: XMLBuilder): string {
  return `${DECLARATION}\n${markup(doc)}\n`;
}
