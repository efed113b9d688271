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
 *
 * A file may go into a sub-folder (the destination's `pictures/`): its temporary is written in
 * that sub-folder, so its rename stays within one folder and stays atomic. The sub-folder is made
 * when missing, and removed again if this delivery made it and then failed.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { constants } from 'node:fs';
import { basename, join } from 'node:path';

export interface FileToWrite {
  /** A plain file name, no folders. */
  name: string;
  bytes: Uint8Array;
  /** A plain sub-folder name to put it in; absent or '' for the folder itself. */
  subfolder?: string;
}

/** The file operations used; tests pass wrappers to observe their order or to make one fail. */
export type FolderFs = Pick<typeof fsp, 'stat' | 'access' | 'open' | 'rename' | 'rm' | 'mkdir' | 'rmdir'>;

/** Where a file ends up, relative to the folder: `name` or `subfolder/name`. */
export const relativePath = (file: Pick<FileToWrite, 'name' | 'subfolder'>): string => (file.subfolder ? `${file.subfolder}/${file.name}` : file.name);

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

/** Make the sub-folders the files go into; returns those this call created. */
async function makeSubfolders(folder: string, files: readonly FileToWrite[], fs: FolderFs): Promise<string[]> {
  const created: string[] = [];
  for (const name of new Set(files.flatMap((f) => (f.subfolder ? [f.subfolder] : [])))) {
    const path = join(folder, name);
    try {
      if ((await fs.mkdir(path, { recursive: true })) !== undefined) created.push(path);
      await checkWritableFolder(path, fs);
    } catch (err) {
      throw describe(err, path);
    }
  }
  return created;
}

/**
 * Write the files into the folder through temporaries and renames, in the order given. A file of
 * the same name already there is replaced (atomically); whether that is wanted is the caller's
 * decision. Returns the paths written, relative to the folder (`pictures/x.jpg`). Throws
 * FolderWriteError, after removing every temporary (and a sub-folder it made), when anything fails.
 */
export async function writeFilesAtomically(folder: string, files: readonly FileToWrite[], fs: FolderFs = fsp): Promise<string[]> {
  files.forEach((f) => {
    assertPlainName(f.name);
    if (f.subfolder) assertPlainName(f.subfolder);
  });
  await checkWritableFolder(folder, fs);
  const created = await makeSubfolders(folder, files, fs);
  const pending = files.map((f) => {
    const dir = f.subfolder ? join(folder, f.subfolder) : folder;
    return { ...f, dir, path: relativePath(f), temporary: join(dir, `.${f.name}.tmp-${randomBytes(6).toString('hex')}`) };
  });
  const written: string[] = [];
  try {
    for (const f of pending) await writeDurably(fs, f.temporary, f.bytes);
    for (const f of pending) {
      await fs.rename(f.temporary, join(f.dir, f.name));
      written.push(f.path);
    }
  } catch (err) {
    await Promise.all(pending.filter((f) => !written.includes(f.path)).map((f) => fs.rm(f.temporary, { force: true }).catch(() => undefined)));
    // A sub-folder this delivery made holds nothing else: it goes too, unless a file was renamed into it.
    const kept = new Set(pending.filter((f) => written.includes(f.path)).map((f) => f.dir));
    for (const dir of created) if (!kept.has(dir)) await fs.rmdir(dir).catch(() => undefined);
    throw describe(err, folder, written);
  }
  for (const dir of new Set(pending.map((f) => f.dir))) await syncFolder(fs, dir);
  return written;
}
