/**
 * `interview-desk export <id>`: a stored interview, in any format of the export registry, into
 * a folder (or the story alone to stdout), or delivered to a newsroom destination.
 *
 * How the files are shaped is a destination profile (shared/export/profile.ts), from one of:
 * - `--destination <name>`: a destination saved in the library's settings. Without `-o`, the
 *   story is sent there exactly as the app's Send does (same checks, same replacing rules, the
 *   delivery log); with `-o`, it is written into that folder shaped by the destination's profile;
 * - the profile's fields as flags (`--receiver`, `--pictures`, `--picture-base-url`,
 *   `--sapo-in-body`, `--subjects`): a new destination's defaults for the fields not given, so
 *   pictures go into `pictures/` unless `--pictures same-folder` says otherwise;
 * - neither: a plain export, as the Export dialog saves one (pictures beside the story).
 *
 * Files are written through temporaries and renames, pictures first (as a delivery is), so a
 * folder watched by another program never shows a partial file.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Destination } from '../../shared/api/contract';
import { FORMATS, receiverReads } from '../../shared/export/formats';
import { isPictureBaseUrl, NEW_PROFILE, PICTURE_LAYOUTS, PLAIN_EXPORT, type ExportProfile, type PictureLayout } from '../../shared/export/profile';
import { RECEIVERS, type Receiver } from '../../shared/export/receivers';
import { SUBJECT_CODE, type SubjectRow } from '../../shared/export/subjects';
import { readAsset } from '../backend/assets';
import type { HandlerContext } from '../backend/context';
import { exportStoredDocument, type DeliveryTarget, type ExportResult } from '../backend/exports';
import { writeFilesAtomically, type FileToWrite } from '../backend/folder-delivery';
import { folderUri, getDestinations, profileOf, sendToNewsroom } from '../backend/newsroom';
import { preflightSummary } from './findings';
import type { CliFormat } from './formats';
import { CliError } from './io';
import { withLibrary } from './library';

/** The profile's fields as given on the command line (unparsed). */
export interface ProfileFlags {
  receiver?: string;
  pictures?: string;
  pictureBaseUrl?: string;
  sapoInBody?: string;
  /** A JSON file: `[{"section": "Kinh tế", "code": "04000000"}, …]` or `{"Kinh tế": "04000000", …}`. */
  subjects?: string;
}

export interface ExportRequest {
  id: string;
  format?: CliFormat;
  /** A folder, or `-` for the main file on stdout; absent only with a destination (a send). */
  output?: string;
  acceptWarnings: boolean;
  dataDir?: string;
  destination?: string;
  profile: ProfileFlags;
}

function oneOf<T extends string>(values: readonly T[], value: string, flag: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new CliError(`${flag} must be ${values.join(' or ')}, not "${value}"`, 2);
}

function subjectTable(path: string): SubjectRow[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new CliError(`--subjects ${path}: ${(err as Error).message}`, 2);
  }
  const rows: unknown[] = Array.isArray(raw) ? raw : raw !== null && typeof raw === 'object' ? Object.entries(raw).map(([section, code]) => ({ section, code })) : [];
  return rows.map((row, i) => {
    const { section, code } = (row ?? {}) as { section?: unknown; code?: unknown };
    if (typeof section !== 'string' || section.trim() === '' || typeof code !== 'string' || !SUBJECT_CODE.test(code)) {
      throw new CliError(`--subjects ${path}: entry ${i + 1} needs a section and an 8-digit IPTC subject code`, 2);
    }
    return { section: section.trim(), code };
  });
}

const hasProfileFlags = (flags: ProfileFlags) => Object.values(flags).some((v) => v !== undefined);

/** The profile the flags describe: a new destination's defaults for what they leave out; a plain export without any. */
export function profileFromFlags(flags: ProfileFlags): ExportProfile {
  if (!hasProfileFlags(flags)) return PLAIN_EXPORT;
  const base = flags.pictureBaseUrl;
  if (base !== undefined && !isPictureBaseUrl(base)) throw new CliError(`--picture-base-url must be an http:// or https:// address, not "${base}"`, 2);
  return {
    receiver: flags.receiver === undefined ? NEW_PROFILE.receiver : oneOf<Receiver>(RECEIVERS, flags.receiver, '--receiver'),
    pictureLayout: flags.pictures === undefined ? NEW_PROFILE.pictureLayout : oneOf<PictureLayout>(PICTURE_LAYOUTS, flags.pictures, '--pictures'),
    pictureBaseUrl: base ?? null,
    sapoInBody: flags.sapoInBody === undefined ? NEW_PROFILE.sapoInBody : oneOf(['yes', 'no'], flags.sapoInBody, '--sapo-in-body') === 'yes',
    subjects: flags.subjects === undefined ? NEW_PROFILE.subjects : subjectTable(flags.subjects),
  };
}

function findDestination(ctx: HandlerContext, name: string): Destination {
  const all = getDestinations(ctx);
  const found = all.find((d) => d.name.toLocaleLowerCase() === name.trim().toLocaleLowerCase());
  if (found) return found;
  throw new CliError(`no destination called "${name}"${all.length > 0 ? ` (the library has: ${all.map((d) => d.name).join(', ')})` : ' (the library has none yet: add one in Settings)'}`);
}

