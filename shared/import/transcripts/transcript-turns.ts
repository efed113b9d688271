/**
 * A machine transcript made into the same ImportResult the text importer returns, so it goes
 * through the same preview (speakers renamed or merged there) and becomes an interview the same way
 * (../accept-import.ts):
 *
 * - consecutive segments of one speaker are one turn; a segment that names no speaker goes on with
 *   the speaker before it (before any speaker, it is a paragraph of the intro);
 * - a turn's paragraphs break where the file breaks them, at a pause of 2 s or more, and before a
 *   paragraph grows long; each paragraph's `time` runs from its first segment's start to its last
 *   segment's end, so clicking it plays what it says;
 * - speakers become participants in the order they first speak; a recogniser's numbered speakers
 *   (`SPEAKER_00`, `0`) get readable names; the one who asks the most questions is taken as the
 *   interviewer, and the evidence is a finding, so the preview is where a wrong guess is fixed;
 * - text is cleaned as every import cleans it (NFC, no controls or invisible characters) and kept
 *   whole: no word is dropped, doubled or given to another speaker (property-tested), and what the
 *   model cannot hold (a paragraph, a turn, the body, participants) is split or reported.
 */
import { emptyParagraph, newInterview } from '../../model/factory';
import { LIMITS, type Block, type Language, type MediaTime, type Paragraph, type Participant, type ParticipantRole, type Turn } from '../../model/schema';
import type { ImportReport, ImportResult } from '../agency-text';
import { excerpt, type ImportFinding } from '../findings';
import { describeSpeaker } from '../labels/names';
import { isInterviewerLabel } from '../labels/roles';
import { detectLanguage } from '../language';
import { cleanImportLine, splitOverlong } from '../lines';
import { genericSpeakerNames } from './speaker-labels';
import { formatMs, isStorableMs } from './timecode';
import type { Transcript, TranscriptFormat } from './transcript';

/** A pause this long (ms) between two segments of one speaker starts a new paragraph. */
export const PARAGRAPH_PAUSE_MS = 2000;
/** A paragraph is closed before it grows past this many characters (a segment is never cut for it). */
export const PARAGRAPH_SOFT_CHARS = 1200;

/** What an import from a transcript adds to the text importer's result. */
export interface TranscriptSummary {
  format: TranscriptFormat;
  /** Segments read from the file. */
  segments: number;
  /** Paragraphs that carry a time. */
  timedParagraphs: number;
  /**
   * The recording the file names (oTranscribe's `media`). The recording picked at import will be
   * carried here too; the paragraphs' times name no recording, so they point into the first one
   * the interview gets.
   */
  mediaName?: string;
}

export interface TranscriptImportOptions {
  id?: string;
  language?: Language;
}

/** A segment ready to place: clean text, a storable time or none, its speaker resolved. */
interface Placed {
  text: string;
  startMs: number | null;
  endMs: number | null;
  speaker: string | null;
  newParagraph: boolean;
  /** The file marks a change of speaker here without a name. */
  change: boolean;
  line: number;
}

/** Formats that give each segment its speaker, rather than a speaker to the text after a label. */
const SPEAKER_PER_SEGMENT: ReadonlySet<TranscriptFormat> = new Set(['webvtt', 'whisper-json', 'whisper-cpp-json']);

const collapse = (text: string) => cleanImportLine(text).replace(/\s+/g, ' ');
const asks = (text: string) => /[?？]/.test(text);

/** Clean text and storable times; what was wrong with a time is a finding, the text stays. */
function cleanSegments(transcript: Transcript, findings: ImportFinding[]): Placed[] {
  const out: Placed[] = [];
  let lastStart = -1;
  for (const s of transcript.segments) {
    const text = collapse(s.text);
    if (text === '') continue;
    if (text.includes('\uFFFD')) findings.push({ kind: 'transcript-garbled', line: s.line, text: excerpt(text) });
    let startMs = s.startMs;
    let endMs = s.endMs ?? null;
    if (startMs !== null && !isStorableMs(startMs)) {
      findings.push({ kind: 'transcript-bad-time', line: s.line, text: excerpt(text) });
      startMs = null;
      endMs = null;
    }
    if (endMs !== null && (!isStorableMs(endMs) || startMs === null || endMs < startMs)) {
      findings.push({ kind: 'transcript-time-order', line: s.line, text: excerpt(text), detail: startMs === null ? '' : formatMs(startMs) });
      endMs = null;
    }
    if (startMs !== null && startMs < lastStart) findings.push({ kind: 'transcript-time-order', line: s.line, text: excerpt(text), detail: formatMs(startMs) });
    if (startMs !== null) lastStart = Math.max(lastStart, startMs);
    const speaker = s.speaker === null ? null : collapse(s.speaker).slice(0, LIMITS.shortField) || null;
    out.push({ text, startMs, endMs, speaker, newParagraph: s.newParagraph === true, change: s.speakerChange === true, line: s.line });
  }
  return out;
}

