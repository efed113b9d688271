/**
 * A .docx read into what the importers need, and nothing they do not: paragraphs in order (their
 * style, their runs with bold, italic, character style, revision and the comment ranges open over
 * them, their pictures and the revision of their paragraph mark), the comments with their threads
 * and resolved state, and the custom document properties. docs/wordprocessingml.md lists the subset.
 *
 * Revisions are kept as Word wrote them (author and date): which view of the text is wanted is the
 * reader's choice (docx-views.ts). A move is read as the deletion and insertion it amounts to; text
 * deleted inside an insertion is deleted (the accepted view has none of it).
 */
import { DocxError } from './docx-error';
import { readPackage } from './read-package';
import { attr, childNamed, childrenNamed, descendants, isElement, NS, parseXml, textOf, type XmlElement } from './xml-tree';

export interface Revision {
  kind: 'ins' | 'del';
  author: string;
  /** As written (ISO 8601); null when the producer gave none. */
  date: string | null;
}

export interface DocxRun {
  text: string;
  bold: boolean;
  italic: boolean;
  /** The character style id (`Speaker`), or null. */
  style: string | null;
  revision: Revision | null;
  /** The Word comment ids whose range covers this run. */
  comments: readonly string[];
}

export interface DocxPicture {
  /** The image's part (`word/media/image1.png`), or null when it is linked, not embedded. */
  part: string | null;
  /** The alt text (`wp:docPr/@descr`). */
  descr: string;
  revision: Revision | null;
}

export interface DocxParagraph {
  /** The paragraph style, resolved to one of ours where its id or name is one (styles.ts), else its id; null for Normal. */
  style: string | null;
  runs: DocxRun[];
  pictures: DocxPicture[];
  /** The paragraph mark inserted (a split) or deleted (a join with the next paragraph). */
  mark: Revision | null;
}

export interface DocxComment {
  id: string;
  author: string;
  initials: string;
  date: string | null;
  text: string;
  /** The Word id of the comment this one replies to (commentsExtended.xml), or null. */
  parent: string | null;
  done: boolean;
}

export interface DocxReading {
  paragraphs: DocxParagraph[];
  comments: DocxComment[];
  /** Custom document properties by name (docProps/custom.xml). */
  properties: ReadonlyMap<string, string>;
  /** Core properties: title, creator, … (docProps/core.xml), by local name. */
  core: ReadonlyMap<string, string>;
  /** The images the paragraphs name, by part. */
  media: ReadonlyMap<string, Uint8Array>;
  /** What the file holds that the importer does not carry (formatting revisions, tables), counted. */
  unsupported: { formatChanges: number; tables: number };
}

const OFF = new Set(['0', 'false', 'off']);
const on = (el: XmlElement | undefined) => el !== undefined && !OFF.has(attr(el, NS.w, 'val') ?? 'true');

/** Style ids and names that mean one of our styles (Word's own Title and Subtitle too). */
const OUR_STYLES = ['Headline', 'Subheadline', 'Sapo', 'Byline', 'StoryDetails', 'Intro', 'Question', 'Answer', 'Photo', 'Caption', 'Credit', 'Speaker'];
const WORD_STYLES: Readonly<Record<string, string>> = { title: 'Headline', subtitle: 'Subheadline', caption: 'Caption' };

function styleResolver(stylesXml: string | undefined): (id: string | undefined) => string | null {
  const names = new Map<string, string>();
  if (stylesXml !== undefined) {
    const root = parseXml(stylesXml, 'word/styles.xml');
    for (const s of childrenNamed(root, NS.w, 'style')) {
      const id = attr(s, NS.w, 'styleId');
      const name = childNamed(s, NS.w, 'name');
      if (id !== undefined && name) names.set(id, attr(name, NS.w, 'val') ?? id);
    }
  }
  return (id) => {
    if (id === undefined || id === 'Normal') return null;
    for (const candidate of [id, names.get(id) ?? id]) {
      const ours = OUR_STYLES.find((s) => s.toLowerCase() === candidate.replace(/\s+/g, '').toLowerCase());
      if (ours) return ours;
      const word = WORD_STYLES[candidate.toLowerCase()];
      if (word) return word;
    }
    return id;
  };
}

function relationships(xml: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (xml === undefined) return out;
  for (const r of childrenNamed(parseXml(xml, 'word/_rels/document.xml.rels'), NS.rel, 'Relationship')) {
    const id = r.attrs.get('Id');
    const target = r.attrs.get('Target');
    if (id === undefined || target === undefined || r.attrs.get('TargetMode') === 'External') continue;
    const path = target.startsWith('/') ? target.slice(1) : `word/${target}`;
    // `word/../media/x.png` and the like, resolved; a path leaving the package names nothing.
    const parts: string[] = [];
    for (const seg of path.split('/')) {
      if (seg === '..') parts.pop();
      else if (seg !== '.' && seg !== '') parts.push(seg);
    }
    out.set(id, parts.join('/'));
  }
  return out;
}

