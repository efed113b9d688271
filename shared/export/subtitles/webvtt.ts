/**
 * An interview's times as WebVTT (https://www.w3.org/TR/webvtt1/), for a video of the interview:
 * one cue per timed paragraph (cues.ts), each speaker's words in a voice span (`<v Phóng viên>`),
 * so players and editors can show or style who speaks. Cue text escapes `&`, `<` and `>` (which
 * also keeps a `-->` in the text from reading as a timing line); empty paragraphs are never written,
 * so no blank line can end a cue early. The document's language is named in a NOTE after the header.
 */
import type { Interview } from '../../model/schema';
import { clockStamp, subtitleCues, type CueSegment } from './cues';

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function segmentLines(segment: CueSegment, closed: boolean): string[] {
  if (segment.speaker === null) return segment.lines.map(escapeText);
  const voice = `<v ${escapeText(segment.speaker)}>`;
  // A voice span runs to the end of the cue unless closed: closed when another speaker follows.
  return segment.lines.map((line) => `${voice}${escapeText(line)}${closed ? '</v>' : ''}`);
}

export function exportWebVtt(doc: Interview): string {
  const { cues } = subtitleCues(doc);
  const blocks = [`WEBVTT`, `NOTE language: ${doc.meta.language}`];
  cues.forEach((cue, i) => {
    const several = cue.segments.length > 1;
    const text = cue.segments.flatMap((s) => segmentLines(s, several));
    blocks.push([String(i + 1), `${clockStamp(cue.startMs, '.')} --> ${clockStamp(cue.endMs, '.')}`, ...text].join('\n'));
  });
  return `${blocks.join('\n\n')}\n`;
}
