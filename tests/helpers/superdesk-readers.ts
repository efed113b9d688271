/**
 * Our exports read the way Superdesk's ingest parsers read them: one reader per format, each
 * written from docs/superdesk-field-map.md — the element and attribute paths given there and
 * nothing else — and independently of the exporters. A field a parser does not read is not
 * returned, however well the file carries it; a file a parser refuses (namespaced NITF, ninjs
 * `associations` as a list, a time that is not UTC, a G2 item without pubStatus) throws.
 *
 * Every reader gives the same shape, so the field-map tests compare formats field by field.
 */
import { XmlDocument, XmlElement, XmlText, type XmlNode } from 'libxml2-wasm';
import { readIptc7901 } from './iptc7901-layout';

export interface ReceivedParagraph {
  /** The speaker label, told apart from the answer (emphasis at the paragraph's start, or the agency's `* Label:`), or null. */
  label: string | null;
  /** The paragraph's text after the label. */
  text: string;
}

export interface ReceivedPicture {
  caption: string;
  credit: string;
  href: string | null;
  width: number | null;
  height: number | null;
}

export interface ReceivedStory {
  headline: string;
  slugline: string | null;
  /** IPTC subject codes. */
  subjects: string[];
  byline: string | null;
  location: string | null;
  /** The sapo, where the parser has a field for it. */
  abstract: string | null;
  language: string | null;
  wordCount: number | null;
  /** The body's paragraphs, in order. */
  paragraphs: ReceivedParagraph[];
  /** All the text of the body as the parser keeps it (paragraphs, and whatever else it leaves in). */
  bodyText: string;
  /** Pictures: separate items, associations or media kept in the body. */
  pictures: ReceivedPicture[];
}

const NITF_NS = 'http://iptc.org/std/NITF/2006-10-18/';
const NAR_NS = 'http://iptc.org/std/nar/2006-10-01/';

