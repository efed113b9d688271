/**
 * Recordings of real speech, made by the tests: espeak-ng speaks each line of a short interview (a
 * Vietnamese reporter, an English-speaking guest, two different voices) and sox places each line at
 * a known start time on 30 seconds of silence. The segment table it returns is what was placed, so
 * a test can write transcripts of the recording (WebVTT, Whisper JSON) by hand from it and check
 * that stamps and seeks land inside the right line.
 *
 * Made once and kept in the system's temporary folder under a name derived from the script: every
 * test of a run (and the next run) reuses the file; a changed script makes a new one. A file is
 * written under a temporary name and renamed, so a test never reads a half-written recording.
 *
 * Needs espeak-ng and sox (`has('speech')`, material.ts); a test that needs them is skipped with
 * MISSING.speech when they are absent.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SpokenLine {
  speaker: 'reporter' | 'guest';
  language: 'vi' | 'en';
  text: string;
  /** Where the line starts in the recording (it is padded to start exactly here). */
  startMs: number;
  /** Where its sound ends: the start plus the spoken line's own length, as sox measured it. */
  endMs: number;
}

export interface Dialogue {
  /** 16-bit mono PCM WAV, 16 kHz. */
  wav: string;
  /** The same recording as Ogg Vorbis (sox here writes Vorbis, not Opus), or null if sox cannot. */
  ogg: string | null;
  durationMs: number;
  lines: SpokenLine[];
}

/** espeak-ng's voices: a northern Vietnamese voice (female variant) and an American English one. */
const VOICE = { reporter: 'vi+f3', guest: 'en-us+m3' } as const;
const DURATION_MS = 30_000;
const RATE = 16_000;

/** The interview: each line starts at its slot, and must be spoken before the next one starts. */
const SCRIPT: Omit<SpokenLine, 'endMs'>[] = [
  { speaker: 'reporter', language: 'vi', text: 'Xin chào ông. Nước sạch về làng chưa?', startMs: 500 },
  { speaker: 'guest', language: 'en', text: 'Yes, the water came last spring.', startMs: 5500 },
  { speaker: 'reporter', language: 'vi', text: 'Người dân có hài lòng không ạ?', startMs: 10_500 },
  { speaker: 'guest', language: 'en', text: 'Most families are very happy now.', startMs: 15_500 },
  { speaker: 'reporter', language: 'vi', text: 'Cảm ơn ông đã trả lời.', startMs: 20_500 },
  { speaker: 'guest', language: 'en', text: 'Thank you for coming to the village.', startMs: 25_500 },
];
export const DIALOGUE_SCRIPT: readonly Omit<SpokenLine, 'endMs'>[] = SCRIPT.map((line) => ({ ...line, text: line.text.normalize('NFC') }));

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
  return result.stdout;
}

let made: Dialogue | null = null;

/** The dialogue recording (made on first use, then reused). Throws when espeak-ng or sox is missing. */
export function dialogueRecording(): Dialogue {
  if (made) return made;
  const key = createHash('sha256').update(JSON.stringify({ DIALOGUE_SCRIPT, VOICE, DURATION_MS, RATE })).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `interview-desk-speech-${key}`);
  const table = join(dir, 'dialogue.json');
  if (existsSync(table)) return (made = JSON.parse(readFileSync(table, 'utf8')) as Dialogue);

  mkdirSync(dir, { recursive: true });
  const work = join(dir, `work-${process.pid}-${Date.now()}`);
  mkdirSync(work);
  try {
    const lines: SpokenLine[] = [];
    const placed: string[] = [];
    DIALOGUE_SCRIPT.forEach((line, i) => {
      const spoken = join(work, `line-${i}-spoken.wav`);
      const even = join(work, `line-${i}.wav`);
      const padded = join(work, `line-${i}-placed.wav`);
      run('espeak-ng', ['-v', VOICE[line.speaker], '-s', '165', '-w', spoken, line.text]);
      run('sox', [spoken, '-r', String(RATE), '-c', '1', '-b', '16', even]);
      const lengthMs = Math.round(Number(run('sox', ['--i', '-D', even]).trim()) * 1000);
      const endMs = line.startMs + lengthMs;
      const next = DIALOGUE_SCRIPT[i + 1]?.startMs ?? DURATION_MS;
      if (!(lengthMs > 300) || endMs > next) throw new Error(`line ${i} lasts ${lengthMs} ms: it does not fit before ${next} ms`);
      run('sox', [even, padded, 'pad', String(line.startMs / 1000), '0']);
      placed.push(padded);
      lines.push({ ...line, endMs });
    });
    const silence = join(work, 'silence.wav');
    run('sox', ['-n', '-r', String(RATE), '-c', '1', '-b', '16', silence, 'trim', '0', String(DURATION_MS / 1000)]);
    // -v 1 on every input: mixed at full volume (sox would divide by the number of inputs), which
    // is safe here as no two lines overlap.
    const mixed = join(work, 'dialogue.wav');
    run('sox', ['-m', '-v', '1', silence, ...placed.flatMap((f) => ['-v', '1', f]), '-b', '16', mixed]);
    const wav = join(dir, 'dialogue.wav');
    renameSync(mixed, wav);
    let ogg: string | null = join(dir, 'dialogue.ogg');
    const oggWork = join(work, 'dialogue.ogg');
    if (spawnSync('sox', [wav, oggWork]).status === 0) renameSync(oggWork, ogg);
    else ogg = null;
    const dialogue: Dialogue = { wav, ogg, durationMs: DURATION_MS, lines };
    const tableWork = join(work, 'dialogue.json');
    writeFileSync(tableWork, JSON.stringify(dialogue, null, 2));
    renameSync(tableWork, table);
    return (made = dialogue);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
