/**
 * Libraries for the bench, made directly through the backend functions (not the UI) in temporary
 * data folders: the interviews the browser opens, and the 10,000-interview search library.
 * Ids and clocks are deterministic, so two runs store the same rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Interview } from '../shared/model/schema';
import { solidPng } from '../tests/helpers/images';
import { putImageAsset } from '../electron/backend/assets';
import type { HandlerContext } from '../electron/backend/context';
import { closeLibrary, openLibrary } from '../electron/backend/db/open-library';
import { createDocumentFrom } from '../electron/backend/documents';
import { LIBRARY_FILE } from '../electron/backend/library-session';

export interface BenchLibrary {
  dataDir: string;
  ctx: HandlerContext;
  close(): void;
  /** Close and delete the folder. */
  remove(): void;
}

export function tempDataDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `interview-desk-bench-${label}-`));
}

/** A new library with a fixed clock (one millisecond later per call) and ids `<prefix>-<n>`. */
export async function openBenchLibrary(label: string, idPrefix: string): Promise<BenchLibrary> {
  const dataDir = tempDataDir(label);
  const db = await openLibrary(join(dataDir, LIBRARY_FILE));
  let tick = 0;
  let ids = 0;
  const start = Date.parse('2026-01-01T00:00:00Z');
  const ctx: HandlerContext = {
    db,
    now: () => new Date(start + tick++),
    newId: () => `${idPrefix}-${String(++ids).padStart(5, '0')}`,
  };
  const close = () => closeLibrary(db);
  return { dataDir, ctx, close, remove: () => (close(), rmSync(dataDir, { recursive: true, force: true })) };
}

/** A few small, distinct PNGs in the asset store (photos need real images); their asset ids. */
export function storePhotoImages(ctx: HandlerContext, count = 5): string[] {
  const colours: [number, number, number][] = [
    [31, 95, 139],
    [164, 38, 44],
    [45, 106, 62],
    [199, 185, 143],
    [87, 96, 106],
  ];
  return Array.from({ length: count }, (_, i) => putImageAsset(ctx, solidPng(320, 200, colours[i % colours.length]!).toString('base64')).id);
}

/** Store interviews as the importer does (checked, normalised, new id); their ids in order. */
export function storeInterviews(ctx: HandlerContext, docs: Iterable<Interview>): string[] {
  const ids: string[] = [];
  // One outer transaction: the per-document transactions become savepoints, so the whole batch
  // costs one commit instead of one fsync per interview.
  ctx.db.transaction(() => {
    for (const doc of docs) ids.push(createDocumentFrom(ctx, doc).doc.id);
  })();
  return ids;
}
