/**
 * `import` and `list` (and the library that `export`, export-command.ts, works on): commands on a
 * library, the app's own by default. They open it as
 * the app does, through the data-folder lock, so they refuse to run while the app (or browser
 * mode) has that library open, and leave it as the app expects. A library named with --data-dir
 * may come from anywhere: it is checked as a foreign file (db/library-format.ts) first.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importAgencyText } from '../../shared/import/agency-text';
import { hasTimedSegments, readTranscript } from '../../shared/import/transcripts/import-transcript';
import { transcriptToImport } from '../../shared/import/transcripts/transcript-turns';
import { describeImportFinding } from '../../shared/import/findings';
import type { HandlerContext } from '../backend/context';
import { acquireDataDirLock, DataDirLockedError, unlockDataDir } from '../backend/data-dir-lock';
import { checkForeignLibrary } from '../backend/db/library-format';
import { createDocumentFrom, listDocuments } from '../backend/documents';
import { LibraryOpenError } from '../backend/errors';
import { EXCHANGE_APPLICATION_ID } from '../backend/exchange-file';
import { ForeignFileError, type FileWords } from '../backend/foreign-db/refusals';
import { LIBRARY_FILE, openLockedSession } from '../backend/library-session';
import { defaultDataDir } from '../backend/paths';
import { CliError, readImportText } from './io';

const NAMED_LIBRARY_WORDS: FileWords = { noun: 'library', advice: 'Restore it from a backup' };

export async function withLibrary<T>(dataDir: string | undefined, create: boolean, work: (ctx: HandlerContext) => T | Promise<T>): Promise<T> {
  const dir = resolve(dataDir ?? defaultDataDir());
  const file = join(dir, LIBRARY_FILE);
  // Only import may create a library: a mistyped --data-dir must not silently start an empty one.
  if (!create && !existsSync(file)) throw new CliError(`no library in ${dir} (name its folder with --data-dir)`);
  let session;
  try {
    mkdirSync(dir, { recursive: true });
    const release = acquireDataDirLock(dir);
    try {
      // --data-dir may name any folder: its library is examined as a file from outside (exact
      // schema, in a worker) before it is opened for work, and while we hold its lock.
      if (existsSync(file) && statSync(file).size > 0) {
        await checkForeignLibrary({ ownedPath: file }, { name: file, words: NAMED_LIBRARY_WORDS, integrity: 'none', otherKinds: [{ applicationId: EXCHANGE_APPLICATION_ID, kind: 'exchange' }] });
      }
      session = await openLockedSession(dir, release);
    } catch (err) {
      release();
      throw err;
    }
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      throw new CliError(`the library in ${dir} is open in Interview Desk (process ${err.pid}); close the app, or browser mode, and try again`);
    }
    if (err instanceof LibraryOpenError || err instanceof ForeignFileError) throw new CliError(err.message);
    throw err;
  }
  try {
    return await work(session.ctx);
  } finally {
    session.close();
  }
}

/**
 * Import agency plain text, a machine transcript (WebVTT, SRT, whisper's JSON, oTranscribe, timed
 * text: shared/import/transcripts/), or an interview's JSON (`convert --to json`, `export --format
 * json`: a `.json` file, or input that starts with `{`), as a new interview; prints its id.
 */
export async function importFile(input: string, dataDir: string | undefined): Promise<void> {
  const text = await readImportText(input);
  let raw: unknown;
  let unplaced: number[] = [];
  let unsure: string[] = [];
  const transcript = readTranscript(input, text);
  if (hasTimedSegments(transcript)) {
    const imported = transcriptToImport(transcript);
    raw = imported.doc;
    unsure = imported.report.findings.map((f) => describeImportFinding(f, 'en'));
  } else if (input.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{')) {
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new CliError(`${input === '-' ? 'the input' : input} is not JSON: ${(err as Error).message}`);
    }
  } else {
    const imported = importAgencyText(text);
    raw = imported.doc;
    unplaced = imported.report.unplaced.map((u) => u.line);
    unsure = imported.report.findings.map((f) => describeImportFinding(f, 'en'));
  }
  const stored = await withLibrary(dataDir, true, (ctx) => createDocumentFrom(ctx, raw));
  process.stdout.write(`${stored.doc.id}\n`);
  if (unplaced.length > 0) {
    process.stderr.write(`interview-desk: check line${unplaced.length === 1 ? '' : 's'} ${unplaced.join(', ')}: kept as text, not placed as turns or photos\n`);
  }
  // What the importer was unsure of, one a line, so the user knows where to look.
  for (const line of unsure) process.stderr.write(`interview-desk: ${line}\n`);
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
