/**
 * A reader of IPTC 7901 bytes that checks the wire layout as it goes (SOH header line, keyword
 * line, the headline on the one line after STX — with or without the " =" end mark —, header
 * lines (the location) up to the first blank line, CR LF text lines of at most 69 characters, ETX
 * date line, DEL/EOT trailer) and throws on the first deviation. Written from the standard's
 * layout and docs/superdesk-field-map.md, independently of the exporter, so the two cannot share
 * a mistake.
 */

export interface Iptc7901Message {
  sourceId: string;
  messageNumber: string;
  priority: string;
  category: string;
  wordCount: number;
  keywordLines: string[];
  /** The line after STX: the whole headline, never wrapped (as receivers read it). */
  headlineLines: string[];
  /** The headline without the " =" end mark. */
  headline: string;
  /** Whether the headline line ends with " =". */
  headlineMark: boolean;
  /** Unwrapped lines between the headline and the first blank line: the location. */
  headerLines: string[];
  /** Lines between the headline and ETX, without their CR LF (header lines included). */
  textLines: string[];
  postText: string;
}

/** Superdesk's IPTC7901FeedParser line-1 pattern (after SOH); the dpa fixture writes the category in lower case. */
const HEADER = /^([a-zA-Z]*)([0-9]*) (.) ([A-Z]{1,3}) ([0-9]*) ([a-zA-Z0-9 ]*)$/i;

function fail(message: string): never {
  throw new Error(`IPTC 7901 layout: ${message}`);
}

/** Split `text` at CR LF; every line must end with CR LF and contain no other CR or LF. */
function crlfLines(text: string, what: string): string[] {
  if (text === '') return [];
  if (!text.endsWith('\r\n')) fail(`${what} does not end with CR LF`);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) if (/[\r\n]/.test(line)) fail(`${what} has a bare CR or LF: ${JSON.stringify(line.slice(0, 80))}`);
  return lines;
}

const visibleLength = (s: string) => Array.from(s).length;

export function readIptc7901(bytes: Uint8Array, charset: 'ascii' | 'utf-8' = 'ascii'): Iptc7901Message {
  if (charset === 'ascii') {
    const high = bytes.findIndex((b) => b > 0x7f);
    if (high !== -1) fail(`byte ${bytes[high]} at ${high} is not 7-bit`);
  }
  const text = Buffer.from(bytes).toString(charset === 'ascii' ? 'latin1' : 'utf8');
  if (text.charCodeAt(0) !== 0x01) fail('does not start with SOH');
  if (!text.endsWith('\r\n\x7f\n\x7f\x04')) fail('does not end with CR LF DEL LF DEL EOT');

  const headerEnd = text.indexOf('\r\n');
  const header = HEADER.exec(text.slice(1, headerEnd));
  if (!header) fail(`header line ${JSON.stringify(text.slice(1, headerEnd))} does not match the parser's pattern`);
  if (text[headerEnd + 2] !== '\n') fail('no LF line after the header');

  const stx = text.indexOf('\x02');
  const etx = text.indexOf('\x03');
  if (stx === -1 || etx === -1 || etx < stx) fail('STX … ETX missing or out of order');
  if (text.indexOf('\x02', stx + 1) !== -1 || text.indexOf('\x03', etx + 1) !== -1) fail('more than one STX or ETX');

  const keywordLines = crlfLines(text.slice(headerEnd + 3, stx), 'the keyword block');
  if (keywordLines.length === 0 || !keywordLines[keywordLines.length - 1]!.endsWith('/')) fail('the keyword is not slash-terminated');

  const afterStx = crlfLines(text.slice(stx + 1, etx), 'the text');
  if (afterStx.length === 0) fail('no headline line after STX');
  const headlineLines = afterStx.slice(0, 1);
  const headlineMark = headlineLines[0]!.endsWith(' =');
  const textLines = afterStx.slice(1);
  const firstBlank = textLines.indexOf('');
  const headerLines = textLines.slice(0, firstBlank === -1 ? textLines.length : firstBlank);

  const trailer = text.slice(etx + 1, text.length - '\x7f\n\x7f\x04'.length);
  const [postText, ...rest] = crlfLines(trailer, 'the post-text');
  if (rest.length > 0 || postText === undefined) fail('more than one post-text line');

  // The headline and header lines are never wrapped, whatever their length: only the text is.
  const wrapped = [...keywordLines, ...textLines.slice(headerLines.length)];
  for (const line of wrapped) {
    if (visibleLength(line) > 69) fail(`line longer than 69 characters (${visibleLength(line)}): ${JSON.stringify(line.slice(0, 80))}`);
  }
  for (const line of [...keywordLines, ...headlineLines, ...textLines]) {
    if (/[\u0000-\u001f\u007f]/.test(line)) fail(`control character inside a line: ${JSON.stringify(line.slice(0, 80))}`);
  }
  // Paragraphs: a blank line, then a first line with a 3-space indent.
  textLines.forEach((line, i) => {
    if (line === '' && i + 1 < textLines.length && textLines[i + 1] !== '' && textLines[i + 1] !== 'The following information is not for publication') {
      if (!textLines[i + 1]!.startsWith('   ')) fail(`paragraph without its 3-space indent: ${JSON.stringify(textLines[i + 1]!.slice(0, 80))}`);
    }
  });

  return {
    sourceId: header[1]!,
    messageNumber: header[2]!,
    priority: header[3]!,
    category: header[4]!,
    wordCount: Number(header[5]),
    keywordLines,
    headlineLines,
    headline: headlineMark ? headlineLines[0]!.slice(0, -2) : headlineLines[0]!,
    headlineMark,
    headerLines,
    textLines,
    postText,
  };
}