/**
 * Speakers for a file that marks changes of speaker but names none (SRT dashes, whisper.cpp
 * `-tdrz`): two numbered speakers taking turns, each change reported as a guess.
 */
function alternate(segments: Placed[], language: Language, findings: ImportFinding[]): void {
  const names = [...genericSpeakerNames(['1', '2'], language).values()];
  let k = 0;
  segments.forEach((s, i) => {
    // The first segment is the first speaker's, whether or not the file marks a change there.
    if (s.change && i > 0) k = 1 - k;
    s.speaker = names[k]!;
    if (s.change || i === 0) findings.push({ kind: 'placeholder-speaker', line: s.line, text: excerpt(s.text), detail: names[k] });
  });
}

interface Roles {
  interviewer: string | null;
  evidence: ImportFinding | null;
}

/** The interviewer: a label that says so, else who asks the most questions, else who speaks first. */
function guessRoles(order: readonly string[], segments: readonly Placed[], firstLine: ReadonlyMap<string, number>): Roles {
  if (order.length === 0) return { interviewer: null, evidence: null };
  const labelled = order.find((s) => isInterviewerLabel(s));
  if (labelled) return { interviewer: labelled, evidence: null };
  const questions = new Map(order.map((s) => [s, 0]));
  for (const s of segments) if (s.speaker !== null && asks(s.text)) questions.set(s.speaker, (questions.get(s.speaker) ?? 0) + 1);
  let best = order[0]!;
  for (const s of order) if (questions.get(s)! > questions.get(best)!) best = s;
  const count = questions.get(best)!;
  return { interviewer: best, evidence: { kind: 'interviewer-guessed', line: firstLine.get(best) ?? 1, text: best, detail: count > 0 ? String(count) : '' } };
}

export function transcriptToImport(transcript: Transcript, options: TranscriptImportOptions = {}): ImportResult & { transcript: TranscriptSummary } {
  const findings: ImportFinding[] = [...transcript.findings];
  const segments = cleanSegments(transcript, findings);
  const detected = detectLanguage(segments.map((s, i) => ({ n: i + 1, text: s.text })));
  const language = options.language ?? detected.language;

  // Who speaks: named speakers, numbered ones given names, or changes marked without a name.
  if (!segments.some((s) => s.speaker !== null) && segments.some((s) => s.change)) alternate(segments, language, findings);
  const generic = genericSpeakerNames(segments.flatMap((s) => (s.speaker === null ? [] : [s.speaker])), language);
  const firstLine = new Map<string, number>();
  const order: string[] = [];
  for (const s of segments) {
    if (s.speaker === null) continue;
    const original = s.speaker;
    const named = generic.get(original);
    if (named !== undefined) s.speaker = named;
    if (!firstLine.has(s.speaker)) {
      firstLine.set(s.speaker, s.line);
      order.push(s.speaker);
      if (named !== undefined && original !== named) findings.push({ kind: 'transcript-speaker-named', line: s.line, text: original, detail: named });
    }
  }
  // Past the participants a document holds, a speaker's words stay, printed with their name, in the turn before.
  const admitted = new Set(order.slice(0, LIMITS.participants));
  for (const s of segments) {
    if (s.speaker !== null && !admitted.has(s.speaker)) {
      findings.push({ kind: 'transcript-speaker-limit', line: s.line, text: s.speaker });
      s.text = `${s.speaker}: ${s.text}`;
      s.speaker = null;
    }
  }
  const speakers = order.filter((s) => admitted.has(s));
  const roles = guessRoles(speakers, segments, firstLine);
  if (roles.evidence) findings.push(roles.evidence);

  const participants = new Map<string, Participant>();
  speakers.forEach((label, i) => {
    const role: ParticipantRole = label === roles.interviewer ? 'interviewer' : 'interviewee';
    const d = describeSpeaker(label, role === 'interviewer');
    participants.set(label, { id: `p${i + 1}`, label, fullName: d.fullName, title: d.title, role });
  });

  // Where each segment is a speaker's (VTT voices, whisper's JSON), one without a speaker is a gap in
  // the recogniser's knowledge, not a continuation: it stays in the turn before, and is reported.
  if (SPEAKER_PER_SEGMENT.has(transcript.format) && speakers.length > 0) {
    let current: string | null = null;
    for (const s of segments) {
      if (s.speaker !== null) current = s.speaker;
      else if (current !== null) findings.push({ kind: 'transcript-no-speaker', line: s.line, text: excerpt(s.text), detail: current });
    }
  }

  const report: ImportReport = { speakers: [], turns: [], photos: 0, unplaced: [], webChromeFromLine: null, omittedFromLine: null, findings, language: detected.language };
  const body = placeSegments(segments, participants, report);
  if (speakers.length === 0 && segments.length > 0) findings.push({ kind: 'no-speaker', line: segments[0]!.line, text: excerpt(segments[0]!.text) });
  if (report.omittedFromLine !== null) findings.push({ kind: 'text-omitted', line: report.omittedFromLine, text: '' });

  const turnsOf = new Map<string, number>();
  for (const t of report.turns) turnsOf.set(t.speakerId, (turnsOf.get(t.speakerId) ?? 0) + 1);
  for (const p of participants.values()) report.speakers.push({ id: p.id, label: p.label, role: p.role, evidence: 'transcript', turns: turnsOf.get(p.id) ?? 0 });
  findings.sort((x, y) => x.line - y.line);

  const doc = newInterview(options.id ?? 'imported', language);
  doc.participants = [...participants.values()];
  doc.body = body.length > 0 ? body : [emptyParagraph()];
  let timedParagraphs = 0;
  for (const b of doc.body) for (const p of b.type === 'turn' ? b.children : [b]) if (p.type === 'paragraph' && p.time) timedParagraphs++;
  const summary: TranscriptSummary = { format: transcript.format, segments: transcript.segments.length, timedParagraphs, ...(transcript.mediaName ? { mediaName: transcript.mediaName } : {}) };
  return { doc, meta: {}, report, transcript: summary };
}