const revisionOf = (el: XmlElement, kind: 'ins' | 'del'): Revision => ({ kind, author: attr(el, NS.w, 'author') ?? '', date: attr(el, NS.w, 'date') ?? null });

class BodyReader {
  readonly paragraphs: DocxParagraph[] = [];
  readonly unsupported = { formatChanges: 0, tables: 0 };
  private readonly open = new Set<string>();

  constructor(
    private readonly style: (id: string | undefined) => string | null,
    private readonly rels: ReadonlyMap<string, string>,
  ) {}

  block(el: XmlElement): void {
    for (const c of el.children) {
      if (!isElement(c) || c.ns !== NS.w) continue;
      if (c.name === 'p') this.paragraph(c);
      else if (c.name === 'tbl') {
        this.unsupported.tables++;
        for (const cell of descendants(c, NS.w, 'tc')) this.block(cell);
      } else if (c.name === 'sdt') {
        const content = childNamed(c, NS.w, 'sdtContent');
        if (content) this.block(content);
      } else if (c.name === 'customXml' || c.name === 'ins' || c.name === 'moveTo') this.block(c);
      else if (c.name === 'commentRangeStart' || c.name === 'commentRangeEnd') this.marker(c);
    }
  }

  private marker(el: XmlElement): void {
    const id = attr(el, NS.w, 'id');
    if (id === undefined) return;
    if (el.name === 'commentRangeStart') this.open.add(id);
    else this.open.delete(id);
  }

  private paragraph(p: XmlElement): void {
    const pPr = childNamed(p, NS.w, 'pPr');
    const markProps = pPr && childNamed(pPr, NS.w, 'rPr');
    const markIns = markProps && childNamed(markProps, NS.w, 'ins');
    const markDel = markProps && childNamed(markProps, NS.w, 'del');
    if (pPr && childNamed(pPr, NS.w, 'pPrChange')) this.unsupported.formatChanges++;
    const styleEl = pPr && childNamed(pPr, NS.w, 'pStyle');
    const out: DocxParagraph = {
      style: this.style(styleEl && attr(styleEl, NS.w, 'val')),
      runs: [],
      pictures: [],
      mark: markDel ? revisionOf(markDel, 'del') : markIns ? revisionOf(markIns, 'ins') : null,
    };
    this.inline(p, out, []);
    this.paragraphs.push(out);
  }

  /** Runs and what wraps them, with the revisions around them (innermost last). */
  private inline(el: XmlElement, out: DocxParagraph, revisions: readonly Revision[]): void {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.ns !== NS.w) {
        continue;
      }
      switch (c.name) {
        case 'r':
          this.run(c, out, revisions);
          break;
        case 'ins':
        case 'moveTo':
          this.inline(c, out, [...revisions, revisionOf(c, 'ins')]);
          break;
        case 'del':
        case 'moveFrom':
          this.inline(c, out, [...revisions, revisionOf(c, 'del')]);
          break;
        case 'hyperlink':
        case 'smartTag':
        case 'customXml':
        case 'fldSimple':
        case 'dir':
        case 'bdo':
          this.inline(c, out, revisions);
          break;
        case 'sdt': {
          const content = childNamed(c, NS.w, 'sdtContent');
          if (content) this.inline(content, out, revisions);
          break;
        }
        case 'commentRangeStart':
        case 'commentRangeEnd':
          this.marker(c);
          break;
        default:
          break;
      }
    }
  }

  private run(r: XmlElement, out: DocxParagraph, revisions: readonly Revision[]): void {
    // Text deleted inside an insertion is deleted: the innermost deletion decides, else the innermost insertion.
    const revision = [...revisions].reverse().find((v) => v.kind === 'del') ?? revisions.at(-1) ?? null;
    const rPr = childNamed(r, NS.w, 'rPr');
    if (rPr && childNamed(rPr, NS.w, 'rPrChange')) this.unsupported.formatChanges++;
    const rStyle = rPr && childNamed(rPr, NS.w, 'rStyle');
    const marks = {
      bold: on(rPr && childNamed(rPr, NS.w, 'b')),
      italic: on(rPr && childNamed(rPr, NS.w, 'i')),
      style: this.style(rStyle && attr(rStyle, NS.w, 'val')),
    };
    let text = '';
    const flush = () => {
      if (text === '') return;
      out.runs.push({ text, ...marks, revision, comments: [...this.open] });
      text = '';
    };
    for (const c of r.children) {
      if (!isElement(c) || (c.ns !== NS.w && c.name !== 'drawing')) continue;
      switch (c.name) {
        case 't':
        case 'delText':
          text += textOf(c);
          break;
        case 'tab':
        case 'br':
        case 'cr':
          text += ' ';
          break;
        case 'noBreakHyphen':
          text += '\u2011';
          break;
        case 'drawing':
          flush();
          this.pictures(c, out, revision);
          break;
        case 'pict':
          flush();
          this.vmlPictures(c, out, revision);
          break;
        default:
          break;
      }
    }
    flush();
  }

  private pictures(drawing: XmlElement, out: DocxParagraph, revision: Revision | null): void {
    const docPr = descendants(drawing, NS.wp, 'docPr')[0];
    for (const blip of descendants(drawing, NS.a, 'blip')) {
      const embed = attr(blip, NS.r, 'embed');
      out.pictures.push({ part: embed === undefined ? null : (this.rels.get(embed) ?? null), descr: (docPr && docPr.attrs.get('descr')) ?? '', revision });
    }
  }

  /** A picture as Word 2003 and documents converted from .doc hold it: `w:pict` → `v:shape` → `v:imagedata/@r:id`. */
  private vmlPictures(pict: XmlElement, out: DocxParagraph, revision: Revision | null): void {
    for (const shape of descendants(pict, NS.v, 'shape')) {
      for (const data of descendants(shape, NS.v, 'imagedata')) {
        const id = attr(data, NS.r, 'id');
        out.pictures.push({ part: id === undefined ? null : (this.rels.get(id) ?? null), descr: shape.attrs.get('alt') ?? '', revision });
      }
    }
  }
}

