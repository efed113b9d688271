/**
 * An interview's times as SubRip (SRT): numbered cues, `HH:MM:SS,mmm` times, one line per paragraph.
 * SRT has no voice markup, so a speaker is named in the text, `Speaker: `, where their turn opens
 * (the following cues of the same turn go on without it, as subtitles of a dialogue do).
 * CRLF-free, UTF-8, a blank line after each cue.
 */
import type { Interview } from '../../model/schema';
import { clockStamp, subtitleCues } from './cues';

export function exportSrt(doc: Interview): string {
  const { cues } = subtitleCues(doc);
  const blocks = cues.map((cue, i) => {
    const lines = cue.segments.flatMap((s) => s.lines.map((line, j) => (j === 0 && s.opensTurn && s.speaker !== null ? `${s.speaker}: ${line}` : line)));
    return [String(i + 1), `${clockStamp(cue.startMs, ',')} --> ${clockStamp(cue.endMs, ',')}`, ...lines].join('\n');
  });
  return blocks.map((b) => `${b}\n\n`).join('');
}