/** A paragraph being gathered: its texts and the times of its segments. */
interface Gathering {
  texts: string[];
  chars: number;
  startMs: number | null;
  endMs: number | null;
  lastEndMs: number | null;
}

function paragraphOf(g: Gathering): Paragraph {
  const p: Paragraph = { type: 'paragraph', children: [{ text: g.texts.join(' ') }] };
  if (g.startMs !== null) {
    const time: MediaTime = { startMs: g.startMs };
    if (g.endMs !== null && g.endMs >= g.startMs) time.endMs = g.endMs;
    p.time = time;
  }
  return p;
}

/** The body: intro paragraphs, then turns of paragraphs, within the model's limits. */
function placeSegments(segments: readonly Placed[], participants: ReadonlyMap<string, Participant>, report: ImportReport): Block[] {
  const body: Block[] = [];
  const room = { body: LIMITS.bodyBlocks - 1, turn: LIMITS.blocksPerTurn - 1 };
  const byId = new Map([...participants.values()].map((p) => [p.id, p]));
  // One holder, so the helpers below and the loop see the same state.
  const at: { turn: Turn | null; speaker: string | null; open: Gathering | null; full: boolean } = { turn: null, speaker: null, open: null, full: false };

  const stop = (line: number) => {
    at.full = true;
    report.omittedFromLine ??= line;
  };
  const openTurn = (participant: Participant, line: number, matched: string): boolean => {
    if (body.length >= room.body) {
      stop(line);
      return false;
    }
    at.turn = { type: 'turn', speakerId: participant.id, children: [] };
    body.push(at.turn);
    report.turns.push({ line, matched, label: participant.label, speakerId: participant.id });
    return true;
  };
  /** A paragraph into the open turn (a full one goes on in a turn of the same speaker), or the intro. */
  const put = (p: Paragraph, line: number) => {
    if (at.full) return;
    if (at.turn && at.turn.children.length >= room.turn && !openTurn(byId.get(at.turn.speakerId)!, line, '')) return;
    if (at.turn) at.turn.children.push(p);
    else if (body.length < room.body) body.push(p);
    else stop(line);
  };
  const flush = (line: number) => {
    if (at.open && at.open.texts.length > 0) put(paragraphOf(at.open), line);
    at.open = null;
  };

  for (const s of segments) {
    if (at.full) break;
    const who: string | null = s.speaker ?? at.speaker;
    if (who !== null && who !== at.speaker) {
      flush(s.line);
      if (!openTurn(participants.get(who)!, s.line, s.speaker ?? '')) break;
      at.speaker = who;
    }
    const g = at.open;
    const pause = g !== null && g.lastEndMs !== null && s.startMs !== null && s.startMs - g.lastEndMs >= PARAGRAPH_PAUSE_MS;
    if (g !== null && (s.newParagraph || pause || g.chars + 1 + s.text.length > PARAGRAPH_SOFT_CHARS)) flush(s.line);
    // A segment longer than a paragraph holds is split at spaces; each part keeps the segment's time.
    const parts = s.text.length > LIMITS.paragraphText ? splitOverlong(s.text) : [s.text];
    parts.forEach((part, k) => {
      if (k > 0) flush(s.line);
      const open = (at.open ??= { texts: [], chars: 0, startMs: null, endMs: null, lastEndMs: null });
      open.texts.push(part);
      open.chars += part.length + 1;
      open.startMs ??= s.startMs;
      if (s.endMs !== null) open.endMs = s.endMs;
      // A pause is measured from where the last segment ends; without an end there is no pause to measure.
      open.lastEndMs = s.endMs;
    });
  }
  flush(segments[segments.length - 1]?.line ?? 1);
  // A turn always has a paragraph to type in (a full body may leave the last one empty).
  for (const block of body) if (block.type === 'turn' && block.children.length === 0) block.children.push(emptyParagraph());
  return body;
}