function readComments(xml: string | undefined, extendedXml: string | undefined): DocxComment[] {
  if (xml === undefined) return [];
  const extended = new Map<string, { parent: string | null; done: boolean }>();
  if (extendedXml !== undefined) {
    for (const ex of childrenNamed(parseXml(extendedXml, 'word/commentsExtended.xml'), NS.w15, 'commentEx')) {
      const paraId = attr(ex, NS.w15, 'paraId');
      if (paraId !== undefined) extended.set(paraId.toUpperCase(), { parent: attr(ex, NS.w15, 'paraIdParent')?.toUpperCase() ?? null, done: attr(ex, NS.w15, 'done') === '1' });
    }
  }
  const byParaId = new Map<string, string>();
  const read = childrenNamed(parseXml(xml, 'word/comments.xml'), NS.w, 'comment').map((c) => {
    const paragraphs = childrenNamed(c, NS.w, 'p');
    const lastParaId = paragraphs.length > 0 ? attr(paragraphs[paragraphs.length - 1]!, NS.w14, 'paraId')?.toUpperCase() : undefined;
    const id = attr(c, NS.w, 'id') ?? '';
    if (lastParaId !== undefined) byParaId.set(lastParaId, id);
    const text = paragraphs.map((p) => descendants(p, NS.w, 't').map(textOf).join('')).join('\n');
    return { id, author: attr(c, NS.w, 'author') ?? '', initials: attr(c, NS.w, 'initials') ?? '', date: attr(c, NS.w, 'date') ?? null, text, lastParaId };
  });
  return read.map(({ lastParaId, ...c }) => {
    const ex = lastParaId === undefined ? undefined : extended.get(lastParaId);
    const parent = ex?.parent ? (byParaId.get(ex.parent) ?? null) : null;
    return { ...c, parent: parent === c.id ? null : parent, done: ex?.done ?? false };
  });
}

function readProperties(xml: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (xml === undefined) return out;
  for (const p of childrenNamed(parseXml(xml, 'docProps/custom.xml'), NS.custom, 'property')) {
    const name = p.attrs.get('name');
    if (name !== undefined) out.set(name, textOf(p));
  }
  return out;
}

function readCore(xml: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (xml === undefined) return out;
  for (const c of parseXml(xml, 'docProps/core.xml').children) if (isElement(c)) out.set(c.name, textOf(c));
  return out;
}

/** Read a .docx; throws DocxError when it is not one, is hostile or is damaged. */
export function readDocx(bytes: Uint8Array): DocxReading {
  const pkg = readPackage(bytes);
  const root = parseXml(pkg.xml.get('word/document.xml')!, 'word/document.xml');
  const body = childNamed(root, NS.w, 'body');
  if (root.ns !== NS.w || root.name !== 'document' || !body) throw new DocxError('no_document', 'word/document.xml holds no Word document body.');
  const reader = new BodyReader(styleResolver(pkg.xml.get('word/styles.xml')), relationships(pkg.xml.get('word/_rels/document.xml.rels')));
  reader.block(body);
  return {
    paragraphs: reader.paragraphs,
    comments: readComments(pkg.xml.get('word/comments.xml'), pkg.xml.get('word/commentsExtended.xml')),
    properties: readProperties(pkg.xml.get('docProps/custom.xml')),
    core: readCore(pkg.xml.get('docProps/core.xml')),
    media: pkg.media,
    unsupported: reader.unsupported,
  };
}
