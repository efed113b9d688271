/**
 * `import`, `export` and `list`: commands on a library, the app's own by default. They open it as
 * the app does, through the data-folder lock, so they refuse to run while the app (or browser
 * mode) has that library open, and leave it as the app expects.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportAgencyText } from '../../shared/export/agency-text';
import { importAgencyText } from '../../shared/import/agency-text';
import { readAsset } from '../backend/assets';
import type { HandlerContext } from '../backend/context';
import { DataDirLockedError, unlockDataDir } from '../backend/data-dir-lock';
import { createDocumentFrom, listDocuments, loadDocument } from '../backend/documents';
import { LibraryOpenError } from '../backend/errors';
import { exportBaseName, exportStoredDocument } from '../backend/exports';
import { writeFilesAtomically, type FileToWrite } from '../backend/folder-delivery';
import { LIBRARY_FILE, openLibrarySession } from '../backend/library-session';
import { folderUri } from '../backend/newsroom';
import { defaultDataDir } from '../backend/paths';
import { preflightSummary } from './findings';
import { extensionOf, isWireFormat, type CliFormat } from './formats';
import { CliError, readInputText } from './io';

export async function withLibrary<T>(dataDir: string | undefined, create: boolean, work: (ctx: HandlerContext) => T | Promise<T>): Promise<T> {
  const dir = resolve(dataDir ?? defaultDataDir());
  // Only import may create a library: a mistyped --data-dir must not silently start an empty one.
  if (!create && !existsSync(join(dir, LIBRARY_FILE))) throw new CliError(`no library in ${dir} (name its folder with --data-dir)`);
  let session;
  try {
    session = await openLibrarySession(dir);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      throw new CliError(`the library in ${dir} is open in Interview Desk (process ${err.pid}); close the app, or browser mode, and try again`);
    }
    if (err instanceof LibraryOpenError) throw new CliError(err.message);
    throw err;
  }
  try {
    return await work(session.ctx);
  } finally {
    session.close();
  }
}

/**
 * Import agency plain text, or an interview's JSON (`convert --to json`, `export --format json`:
 * a `.json` file, or input that starts with `{`), as a new interview; prints its id.
 */
export async function importFile(input: string, dataDir: string | undefined): Promise<void> {
  const text = await readInputText(input);
  let raw: unknown;
  let unplaced: number[] = [];
  if (input.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{')) {
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new CliError(`${input === '-' ? 'the input' : input} is not JSON: ${(err as Error).message}`);
    }
  } else {
    const imported = importAgencyText(text);
    raw = imported.doc;
    unplaced = imported.report.unplaced.map((u) => u.line);
  }
  const stored = await withLibrary(dataDir, true, (ctx) => createDocumentFrom(ctx, raw));
  process.stdout.write(`${stored.doc.id}\n`);
  if (unplaced.length > 0) {
    process.stderr.write(`interview-desk: check line${unplaced.length === 1 ? '' : 's'} ${unplaced.join(', ')}: kept as text, not placed as turns or photos\n`);
  }
}

export interface ExportRequest {
  id: string;
  format: CliFormat;
  /** A folder, or `-` for the main file on stdout. */
  output: string;
  acceptWarnings: boolean;
  dataDir?: string;
}

/**
 * Export a stored interview into a folder: the pictures, then the main file, each written through
 * a temporary name and renamed (as a newsroom delivery is), so a folder watched by another program
 * never shows a partial file. Prints the paths written, the main file last.
 */
export async function exportDocument(request: ExportRequest): Promise<void> {
  const folder = request.output === '-' ? null : resolve(request.output);
  const files = await withLibrary(request.dataDir, false, (ctx) => filesOf(ctx, request, folder));
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
  process.stdout.write(written.map((name) => `${join(folder, name)}\n`).join(''));
}

function filesOf(ctx: HandlerContext, request: ExportRequest, folder: string | null): FileToWrite[] {
  const { id, format } = request;
  if (!isWireFormat(format)) {
    const { doc } = loadDocument(ctx, id);
    const content = format === 'text' ? exportAgencyText(doc) : `${JSON.stringify(doc, null, 2)}\n`;
    return [{ name: `${exportBaseName(doc)}.${extensionOf(format)}`, bytes: Buffer.from(content, 'utf8') }];
  }
  // ninjs refers to pictures by absolute URI: where they are written.
  const baseUri = folder === null ? undefined : folderUri(folder);
  let result = exportStoredDocument(ctx, id, format, [], baseUri);
  if (!result.file && request.acceptWarnings && result.preflight.errors.length === 0) {
    result = exportStoredDocument(ctx, id, format, result.preflight.warnings.map((w) => w.key), baseUri);
  }
  const { file, preflight } = result;
  if (!file) {
    const hint = preflight.errors.length === 0 ? '; --accept-warnings exports anyway' : '; fix them in Interview Desk first';
    throw new CliError(`not exported: ${preflightSummary(preflight)}${hint}`);
  }
  const pictures = file.pictures.map((p) => {
    const asset = readAsset(ctx, p.assetId);
    if (!asset) throw new CliError(`the image ${p.fileName} is not in the library`);
    return { name: p.fileName, bytes: asset.bytes };
  });
  return [...pictures, { name: file.fileName, bytes: Buffer.from(file.data, file.encoding === 'base64' ? 'base64' : 'utf8') }];
}

/** One interview a line: id, status, last saved, headline (tab-separated), or all as JSON. */
export async function list(dataDir: string | undefined, json: boolean): Promise<void> {
  const items = await withLibrary(dataDir, false, (ctx) => listDocuments(ctx));
  if (json) process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
  else process.stdout.write(items.map((d) => `${[d.id, d.status, d.updatedAt, d.headline.replace(/\s+/g, ' ')].join('\t')}\n`).join(''));
}

/** `unlock`: remove a stale lock; a lock held by a running process stays (see data-dir-lock.ts). */
export async function unlock(dataDir: string | undefined): Promise<void> {
  const dir = resolve(dataDir ?? defaultDataDir());
  const { removed, owner } = unlockDataDir(dir);
  if (owner !== null) throw new CliError(`the library in ${dir} is open in a running Interview Desk (process ${owner.pid}); close it instead of unlocking`);
  process.stdout.write(removed ? `unlocked ${dir}\n` : `${dir} was not locked\n`);
}
