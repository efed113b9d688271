/**
 * IPTC 7901 plain wire text, framed byte for byte as agency feeds send it and as Superdesk's
 * IPTC7901FeedParser reads it:
 *
 *   SOH {source id}{message no.} SP {priority} SP {category} SP {word count} SP CR LF
 *   LF
 *   {keyword}/ CR LF                         the slugline (story.ts), slash-terminated
 *   STX {headline}[" ="] CR LF               the whole headline on this one line, whatever its
 *                                            length: receivers read the headline from the line
 *                                            after STX only (Superdesk's does), so a wrapped
 *                                            headline lost its end into the body. " =", the
 *                                            standard's end mark, is left off for Superdesk,
 *                                            which would keep it as part of the headline
 *   {location} CR LF                         the location line, as the agency's text has it
 *                                            under the headline (when there is a location)
 *   text lines CR LF, at most 69 characters; each paragraph opens with a blank line and a
 *   3-space indent: the sapo (unless the profile keeps it out of the body), body (labels as
 *   `* Phóng viên: …`, a photo as its caption and its credit line), byline
 *   [blank line, "The following information is not for publication", embargo and editorial note]
 *   ETX {DDHHMM} " GMT " {Mon} SP {DD} SP CR LF   this version's time (UTC)
 *   DEL LF DEL EOT
 *
 * Character set: the standard is 7-bit, and Superdesk decodes 7901 as Latin-1, so UTF-8 Vietnamese
 * arrives as mojibake. The default is therefore ASCII transliteration (ascii.ts), which is
 * LOSSY: marks are dropped (`đảng viên` → `dang vien`). `charset: 'utf-8'` keeps the text as is,
 * for receivers that agreed to it; the framing is the same and lines are counted in characters.
 *
 * The word count in the header is the story's (story.ts), the number every format carries.
 *
 * Priority is the urgency capped to 1–6 (both scales run from 1 = most urgent; Superdesk maps
 * anything above 6 to 6). Bold, italics and pictures cannot be represented.
 */
import type { Interview } from '../model/schema';
import { toAscii } from './ascii';
import type { ExportOptions } from './options';
import { rulesFor } from './receivers';
import { buildStory, paragraphPlainText, type Story } from './story';

export const SOH = 0x01;
export const STX = 0x02;
export const ETX = 0x03;
export const EOT = 0x04;
export const DEL = 0x7f;
export const LINE_WIDTH = 69;
export const PARAGRAPH_INDENT = '   ';
export const NOT_FOR_PUBLICATION = 'The following information is not for publication';

export interface Iptc7901Settings {
  /** 'ascii' (default): lossy transliteration, the only safe choice. 'utf-8': by bilateral agreement only. */
  charset?: 'ascii' | 'utf-8';
  /** Source identification, letters only. Default: the letters of the document's source, else of the authority. */
  sourceId?: string;
  /** Message number. Default: the version. Written with at least 4 digits. */
  messageNumber?: number;
  /** Category, 1–3 letters agreed with the receiver. Default `i`. */
  category?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CRLF = '\r\n';

const LOW_SURROGATE = /[\uDC00-\uDFFF]/;

/** Length in characters (code points), which is bytes in ASCII. */
const width = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++; // a low surrogate is the second half of a character already counted
  }
  return n;
};

/**
 * Word-wrap one line of text to LINE_WIDTH, the first line starting with `indent` and the last
 * ending with `suffix`. Runs of white space become one space.
 */
export function wrap(text: string, indent = '', suffix = ''): string[] {
  return wrapTokens(text, text.split(/\s+/), indent, suffix);
}

