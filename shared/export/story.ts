/**
 * The story as every wire format sees it: the document flattened once into clean metadata and
 * one ordered list of paragraphs and photos, so no format walks the
 * Slate tree itself and no format is derived from another.
 *
 * - Every string goes through cleanLine: NFC, no characters XML 1.0 forbids, lone surrogates
 *   as U+FFFD; tabs become spaces. Exports of a document that bypassed normalisation are still
 *   well-formed.
 * - A turn's first paragraph carries the printed speaker label (`* Phóng viên:`, the agency
 *   layout); continuation paragraphs carry none. Empty paragraphs are dropped, but a turn with no
 *   text at all still prints its label, so nothing the writer put in the body silently vanishes
 *   (preflight warns about it).
 * - Photos keep their position: a photo inside an answer stays between its paragraphs.
 *
 * - The slugline is the slug, or one made from the headline (slugline.ts); the subjects come
 *   from the options (the section looked up in the destination's table, subjects.ts).
 * - Each photo with a file knows how formats refer to it: `ref` for the formats that deliver the
 *   file with them (NITF, NewsML-G2, HTML, Superdesk ninjs: the relative path, or the absolute
 *   address when the destination has a picture base URL), `uri` for those that need an absolute
 *   URI whatever the destination (IPTC ninjs).
 * - The word count is defined here once, and every format that carries one writes this number.
 *
 * Ids follow RFC 3085's NewsML URN: `urn:newsml:{authority}:{YYYYMMDD of firstCreated}:{item}`,
 * where item is the document id for the text, `{id}.package` for the package and
 * `{id}.pic-{sha-256}` for a picture (`-2`, `-3`… when one image is used again). Document ids
 * never contain `.`, so these cannot collide with another document's id, and none of them changes
 * from one version to the next.
 */
import type { Interview, Language, Paragraph, Participant, ParticipantRole, Photo } from '../model/schema';
import { printedCredit } from '../model/photo-credit';
import { cleanLine, cleanMultiline } from '../text/normalize-text';
import { resolveOptions, type ExportOptions, type PictureFile, type ResolvedOptions } from './options';
import { sluglineFrom } from './slugline';
import type { Subject } from './subjects';

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

/**
 * intro: before the first turn; question/answer: inside a turn, by the speaker's role;
 * between: a free paragraph between turns; closing: after the last turn.
 */
export type ParagraphRole = 'intro' | ParticipantRoleClass | 'between' | 'closing';
type ParticipantRoleClass = 'question' | 'answer';

export interface StoryParagraph {
  kind: 'paragraph';
  role: ParagraphRole;
  /** The printed label (`* Phóng viên:`) on a turn's first paragraph, else null. */
  label: string | null;
  /** Text runs with their marks; whitespace-trimmed at the paragraph's ends; may be empty only when labelled. */
  runs: Run[];
  /** The runs' text joined. */
  text: string;
  /** The first intro paragraph: the lede (`TTXVN - …`). */
  lede: boolean;
}

export interface StoryPhoto {
  kind: 'photo';
  /** Item-local name, unique in the story and stable across versions: `pic-{sha-256}[-n]` or `pic-{n}` without an image. */
  name: string;
  /** The picture item's id, or null when the photo has no image to deliver. */
  guid: string | null;
  assetId: string | null;
  file: PictureFile | null;
  caption: string;
  credit: string;
  alt: string;
  /** `Ảnh: Thanh Hải/TTXVN`, or '' without a credit. */
  printedCredit: string;
  /** Caption and printed credit as one line, the way the agency prints them under a photo. */
  captionLine: string;
  /** How formats that deliver the file refer to it (see the module comment), or null without a file. */
  ref: string | null;
  /** Its absolute URI (`baseUri` + file name), or null without a file or a base URI. */
  uri: string | null;
}

export type StoryBlock = StoryParagraph | StoryPhoto;

export interface StoryMeta {
  section: string;
  headline: string;
  subheadline: string;
  location: string;
  sapo: string;
  byline: string;
  source: string;
  slug: string;
  /** The slug, or one made from the headline: never empty while the headline is not. */
  slugline: string;
  /** IPTC subjects (from the section), in order. */
  subjects: readonly Subject[];
  keywords: string[];
  /** Multi-line: keeps `\n`. */
  editorialNote: string;
  language: Language;
  urgency: number;
  /** UTC, whole seconds, or null. */
  embargo: string | null;
}

