/**
 * The pictures of a Word document not written in our styles, which the text importer reads as
 * paragraphs of text. Text carries no image, so each picture stands in the text as a paragraph of
 * its own holding a token (private-use characters no typed text holds); the text importer places it
 * as it places any paragraph (between turns, or inside the answer it sits in), and the token is then
 * replaced by the photo. The paragraph right after a picture is its caption or credit when the text
 * importer's own rules (photos.ts) read it so, or when Word styled it as a caption; it then leaves
 * the text, so it is neither a turn nor a second, imageless photo.
 *
 * A picture is taken only when its bytes are a JPEG, PNG, WebP or GIF within the library's limits
 * (what the library would store); any other is named in a finding, never turned into an empty photo.
 */
import { stripCreditPrefix } from '../../model/photo-credit';
import type { Block, Interview, Paragraph, Photo } from '../../model/schema';
import { wordText } from '../../export/docx/text';
import { probeImage } from '../../media/image-info';
import { MAX_IMAGE_BYTES } from '../../media/image-limits';
import { sha256OfBytes } from '../../export/docx/sha256';
import type { ImportFinding } from '../findings';
import { labelAtLineStart } from '../labels/shape';
import { captionWithCredit, creditLine, fitsCaption } from '../photos';
import type { ViewParagraph } from './docx-views';

/** The paragraph that stands for picture n in the text. */
export const pictureToken = (n: number): string => `\uE000${n}\uE001`;
const TOKEN = /\uE000(\d+)\uE001/g;
const HAS_TOKEN = /\uE000\d+\uE001/;

export interface ForeignText {
  /** The document's paragraphs as the text importer reads them, one per paragraph of text, separated by blank lines. */
  text: string;
  /** The photos the tokens stand for, by number. */
  photos: Photo[];
  /** The pictures' bytes, by asset id (only the pictures taken). */
  images: Map<string, Uint8Array>;
  findings: ImportFinding[];
}

const textOf = (p: ViewParagraph) => wordText(p.runs.map((r) => r.text).join('')).trim();

/** The caption and credit the paragraphs at `at` give the picture before them, and how many paragraphs they take. */
function captionAfter(view: readonly ViewParagraph[], at: number): { caption: string; credit: string; taken: number } {
  const next = view[at];
  if (!next || next.pictures.length > 0) return { caption: '', credit: '', taken: 0 };
  const text = textOf(next);
  if (text === '') return { caption: '', credit: '', taken: 0 };
  const credit = creditLine(text);
  if (credit !== null) return { caption: '', credit, taken: 1 };
  const both = captionWithCredit(text);
  if (both) return { ...both, taken: 1 };
  const after = view[at + 1];
  const creditBelow = after && after.pictures.length === 0 ? creditLine(textOf(after)) : null;
  // A caption line is only believed with a credit under it, or in Word's caption style: an answer
  // that goes on after a picture must stay an answer.
  const captionLike = fitsCaption(text) && labelAtLineStart(text) === null;
  if (captionLike && creditBelow !== null) return { caption: text, credit: creditBelow, taken: 2 };
  if (captionLike && next.style === 'Caption') return { caption: text, credit: '', taken: 1 };
  return { caption: '', credit: '', taken: 0 };
}

/** The view as text for the text importer, its pictures as tokens. */
export function foreignText(view: readonly ViewParagraph[], media: ReadonlyMap<string, Uint8Array>): ForeignText {
  const paragraphs: string[] = [];
  const photos: Photo[] = [];
  const images = new Map<string, Uint8Array>();
  const findings: ImportFinding[] = [];
  for (let i = 0; i < view.length; i++) {
    const p = view[i]!;
    const text = p.runs.map((r) => r.text).join('');
    if (text.trim() !== '' || p.pictures.length === 0) paragraphs.push(text);
    const taken: Photo[] = [];
    for (const picture of p.pictures) {
      const bytes = picture.part === null ? undefined : media.get(picture.part);
      const name = picture.part === null ? wordText(picture.descr) : picture.part.replace(/^word\/media\//, '');
      // Line numbers are the text's: each paragraph is a line followed by a blank one.
      if (!bytes || bytes.length > MAX_IMAGE_BYTES || !probeImage(bytes).ok) {
        findings.push({ kind: 'docx-picture-unsupported', line: paragraphs.length * 2 + 1, text: name });
        continue;
      }
      const assetId = sha256OfBytes(bytes);
      images.set(assetId, bytes);
      const photo: Photo = { type: 'photo', assetId, caption: '', credit: '', alt: wordText(picture.descr).trim(), children: [{ text: '' }] };
      taken.push(photo);
      paragraphs.push(pictureToken(photos.length));
      photos.push(photo);
    }
    const last = taken.at(-1);
    if (!last) continue;
    const { caption, credit, taken: used } = captionAfter(view, i + 1);
    last.caption = caption;
    last.credit = stripCreditPrefix(credit);
    i += used;
  }
  return { text: paragraphs.join('\n\n'), photos, images, findings };
}

const paragraphText = (p: Paragraph) => p.children.map((l) => l.text).join('');
const withoutTokens = (text: string) => (HAS_TOKEN.test(text) ? text.replace(TOKEN, '').replace(/ {2,}/g, ' ').trim() : text);

/**
 * The imported document with each token made its photo: a paragraph that is only a token becomes
 * the photo; a photo of the text whose caption is only a token (an `[Ảnh]` placeholder the file also
 * held) becomes the picture, keeping the credit the text gave it. A token the text importer put
 * anywhere else (a header field, other text) is taken out of that text and its photo opens the
 * body, so no picture is lost and none is placed twice.
 */
export function placePictures(doc: Interview, photos: readonly Photo[]): Interview {
  if (photos.length === 0) return doc;
  const placed = new Set<number>();
  const take = (text: string): Photo | null => {
    const m = /^\uE000(\d+)\uE001$/.exec(text.trim());
    const n = m ? Number(m[1]) : -1;
    if (!photos[n] || placed.has(n)) return null;
    placed.add(n);
    return { ...photos[n] };
  };
  const child = (b: Paragraph | Photo): Paragraph | Photo => {
    if (b.type === 'paragraph') {
      const photo = take(paragraphText(b));
      if (photo) return photo;
      return HAS_TOKEN.test(paragraphText(b)) ? { ...b, children: b.children.map((l) => ({ ...l, text: l.text.replace(TOKEN, '') })) } : b;
    }
    const photo = take(b.caption);
    if (photo) return { ...photo, credit: photo.credit || b.credit };
    return { ...b, caption: withoutTokens(b.caption), credit: withoutTokens(b.credit), alt: withoutTokens(b.alt) };
  };
  const body: Block[] = doc.body.map((b) => (b.type === 'turn' ? { ...b, children: b.children.map(child) } : child(b)));
  const meta = { ...doc.meta };
  for (const [k, v] of Object.entries(meta)) if (typeof v === 'string' && HAS_TOKEN.test(v)) (meta as Record<string, unknown>)[k] = withoutTokens(v);
  const lost = photos.filter((_, n) => !placed.has(n)).map((p) => ({ ...p }));
  return { ...doc, meta, body: [...lost, ...body] };
}
