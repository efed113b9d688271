/**
 * `search`, `history`, `backup` and `verify`: looking into a library (or a review file) without
 * the app. The library commands open it through the data-folder lock, as the app does; `verify`
 * only reads, and works on any file: it says what the file is and what is wrong with it.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { backupTo } from '../backend/backups';
import { LIBRARY_SCHEMA_VERSION } from '../backend/db/open-library';
import { migrations } from '../backend/db/migrations';
import { AppError } from '../backend/errors';
import { EXCHANGE_FORMAT_VERSION, EXCHANGE_SCHEMA, kindOfApplicationId, readExchangeFile } from '../backend/exchange-file';
import { listHistory } from '../backend/history';
import { searchDocuments } from '../backend/search';
import { validateInterview } from '../../shared/model/validate';
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

/** Tables and their columns, as SQLite reports them. */
function schemaOf(db: Database.Database): Map<string, string[]> {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts_%'`).all() as { name: string }[];
  return new Map(tables.map((t) => [t.name, (db.pragma(`table_info("${t.name.replace(/"/g, '""')}")`) as { name: string }[]).map((c) => c.name)]));
}

/** What the schema should be: built in memory by the code that makes real files. */
function expectedSchema(build: (db: Database.Database) => void): Map<string, string[]> {
  const db = new Database(':memory:');
  try {
    build(db);
    return schemaOf(db);
  } finally {
    db.close();
  }
}

function schemaProblems(actual: Map<string, string[]>, expected: Map<string, string[]>): string[] {
  const problems: string[] = [];
  for (const [table, columns] of expected) {
    const have = actual.get(table);
    if (!have) problems.push(`table ${table} is missing`);
    else for (const c of columns) if (!have.includes(c)) problems.push(`column ${table}.${c} is missing`);
  }
  return problems;
}

/**
 * Check a library or review file: what it is, its integrity, its schema, its documents. Prints
 * a description line, then `ok` or one problem a line; a file with problems exits 1.
 */
export async function verify(file: string): Promise<void> {
  const path = resolve(file);
  if (!existsSync(path)) throw new CliError(`${file}: no such file`);
  const head = readFileSync(path).subarray(0, 16);
  if (!head.equals(Buffer.from('SQLite format 3\0', 'latin1'))) throw new CliError(`${file} is not an SQLite database (neither a library nor a review file)`);

  // SQLite writes even when asked only to read a WAL database: it creates the -shm index, and the
  // last connection to close checkpoints the WAL into the file and deletes it. So verify reads a
  // private copy (the file and its WAL, as they are now): the original is never written, its lock
  // never touched, and a library on a read-only disk is checked like any other.
  const copy = privateCopy(path, file);
  let db: Database.Database;
  try {
    db = new Database(copy.path, { fileMustExist: true });
    db.pragma('trusted_schema = OFF'); // a view or trigger in a foreign file is data, not code to run
  } catch (err) {
    copy.remove();
    throw new CliError(`${file} cannot be opened: ${(err as Error).message}`);
  }
  const problems: string[] = [];
  let description: string;
  try {
    let applicationId = 0;
    let version = 0;
    try {
      applicationId = db.pragma('application_id', { simple: true }) as number;
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (err) {
      throw new CliError(`${file} is a damaged SQLite file: ${(err as Error).message}`);
    }
    const kind = kindOfApplicationId(applicationId);
    const newest = kind === 'library' ? LIBRARY_SCHEMA_VERSION : EXCHANGE_FORMAT_VERSION;
    description =
      kind === 'library' ? `Interview Desk library, format ${version}` : kind === 'exchange' ? `Interview Desk review file, format ${version}` : `SQLite database of another application (application id ${applicationId})`;

    let integrity: string[];
    try {
      integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (err) {
      integrity = [(err as Error).message];
    }
    if (!(integrity.length === 1 && integrity[0] === 'ok')) problems.push(...integrity.map((p) => `integrity: ${p}`));

    if (kind === 'other-sqlite') {
      problems.push('not an Interview Desk file');
    } else if (version > newest) {
      problems.push(`written by a newer version of Interview Desk (format ${version}; this version knows up to ${newest}): its schema cannot be checked`);
    } else if (problems.length === 0) {
      const expected =
        kind === 'library'
          ? expectedSchema((m) => {
              for (let v = 0; v < version; v++) migrations[v]!(m);
            })
          : expectedSchema((m) => m.exec(EXCHANGE_SCHEMA));
      problems.push(...schemaProblems(schemaOf(db), expected).map((p) => `schema: ${p}`));
      if (problems.length === 0 && kind === 'library') problems.push(...libraryDocumentProblems(db));
    }
    // A review file gets the same full check as opening it in the app.
    if (problems.length === 0 && description.startsWith('Interview Desk review file')) {
      db.close();
      try {
        readExchangeFile(copy.path, basename(path));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        problems.push(err.message);
      }
    }
  } finally {
    if (db.open) db.close();
    copy.remove();
  }
  process.stdout.write(`${file}: ${description}\n${problems.length === 0 ? 'ok\n' : problems.map((p) => `${p}\n`).join('')}`);
  if (problems.length > 0) throw new CliError(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} found`);
}

function libraryDocumentProblems(db: Database.Database): string[] {
  const problems: string[] = [];
  for (const row of db.prepare('SELECT id, body FROM document').iterate() as Iterable<{ id: string; body: string }>) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.body);
    } catch {
      problems.push(`interview ${row.id}: stored content is not JSON`);
      continue;
    }
    const checked = validateInterview(parsed);
    if (!checked.ok) problems.push(`interview ${row.id}: ${checked.problems[0]?.path}: ${checked.problems[0]?.message}`);
  }
  return problems;
}

/** A copy of a database file and its write-ahead log in a private temporary folder. */
function privateCopy(path: string, shown: string): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'interview-desk-verify-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const target = join(dir, 'copy.sqlite');
  try {
    copyFileSync(path, target);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${target}-wal`);
  } catch (err) {
    remove();
    throw new CliError(`${shown} cannot be read: ${(err as Error).message}`);
  }
  return { path: target, remove };
}
