/**
 * Plain-text transcripts with times, as the usual services and players export them (no grammar is
 * published; the model is InqScribe's: text between two times belongs to the earlier one):
 *
 * - a header line of a speaker and a time, the words on the lines below (Otter:
 *   `Lan Anh  1:23`, two spaces; `Speaker 1  00:01:23`; `Lan Anh (01:23)`, `Lan Anh [01:23]`);
 * - a time at the start of a line, then a speaker and the words (`[00:01:23] Lan: …`, `(01:23) …`);
 * - a time alone on a line, or inside a line (`… đúng không? [00:02:10] Vâng, …`): a new segment.
 *
 * A `Name:` prefix without a time before it is a speaker only when the file uses it more than once
 * (or it is a recogniser's numbered speaker). Text before the first time is kept without one, and
 * reported. oTranscribe's files come here too, after their HTML is read (otr.ts).
 */
import { excerpt, type ImportFinding } from '../findings';
import { numberedLines, type NumberedLine } from './lines';
import { genericSpeakerNumber, isUnknownSpeaker, labelPrefix } from './speaker-labels';
import { parseTimecode, TIMECODE_SOURCE } from './timecode';
import type { Transcript, TranscriptFormat, TranscriptSegment } from './transcript';

const TC = TIMECODE_SOURCE;
/** `Lan Anh  1:23`, `Speaker 1  00:01:23`, `Lan Anh (01:23)`, `Lan Anh [01:23]`. */
const HEADER = new RegExp(String.raw`^(\S.{0,59}?)(?:\s{2,}|\t+|\s+[[(]?)\s*(${TC})[\])]?$`, 'u');
/** A time alone: `01:23`, `[00:01:23]`, `(1:23)`. */
const TIME_ALONE = new RegExp(String.raw`^[[(]?(${TC})[\])]?$`);
/** A bracketed time anywhere in a line. */
const STAMP = new RegExp(String.raw`[[(](${TC})[\])]`, 'g');
/** A line that opens with a time. */
const LEADING_STAMP = new RegExp(String.raw`^[[(](${TC})[\])]`);

interface Header {
  speaker: string | null;
  startMs: number | null;
}

/** A header line (a speaker and a time, nothing else), or null. */
function header(text: string): Header | null {
  const alone = TIME_ALONE.exec(text);
  if (alone) return { speaker: null, startMs: parseTimecode(alone[1]!) };
  const m = HEADER.exec(text);
  if (!m) return null;
  const name = m[1]!.trim().replace(/[:：]$/, '');
  // A sentence ending in a time (`Họp lúc 10:30`) is not a header: the name must read as one.
  const shaped = labelPrefix(`${name}: x`);
  if (!shaped && genericSpeakerNumber(name) === null) return null;
  return { speaker: isUnknownSpeaker(name) ? null : name, startMs: parseTimecode(m[2]!) };
}

/** A line's head that is a speaker's name and its colon alone (`Phóng viên:`), or null. */
function bareLabel(head: string): string | null {
  const m = /^(.{1,60}?)\s*[:：]$/u.exec(head);
  const p = m ? labelPrefix(`${m[1]!}: x`) : null;
  return p && !p.bracket && !isUnknownSpeaker(p.label) ? p.label : null;
}

/** Whether a text reads as a timed transcript: at least two header or time-led lines. */
export function looksLikeTimedText(text: string): boolean {
  let found = 0;
  let seen = 0;
  for (const line of numberedLines(text)) {
    const t = line.text.trim();
    if (t === '') continue;
    if (++seen > 4000) break;
    if (header(t) || LEADING_STAMP.test(t)) found++;
    if (found >= 2) return true;
  }
  return false;
}

export function parseTimedText(text: string, format: TranscriptFormat = 'timed-text'): Transcript {
  return parseTimedLines(numberedLines(text), format);
}

export function parseTimedLines(lines: readonly NumberedLine[], format: TranscriptFormat): Transcript {
  const findings: ImportFinding[] = [];
  const segments: TranscriptSegment[] = [];
  // Evidence for `Name:` prefixes without a time before them: how often each is used.
  const uses = new Map<string, number>();
  for (const l of lines) {
    const p = labelPrefix(l.text.trim().replace(LEADING_STAMP, '').trim());
    if (p && !p.bracket) uses.set(p.label, (uses.get(p.label) ?? 0) + 1);
  }
  let open: TranscriptSegment | null = null;
  let blank = false;
  let timed = false;

  const start = (line: number, startMs: number | null, who: string | null, raw: string): void => {
    if (startMs === null) findings.push({ kind: 'transcript-bad-time', line, text: excerpt(raw) });
    if (startMs !== null) timed = true;
    // After a blank line the file starts a paragraph, even with the same speaker.
    const s: TranscriptSegment = { speaker: who, ...(blank ? { newParagraph: true } : {}), startMs, text: '', line };
    segments.push(s);
    open = s;
  };
  /** Words on a line: a `Name:` prefix proven by use (or right after a time) names the speaker. */
  const words = (line: number, text: string, afterTime: boolean): string => {
    const p = labelPrefix(text);
    if (!p || p.bracket) return text;
    if (afterTime || (uses.get(p.label) ?? 0) >= 2 || genericSpeakerNumber(p.label) !== null) {
      const who = isUnknownSpeaker(p.label) ? null : p.label;
      if (open && open.text === '' && open.speaker === null) {
        // The segment a time just opened: the name is its speaker's.
        open.speaker = who;
      } else {
        const s: TranscriptSegment = { speaker: who, startMs: null, text: '', line };
        segments.push(s);
        open = s;
      }
      return p.rest;
    }
    findings.push({ kind: 'unproven-label', line, text: p.label });
    return text;
  };
  const append = (line: number, text: string) => {
    if (text === '') return;
    if (open === null || (blank && open.text !== '')) {
      const s: TranscriptSegment = { speaker: null, newParagraph: true, startMs: null, text: '', line };
      if (!timed) findings.push({ kind: 'transcript-untimed', line, text: excerpt(text) });
      segments.push(s);
      open = s;
    }
    open.text = open.text === '' ? text : `${open.text} ${text}`;
    blank = false;
  };

  for (const line of lines) {
    const t = line.text.trim();
    if (t === '') {
      blank = true;
      continue;
    }
    const h = header(t);
    if (h) {
      start(line.n, h.startMs, h.speaker, t);
      blank = false;
      continue;
    }
    // The line split at its stamps: text before the first goes on, each stamp starts a segment.
    const stamps = [...t.matchAll(STAMP)];
    const head = t.slice(0, stamps[0]?.index ?? t.length).trim();
    // `Lan: [00:04] …` (oTranscribe: a bold name, then the stamp): the name is the next segment's speaker.
    const named = stamps.length > 0 ? bareLabel(head) : null;
    if (head !== '' && named === null) append(line.n, words(line.n, head, false));
    stamps.forEach((m, k) => {
      start(line.n, parseTimecode(m[1]!), k === 0 ? named : null, m[0]);
      blank = false;
      const piece = t.slice(m.index + m[0].length, stamps[k + 1]?.index ?? t.length).trim();
      if (piece !== '') append(line.n, words(line.n, piece, m.index === 0));
    });
  }
  return { format, segments: segments.filter((s) => s.text.trim() !== ''), findings };
}