export interface Story {
  docId: string;
  meta: StoryMeta;
  ids: { text: string; package: string };
  options: ResolvedOptions;
  blocks: StoryBlock[];
  photos: StoryPhoto[];
  /** Photos that have an image to deliver, in order. */
  pictures: Array<StoryPhoto & { guid: string; file: PictureFile; assetId: string }>;
  /**
   * The story's word count, the one number every format carries: the words of the body's
   * paragraphs, speaker labels included; headline, sapo, captions and byline not (wherever a
   * format places them, so the count is the same in all).
   */
  wordCount: number;
}

/** The label printed before a turn, as in the agency's layout (`* Phóng viên:`). */
export function printedLabel(label: string): string {
  return `* ${label}:`;
}

const ROLE_CLASS: Readonly<Record<ParticipantRole, ParticipantRoleClass>> = { interviewer: 'question', interviewee: 'answer' };

/**
 * cleanLine, and tabs as spaces: NewsML-G2 refuses tabs in many elements (g2normalizedString) and
 * no wire format gives them a meaning.
 */
function flat(value: string): string {
  return cleanLine(value).replace(/\t/g, ' ');
}

function clean(value: string): string {
  return flat(value).trim();
}

/** Runs of a paragraph: cleaned, neighbours with equal marks merged, trimmed at the ends. */
function runsOf(p: Paragraph): Run[] {
  const runs: Run[] = [];
  for (const leaf of p.children) {
    const run: Run = { text: flat(leaf.text), bold: leaf.bold === true, italic: leaf.italic === true };
    const prev = runs[runs.length - 1];
    if (prev && prev.bold === run.bold && prev.italic === run.italic) prev.text += run.text;
    else runs.push(run);
  }
  // Trim the paragraph's ends, which may span several runs (`"  "`, then `" x"` in bold).
  for (const run of runs) if ((run.text = run.text.trimStart()) !== '') break;
  for (const run of [...runs].reverse()) if ((run.text = run.text.trimEnd()) !== '') break;
  return runs.filter((r) => r.text !== '');
}

/** The embargo in UTC; the schema has checked it is an ISO 8601 date-time with an offset. */
function embargoUtc(iso: string | null): string | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function storyMeta(doc: Interview, options: ResolvedOptions): StoryMeta {
  const m = doc.meta;
  const headline = clean(m.headline);
  const slug = clean(m.slug);
  return {
    section: clean(m.section),
    headline,
    subheadline: clean(m.subheadline),
    location: clean(m.location),
    sapo: clean(m.sapo),
    byline: clean(m.byline),
    source: clean(m.source),
    slug,
    slugline: sluglineFrom(slug, headline),
    subjects: options.subjects.map((subject) => ({ code: subject.code, name: clean(subject.name) })),
    keywords: m.keywords.map(clean).filter((k) => k !== ''),
    editorialNote: cleanMultiline(m.editorialNote).replace(/\t/g, ' ').trim(),
    language: m.language,
    urgency: m.urgency,
    embargo: embargoUtc(m.embargo),
  };
}

/** `urn:newsml:{authority}:{YYYYMMDD}:{item}`; see the module comment. */
export function newsmlUrn(options: ResolvedOptions, item: string): string {
  const date = options.firstCreated.slice(0, 10).replace(/-/g, '');
  return `urn:newsml:${options.authority}:${date}:${item}`;
}

/**
 * Inside `withOneStory`, the story last built for a (document, options) pair is reused: one export
 * builds it for the format and again for its list of pictures, ~15 ms each at 2,000 paragraphs.
 * Scoped to the call, so a document changed in place between two exports is never served stale.
 */
let reuse: { doc: Interview; options: ExportOptions; story: Story } | null | undefined;

export function withOneStory<T>(run: () => T): T {
  const outer = reuse;
  reuse = null;
  try {
    return run();
  } finally {
    reuse = outer;
  }
}

/** Flatten a (schema-valid) document for export. Throws RangeError for invalid options only. */
export function buildStory(doc: Interview, exportOptions: ExportOptions): Story {
  if (reuse === undefined) return flattenStory(doc, exportOptions);
  if (reuse?.doc === doc && reuse.options === exportOptions) return reuse.story;
  const story = flattenStory(doc, exportOptions);
  reuse = { doc, options: exportOptions, story };
  return story;
}

