/**
 * Input and output of the CLI: `-` is stdin or stdout, so the tool sits in a pipe; every failure
 * is a CliError, reported by run.ts as one line on stderr with its exit code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { decodesLeniently, hasTimedSegments, readTranscript } from '../../shared/import/transcripts/import-transcript';

import { CliError } from './cli-error';

export { CliError };

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The bytes of a file, or of stdin for `-`. */
export async function readInputBytes(path: string): Promise<Buffer> {
  if (path === '-') return readStdin();
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${path}: no such file` : code === 'EISDIR' ? `${path} is a folder, not a file` : `${path}: ${(err as Error).message}`);
  }
}

/**
 * A file (or stdin) to import, as text. It must be UTF-8: a text in a legacy encoding (Windows-1258,
 * VNI) decoded as UTF-8 would turn into a document of replacement characters, so it is refused. A
 * machine transcript (`.json`, `.vtt`, …) that is not quite UTF-8 is decoded leniently instead, since
 * whisper.cpp can cut a letter's bytes in two: the importer reports each segment holding U+FFFD for
 * checking against the recording. A byte-order mark is dropped.
 */
export async function readImportText(path: string): Promise<string> {
  const bytes = await readInputBytes(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Only a transcript is read so: an interview's JSON or a text with U+FFFD in it would lose words unseen.
    if (decodesLeniently(path)) {
      const text = new TextDecoder('utf-8').decode(bytes);
      if (hasTimedSegments(readTranscript(path, text))) return text;
    }
    const name = path === '-' ? 'the input' : path;
    throw new CliError(`${name} is not UTF-8 text (a legacy Vietnamese encoding?); save it as UTF-8 and try again`);
  }
}

/** Write to a file, or to stdout for `-` or no path. */
export function writeOutput(path: string | undefined, content: string | Uint8Array): void {
  if (path === undefined || path === '-') {
    process.stdout.write(content);
    return;
  }
  try {
    writeFileSync(path, content);
  } catch (err) {
    throw new CliError(`cannot write ${path}: ${(err as Error).message}`);
  }
}
