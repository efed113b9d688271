/**
 * The shapes the foreign-file opener (open-foreign-file.ts) and its worker (worker-source.ts)
 * exchange. Everything here crosses a worker boundary, so it is plain data: no functions, no
 * classes, only what structured cloning carries.
 */

/** One row of `sqlite_schema`, as SQLite stores it; `columns` for tables, to name what differs. */
export interface SchemaObject {
  type: string;
  name: string;
  tblName: string;
  sql: string | null;
  columns?: string[];
}

export type FormatKind = 'library' | 'exchange';

/** One column the opener reads, with the only SQLite type it may hold and a size cap. */
export interface ColumnRead {
  name: string;
  type: 'text' | 'integer' | 'blob';
  /** NULL allowed as well. */
  nullable?: boolean;
  /** The largest value accepted, in bytes (text: UTF-8 bytes). */
  maxBytes: number;
}

/** A table read once the file is known to be one of ours: its columns, in this order. */
export interface TableRead {
  table: string;
  columns: ColumnRead[];
  maxRows: number;
  /** A table only newer versions of the format have: skipped (no rows) in a file whose exact schema lacks it. */
  sinceVersion?: boolean;
  /** A read for the versions whose table has this column: skipped (no rows) in a file whose table lacks it. */
  ifColumn?: string;
}

/**
 * A kind of file the opener accepts: its `application_id`, the versions this app reads, each with
 * the exact schema that version has, and what to read from it.
 */
export interface ForeignFormat {
  kind: FormatKind;
  applicationId: number;
  /** The newest version this app reads (a higher one is "from a newer version"). */
  newest: number;
  versions: { version: number; schema: SchemaObject[] }[];
  reads: TableRead[];
}

export type IntegrityCheck = 'full' | 'quick' | 'none';

/** What the worker is asked to do (its `workerData.job`). */
export interface WorkerJob {
  path: string;
  formats: ForeignFormat[];
  integrity: IntegrityCheck;
  maxTotalBytes: number;
}

/** A value as read: integers beyond 2^53 stay bigints, so nothing is silently rounded. */
export type SqlValue = string | number | bigint | Uint8Array | null;

/** Why a file was not read. */
export type RefusalReason =
  | 'empty' // zero bytes
  | 'not_sqlite' // no SQLite header: another kind of file
  | 'truncated' // shorter than one page
  | 'unreadable' // SQLite cannot read it (damage, a malformed schema)
  | 'foreign' // another application's database (or our other kind of file)
  | 'newer' // written by a newer version
  | 'unversioned' // ours, but with a version this app never wrote
  | 'schema' // not laid out exactly as we write it: views, triggers, other tables or columns
  | 'integrity' // fails SQLite's integrity check
  | 'too_large' // the file, a table or a value is larger than ours ever are
  | 'wrong_type' // a value of a type its column never holds
  | 'too_slow' // not examined within the time limit
  | 'crashed'; // the worker failed (out of memory, …)

/** What the worker knew of the file when it stopped, for messages. */
export interface FoundHeader {
  applicationId: number;
  version: number;
  kind: FormatKind | null;
}

export type WorkerMessage =
  | { type: 'rows'; kind: FormatKind; table: string; rows: SqlValue[][] }
  | { type: 'done'; found: FoundHeader }
  | { type: 'refused'; reason: RefusalReason; findings: string[]; found: FoundHeader | null }
  | { type: 'failed'; code: string | null; message: string; found: FoundHeader | null };
