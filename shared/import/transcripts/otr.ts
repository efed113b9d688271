/**
 * oTranscribe's `.otr`: one JSON object whose `text` is the editor's HTML, with each timestamp a
 * `<span class="timestamp" data-timestamp="83.4">01:23</span>` (older files: `data-timestamp="01:23"`),
 * and `media` the recording's file name. The HTML is untrusted: it is read as tokens (markup.ts),
 * never parsed by a browser or rendered; block tags become line breaks, a timestamp span becomes a
 * time (its displayed `01:23` is not words), every other tag is skipped. The lines then read as a
 * timed transcript (timed-text.ts), so `Lan: …` after a stamp names the speaker there too.
 */
import { parseJsonObject } from './json-object';
import type { NumberedLine } from './lines';
import { attribute, tokenizeMarkup } from './markup';
import { formatMs, isStorableMs, parseTimecode, secondsToMs } from './timecode';
import { parseTimedLines } from './timed-text';
import type { Transcript } from './transcript';

/** Tags that end a paragraph (a blank line, for the timed-text reader); `<br>` ends a line only. */
const BLOCK = new Set(['p', '/p', 'div', '/div', 'li', '/li', 'h1', 'h2', 'h3', 'h4', '/h1', '/h2', '/h3', '/h4', 'tr', '/tr', 'blockquote', '/blockquote']);

/** The stamp as the timed-text reader writes it, millisecond-exact: `[1:23.400]`. */
function stamp(ms: number): string {
  const whole = formatMs(ms);
  return `[${whole}.${String(ms % 1000).padStart(3, '0')}]`;
}

/** The HTML as lines of text with `[m:ss.fff]` stamps where its timestamp spans were. */
export function otrLines(html: string): NumberedLine[] {
  const lines: string[] = [''];
  let inStamp = 0;
  // What a `<script>` or `<style>` holds is not words of the interview (and is never run).
  let hidden: string | null = null;
  for (const token of tokenizeMarkup(html)) {
    if (hidden !== null) {
      if (token.kind === 'tag' && token.name === `/${hidden}`) hidden = null;
      continue;
    }
    if (token.kind === 'text') {
      if (inStamp === 0) lines[lines.length - 1] += token.text.replace(/[\r\n]+/g, ' ');
      continue;
    }
    if (token.name === 'script' || token.name === 'style') {
      hidden = token.name;
      continue;
    }
    if (BLOCK.has(token.name) || token.name === 'br') {
      if (BLOCK.has(token.name) && lines[lines.length - 1] !== '') lines.push('');
      lines.push('');
      continue;
    }
    if (token.name === 'span' && /(?:^|\s)timestamp(?:\s|$)/.test(attribute(token.raw, 'class') ?? '')) {
      const value = attribute(token.raw, 'data-timestamp') ?? '';
      const ms = /^\s*\d+(?:\.\d+)?\s*$/.test(value) ? secondsToMs(Number(value)) : parseTimecode(value);
      // A stamp whose time cannot be read is left as the text it displays.
      if (isStorableMs(ms)) {
        lines[lines.length - 1] += ` ${stamp(ms)} `;
        inStamp = 1;
      }
      continue;
    }
    if (token.name === '/span' && inStamp > 0) inStamp = 0;
  }
  return lines.map((text, i) => ({ n: i + 1, text }));
}

/** An `.otr` text as a transcript; null when it is not oTranscribe's JSON. */
export function parseOtr(text: string): Transcript | null {
  const root = parseJsonObject(text);
  if (root === null || typeof root.text !== 'string') return null;
  const { media } = root;
  const transcript = parseTimedLines(otrLines(root.text), 'otr');
  return typeof media === 'string' && media.trim() !== '' ? { ...transcript, mediaName: media.trim() } : transcript;
}
