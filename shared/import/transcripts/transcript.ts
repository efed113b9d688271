/**
 * A machine transcript as the parsers read it, before it becomes turns: timed segments, each with
 * the speaker the file names (or none), in the file's order. Every parser in this folder returns
 * this one shape, so a later source of segments (a local speech-recognition engine) needs only to
 * produce it; `transcript-turns.ts` makes the interview from it.
 *
 * Nothing here is dropped silently: text a parser could not place in time is a segment without a
 * time, and what it doubted is a finding (../findings.ts) with the line it is on.
 */
import type { ImportFinding } from '../findings';

export type TranscriptFormat = 'webvtt' | 'srt' | 'whisper-json' | 'whisper-cpp-json' | 'otr' | 'timed-text';

export interface TranscriptWord {
  text: string;
  startMs: number;
  endMs?: number;
  /** 0–1, as the recogniser gave it. */
  probability?: number;
}

export interface TranscriptSegment {
  /**
   * The speaker as the file names it (`Lan`, `Speaker 1`, `SPEAKER_00`, whisper.cpp's `0`), or null
   * when the file says nothing: the segment goes on with the speaker before it.
   */
  speaker: string | null;
  /**
   * The file marks a change of speaker without naming one (SRT's leading `- `, whisper.cpp's
   * `speaker_turn_next`).
   */
  speakerChange?: boolean;
  /** The file starts a paragraph here (a blank line inside a speaker's text), whatever the times say. */
  newParagraph?: boolean;
  /** Integer milliseconds from the start of the recording; null for text the file gives no time. */
  startMs: number | null;
  endMs?: number;
  /** The words as spoken, one line, markup and entities resolved (not yet NFC: the turns do that). */
  text: string;
  /** Word times, when the recogniser gave them (kept for later use, not stored in the document). */
  words?: TranscriptWord[];
  /**
   * Where it is in the file, for the report: the 1-based line, or for JSON formats (one line, as
   * whisper writes them) the segment's number.
   */
  line: number;
}

export interface Transcript {
  format: TranscriptFormat;
  segments: TranscriptSegment[];
  /** What the parser doubted or could not place (the text is kept in the segments). */
  findings: ImportFinding[];
  /** The recording the file names (oTranscribe's `media`), so the user can be reminded to attach it. */
  mediaName?: string;
}
