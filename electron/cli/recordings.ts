/**
 * `attach` and `recordings`: a recording added to an interview from the command line, and the list
 * of an interview's recordings. Attaching stores the file as the app does (streamed into the
 * library's media folder, recognised from its bytes, named by its sha-256) and saves the interview
 * with it listed, as a new revision through the same save as the editor's.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { LIMITS, type Recording } from '../../shared/model/schema';
import { openDocument, saveDocument } from '../backend/documents';
import { registerMedia } from '../backend/media/media-table';
import { storeMedia } from '../backend/media/store-media';
import { CliError } from './io';
import { withLibrary } from './library';

/** `12.3 MB`, `1:02:03` */
const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const hms = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return hms[0]! > 0 ? `${hms[0]}:${String(hms[1]).padStart(2, '0')}:${String(hms[2]).padStart(2, '0')}` : `${hms[1]}:${String(hms[2]).padStart(2, '0')}`;
}

/** One recording a line: id, type, size, length (or `-`), name (tab-separated). */
export function recordingLine(r: Recording): string {
  return [r.id, r.mime, megabytes(r.bytes), r.durationMs === undefined ? '-' : clock(r.durationMs), r.name].join('\t');
}

export async function attach(id: string, file: string, dataDir: string | undefined): Promise<void> {
  const path = resolve(file);
  if (!existsSync(path) || !statSync(path).isFile()) throw new CliError(`${file}: no such file`);
  const line = await withLibrary(dataDir, false, async (ctx) => {
    const { doc, revision } = openDocument(ctx, id);
    const listed = doc.recordings ?? [];
    const stored = await storeMedia(ctx.library!.dataDir, createReadStream(path));
    const recording = registerMedia(ctx.db, stored, basename(path), ctx.now());
    const already = listed.find((r) => r.id === recording.id);
    // The same recording (by content) is listed once; an exchange file's "not included" entry is now linked.
    if (already) return `${recordingLine(already)}\t(already attached)`;
    if (listed.length >= LIMITS.recordings) throw new CliError(`interview ${id} already has ${LIMITS.recordings} recordings, the most one can have`);
    saveDocument(ctx, id, revision, { ...doc, recordings: [...listed, recording] });
    return recordingLine(recording);
  });
  process.stdout.write(`${line}\n`);
}

export async function recordings(id: string, dataDir: string | undefined, json: boolean): Promise<void> {
  const listed = await withLibrary(dataDir, false, (ctx) => openDocument(ctx, id).doc.recordings ?? []);
  if (json) process.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
  else process.stdout.write(listed.map((r) => `${recordingLine(r)}\n`).join(''));
}