function withXml<T>(xml: string, read: (doc: XmlDocument) => T): T {
  const doc = XmlDocument.fromString(xml);
  try {
    return read(doc);
  } finally {
    doc.dispose();
  }
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const text = (node: XmlNode | null | undefined) => (node ? squash(node.content) : null);

function first(context: XmlNode, path: string, ns?: Record<string, string>): string | null {
  return text(context.get(path, ns));
}

function attribute(context: XmlNode, path: string, ns?: Record<string, string>): string | null {
  const value = context.eval(`string(${path})`, ns);
  return typeof value === 'string' && value !== '' ? value : null;
}

const numberOrNull = (value: string | null) => (value === null ? null : Number(value));

/** A `<p>`: its label is the text of an emphasis element (`em`, `strong`) it starts with. */
function paragraphOf(p: XmlElement): ReceivedParagraph {
  let node = p.firstChild;
  while (node instanceof XmlText && node.content.trim() === '') node = node.next;
  if (node instanceof XmlElement && (node.name === 'em' || node.name === 'strong')) {
    let rest = '';
    for (let n = node.next; n !== null; n = n.next) rest += n.content;
    return { label: squash(node.content), text: squash(rest) };
  }
  return { label: null, text: squash(p.content) };
}

/** NITF's `<media>` as a picture: caption, credit, reference. */
function mediaPicture(media: XmlNode, ns?: Record<string, string>): ReceivedPicture {
  const p = ns ? 'n:' : '';
  return {
    caption: first(media, `${p}media-caption`, ns) ?? '',
    credit: first(media, `${p}media-producer`, ns) ?? '',
    href: attribute(media, `${p}media-reference/@source`, ns),
    width: numberOrNull(attribute(media, `${p}media-reference/@width`, ns)),
    height: numberOrNull(attribute(media, `${p}media-reference/@height`, ns)),
  };
}

/** Superdesk's NITF parser: only `nitf` in no namespace. */
export function readNitfAsSuperdesk(xml: string): ReceivedStory {
  return withXml(xml, (doc) => {
    if (doc.root.name !== 'nitf' || doc.root.namespaceUri !== '') throw new Error('Superdesk refuses this NITF: the root is not nitf in no namespace');
    const root = doc.root;
    const content = root.get('body/body.content');
    if (!content) throw new Error('Superdesk refuses this NITF: no body/body.content');
    const blocks = content.find('*') as XmlElement[];
    return {
      headline: first(root, 'body/body.head/hedline/hl1') ?? first(root, 'head/title') ?? '',
      slugline: attribute(root, 'head/meta[@name="anpa-keyword"]/@content'),
      subjects: root.find('head/tobject/tobject.subject/@tobject.subject.refnum').map((a) => a.content),
      byline: first(root, 'body/body.head/byline'),
      location: first(root, 'body/body.head/dateline/location/city'),
      abstract: first(root, 'body/body.head/abstract/p[1]'),
      language: null, // no reader for language
      wordCount: numberOrNull(attribute(root, 'head/meta[@name="anpa-wordcount"]/@content')),
      paragraphs: blocks.filter((b) => b.name === 'p').map(paragraphOf),
      bodyText: squash(content.content),
      pictures: blocks.filter((b) => b.name === 'media').map((m) => mediaPicture(m)),
    };
  });
}

const G2 = { g: NAR_NS, n: NITF_NS };

/** Superdesk's NewsML-G2 parser: the text item, and the picture items of the message. */
export function readNewsmlG2AsSuperdesk(xml: string): ReceivedStory {
  return withXml(xml, (doc) => {
    const items = doc.find('/g:newsMessage/g:itemSet/*', G2);
    for (const item of items) if (!item.get('g:itemMeta/g:pubStatus', G2)) throw new Error('Superdesk refuses an item without pubStatus');
    const textItem = doc.get('/g:newsMessage/g:itemSet/g:newsItem[g:itemMeta/g:itemClass/@qcode="ninat:text"]', G2);
    if (!textItem) throw new Error('no text item');
    const meta = textItem.get('g:contentMeta', G2)!;
    const inline = textItem.get('g:contentSet/g:inlineXML[@contenttype="application/nitf+xml"]', G2);
    // Only the children of body.content/block, in the NITF namespace; `<media>` becomes its caption text.
    const blocks = (inline?.find('.//n:body.content/n:block/*', G2) ?? []) as XmlElement[];
    const pictures = doc.find('/g:newsMessage/g:itemSet/g:newsItem[g:itemMeta/g:itemClass/@qcode="ninat:picture"]', G2).map(
      (item): ReceivedPicture => ({
        caption: first(item, 'g:contentMeta/g:description[1]', G2) ?? '',
        credit: first(item, 'g:contentMeta/g:by', G2) ?? '',
        href: attribute(item, 'g:contentSet/g:remoteContent/@href', G2),
        width: numberOrNull(attribute(item, 'g:contentSet/g:remoteContent/@width', G2)),
        height: numberOrNull(attribute(item, 'g:contentSet/g:remoteContent/@height', G2)),
      }),
    );
    return {
      headline: first(meta, 'g:headline', G2) ?? '',
      slugline: first(meta, 'g:slugline', G2),
      subjects: meta.find('g:subject[starts-with(@qcode, "subj:")]/@qcode', G2).map((a) => a.content.slice('subj:'.length)),
      byline: first(meta, 'g:by', G2),
      location: first(meta, 'g:subject[@type="cptType:5"]/g:name', G2),
      abstract: null, // a text item's description is not read
      language: attribute(meta, 'g:language/@tag', G2),
      wordCount: numberOrNull(inline ? attribute(inline, '@wordcount') : null),
      paragraphs: blocks.filter((b) => b.name === 'p').map(paragraphOf),
      bodyText: squash(blocks.map((b) => b.content).join(' ')),
      pictures,
    };
  });
}

const UTC = /(?:Z|\+00:00|\+0000)$/;

/** body_html's paragraphs and figures (our exports write it well-formed, so libxml2 reads it). */
function readBodyHtml(html: string): { paragraphs: ReceivedParagraph[]; bodyText: string; figures: Array<{ id: string | null; caption: string; credit: string; src: string | null }> } {
  return withXml(`<body>${html}</body>`, (doc) => {
    const children = doc.root.find('*') as XmlElement[];
    const figures = children
      .filter((c) => c.name === 'figure')
      .map((f) => {
        const before = f.prev;
        const id = before && !(before instanceof XmlElement) ? (/EMBED START Image \{id: "([^"]+)"\}/.exec(before.content)?.[1] ?? null) : null;
        return { id, caption: squash((f.get('figcaption')?.content ?? '').replace(first(f, 'figcaption/span[@class="credit"]') ?? '', '')), credit: first(f, 'figcaption/span[@class="credit"]') ?? '', src: attribute(f, 'img/@src') };
      });
    return { paragraphs: children.filter((c) => c.name === 'p').map(paragraphOf), bodyText: squash(doc.root.content), figures };
  });
}

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/** Superdesk's ninjs parser: its own dialect. */
export function readNinjsAsSuperdesk(json: string): ReceivedStory & { associations: Record<string, ReceivedPicture>; embedded: string[] } {
  const item = JSON.parse(json) as Json;
  if (!str(item.guid) && !str(item.uri)) throw new Error('Superdesk ninjs: no guid');
  for (const key of ['versioncreated', 'firstcreated']) {
    const value = item[key];
    if (value !== undefined && (typeof value !== 'string' || !UTC.test(value))) throw new Error(`Superdesk ninjs: ${key} is not UTC`);
  }
  const raw = item.associations ?? {};
  if (Array.isArray(raw) || typeof raw !== 'object' || raw === null) throw new Error("Superdesk ninjs: 'list' object has no attribute 'items' (associations must be an object)");
  const associations: Record<string, ReceivedPicture> = {};
  for (const [name, value] of Object.entries(raw as Record<string, Json>)) {
    const original = ((value.renditions ?? {}) as Json).original as Json | undefined;
    associations[name] = {
      caption: str(value.description_text) ?? '',
      credit: str(value.byline) ?? '',
      href: str(original?.href),
      width: typeof original?.width === 'number' ? original.width : null,
      height: typeof original?.height === 'number' ? original.height : null,
    };
  }
  const body = readBodyHtml(typeof item.body_html === 'string' ? item.body_html : '');
  const subjects = Array.isArray(item.subject) ? item.subject.map((s) => String((s as Json).code)) : [];
  return {
    headline: str(item.headline) ?? '',
    slugline: str(item.slugline),
    subjects,
    byline: str(item.byline),
    location: str(item.located),
    abstract: str(item.description_text),
    language: str(item.language),
    wordCount: typeof item.wordcount === 'number' ? item.wordcount : null,
    paragraphs: body.paragraphs,
    bodyText: body.bodyText,
    pictures: Object.values(associations),
    associations,
    embedded: body.figures.map((f) => f.id ?? '(no embed id)'),
  };
}

/** Superdesk's IPTC 7901 parser (Latin-1): headline from the STX line, slugline from the keyword line, location from the line under the headline. */
export function readIptc7901AsSuperdesk(bytes: Uint8Array): ReceivedStory {
  const message = readIptc7901(bytes);
  // Paragraphs: a blank line, then a first line with the 3-space indent and its continuation lines.
  const paragraphs: string[][] = [];
  for (const line of message.textLines.slice(message.headerLines.length)) {
    if (line === '') paragraphs.push([]);
    else paragraphs.at(-1)?.push(line.trim());
  }
  const texts = paragraphs.filter((p) => p.length > 0).map((p) => p.join(' '));
  const labelled = (t: string): ReceivedParagraph => {
    const m = /^(\* [^:]+:)\s*(.*)$/.exec(t);
    return m ? { label: m[1]!, text: m[2]! } : { label: null, text: t };
  };
  return {
    headline: message.headlineLines[0]!, // the whole line, as the parser takes it
    slugline: message.keywordLines.join('').replace(/\/$/, ''),
    subjects: [],
    byline: texts.at(-1) ?? null, // no field: the text's last paragraph
    location: message.headerLines[0] ?? null,
    abstract: null,
    language: null,
    wordCount: message.wordCount,
    paragraphs: texts.map(labelled),
    bodyText: texts.join(' '),
    pictures: [],
  };
}