/** Preflight, then again with its warnings accepted when the user said so. */
function exportAccepting(ctx: HandlerContext, id: string, format: CliFormat, acceptWarnings: boolean, target: DeliveryTarget): ExportResult {
  let result = exportStoredDocument(ctx, id, format, [], target);
  if (!result.file && acceptWarnings && result.preflight.errors.length === 0) {
    result = exportStoredDocument(ctx, id, format, result.preflight.warnings.map((w) => w.key), target);
  }
  return result;
}

function refused(result: ExportResult, verb: string): CliError {
  const hint = result.preflight.errors.length === 0 ? '; --accept-warnings exports anyway' : '; fix them in Interview Desk first';
  return new CliError(`not ${verb}: ${preflightSummary(result.preflight)}${hint}`);
}

/** The files of an export: pictures (in their folder), then the main file. */
function filesOf(ctx: HandlerContext, request: ExportRequest & { format: CliFormat }, profile: ExportProfile, folder: string | null, destination: boolean): FileToWrite[] {
  if (!receiverReads(profile.receiver, request.format) && profile !== PLAIN_EXPORT) {
    throw new CliError(`${FORMATS[request.format].label.en} is not a format ${profile.receiver === 'superdesk' ? 'Superdesk' : 'a generic IPTC system'} ingests whole: choose another --format or --receiver`, 2);
  }
  // ninjs refers to pictures by absolute URI: where they are written.
  const target: DeliveryTarget = { profile, destination, ...(folder === null ? {} : { folderUri: folderUri(folder) }) };
  const result = exportAccepting(ctx, request.id, request.format, request.acceptWarnings, target);
  const { file } = result;
  if (!file) throw refused(result, 'exported');
  const pictures = file.pictures.map((p) => {
    const asset = readAsset(ctx, p.assetId);
    if (!asset) throw new CliError(`the image ${p.fileName} is not in the library`);
    return { name: p.fileName, subfolder: (p.folder ?? '').replace(/\/$/, ''), bytes: asset.bytes };
  });
  return [...pictures, { name: file.fileName, bytes: Buffer.from(file.data, file.encoding === 'base64' ? 'base64' : 'utf8') }];
}

/** A send to a destination, as the app's Send: prints the files written, the story last. */
async function send(ctx: HandlerContext, request: ExportRequest, destination: Destination): Promise<string[]> {
  let result = await sendToNewsroom(ctx, request.id, destination.id, []);
  if (!result.delivery && request.acceptWarnings && result.preflight.errors.length === 0) {
    result = await sendToNewsroom(ctx, request.id, destination.id, result.preflight.warnings.map((w) => w.key));
  }
  const { delivery } = result;
  if (!delivery) throw refused({ preflight: result.preflight, file: null }, 'sent');
  if (!delivery.ok) throw new CliError(delivery.message);
  return delivery.files.map((f) => join(resolve(destination.folder), f));
}

export async function exportDocument(request: ExportRequest): Promise<void> {
  const named = request.destination;
  if (named !== undefined && (hasProfileFlags(request.profile) || request.format !== undefined)) {
    throw new CliError('--destination brings its own format and profile: leave out --format, --receiver, --pictures, --picture-base-url, --sapo-in-body and --subjects', 2);
  }
  if (named === undefined && request.format === undefined) throw new CliError('export needs --format <format> (or --destination <name>)', 2);
  if (named === undefined && request.output === undefined) throw new CliError('export needs -o <folder> (or -o - for stdout)', 2);
  const flagProfile = named === undefined ? profileFromFlags(request.profile) : null;
  const folder = request.output === undefined || request.output === '-' ? null : resolve(request.output);

  const outcome = await withLibrary(request.dataDir, false, async (ctx): Promise<{ sent: string[] } | { files: FileToWrite[] }> => {
    if (named === undefined) return { files: filesOf(ctx, { ...request, format: request.format! }, flagProfile!, folder, flagProfile !== PLAIN_EXPORT) };
    const destination = findDestination(ctx, named);
    if (request.output === undefined) return { sent: await send(ctx, request, destination) };
    return { files: filesOf(ctx, { ...request, format: destination.format }, profileOf(destination), folder, true) };
  });
  if ('sent' in outcome) {
    process.stdout.write(outcome.sent.map((path) => `${path}\n`).join(''));
    return;
  }
  const { files } = outcome;
  const main = files[files.length - 1]!;
  if (folder === null) {
    process.stdout.write(main.bytes);
    if (files.length > 1) process.stderr.write(`interview-desk: ${files.length - 1} picture file(s) not written: the story went to stdout (use -o <folder> to get them)\n`);
    return;
  }
  mkdirSync(folder, { recursive: true });
  const written = await writeFilesAtomically(folder, files).catch((err: Error) => {
    throw new CliError(err.message);
  });
  process.stdout.write(written.map((path) => `${join(folder, path)}\n`).join(''));
}
