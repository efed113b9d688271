/**
 * The cues of a subtitle file (WebVTT, SRT) read off an interview's times (schema.ts `time`): one cue
 * per timed paragraph, in document order. A paragraph without a time is heard somewhere after the
 * one before it, so it joins the cue before; text before the first time has no place in the
 * recording and is left out, counted (`leftOut`) so the export can say so. Photos are left out too:
 * subtitles carry what is said.
 *
 * A cue may hold the words of two speakers (an untimed answer after a timed question): each keeps
 * its speaker (`segments`), so a subtitle never gives one speaker's words to another.
 *
 * A cue ends where its paragraph's known end is, else where the next cue starts, else (the last one)
 * after the time it takes to read it (READING_MS_PER_CHAR, between MIN_CUE_MS and MAX_CUE_MS).
 */
import type { Interview, Paragraph } from '../../model/schema';

/** Words of one speaker in a cue; `speaker` null for intro and closing text. */
export interface CueSegment {
  speaker: string | null;
  /** The first words of the speaker's turn (SRT names the speaker there). */
  opensTurn: boolean;
  /** One line per paragraph. */
  lines: string[];
}

export interface Cue {
  startMs: number;
  endMs: number;
  segments: CueSegment[];
}

export interface SubtitleCues {
  cues: Cue[];
  /** Paragraphs with text before the first timed one: not in the subtitles. */
  leftOut: number;
}

/** About 15 characters a second: the usual subtitle reading speed. */
export const READING_MS_PER_CHAR = 67;
export const MIN_CUE_MS = 1000;
export const MAX_CUE_MS = 7000;

const paragraphText = (p: Paragraph) =>
  p.children
    .map((leaf) => leaf.text)
    .join('')
    .trim();

interface OpenCue {
  startMs: number;
  endMs: number | undefined;
  segments: CueSegment[];
}

export function subtitleCues(doc: Interview): SubtitleCues {
  const labels = new Map(doc.participants.map((p) => [p.id, p.label.trim() || p.id]));
  const open: OpenCue[] = [];
  let leftOut = 0;

  const add = (p: Paragraph, speaker: string | null, opensTurn: boolean): boolean => {
    const text = paragraphText(p);
    if (p.time) {
      open.push({ startMs: p.time.startMs, endMs: p.time.endMs, segments: [] });
    } else if (text === '') {
      return false;
    } else if (open.length === 0) {
      leftOut++;
      return false;
    }
    if (text === '') return false;
    const cue = open[open.length - 1]!;
    const last = cue.segments[cue.segments.length - 1];
    if (last && last.speaker === speaker && !opensTurn) last.lines.push(text);
    else cue.segments.push({ speaker, opensTurn, lines: [text] });
    return true;
  };

  for (const block of doc.body) {
    if (block.type === 'paragraph') add(block, null, false);
    else if (block.type === 'turn') {
      const speaker = labels.get(block.speakerId) ?? block.speakerId;
      let opened = false;
      for (const child of block.children) if (child.type === 'paragraph' && add(child, speaker, !opened)) opened = true;
    }
  }

  const cues: Cue[] = [];
  open.forEach((cue, i) => {
    if (cue.segments.length === 0) return; // a time on an empty paragraph marks nothing to read
    const next = open.slice(i + 1).find((c) => c.segments.length > 0);
    const chars = cue.segments.reduce((n, s) => n + s.lines.join(' ').length, 0);
    const reading = Math.min(MAX_CUE_MS, Math.max(MIN_CUE_MS, chars * READING_MS_PER_CHAR));
    let endMs = cue.endMs ?? next?.startMs ?? cue.startMs + reading;
    // A cue must end after it starts (two paragraphs stamped at one moment, an imported zero length).
    if (endMs <= cue.startMs) endMs = cue.startMs + reading;
    cues.push({ startMs: cue.startMs, endMs, segments: cue.segments });
  });
  return { cues, leftOut };
}

/** `HH:MM:SS` + separator + `mmm`: `.` in WebVTT, `,` in SRT. */
export function clockStamp(ms: number, separator: '.' | ','): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${separator}${pad(ms % 1000, 3)}`;
}
