/**
 * The JSON the two whisper programs write, which differ in shape:
 *
 * - openai-whisper (`--output_format json`): `segments[]` with `start`/`end` in float seconds,
 *   `text` with a leading space, optional `words[]` (`--word_timestamps True`), confidence values
 *   (`avg_logprob`, `no_speech_prob`, `compression_ratio`), and in diarising wrappers (WhisperX) a
 *   `speaker` such as `SPEAKER_00`;
 * - whisper.cpp (`-oj`/`-ojf`): `transcription[]` with `offsets.from/to` in integer milliseconds
 *   (or `timestamps` strings `00:01:02,340`), `text`, `speaker` `"0"`/`"1"`/`"?"` with `-di`,
 *   `speaker_turn_next` with `-tdrz`.
 *
 * whisper.cpp can split a multi-byte letter between tokens and write invalid UTF-8; the caller
 * decodes leniently, and a segment holding U+FFFD is reported for the reporter to check against
 * the recording. Segments whisper itself doubts (its own fallback thresholds) are reported too.
 * Values of the wrong kind never throw: a segment without a usable time keeps its text, untimed.
 */
import { excerpt, type ImportFinding } from '../findings';
import { isJsonObject, parseJsonObject, type JsonObject } from './json-object';
import { isUnknownSpeaker } from './speaker-labels';
import { parseTimecode, secondsToMs } from './timecode';
import type { Transcript, TranscriptSegment, TranscriptWord } from './transcript';


/** Which of the two shapes a parsed JSON value has, or null for neither. */
export function whisperShape(value: unknown): 'whisper-json' | 'whisper-cpp-json' | null {
  if (!isJsonObject(value)) return null;
  if (Array.isArray(value.transcription)) return 'whisper-cpp-json';
  if (Array.isArray(value.segments)) return 'whisper-json';
  return null;
}

const textOf = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function speakerOf(v: unknown): string | null {
  const s = textOf(v).trim();
  return s === '' || isUnknownSpeaker(s) ? null : s;
}

function wordsOf(v: unknown): TranscriptWord[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: TranscriptWord[] = [];
  for (const w of v) {
    if (!isJsonObject(w)) continue;
    const startMs = secondsToMs(w.start);
    if (startMs === null) continue;
    const endMs = secondsToMs(w.end);
    out.push({ text: textOf(w.word), startMs, ...(endMs !== null ? { endMs } : {}), ...(typeof w.probability === 'number' ? { probability: w.probability } : {}) });
  }
  return out.length > 0 ? out : undefined;
}

function doubted(segment: JsonObject): boolean {
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const logprob = n(segment.avg_logprob);
  const noSpeech = n(segment.no_speech_prob);
  const ratio = n(segment.compression_ratio);
  return (logprob !== null && logprob < -1) || (noSpeech !== null && noSpeech > 0.6) || (ratio !== null && ratio > 2.4);
}

function openaiSegments(root: JsonObject, findings: ImportFinding[]): TranscriptSegment[] {
  const out: TranscriptSegment[] = [];
  (root.segments as unknown[]).forEach((raw, i) => {
    const line = i + 1;
    if (!isJsonObject(raw)) {
      // A segment that is not an object may still be words: kept, untimed.
      const text = textOf(raw);
      if (text.trim() !== '') {
        out.push({ speaker: null, startMs: null, text, line });
        findings.push({ kind: 'transcript-untimed', line, text: excerpt(text) });
      }
      return;
    }
    const words = wordsOf(raw.words);
    let text = textOf(raw.text);
    if (text.trim() === '' && words) text = words.map((w) => w.text).join('');
    if (text.trim() === '') return;
    const startMs = secondsToMs(raw.start);
    const endMs = secondsToMs(raw.end);
    if (startMs === null) findings.push({ kind: 'transcript-bad-time', line, text: excerpt(text.trim()) });
    if (doubted(raw)) findings.push({ kind: 'transcript-doubtful', line, text: excerpt(text.trim()) });
    out.push({ speaker: speakerOf(raw.speaker), startMs, ...(startMs !== null && endMs !== null ? { endMs } : {}), text, ...(words ? { words } : {}), line });
  });
  return out;
}

function cppTime(item: JsonObject, which: 'from' | 'to'): number | null {
  const offsets = isJsonObject(item.offsets) ? item.offsets : null;
  const ms = offsets?.[which];
  if (typeof ms === 'number' && Number.isInteger(ms) && ms >= 0) return ms;
  const stamps = isJsonObject(item.timestamps) ? item.timestamps : null;
  const stamp = stamps?.[which];
  return typeof stamp === 'string' ? parseTimecode(stamp) : null;
}

function cppSegments(root: JsonObject, findings: ImportFinding[]): TranscriptSegment[] {
  const out: TranscriptSegment[] = [];
  let turnNext = false;
  (root.transcription as unknown[]).forEach((raw, i) => {
    const line = i + 1;
    if (!isJsonObject(raw)) return;
    const text = textOf(raw.text);
    const change = turnNext;
    turnNext = raw.speaker_turn_next === true;
    if (text.trim() === '') return;
    const startMs = cppTime(raw, 'from');
    const endMs = cppTime(raw, 'to');
    if (startMs === null) findings.push({ kind: 'transcript-bad-time', line, text: excerpt(text.trim()) });
    const speaker = speakerOf(raw.speaker);
    out.push({ speaker, ...(change && speaker === null ? { speakerChange: true } : {}), startMs, ...(startMs !== null && endMs !== null ? { endMs } : {}), text, line });
  });
  return out;
}

/** A whisper JSON text as a transcript; null when it is not JSON of either shape. */
export function parseWhisperJson(text: string): Transcript | null {
  const root = parseJsonObject(text);
  const shape = whisperShape(root);
  if (root === null || shape === null) return null;
  const findings: ImportFinding[] = [];
  const segments = shape === 'whisper-json' ? openaiSegments(root, findings) : cppSegments(root, findings);
  return { format: shape, segments, findings };
}
