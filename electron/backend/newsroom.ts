/**
 * Sending a story to the newsroom system: its destinations (drop folders, each polled for one
 * format, each a profile of how its receiving system wants the files: shared/export/profile.ts)
 * kept in the library's settings, the delivery into a folder, and the delivery log.
 *
 * A send exports the stored interview as `document.export` does (same preflight, same file
 * names), shaped by the destination's profile (receiver, picture layout and address, sapo,
 * subject table, with the profile's own preflight checks), then writes the picture files and the
 * main file into the folder through temporaries and renames, pictures first (folder-delivery.ts):
 * the story at the top of the folder, its pictures in `pictures/` unless the profile asks for the
 * same folder. A blocked preflight writes nothing and is not logged: nothing was attempted, and
 * the user sees the findings. Every attempted delivery is logged, with its result.
 *
 * Replacing files: ingest systems usually take files out of their drop folder, so a file still
 * there with the story's name is normally the previous, not yet ingested version of the same
 * story, and a new send replaces it (atomically: the poller sees the old or the new file, never a
 * mix). A file of that name which the log does not show as sent from this same interview is never
 * replaced: the send fails with a message naming it, so two stories with the same slug, or a
 * file someone else put there, are not overwritten silently. Picture files are named by the
 * hash of their content, so one of the same name holds the same image and is simply rewritten.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { destinationSchema, type Delivery, type Destination, type DestinationInput, type PreflightFindings } from '../../shared/api/contract';
import { FORMATS, receiverReads } from '../../shared/export/formats';
import type { ExportProfile } from '../../shared/export/profile';
import { readAsset } from './assets';
import type { HandlerContext } from './context';
import { AppError } from './errors';
import { exportStoredDocument } from './exports';
import { checkWritableFolder, fileExists, FolderWriteError, writeFilesAtomically, type FileToWrite, type FolderFs } from './folder-delivery';
import { readSetting, writeSetting } from './settings';

const DESTINATIONS = 'newsroom.destinations';

/** The destinations, in the user's order. A stored entry that no longer passes the schema is left out. */
export function getDestinations(ctx: HandlerContext): Destination[] {
  const stored = readSetting(ctx.db, DESTINATIONS);
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    // A destination stored before profiles reads as it was delivered then (the schema's defaults).
    const parsed = destinationSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The profile part of a destination. */
export function profileOf(destination: Destination): ExportProfile {
  const { receiver, pictureLayout, pictureBaseUrl, sapoInBody, subjects } = destination;
  return { receiver, pictureLayout, pictureBaseUrl, sapoInBody, subjects };
}

/** Replace the destinations (the contract has checked each one's shape; profile fields left out mean what they meant before profiles). */
export function saveDestinations(ctx: HandlerContext, input: readonly DestinationInput[]): Destination[] {
  const destinations = input.map((d) => destinationSchema.parse(d));
  const ids = new Set<string>();
  const names = new Set<string>();
  const cleaned = destinations.map((d) => {
    const name = d.name.trim();
    if (name === '') throw new AppError('invalid_input', 'A newsroom destination needs a name.');
    if (ids.has(d.id)) throw new AppError('invalid_input', `Two newsroom destinations have the id ${d.id}.`);
    // The log names destinations by name: two of the same name could not be told apart there.
    if (names.has(name.toLocaleLowerCase())) throw new AppError('invalid_input', `Two newsroom destinations are called "${name}".`);
    // A relative folder would depend on where the app was started from.
    if (!isAbsolute(d.folder)) throw new AppError('invalid_input', `The folder of "${name}" must be a full path, not ${d.folder}.`);
    // A receiver that cannot ingest the format whole would lose fields silently (namespaced NITF
    // and IPTC ninjs are refused by Superdesk's parsers): the profile never pairs them.
    if (!receiverReads(d.receiver, d.format)) {
      throw new AppError('invalid_input', `"${name}" sends ${FORMATS[d.format].label.en} to ${d.receiver === 'superdesk' ? 'Superdesk' : 'a generic IPTC system'}, which does not ingest it whole.`);
    }
    ids.add(d.id);
    names.add(name.toLocaleLowerCase());
    return { ...d, name };
  });
  writeSetting(ctx.db, DESTINATIONS, cleaned);
  return getDestinations(ctx);
}

// Characters a URI may carry as they are; the exporters refuse a base URI with any other.
const URI_UNRESERVED = /[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g;

/**
 * The folder as a `file:` URI ending in `/`: ninjs refers to pictures by absolute URI, and the
 * drop folder is where they are. (The ingest host must see the folder at the same path.)
 */
export function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href.replace(URI_UNRESERVED, (c) => encodeURIComponent(c));
  return href.endsWith('/') ? href : `${href}/`;
}

export interface SendResult {
  preflight: PreflightFindings;
  delivery: Delivery | null;
}

/** The reason a delivery did not go out, recorded in the log. */
class NotDelivered extends Error {}

/**
 * Export the stored interview in the destination's format and deliver it into its folder.
 * `fs` is for tests, to observe the order of the renames or make a write fail.
 */
export async function sendToNewsroom(ctx: HandlerContext, id: string, destinationId: string, acceptWarnings: readonly string[], fs?: FolderFs): Promise<SendResult> {
  const destination = getDestinations(ctx).find((d) => d.id === destinationId);
  if (!destination) throw new AppError('not_found', `No newsroom destination with id ${destinationId}.`);
  const folder = resolve(destination.folder);

  const { preflight, file } = exportStoredDocument(ctx, id, destination.format, acceptWarnings, { profile: profileOf(destination), folderUri: folderUri(folder), destination: true });
  if (!file) return { preflight, delivery: null };

  const headline = (ctx.db.prepare('SELECT headline FROM document WHERE id = ?').get(id) as { headline: string }).headline;
  const log = (ok: boolean, message: string, files: readonly string[]) =>
    recordDelivery(ctx, { documentId: id, headline, destinationId, destination: destination.name, folder, format: destination.format, ok, message, files: [...files] });

  try {
    await checkWritableFolder(folder, fs);
    const replacing = await fileExists(folder, file.fileName, fs);
    if (replacing) refuseUnlessOwnPreviousVersion(ctx, folder, file.fileName, id);
    const files: FileToWrite[] = file.pictures.map((p) => {
      const asset = readAsset(ctx, p.assetId);
      if (!asset) throw new NotDelivered(`The image ${p.fileName} is no longer in the library.`);
      return { name: p.fileName, subfolder: p.folder?.replace(/\/$/, ''), bytes: asset.bytes };
    });
    files.push({ name: file.fileName, bytes: Buffer.from(file.data, file.encoding === 'base64' ? 'base64' : 'utf8') });

    const written = await writeFilesAtomically(folder, files, fs);
    const pictures = written.length - 1;
    const message =
      `Sent ${file.fileName}${pictures > 0 ? ` and ${pictures} picture file${pictures === 1 ? '' : 's'}` : ''} to ${destination.name} (${folder}).` +
      (replacing ? ' It replaces the version sent before, which the newsroom system had not taken in yet.' : '');
    return { preflight, delivery: log(true, message, written) };
  } catch (err) {
    if (err instanceof FolderWriteError) return { preflight, delivery: log(false, `Not sent. ${err.message}`, err.written) };
    if (err instanceof NotDelivered) return { preflight, delivery: log(false, `Not sent. ${err.message}`, []) };
    throw err;
  }
}

/** See the module comment: only this interview's own earlier delivery may be replaced. */
function refuseUnlessOwnPreviousVersion(ctx: HandlerContext, folder: string, fileName: string, id: string): void {
  const last = ctx.db
    .prepare(
      `SELECT document_id, headline FROM delivery
        WHERE ok = 1 AND folder = ? AND EXISTS (SELECT 1 FROM json_each(delivery.files) WHERE value = ?)
        ORDER BY id DESC LIMIT 1`,
    )
    .get(folder, fileName) as { document_id: string; headline: string } | undefined;
  if (last?.document_id === id) return;
  throw new NotDelivered(
    last
      ? `The folder already holds ${fileName}, sent from another interview ("${last.headline}"). Give this interview its own slug and send it again.`
      : `The folder already holds a file named ${fileName} that was not sent from this interview; it was left as it is. Remove it, or give this interview its own slug.`,
  );
}

interface DeliveryRecord extends Delivery {
  destinationId: string;
  folder: string;
}

function recordDelivery(ctx: HandlerContext, entry: Omit<DeliveryRecord, 'at'>): Delivery {
  const at = ctx.now().toISOString();
  ctx.db
    .prepare(
      `INSERT INTO delivery (at, document_id, headline, destination_id, destination, folder, format, ok, message, files)
       VALUES (@at, @documentId, @headline, @destinationId, @destination, @folder, @format, @ok, @message, @files)`,
    )
    .run({ ...entry, at, ok: entry.ok ? 1 : 0, files: JSON.stringify(entry.files) });
  const { destinationId: _id, folder: _folder, ...delivery } = entry;
  return { at, ...delivery };
}

/** The delivery log, most recent first. */
export function deliveryLog(ctx: HandlerContext, limit = 100): Delivery[] {
  const rows = ctx.db
    .prepare('SELECT at, document_id, headline, destination, format, ok, message, files FROM delivery ORDER BY id DESC LIMIT ?')
    .all(limit) as Array<{ at: string; document_id: string; headline: string; destination: string; format: Delivery['format']; ok: number; message: string; files: string }>;
  return rows.map((r) => {
    let files: string[] = [];
    try {
      const parsed: unknown = JSON.parse(r.files);
      if (Array.isArray(parsed)) files = parsed.filter((f): f is string => typeof f === 'string');
    } catch {
      // A damaged entry still shows when and where; its file list is lost.
    }
    return { at: r.at, documentId: r.document_id, headline: r.headline, destination: r.destination, format: r.format, ok: r.ok === 1, message: r.message, files };
  });
}
