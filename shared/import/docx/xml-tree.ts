/**
 * A Word part as a small element tree, read with saxes (strict XML, namespaces resolved). Elements
 * are named by namespace URI and local name, so a producer's prefixes (`w:`, `ns0:`) never matter.
 * A part that is not well-formed XML, or declares a DTD (entity expansion is how XML bombs work, and
 * WordprocessingML never needs one), is refused with `DocxError('malformed_xml')`.
 */
import { SaxesParser } from 'saxes';
import { DocxError } from './docx-error';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  w15: 'http://schemas.microsoft.com/office/word/2012/wordml',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  v: 'urn:schemas-microsoft-com:vml',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  custom: 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties',
  vt: 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes',
  dc: 'http://purl.org/dc/elements/1.1/',
} as const;

export interface XmlElement {
  ns: string;
  name: string;
  /** Attributes by `{namespace}local` (no namespace: the local name alone). */
  attrs: ReadonlyMap<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const key = (ns: string, local: string) => (ns === '' ? local : `{${ns}}${local}`);

/** An attribute of an element, by namespace and local name. */
export const attr = (el: XmlElement, ns: string, local: string): string | undefined => el.attrs.get(key(ns, local));

export const isElement = (node: XmlNode): node is XmlElement => typeof node !== 'string';

/** The child elements named (ns, name). */
export const childrenNamed = (el: XmlElement, ns: string, name: string): XmlElement[] => el.children.filter((c): c is XmlElement => isElement(c) && c.ns === ns && c.name === name);

export const childNamed = (el: XmlElement, ns: string, name: string): XmlElement | undefined => childrenNamed(el, ns, name)[0];

/** Every descendant element named (ns, name), in document order. */
export function descendants(el: XmlElement, ns: string, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const c of e.children) {
      if (!isElement(c)) continue;
      if (c.ns === ns && c.name === name) out.push(c);
      visit(c);
    }
  };
  visit(el);
  return out;
}

/** The text under an element, in order. */
export const textOf = (el: XmlElement): string => el.children.map((c) => (isElement(c) ? textOf(c) : c)).join('');

/** Parse one part; `part` names it in the error. */
export function parseXml(xml: string, part: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const root: XmlElement = { ns: '', name: '#document', attrs: new Map(), children: [] };
  const stack: XmlElement[] = [root];
  let failure: string | null = null;
  parser.on('error', (e) => {
    failure ??= e.message;
  });
  parser.on('doctype', () => {
    failure ??= 'a document type declaration';
  });
  parser.on('opentag', (tag) => {
    const attrs = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) attrs.set(key(a.uri, a.local), a.value);
    const el: XmlElement = { ns: tag.uri, name: tag.local, attrs, children: [] };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    stack[stack.length - 1]!.children.push(text);
  });
  parser.on('cdata', (text) => {
    stack[stack.length - 1]!.children.push(text);
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    failure ??= (e as Error).message;
  }
  const top = root.children.find(isElement);
  if (failure !== null || !top) throw new DocxError('malformed_xml', `${part} is not well-formed XML${failure ? ` (${failure})` : ''}.`);
  return top;
}