function wrapTokens(text: string, tokens: readonly string[], indent: string, suffix: string): string[] {
  const words = tokens.filter((w) => w !== '');
  // Without low surrogates (ASCII output always) a word's width is its length.
  const measure = LOW_SURROGATE.test(text) ? width : (s: string) => s.length;
  const lines: string[] = [];
  let line = indent;
  // width(line), kept as the line grows (measuring the line again for every word was quadratic in its length)
  let lineWidth = width(indent);
  let hasWord = false;
  const push = () => {
    lines.push(line);
    line = '';
    lineWidth = 0;
    hasWord = false;
  };
  for (let word of words) {
    const w = measure(word);
    if (hasWord && lineWidth + 1 + w <= LINE_WIDTH) {
      line += ` ${word}`;
      lineWidth += 1 + w;
      continue;
    }
    if (hasWord) push();
    let room = LINE_WIDTH - lineWidth;
    if (w > room) {
      // Longer than a line (a URL, or 100,000 characters without a space): cut it, never inside a character.
      const chars = Array.from(word);
      let i = 0;
      while (chars.length - i > room) {
        lines.push(line + chars.slice(i, i + room).join(''));
        i += room;
        line = '';
        lineWidth = 0;
        room = LINE_WIDTH;
      }
      word = chars.slice(i).join('');
    }
    line += word;
    lineWidth += measure(word);
    hasWord = true;
  }
  if (suffix !== '') {
    if (lineWidth + width(suffix) > LINE_WIDTH && hasWord) push();
    line += suffix;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** The paragraphs of the text: each is one or more hard lines (a photo's caption, then its credit). */
function paragraphs(story: Story): string[][] {
  const out: string[][] = [];
  if (story.meta.sapo && story.options.sapoInBody) out.push([story.meta.sapo]);
  for (const block of story.blocks) {
    if (block.kind === 'paragraph') out.push([paragraphPlainText(block)]);
    else if (block.captionLine) out.push([block.caption, block.printedCredit].filter((s) => s !== ''));
  }
  if (story.meta.byline) out.push([story.meta.byline]);
  return out;
}

function notForPublication(story: Story): string[] {
  const lines: string[] = [];
  if (story.meta.embargo) lines.push(`Embargoed until ${story.meta.embargo}`);
  if (story.meta.editorialNote) lines.push(...story.meta.editorialNote.split('\n'));
  return lines;
}

/** `131137 GMT Nov 13 `: day, hour, minute, then month and day, in UTC. */
function postText(utc: string): string {
  const [, month, day, hour, minute] = /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(utc)!;
  return `${day}${hour}${minute} GMT ${MONTHS[Number(month) - 1]} ${day} `;
}

/** Runs of white space as one space: a line that is never wrapped. */
const oneLine = (s: string) => s.split(/\s+/).filter((w) => w !== '').join(' ');

const lettersOnly = (s: string) => toAscii(s).replace(/[^A-Za-z]/g, '');

function encode(text: string, charset: 'ascii' | 'utf-8'): Uint8Array {
  if (charset === 'ascii') {
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }
  return utf8(text);
}

/** UTF-8 bytes of a string with no lone surrogates (story text is cleaned). */
function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}

/** The story as IPTC 7901 bytes. */
export function exportIptc7901(doc: Interview, options: ExportOptions, settings: Iptc7901Settings = {}): Uint8Array {
  const story = buildStory(doc, options);
  const charset = settings.charset ?? 'ascii';
  const text = (s: string) => (charset === 'ascii' ? toAscii(s) : s);

  const sourceId = lettersOnly(settings.sourceId ?? '') || lettersOnly(story.meta.source).toLowerCase() || lettersOnly(story.options.authority.split('.')[0]!).toLowerCase();
  const messageNumber = String((settings.messageNumber ?? story.options.version) % 10_000).padStart(4, '0');
  const category = /^[A-Za-z]{1,3}$/.test(settings.category ?? '') ? settings.category! : 'i';
  const priority = Math.min(Math.max(story.meta.urgency, 1), 6);

  const body: string[] = [];
  if (story.meta.location) body.push(oneLine(text(story.meta.location)));
  for (const paragraph of paragraphs(story)) {
    body.push('');
    paragraph.forEach((hardLine, i) => body.push(...wrap(text(hardLine), i === 0 ? PARAGRAPH_INDENT : '')));
  }
  const hidden = notForPublication(story);
  if (hidden.length > 0) {
    body.push('', NOT_FOR_PUBLICATION);
    for (const line of hidden) body.push(...wrap(text(line)));
  }

  const keyword = wrap(text(story.meta.slugline), '', '/');
  const headline = oneLine(text(story.meta.headline)) + (rulesFor(story.options.receiver).iptc7901HeadlineMark ? ' =' : '');

  const head = `${String.fromCharCode(SOH)}${sourceId}${messageNumber} ${priority} ${category} ${story.wordCount} ${CRLF}\n`;
  const keywordLines = keyword.map((l) => l + CRLF).join('');
  const headlineLines = String.fromCharCode(STX) + headline + CRLF;
  const textLines = body.length > 0 ? body.join(CRLF) + CRLF : '';
  const tail = `${String.fromCharCode(ETX)}${postText(story.options.versionCreated)}${CRLF}${String.fromCharCode(DEL)}\n${String.fromCharCode(DEL)}${String.fromCharCode(EOT)}`;
  return encode(head + keywordLines + headlineLines + textLines + tail, charset);
}
