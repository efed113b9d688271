/**
 * The parts of a recording already transcribed, for the waveform's shading: read from the
 * paragraphs' times. A stamped paragraph covers from its start to its end when known, else to the
 * next timed paragraph's start in the same recording (the reporter stamps where each paragraph
 * begins; what lies between two stamps has been typed). The last one without an end covers
 * nothing beyond its start. Overlapping ranges are merged.
 */
import { timeIsIn } from '../../../shared/model/media-time';
import type { Block, MediaTime, Paragraph } from '../../../shared/model/schema';

export type Range = readonly [startMs: number, endMs: number];

/** Every paragraph's time, in document order. */
export function paragraphTimes(body: readonly Block[]): MediaTime[] {
  const out: MediaTime[] = [];
  const visit = (p: Paragraph) => {
    if (p.time) out.push(p.time);
  };
  for (const block of body) {
    if (block.type === 'paragraph') visit(block);
    else if (block.type === 'turn') for (const child of block.children) if (child.type === 'paragraph') visit(child);
  }
  return out;
}

/**
 * The ranges covered in `recording` (`first`: whether it is the interview's first recording, which
 * times naming no recording point into).
 */
export function transcribedRanges(times: readonly MediaTime[], recording: string, first: boolean): Range[] {
  const mine = times.filter((t) => timeIsIn(t.recording, recording, first)).sort((a, b) => a.startMs - b.startMs);
  const ranges: [number, number][] = [];
  mine.forEach((t, i) => {
    const end = t.endMs ?? mine[i + 1]?.startMs ?? t.startMs;
    if (end <= t.startMs) return;
    const last = ranges[ranges.length - 1];
    if (last && t.startMs <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([t.startMs, end]);
  });
  return ranges;
}
