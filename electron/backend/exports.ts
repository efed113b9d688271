/**
 * Exports from the library: the stored document, its stored times and its images go through the
 * pure exporters (shared/export). Times come from the database row, never from the clock, so the
 * same saved state always gives the same bytes.
 *
 * Every format of the registry (shared/export/formats.ts) comes through here, agency text and
 * the document's JSON included: each in the view its entry names, with its preflight, and each
 * export that goes out is marked in the history.
 */
import type { ExportedFile, PreflightFindings } from '../../shared/api/contract';
import { FORMATS, type FormatId } from '../../shared/export/formats';
import { pictureFileName, type ExportOptions, type PictureFile } from '../../shared/export/options';
import { PLAIN_EXPORT, profileChecks, profileOptions, type ExportProfile } from '../../shared/export/profile';
import { exportView, runExport } from '../../shared/export/run-export';
import type { Interview } from '../../shared/model/schema';
import { readAsset } from './assets';
import type { HandlerContext } from './context';
import { currentDocument } from './document-changes';
import { AppError } from './errors';
import { markCurrentRevision } from './history';
import { getSpellingSettings } from './spelling-settings';

/** Every asset id the document's photos refer to. */
function assetIdsOf(doc: Interview): string[] {
  const ids = new Set<string>();
  for (const block of doc.body) {
    if (block.type === 'photo' && block.assetId) ids.add(block.assetId);
    if (block.type === 'turn') for (const child of block.children) if (child.type === 'photo' && child.assetId) ids.add(child.assetId);
  }
  return [...ids];
}

/** Export options filled from the stored row and the asset table. */
export function exportOptionsFor(ctx: HandlerContext, id: string, doc: Interview): ExportOptions {
  const row = ctx.db.prepare('SELECT created_at, updated_at, revision FROM document WHERE id = ?').get(id) as
    | { created_at: string; updated_at: string; revision: number }
    | undefined;
  if (!row) throw new AppError('not_found', `No interview with id ${id}.`);
  const pictures: Record<string, PictureFile> = {};
  const info = ctx.db.prepare('SELECT mime, width, height, byte_length FROM asset WHERE sha256 = ?');
  for (const assetId of assetIdsOf(doc)) {
    const a = info.get(assetId) as { mime: string; width: number | null; height: number | null; byte_length: number } | undefined;
    if (a) pictures[assetId] = { fileName: pictureFileName(assetId, a.mime), mime: a.mime, width: a.width ?? 0, height: a.height ?? 0, byteLength: a.byte_length };
  }
  return { firstCreated: row.created_at, versionCreated: row.updated_at, version: row.revision, pictures };
}

/** The images of the document's photos, for a format that carries them inside the file (Word). */
function pictureBytesFor(ctx: HandlerContext, doc: Interview): Record<string, Uint8Array> {
  const bytes: Record<string, Uint8Array> = {};
  for (const assetId of assetIdsOf(doc)) {
    const asset = readAsset(ctx, assetId);
    if (asset) bytes[assetId] = new Uint8Array(asset.bytes);
  }
  return bytes;
}

export interface ExportResult {
  preflight: PreflightFindings;
  file: ExportedFile | null;
}

/** How an export is delivered: the destination's profile, and where the main file goes (for absolute picture addresses). */
export interface DeliveryTarget {
  profile: ExportProfile;
  /** The absolute URI of the folder the main file goes to (a drop folder's `file:` URI), if known. */
  folderUri?: string;
  /** A newsroom destination: its profile's preflight checks apply. */
  destination: boolean;
}

const PLAIN: DeliveryTarget = { profile: PLAIN_EXPORT, destination: false };

/** Preflight and, unless it blocks, the export of a stored interview. */
export function exportStoredDocument(ctx: HandlerContext, id: string, format: FormatId, acceptWarnings: readonly string[], target: DeliveryTarget = PLAIN): ExportResult {
  const { doc: stored } = currentDocument(ctx, id); // never changed here: the exporters read it
  // A wire format reads the accepted view and is refused while any suggestion is pending, so no
  // change a reviewer has not decided reaches the newsroom: the preflight reports how many are left.
  const { doc, pending } = exportView(stored, format);
  const spelling = getSpellingSettings(ctx);
  const outcome = runExport(doc, {
    format,
    options: {
      ...exportOptionsFor(ctx, id, doc),
      ...(FORMATS[format].embedsPictures ? { pictureBytes: pictureBytesFor(ctx, doc) } : {}),
      ...profileOptions(target.profile, { format, section: doc.meta.section, folderUri: target.folderUri }),
    },
    acceptWarnings: new Set(acceptWarnings),
    unresolvedSuggestions: pending,
    // Tone-mark and house-style checks need no dictionary, so every export runs them (as warnings),
    // in the library's house style and sparing the words the user added, as the editor does.
    textChecks: { style: spelling.houseStyle, personalDictionary: spelling.personalDictionary },
    ...(target.destination ? { destination: profileChecks(target.profile) } : {}),
  });
  if (!outcome.ok) return { preflight: outcome.preflight, file: null };
  // The exported state is an event snapshot: the history keeps the version that left the app.
  markCurrentRevision(ctx, id, 'export', format);
  const text = typeof outcome.content === 'string';
  return {
    preflight: outcome.preflight,
    file: {
      fileName: `${exportBaseName(doc)}.${outcome.format.extension}`,
      mime: outcome.format.mime,
      encoding: text ? 'utf8' : 'base64',
      data: text ? (outcome.content as string) : Buffer.from(outcome.content as Uint8Array).toString('base64'),
      pictures: outcome.pictures,
    },
  };
}

/** A file name from the slug, or the id: plain ASCII, safe on every file system. */
export function exportBaseName(doc: Interview): string {
  const slug = doc.meta.slug.trim();
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) ? slug : `interview-${doc.id}`;
}
