/**
 * `search`, `history`, `backup` and `verify`: looking into a library (or a review file) without
 * the app. The library commands open it through the data-folder lock, as the app does; `verify`
 * only reads, and works on any file: it says what the file is and what is wrong with it.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { backupTo } from '../backend/backups';
import { storedText } from '../backend/db/body-format';
import { libraryFormat } from '../backend/db/library-format';
import { LIBRARY_SCHEMA_VERSION } from '../backend/db/open-library';
import { AppError } from '../backend/errors';
import { bundleFromRows, EXCHANGE_FORMAT_VERSION, exchangeFormat } from '../backend/exchange-file';
import { openForeignFile } from '../backend/foreign-db/open-foreign-file';
import { ForeignFileError, type FileWords } from '../backend/foreign-db/refusals';
import type { FoundHeader, SqlValue, TableRead } from '../backend/foreign-db/types';
import { listHistory } from '../backend/history';
import { verifyMediaFiles } from '../backend/media/verify-media';
import { searchDocuments } from '../backend/search';
import { repairInterview } from '../../shared/model/repair';
import { CliError } from './io';
import { withLibrary } from './library';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** One hit a line: id, status, headline, snippet (tab-separated), or all as JSON. */
export async function search(query: string, dataDir: string | undefined, json: boolean): Promise<void> {
  const hits = await withLibrary(dataDir, false, (ctx) => searchDocuments(ctx, query, 200));
  if (json) process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
  else process.stdout.write(hits.map((h) => `${[h.id, h.status, oneLine(h.headline), oneLine(h.snippet.text)].join('\t')}\n`).join(''));
}

/** The kept versions of an interview, newest first: revision, saved, kind, name, note, author; `*` marks the current one. */
export async function history(id: string, dataDir: string | undefined, json: boolean): Promise<void> {
  const { current, versions } = await withLibrary(dataDir, false, (ctx) => listHistory(ctx, id));
  if (json) process.stdout.write(`${JSON.stringify({ current, versions }, null, 2)}\n`);
  else process.stdout.write(versions.map((v) => `${[`${v.revision}${v.revision === current ? '*' : ''}`, v.savedAt, v.kind, oneLine(v.name), oneLine(v.note), oneLine(v.author)].join('\t')}\n`).join(''));
}

/** A consistent copy of the library into a new file, with the online backup API. */
export async function backup(dataDir: string | undefined, output: string): Promise<void> {
  const dest = resolve(output);
  if (existsSync(dest)) throw new CliError(`${output} already exists; name a new file`);
  await withLibrary(dataDir, false, (ctx) =>
    backupTo(ctx.db, dest).catch((err: Error) => {
      throw new CliError(`cannot write ${output}: ${err.message}`);
    }),
  );
  process.stdout.write(`${dest}\n`);
}

/**
 * What `verify` reads of a library: each interview's current state, to check it against the
 * schema. Before format 10 it is the document's `body`; from 10 on, its frame and its block rows
 * (electron/backend/db/body-format.ts), put together as the app reads them.
 */
const LIBRARY_DOCUMENTS: TableRead = {
  table: 'document',
  maxRows: 10_000_000,
  ifColumn: 'body',
  columns: [
    { name: 'id', type: 'text', maxBytes: 1024 },
    { name: 'body', type: 'text', maxBytes: 512 * 1024 * 1024 },
  ],
};
const LIBRARY_FRAMES: TableRead = {
  table: 'document',
  maxRows: 10_000_000,
  ifColumn: 'frame',
  columns: [
    { name: 'id', type: 'text', maxBytes: 1024 },
    { name: 'frame', type: 'text', maxBytes: 512 * 1024 * 1024 },
  ],
};
const LIBRARY_BLOCKS: TableRead = {
  table: 'block',
  maxRows: 100_000_000,
  sinceVersion: true,
  columns: [
    { name: 'document_id', type: 'text', maxBytes: 1024 },
    { name: 'position', type: 'text', maxBytes: 1024 },
    { name: 'json', type: 'text', maxBytes: 512 * 1024 * 1024 },
  ],
};

/** What `verify` reads of a library's recordings (format 9 on), to check their files. */
const LIBRARY_MEDIA: TableRead = {
  table: 'media',
  maxRows: 10_000_000,
  sinceVersion: true,
  columns: [
    { name: 'sha256', type: 'text', maxBytes: 64 },
    { name: 'byte_length', type: 'integer', maxBytes: 8 },
  ],
};

/**
 * The data folder whose media/ holds a library file's recordings: the file's own folder, or for
 * a rotating backup (in backups/), the library's folder above it.
 */
function dataDirOf(libraryFile: string): string {
  const dir = dirname(libraryFile);
  return basename(dir) === 'backups' ? dirname(dir) : dir;
}

const VERIFY_WORDS: FileWords = { noun: 'file', advice: 'Restore it from a backup, or ask for the file again' };

function describe(found: FoundHeader | null): string {
  if (!found) return 'SQLite database';
  if (found.kind === 'library') return `Interview Desk library, format ${found.version}`;
  if (found.kind === 'exchange') return `Interview Desk review file, format ${found.version}`;
  return `SQLite database of another application (application id ${found.applicationId})`;
}