function flattenStory(doc: Interview, exportOptions: ExportOptions): Story {
  const options = resolveOptions(exportOptions);
  const meta = storyMeta(doc, options);
  const participants = new Map<string, Participant>(doc.participants.map((p) => [p.id, p]));
  const blocks: StoryBlock[] = [];
  const photos: StoryPhoto[] = [];
  const uses = new Map<string, number>();

  const addPhoto = (photo: Photo) => {
    const file = photo.assetId === null ? null : (options.pictures[photo.assetId] ?? null);
    let name = `pic-${photos.length + 1}`;
    if (file && photo.assetId) {
      const n = (uses.get(photo.assetId) ?? 0) + 1;
      uses.set(photo.assetId, n);
      name = n === 1 ? `pic-${photo.assetId}` : `pic-${photo.assetId}-${n}`;
    }
    const caption = clean(photo.caption);
    const credit = clean(photo.credit);
    const credited = printedCredit(credit, meta.language);
    const story: StoryPhoto = {
      kind: 'photo',
      name,
      guid: file ? newsmlUrn(options, `${doc.id}.${name}`) : null,
      assetId: photo.assetId,
      file,
      caption,
      credit,
      alt: clean(photo.alt),
      printedCredit: credited,
      captionLine: [caption, credited].filter((s) => s !== '').join(' '),
      ref: null,
      uri: null,
    };
    if (file) {
      story.uri = options.baseUri === null ? null : options.baseUri + file.fileName;
      story.ref = options.absolutePictureRefs && story.uri !== null ? story.uri : options.pictureFolder + file.fileName;
    }
    photos.push(story);
    blocks.push(story);
  };

  const turnCount = doc.body.filter((b) => b.type === 'turn').length;
  let turnsSeen = 0;
  let ledeGiven = false;
  for (const block of doc.body) {
    if (block.type === 'photo') {
      addPhoto(block);
    } else if (block.type === 'paragraph') {
      const runs = runsOf(block);
      if (runs.length === 0) continue;
      const role: ParagraphRole = turnsSeen === 0 ? 'intro' : turnsSeen === turnCount ? 'closing' : 'between';
      const lede: boolean = role === 'intro' && !ledeGiven;
      ledeGiven ||= lede;
      blocks.push({ kind: 'paragraph', role, label: null, runs, text: runs.map((r) => r.text).join(''), lede });
    } else {
      turnsSeen++;
      const speaker = participants.get(block.speakerId);
      const label = printedLabel(clean(speaker?.label ?? '') || block.speakerId);
      const role = ROLE_CLASS[speaker?.role ?? 'interviewee'];
      let labelled = false;
      for (const child of block.children) {
        if (child.type === 'photo') {
          addPhoto(child);
          continue;
        }
        const runs = runsOf(child);
        if (runs.length === 0) continue;
        blocks.push({ kind: 'paragraph', role, label: labelled ? null : label, runs, text: runs.map((r) => r.text).join(''), lede: false });
        labelled = true;
      }
      if (!labelled) blocks.push({ kind: 'paragraph', role, label, runs: [], text: '', lede: false });
    }
  }

  // Counted when a format asks, once.
  let wordCount: number | null = null;
  return {
    docId: doc.id,
    meta,
    ids: { text: newsmlUrn(options, doc.id), package: newsmlUrn(options, `${doc.id}.package`) },
    options,
    blocks,
    photos,
    pictures: photos.filter((p): p is Story['pictures'][number] => p.guid !== null && p.file !== null && p.assetId !== null),
    get wordCount(): number {
      if (wordCount === null) {
        wordCount = 0;
        for (const b of blocks) if (b.kind === 'paragraph') wordCount += countWords(paragraphPlainText(b));
      }
      return wordCount;
    },
  };
}

const WORDY = /[\p{L}\p{N}]/u;

/**
 * Words as countText (text/word-count.ts) counts them: runs of non-space holding a letter or a
 * digit. Not countText itself: for emoji it also counts graphemes with Intl.Segmenter, which takes
 * seconds on one 100,000-character paragraph (quadratic on Node 20), and exports need no
 * character count.
 */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/u)) if (isWordToken(token)) words++;
  return words;
}

/** Whether a run of non-space (a token of `text.split(/\s+/)`) counts as a word: it holds a letter or a digit. */
export const isWordToken = (token: string): boolean => startsWithAsciiAlnum(token) || WORDY.test(token);

/** A shortcut for WORDY (most tokens start with a letter); anything else is left to the regex. */
function startsWithAsciiAlnum(token: string): boolean {
  const c = token.charCodeAt(0); // NaN for '' (false below)
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** The paragraph as plain text with its label: `* Phóng viên: Thưa ông…`. */
export function paragraphPlainText(p: StoryParagraph): string {
  if (p.label === null) return p.text;
  return p.text === '' ? p.label : `${p.label} ${p.text}`;
}
