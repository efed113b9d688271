/**
 * One way in for every text file a reporter imports: a machine transcript (WebVTT, SRT, whisper's
 * or whisper.cpp's JSON, oTranscribe's `.otr`, plain text with timestamp headers) becomes turns
 * with times (transcript-turns.ts); anything else goes to the agency-text importer as before. The
 * format is chosen by the file's extension and confirmed by its content, so a `.txt` that is really
 * a WebVTT file or an Otter export is read as one, and a `.vtt` that is not falls back to plain
 * text with a finding rather than an error: no text is refused for its name.
 */
import { importAgencyText, type ImportOptions, type ImportResult } from '../agency-text';
import { parseOtr } from './otr';
import { parseSrt } from './srt';
import { looksLikeTimedText, parseTimedText } from './timed-text';
import type { Transcript, TranscriptFormat } from './transcript';
import { transcriptToImport, type TranscriptSummary } from './transcript-turns';
import { parseWebVtt } from './webvtt';
import { parseWhisperJson } from './whisper-json';

/** Extensions of the transcript formats (the Import button's picker offers these and `.txt`). */
export const TRANSCRIPT_EXTENSIONS = ['.vtt', '.srt', '.json', '.otr'] as const;
export const IMPORTABLE_EXTENSIONS = ['.txt', ...TRANSCRIPT_EXTENSIONS] as const;

const extensionOf = (fileName: string): string => /\.[^./\\]+$/.exec(fileName.toLowerCase())?.[0] ?? '';

/**
 * Files whose bytes may be decoded leniently (invalid UTF-8 as U+FFFD, each such segment then
 * reported): whisper.cpp can write invalid UTF-8 inside a Vietnamese letter. A `.txt` is not one: a
 * legacy encoding decoded that way would lose every tone mark, so it is refused instead.
 */
export const decodesLeniently = (fileName: string): boolean => (TRANSCRIPT_EXTENSIONS as readonly string[]).includes(extensionOf(fileName));

/** The first lines, enough to tell the formats apart without reading a large file twice. */
const head = (text: string) => text.slice(0, 4000).replace(/^\uFEFF/, '');
const SRT_TIMING = /^\s*(?:\d{1,4}:)?\d{1,4}:\d{2}[,.]\d{1,3}\s*-->\s*(?:\d{1,4}:)?\d{1,4}:\d{2}[,.]\d{1,3}/m;

/** The transcript format of a file, from its name and its first lines; null for plain text. */
export function transcriptFormatOf(fileName: string, text: string): TranscriptFormat | 'json' | null {
  const ext = extensionOf(fileName);
  const start = head(text);
  if (ext === '.vtt' || /^WEBVTT(?:[ \t\r\n]|$)/.test(start)) return 'webvtt';
  if (ext === '.srt' || SRT_TIMING.test(start)) return 'srt';
  if (ext === '.otr') return 'otr';
  if (ext === '.json' || start.trimStart().startsWith('{')) return 'json';
  return looksLikeTimedText(text) ? 'timed-text' : null;
}

/** The file read as a transcript, or null when it is not one (plain text, JSON of another kind). */
export function readTranscript(fileName: string, text: string): Transcript | null {
  const format = transcriptFormatOf(fileName, text);
  switch (format) {
    case 'webvtt':
      return parseWebVtt(text);
    case 'srt':
      return parseSrt(text);
    case 'otr':
      return parseOtr(text);
    case 'json':
      // oTranscribe's files are JSON too, and are sometimes saved as `.json`.
      return parseWhisperJson(text) ?? parseOtr(text);
    case 'timed-text':
      return parseTimedText(text);
    default:
      return null;
  }
}

/** Whether what a reader made of a file is a transcript: at least one segment with a time. */
export const hasTimedSegments = (transcript: Transcript | null): transcript is Transcript => transcript !== null && transcript.segments.some((s) => s.startMs !== null);

export type ImportedFile = ImportResult & { transcript?: TranscriptSummary };

/**
 * Import a file's text: as a transcript when it is one (it gives at least one time), otherwise as
 * agency text. A file named or shaped as a transcript that is none (a `.vtt` without cues, JSON of
 * another program) is read as text, with a finding saying so.
 */
export function importTranscriptOrText(fileName: string, text: string, options: ImportOptions = {}): ImportedFile {
  const transcript = readTranscript(fileName, text);
  if (hasTimedSegments(transcript)) return transcriptToImport(transcript, options);
  const result = importAgencyText(text, options);
  const named = (TRANSCRIPT_EXTENSIONS as readonly string[]).includes(extensionOf(fileName));
  if (named || transcript !== null) {
    result.report.findings.unshift({ kind: 'transcript-unreadable', line: 1, text: fileName });
  }
  return result;
}