/** verify's lines for a refused file: what was found wrong, as the opener found it. */
function refusalLines(err: ForeignFileError): string[] {
  const { reason, findings, found } = err;
  if (reason === 'foreign') return ['not an Interview Desk file'];
  if (reason === 'newer') {
    const newest = found?.kind === 'library' ? LIBRARY_SCHEMA_VERSION : EXCHANGE_FORMAT_VERSION;
    return [`written by a newer version of Interview Desk (format ${found?.version}; this version knows up to ${newest}): its schema cannot be checked`];
  }
  if (reason === 'unversioned') return ['it has no format version this app ever wrote'];
  if (reason === 'schema') return findings.map((f) => `schema: ${f}`);
  if (reason === 'integrity') return findings.map((f) => `integrity: ${f}`);
  if (reason === 'too_large' || reason === 'wrong_type') return findings.map((f) => `content: ${f}`);
  return [err.message];
}

/**
 * Check a library or review file: what it is, its schema, its integrity, its documents. Prints
 * a description line, then `ok` or one problem a line; a file with problems exits 1. The file is
 * opened as every file from outside is (foreign-db/: a private copy, read-only, exact schema before
 * anything else, in a worker under a time limit), so a hostile file is reported, never run.
 */
export async function verify(file: string, options: { timeLimitMs?: number } = {}): Promise<void> {
  const path = resolve(file);
  if (!existsSync(path)) throw new CliError(`${file}: no such file`);
  if (!readHead(path, 16).equals(Buffer.from('SQLite format 3\0', 'latin1'))) throw new CliError(`${file} is not an SQLite database (neither a library nor a review file)`);

  const problems: string[] = [];
  const notes: string[] = [];
  const collected = new Map<string, SqlValue[][]>();
  const media: { id: string; bytes: number }[] = [];
  const stored: [string, string][] = [];
  const blocks = new Map<string, [string, string][]>();
  const blocksOf = (id: string) => blocks.get(id) ?? blocks.set(id, []).get(id)!;
  let found: FoundHeader | null;
  try {
    // SQLite writes even when asked only to read a WAL database: it creates the -shm index, and the
    // last connection to close checkpoints the WAL into the file and deletes it. So verify reads a
    // private copy (the file and its WAL, as they are now): the original is never written, its lock
    // never touched, and a library on a read-only disk is checked like any other.
    const opened = await openForeignFile(
      { copyOf: path, withWal: true },
      {
        name: basename(path),
        words: VERIFY_WORDS,
        formats: [libraryFormat([LIBRARY_DOCUMENTS, LIBRARY_FRAMES, LIBRARY_BLOCKS, LIBRARY_MEDIA]), exchangeFormat()],
        integrity: 'full',
        timeLimitMs: options.timeLimitMs,
        // A library's documents are checked as they arrive; a review file's are kept for its full check.
        onRows: (table, rows, kind) => {
          if (kind === 'library' && table === 'media') for (const [id, bytes] of rows) media.push({ id: String(id), bytes: Number(bytes) });
          else if (kind === 'library' && table === 'block') for (const [id, position, json] of rows) blocksOf(String(id)).push([String(position), String(json)]);
          else if (kind === 'library') for (const [id, text] of rows) stored.push([String(id), String(text)]);
          else {
            const into = collected.get(table) ?? [];
            for (const row of rows) into.push(row);
            collected.set(table, into);
          }
        },
      },
    );
    found = { applicationId: opened.applicationId, version: opened.version, kind: opened.kind };
    // From format 10 on, a document row holds the frame, and the body is its block rows in key order.
    const texts = opened.version >= 10 ? stored.map(([id, frame]): [string, string] => [id, storedText(frame, (blocks.get(id) ?? []).sort(byPosition).map((b) => b[1]))]) : stored;
    problems.push(...libraryDocumentProblems(texts, notes));
    // A library's recordings are files beside it: each there, of its size, and still of its hash.
    if (opened.kind === 'library' && media.length > 0) {
      const dataDir = dataDirOf(path);
      notes.push(`${media.length} recording${media.length === 1 ? '' : 's'} in ${join(dataDir, 'media')}`);
      problems.push(...(await verifyMediaFiles(dataDir, media)));
    }
    // A review file gets the same full check as opening it in the app.
    if (opened.kind === 'exchange') {
      try {
        bundleFromRows(collected, basename(path));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        problems.push(err.message);
      }
    }
  } catch (err) {
    if (!(err instanceof ForeignFileError)) throw new CliError(`${file} cannot be read: ${(err as Error).message}`);
    if (err.reason === 'unreadable' && !err.found) throw new CliError(`${file} is a damaged SQLite file: ${err.findings[0] ?? err.message}`);
    found = err.found;
    problems.push(...refusalLines(err));
  }
  process.stdout.write(`${file}: ${describe(found)}\n${notes.map((n) => `${n}\n`).join('')}${problems.length === 0 ? 'ok\n' : problems.map((p) => `${p}\n`).join('')}`);
  if (problems.length > 0) throw new CliError(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} found`);
}

const byPosition = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function libraryDocumentProblems(rows: [string, string][], notes: string[]): string[] {
  const problems: string[] = [];
  for (const [id, body] of rows) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      problems.push(`interview ${id}: stored content is not JSON`);
      continue;
    }
    // What the app opens is what counts: a stored document over a limit opens repaired (the
    // original kept in History, shared/model/repair.ts), so it is named, not counted as a problem.
    const repaired = repairInterview(parsed);
    if (!repaired.ok) problems.push(`interview ${id}: ${repaired.problems[0]?.path}: ${repaired.problems[0]?.message}`);
    else if (repaired.repairs.length > 0) notes.push(`interview ${id}: opens repaired (${[...new Set(repaired.repairs.map((r) => r.kind))].join(', ')})`);
  }
  return problems;
}

function readHead(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(length);
    return head.subarray(0, readSync(fd, head, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}
