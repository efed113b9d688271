/**
 * WebVTT (W3C "WebVTT: The Web Video Text Tracks Format"), read for its words, speakers and times:
 * cues become segments, `<v Name>` / `<v.class Name>` voice spans name the speaker (a cue may hold
 * several, and `</v>` may be left out), NOTE, STYLE and REGION blocks are skipped, cue settings
 * ignored, times accepted with or without hours (whisper writes `mm:ss.ttt` under an hour).
 * A block that is not a cue is kept as text without a time, and reported.
 */
import { excerpt, type ImportFinding } from '../findings';
import { blocksOf, numberedLines, type NumberedLine } from './lines';
import { tokenizeMarkup } from './markup';
import { isUnknownSpeaker } from './speaker-labels';
import { parseTimecode, TIMECODE_SOURCE } from './timecode';
import type { Transcript, TranscriptSegment } from './transcript';

const TIMING = new RegExp(String.raw`^\s*(${TIMECODE_SOURCE})\s*-->\s*(${TIMECODE_SOURCE})(?:\s.*)?$`);

/** A cue's timing line read: start and end in ms, null where a time is malformed. */
export function readTimingLine(text: string): { startMs: number | null; endMs: number | null } | null {
  if (!text.includes('-->')) return null;
  const m = TIMING.exec(text);
  if (!m) return { startMs: null, endMs: null };
  return { startMs: parseTimecode(m[1]!), endMs: parseTimecode(m[2]!) };
}

/** One cue's payload as segments: one per voice span, the text outside any span going with the voice before it. */
function cuePayload(payload: string): Array<{ speaker: string | null; text: string }> {
  const out: Array<{ speaker: string | null; text: string }> = [];
  let current: { speaker: string | null; text: string } = { speaker: null, text: '' };
  for (const token of tokenizeMarkup(payload)) {
    if (token.kind === 'text') {
      current.text += token.text;
      continue;
    }
    if (token.name === 'v') {
      // `<v.loud Lan Anh>`: classes after dots, then the name after a space.
      const name = token.raw.replace(/^v(?:\.[^\s]*)?/, '').trim();
      if (current.text.trim() !== '' || current.speaker !== null) out.push(current);
      current = { speaker: name === '' || isUnknownSpeaker(name) ? null : name, text: '' };
    } else if (token.name === '/v') {
      if (current.text.trim() !== '') out.push(current);
      current = { speaker: null, text: '' };
    }
    // Other tags (`<i>`, `<c.x>`, `<lang vi>`, inline timestamps `<00:01.500>`) carry no words.
  }
  if (current.text.trim() !== '') out.push(current);
  return out.filter((s) => s.text.trim() !== '');
}

export function parseWebVtt(text: string): Transcript {
  const lines = numberedLines(text);
  const findings: ImportFinding[] = [];
  const segments: TranscriptSegment[] = [];
  const blocks = blocksOf(lines);
  let k = 0;
  // The header block: `WEBVTT` and what follows it up to the first blank line.
  if (blocks[0] && /^WEBVTT(?:[ \t]|$)/.test(blocks[0][0]!.text.trim())) k = 1;
  let seenCue = false;
  for (; k < blocks.length; k++) {
    const block = blocks[k]!;
    const first = block[0]!.text.trim();
    if (/^NOTE(?:[ \t]|$)/.test(first)) continue;
    if (!seenCue && /^(?:STYLE|REGION)(?:[ \t]|$)/.test(first)) continue;
    const timingAt = block.findIndex((l, i) => i <= 1 && l.text.includes('-->'));
    if (timingAt < 0) {
      keepUntimed(block, segments, findings);
      continue;
    }
    seenCue = true;
    const timing = readTimingLine(block[timingAt]!.text)!;
    const payloadLines = block.slice(timingAt + 1);
    if (timing.startMs === null) {
      findings.push({ kind: 'transcript-bad-time', line: block[timingAt]!.n, text: block[timingAt]!.text.trim() });
    }
    // A cue's lines are display wraps of one utterance, unless a voice starts a line.
    const payload = payloadLines.map((l) => l.text.trim()).join('\n');
    const line = payloadLines[0]?.n ?? block[timingAt]!.n;
    for (const part of cuePayload(payload.replace(/\n(?!<v[\s.>])/g, ' ').replace(/\n/g, ''))) {
      segments.push({ speaker: part.speaker, startMs: timing.startMs, ...(timing.endMs !== null && timing.startMs !== null ? { endMs: timing.endMs } : {}), text: part.text, line });
    }
  }
  return { format: 'webvtt', segments, findings };
}

/** Lines that are not a cue, kept as a segment without a time (and reported). */
function keepUntimed(block: readonly NumberedLine[], segments: TranscriptSegment[], findings: ImportFinding[]): void {
  const text = block.map((l) => l.text.trim()).join(' ');
  segments.push({ speaker: null, newParagraph: true, startMs: null, text, line: block[0]!.n });
  findings.push({ kind: 'transcript-untimed', line: block[0]!.n, text: excerpt(text) });
}
