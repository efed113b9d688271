/**
 * SubRip (.srt), read as tolerantly as SubtitleEdit reads it: a byte-order mark, CRLF, a missing
 * or wrong counter, `.` for `,` in times, position data after the times (`X1:… Y2:…`), `<i>`,
 * `<b>`, `<font>` tags and ASS overrides (`{\an8}`), cues not separated by a blank line.
 *
 * SRT has no speaker field; transcripts write speakers three ways, all read here: `Name: text`,
 * `[Name] text`, and a leading `- ` for a change of speaker (two speakers in one cue). A name
 * prefix counts only when the file uses it more than once, or it is a recogniser's numbered
 * speaker: `Long An: mưa lớn` printed once is text, and reported.
 */
import { excerpt, type ImportFinding } from '../findings';
import { numberedLines, type NumberedLine } from './lines';
import { stripTags } from './markup';
import { genericSpeakerNumber, isUnknownSpeaker, labelPrefix } from './speaker-labels';
import { readTimingLine } from './webvtt';
import type { Transcript, TranscriptSegment } from './transcript';

interface Cue {
  startMs: number | null;
  endMs: number | null;
  lines: NumberedLine[];
  timingLine: NumberedLine;
}

/**
 * Cues: a timing line starts one. The counter before it is a line of digits after a blank line (or
 * the next number, where a file leaves the blank lines out); digits inside a cue's text (a year said
 * alone) stay text.
 */
function readCues(lines: readonly NumberedLine[], findings: ImportFinding[]): { cues: Cue[]; before: NumberedLine[] } {
  const cues: Cue[] = [];
  const before: NumberedLine[] = [];
  const afterBlank = new Set<NumberedLine>();
  let blank = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const timing = line.text.includes('-->') ? readTimingLine(line.text) : null;
    if (timing) {
      const owner = cues.length > 0 ? cues[cues.length - 1]!.lines : before;
      const last = owner[owner.length - 1];
      const counter = last ? /^\s*(\d+)\s*$/.exec(last.text) : null;
      if (last && counter && (afterBlank.has(last) || Number(counter[1]) === cues.length + 1)) owner.pop();
      if (timing.startMs === null) findings.push({ kind: 'transcript-bad-time', line: line.n, text: excerpt(line.text.trim()) });
      cues.push({ startMs: timing.startMs, endMs: timing.endMs, lines: [], timingLine: line });
      blank = false;
      continue;
    }
    if (line.text.trim() === '') {
      blank = true;
      continue;
    }
    if (blank) afterBlank.add(line);
    blank = false;
    (cues.length > 0 ? cues[cues.length - 1]!.lines : before).push(line);
  }
  return { cues, before };
}

interface Piece {
  line: number;
  text: string;
  dash: boolean;
}

/** A cue's text as pieces: a line starting with `- ` starts a piece of its own (another speaker). */
function pieces(cue: Cue): Piece[] {
  const out: Piece[] = [];
  for (const line of cue.lines) {
    const text = stripTags(line.text).trim();
    if (text === '') continue;
    const dash = /^[-–—]\s*\S/.test(text) && !/^-\d/.test(text);
    if (dash || out.length === 0) out.push({ line: line.n, text: dash ? text.replace(/^[-–—]\s*/, '') : text, dash });
    else out[out.length - 1]!.text += ` ${text}`;
  }
  return out;
}

export function parseSrt(text: string): Transcript {
  const findings: ImportFinding[] = [];
  const { cues, before } = readCues(numberedLines(text), findings);
  const all = cues.map((cue) => ({ cue, pieces: pieces(cue) }));
  // Evidence for name prefixes: how often each is used.
  const uses = new Map<string, number>();
  for (const { pieces: ps } of all) for (const p of ps) {
    const prefix = labelPrefix(p.text);
    if (prefix) uses.set(prefix.label, (uses.get(prefix.label) ?? 0) + 1);
  }
  const proven = (label: string) => (uses.get(label) ?? 0) >= 2 || genericSpeakerNumber(label) !== null;
  const segments: TranscriptSegment[] = [];
  if (before.length > 0) {
    const t = before.map((l) => stripTags(l.text).trim()).join(' ');
    segments.push({ speaker: null, newParagraph: true, startMs: null, text: t, line: before[0]!.n });
    findings.push({ kind: 'transcript-untimed', line: before[0]!.n, text: excerpt(t) });
  }
  for (const { cue, pieces: ps } of all) {
    if (ps.length === 0) continue;
    ps.forEach((p, k) => {
      const prefix = labelPrefix(p.text);
      let speaker: string | null = null;
      let words = p.text;
      if (prefix && proven(prefix.label)) {
        speaker = isUnknownSpeaker(prefix.label) ? null : prefix.label;
        words = prefix.rest;
      } else if (prefix && !prefix.bracket) {
        findings.push({ kind: 'unproven-label', line: p.line, text: prefix.label });
      }
      // Several pieces share the cue's time: the first starts it, the others have none of their own.
      const timed = k === 0 ? cue.startMs : null;
      segments.push({
        speaker,
        ...(p.dash && speaker === null ? { speakerChange: true } : {}),
        startMs: timed,
        ...(timed !== null && cue.endMs !== null && k === ps.length - 1 ? { endMs: cue.endMs } : {}),
        text: words,
        line: p.line,
      });
    });
  }
  return { format: 'srt', segments, findings };
}
