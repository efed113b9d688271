/**
 * The main-process side of the FileDialogs contract (shared/file-dialogs.ts): validate the
 * renderer's request, show the dialog, then read or write the file here, so the renderer never
 * handles a path. The dialogs are injected (desktop-ipc.ts passes Electron's), which keeps this
 * module free of Electron and unit-tested against real temporary folders.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative } from 'node:path';
import { z } from 'zod';
import type { DesktopReply } from '../../shared/desktop-bridge';
import { isAcceptedExtension, isPlainFileName, toPlainFileName, type OpenedFile, type SaveOutcome } from '../../shared/file-dialogs';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The system dialogs: each resolves the chosen path, or null when the user cancelled. */
export interface DialogPorts {
  chooseSavePath(options: { title?: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  chooseOpenPath(options: { title?: string; filters: FileFilter[] }): Promise<string | null>;
}

/** Nothing the app opens is this large; reading more would only stall the window. */
export const MAX_OPEN_BYTES = 512 * 1024 * 1024;

const bytes = z.instanceof(Uint8Array);

const saveRequest = z
  .object({
    suggestedName: z.string().min(1).max(1000),
    data: z.union([z.string(), bytes]),
    mime: z.string().max(200),
    companions: z
      .array(z.object({ name: z.string().refine(isPlainFileName, 'not a plain file name'), data: bytes }).strict())
      .max(1000)
      .optional(),
    title: z.string().max(300).optional(),
  })
  .strict();

const openRequest = z
  .object({
    accept: z.array(z.string().refine(isAcceptedExtension, 'not an extension like .txt')).min(1).max(20),
    title: z.string().max(300).optional(),
    maxBytes: z.number().int().positive().optional(),
  })
  .strict();

const refused = (message: string): DesktopReply<never> => ({ ok: false, message });

/** Save: ask where, then write the companions and finally the main file next to each other. */
export async function saveFileWithDialog(raw: unknown, ports: DialogPorts): Promise<DesktopReply<SaveOutcome>> {
  const parsed = saveRequest.safeParse(raw);
  if (!parsed.success) return refused('The file to save was not valid.');
  const request = parsed.data;
  const defaultName = toPlainFileName(request.suggestedName, 'export');
  const chosen = await ports.chooseSavePath({ title: request.title, defaultName, filters: filtersForName(defaultName) });
  if (chosen === null) return { ok: true, value: 'cancelled' };

  const companions: { path: string; data: Uint8Array }[] = [];
  for (const companion of request.companions ?? []) {
    const path = siblingPath(chosen, companion.name);
    if (path === null) return refused(`"${companion.name}" cannot be saved next to "${basename(chosen)}".`);
    companions.push({ path, data: companion.data });
  }
  try {
    // The main file last: it refers to the others, so it appears only once they are all there.
    for (const c of companions) await writeFileAtomic(c.path, c.data);
    await writeFileAtomic(chosen, request.data);
  } catch (err) {
    return refused(`"${basename(chosen)}" could not be saved: ${describeFsError(err)}.`);
  }
  return { ok: true, value: 'saved' };
}

/** Open: ask for one file with an accepted extension, then read it (unless it is too large). */
export async function openFileWithDialog(raw: unknown, ports: DialogPorts): Promise<DesktopReply<OpenedFile | null>> {
  const parsed = openRequest.safeParse(raw);
  if (!parsed.success) return refused('The request to open a file was not valid.');
  const { accept, title, maxBytes } = parsed.data;
  const extensions = accept.map((ext) => ext.slice(1).toLowerCase());
  const chosen = await ports.chooseOpenPath({ title, filters: [{ name: accept.join(', '), extensions }] });
  if (chosen === null) return { ok: true, value: null };
  return readWithLimit(chosen, Math.min(maxBytes ?? MAX_OPEN_BYTES, MAX_OPEN_BYTES));
}

/** Read a file the user chose (or the OS handed us); `bytes` is null above `limit`. */
export async function readWithLimit(path: string, limit = MAX_OPEN_BYTES): Promise<DesktopReply<OpenedFile>> {
  const name = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) return refused(`"${name}" is not a file.`);
    if (info.size > limit) return { ok: true, value: { name, size: info.size, bytes: null } };
    const buffer = await readFile(path);
    return { ok: true, value: { name, size: buffer.byteLength, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) } };
  } catch (err) {
    return refused(`"${name}" could not be read: ${describeFsError(err)}.`);
  }
}

/**
 * Where a companion file goes: in the chosen file's folder, under its own plain name. Null for
 * any name that would land elsewhere (`../x`, `a/b`, an absolute path) or on the chosen file.
 */
export function siblingPath(chosenFile: string, name: string): string | null {
  if (!isPlainFileName(name)) return null;
  const folder = dirname(chosenFile);
  const path = join(folder, name);
  if (relative(folder, path) !== name || path === chosenFile) return null;
  return path;
}

/** The save dialog's file type list: the suggested name's extension, then all files. */
export function filtersForName(name: string): FileFilter[] {
  const ext = extname(name).slice(1);
  const all: FileFilter = { name: 'All files', extensions: ['*'] };
  return ext ? [{ name: ext.toUpperCase(), extensions: [ext] }, all] : [all];
}

/** Write beside the target, then rename over it: a failed write leaves the old file intact. */
async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/** A reason a person can act on, without the path (the renderer only ever sees file names). */
function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOENT':
      return 'the folder or file does not exist';
    case 'EISDIR':
      return 'a folder has that name';
    default:
      return code ? `system error ${code}` : 'unknown error';
  }
}
