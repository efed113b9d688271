/**
 * The one way a SQLite file that did not come from this library is opened: a review file being
 * opened, a backup being restored, a file or library handed to the CLI. See docs/ARCHITECTURE.md,
 * "Foreign files".
 *
 * A foreign file is data, never code. SQLite files can carry views, triggers and virtual tables
 * that run when a table of the same name is queried (a `manifest` view over an endless recursive
 * CTE once hung the backend). So the file is examined in a worker thread (examine-in-worker.ts),
 * read-only with `trusted_schema` off, its schema compared exactly with the one this app writes
 * before any other query, every value read under a size cap and the whole examination under a
 * time limit; the backend keeps answering other requests meanwhile. Only rows come back: plain
 * values, which the caller checks as it would any input (the document schema, image hashes).
 *
 * The examined copy is private: SQLite creates `-shm`/`-wal` files even for a read-only
 * connection to a WAL file, so the file the user named is never the one opened (unless the caller
 * owns it and its folder: `ownedPath`).
 */
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examineInWorker } from './examine-in-worker';
import { refusalError, type FileWords } from './refusals';
import { sqliteModulePath } from './sqlite-module-path';
import type { ForeignFormat, FormatKind, FoundHeader, IntegrityCheck, RefusalReason, SqlValue } from './types';

export type ForeignSource =
  /** Bytes received (an uploaded review file): written into a private folder. */
  | { bytes: Buffer }
  /** A file somewhere (verify, a backup): copied into a private folder, with its WAL if asked. */
  | { copyOf: string; withWal?: boolean }
  /**
   * A file whose folder the caller owns and holds (the CLI, under the data folder's lock; a
   * backup's copy being restored): examined in place, no copy.
   */
  | { ownedPath: string };

export interface ForeignFileOptions {
  /** The file's name as the user knows it, for messages. */
  name: string;
  words: FileWords;
  /** The kinds of file accepted here, each with its versions, exact schemas and reads. */
  formats: ForeignFormat[];
  /** Our other kinds of file, to say "a library, not a review file". */
  otherKinds?: { applicationId: number; kind: FormatKind }[];
  integrity: IntegrityCheck;
  maxFileBytes?: number;
  /** All values read together, at most (default: twice the file's size). */
  maxTotalBytes?: number;
  /** Default: 10 s plus 1 s per 4 MB of file. */
  timeLimitMs?: number;
  /** Where the private copy goes (default: the system's temporary folder). */
  scratchDir?: string;
  /** Rows as they arrive, instead of collected in `tables` (a whole library's documents). */
  onRows?: (table: string, rows: SqlValue[][], kind: FormatKind) => void;
}

export interface ForeignFile {
  kind: FormatKind;
  applicationId: number;
  version: number;
  /** Each table read, its rows as arrays in the order of the read's columns. */
  tables: Map<string, SqlValue[][]>;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const MB = 1024 * 1024;
const CHUNK_BYTES = 8 * MB; // worker-source.ts sends rows in chunks of about this size

export const defaultTimeLimitMs = (fileBytes: number) => 10_000 + Math.ceil(fileBytes / (4 * MB)) * 1000;

export async function openForeignFile(source: ForeignSource, options: ForeignFileOptions): Promise<ForeignFile> {
  const refuse = (reason: RefusalReason, findings: string[] = [], found: FoundHeader | null = null, timeLimitMs = 0) => {
    const known = [...options.formats, ...(options.otherKinds ?? [])];
    return refusalError({
      reason,
      findings,
      found,
      name: options.name,
      words: options.words,
      kindOf: (id) => known.find((k) => k.applicationId === id)?.kind ?? null,
      newest: options.formats.find((f) => f.kind === found?.kind)?.newest ?? null,
      timeLimitMs,
    });
  };

  const size = 'bytes' in source ? source.bytes.length : statSync('copyOf' in source ? source.copyOf : source.ownedPath).size;
  if (size === 0) throw refuse('empty');
  if (options.maxFileBytes !== undefined && size > options.maxFileBytes) {
    throw refuse('too_large', [`it is ${(size / MB).toFixed(1)} MB (at most ${(options.maxFileBytes / MB).toFixed(1)} MB)`]);
  }

  const { path, remove } = privatePath(source, options.scratchDir);
  try {
    // Another kind of file renamed, or one cut short, is told apart before SQLite sees it.
    const head = readHead(path, 100);
    if (!head.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) throw refuse('not_sqlite');
    if (size < 512) throw refuse('truncated');

    const maxTotalBytes = options.maxTotalBytes ?? 2 * size + MB;
    const timeLimitMs = options.timeLimitMs ?? defaultTimeLimitMs(size);
    const largestRow = Math.max(0, ...options.formats.flatMap((f) => f.reads.map((r) => r.columns.reduce((n, c) => n + c.maxBytes, 0))));
    const tables = new Map<string, SqlValue[][]>();
    const collect = (table: string, rows: SqlValue[][]) => {
      const into = tables.get(table) ?? [];
      for (const row of rows) into.push(row);
      tables.set(table, into);
    };
    const outcome = await examineInWorker({
      job: { path, formats: options.formats, integrity: options.integrity, maxTotalBytes },
      sqlite: sqliteModulePath(),
      timeLimitMs,
      onRows: options.onRows ?? collect,
      // A row and a chunk of rows, as UTF-16 strings, with room to spare.
      heapMb: Math.min(4096, 128 + Math.ceil((3 * (Math.min(largestRow, maxTotalBytes) + CHUNK_BYTES)) / MB)),
    });
    if (!outcome.ok) throw refuse(outcome.reason, outcome.findings, outcome.found, timeLimitMs);
    const { found } = outcome;
    return { kind: found.kind!, applicationId: found.applicationId, version: found.version, tables };
  } finally {
    remove();
  }
}

function readHead(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(length);
    const n = readSync(fd, head, 0, length, 0);
    return head.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function privatePath(source: ForeignSource, scratchDir: string | undefined): { path: string; remove: () => void } {
  if ('ownedPath' in source) {
    // Examined where it is: the -wal and -shm files a read-only look at a WAL-mode file creates
    // are removed again (an empty log, its index), so the folder is left as it was found.
    const path = source.ownedPath;
    const created = ['-wal', '-shm'].filter((suffix) => !existsSync(path + suffix));
    const remove = () => {
      if (created.includes('-wal') && existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) return;
      for (const suffix of created) rmSync(path + suffix, { force: true });
    };
    return { path, remove };
  }
  const dir = mkdtempSync(join(scratchDir ?? tmpdir(), 'interview-desk-foreign-'));
  // A worker past its time limit may still hold the file: removal is best effort, never an error.
  const remove = () => {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // left in the temporary folder
    }
  };
  const path = join(dir, 'examined.sqlite');
  try {
    if ('bytes' in source) writeFileSync(path, source.bytes);
    else {
      copyFileSync(source.copyOf, path);
      if (source.withWal && existsSync(`${source.copyOf}-wal`)) copyFileSync(`${source.copyOf}-wal`, `${path}-wal`);
    }
  } catch (err) {
    remove();
    throw err;
  }
  return { path, remove };
}
