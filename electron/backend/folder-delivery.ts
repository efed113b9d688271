/**
 * Writing a set of files into a folder another program watches (a newsroom ingest drop folder).
 *
 * Each file is first written under a hidden temporary name in the same folder
 * (`.name.tmp-<random>`: ingest pollers skip dot-files and unknown extensions) and flushed to disk;
 * only when every file is written are they renamed to their final names, in the order given.
 * A rename within one folder is atomic, so a poller sees no file or the whole file, never a part.
 * Writing every temporary before the first rename means a failure while writing (disk full,
 * permissions, a folder that went away) leaves nothing behind: the temporaries are removed.
 * The caller lists the pictures before the main file, so a poller that takes the main file finds
 * its pictures already in place.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { constants } from 'node:fs';
import { basename, join } from 'node:path';

export interface FileToWrite {
  /** A plain file name, no folders. */
  name: string;
  bytes: Uint8Array;
}

/** The file operations used; tests pass wrappers to observe their order or to make one fail. */
export type FolderFs = Pick<typeof fsp, 'stat' | 'access' | 'open' | 'rename' | 'rm'>;

export type FolderProblem = 'missing' | 'not_a_folder' | 'not_writable' | 'write_failed';

/** The folder cannot take the files; `message` says why in words for the user. */
export class FolderWriteError extends Error {
  constructor(
    readonly problem: FolderProblem,
    message: string,
    /** Files already renamed into place before the failure (only when a rename itself failed). */
    readonly written: readonly string[] = [],
  ) {
    super(message);
    this.name = 'FolderWriteError';
  }
}

function describe(err: unknown, folder: string, written: readonly string[] = []): FolderWriteError {
  if (err instanceof FolderWriteError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR': // a part of the path is a file
      return new FolderWriteError('missing', `The folder ${folder} does not exist.`, written);
    case 'EACCES':
    case 'EPERM':
      return new FolderWriteError('not_writable', `Interview Desk is not allowed to write to the folder ${folder}.`, written);
    case 'EROFS':
      return new FolderWriteError('not_writable', `The folder ${folder} is on a read-only disk.`, written);
    case 'ENOSPC':
    case 'EDQUOT':
      return new FolderWriteError('write_failed', `The disk holding ${folder} is full.`, written);
    default:
      return new FolderWriteError('write_failed', `Writing to ${folder} failed: ${(err as Error).message}`, written);
  }
}

/** Throws FolderWriteError unless `folder` is an existing folder this process may write to. */
export async function checkWritableFolder(folder: string, fs: FolderFs = fsp): Promise<void> {
  try {
    const stat = await fs.stat(folder);
    if (!stat.isDirectory()) throw new FolderWriteError('not_a_folder', `${folder} is a file, not a folder.`);
    await fs.access(folder, constants.W_OK | constants.X_OK);
  } catch (err) {
    throw describe(err, folder);
  }
}

/** Whether a file of that name is in the folder now. */
export async function fileExists(folder: string, name: string, fs: FolderFs = fsp): Promise<boolean> {
  try {
    await fs.stat(join(folder, name));
    return true;
  } catch {
    return false;
  }
}

function assertPlainName(name: string): void {
  if (name === '' || basename(name) !== name || name.startsWith('.') || name.includes('\\')) {
    throw new Error(`Not a plain file name: ${JSON.stringify(name)}`);
  }
}

async function writeDurably(fs: FolderFs, path: string, bytes: Uint8Array): Promise<void> {
  // 'wx': a temporary never replaces anything, even a leftover of the same (random) name.
  const handle = await fs.open(path, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Make the renames themselves durable. Not possible on Windows, where NTFS journals them anyway. */
async function syncFolder(fs: FolderFs, folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // EISDIR / EPERM on Windows: nothing more can be done, and the files are complete.
  }
}

/**
 * Write the files into the folder through temporaries and renames, in the order given. A file of
 * the same name already there is replaced (atomically); whether that is wanted is the caller's
 * decision. Throws FolderWriteError, after removing every temporary, when anything fails.
 */
export async function writeFilesAtomically(folder: string, files: readonly FileToWrite[], fs: FolderFs = fsp): Promise<string[]> {
  files.forEach((f) => assertPlainName(f.name));
  await checkWritableFolder(folder, fs);
  const pending = files.map((f) => ({ ...f, temporary: join(folder, `.${f.name}.tmp-${randomBytes(6).toString('hex')}`) }));
  const written: string[] = [];
  try {
    for (const f of pending) await writeDurably(fs, f.temporary, f.bytes);
    for (const f of pending) {
      await fs.rename(f.temporary, join(folder, f.name));
      written.push(f.name);
    }
  } catch (err) {
    await Promise.all(pending.filter((f) => !written.includes(f.name)).map((f) => fs.rm(f.temporary, { force: true }).catch(() => undefined)));
    throw describe(err, folder, written);
  }
  await syncFolder(fs, folder);
  return written;
}
