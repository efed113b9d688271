/**
 * Opening and saving files, behind one contract: the desktop build shows the system's dialogs
 * and reads/writes in the main process (the renderer never sees a path); browser mode uploads
 * with <input type=file> and downloads with <a download> (renderer/src/platform/file-dialogs.ts).
 */

export interface SaveFileRequest {
  /** The name offered in the dialog (browser mode: the download's name). */
  suggestedName: string;
  /** The file's content; text is written as UTF-8. */
  data: Uint8Array | string;
  mime: string;
  /**
   * Files written next to the chosen one under these names, such as an export's pictures that
   * the main file refers to by relative name. Browser mode downloads them one by one.
   */
  companions?: readonly { name: string; data: Uint8Array }[];
  /** The dialog's title. */
  title?: string;
}

/** `cancelled` when the user closed the dialog without choosing a place. */
export type SaveOutcome = 'saved' | 'cancelled';

export interface OpenFileRequest {
  /** The extensions the user may pick, with their dot: `['.txt']`. */
  accept: readonly string[];
  /** The dialog's title; in browser mode the file input's accessible name. */
  title?: string;
  /** Larger files are not read: the result has `bytes: null` and the size, for a message. */
  maxBytes?: number;
}

export interface OpenedFile {
  /** The file's name, without its folder. */
  name: string;
  size: number;
  /** The content, or null when the file is larger than the request's `maxBytes`. */
  bytes: Uint8Array | null;
}

export interface FileDialogs {
  /** Ask where to save, then save. Rejects with a readable message when writing fails. */
  saveFile(request: SaveFileRequest): Promise<SaveOutcome>;
  /** Ask for one file and read it; null when the user cancelled. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
}

/** An extension as `accept` lists it: a dot and 1–16 letters or digits. */
export const isAcceptedExtension = (ext: string): boolean => /^\.[A-Za-z0-9]{1,16}$/.test(ext);

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * True for a name that is one file in one folder on every system we ship to: no folder
 * separators, no `.`/`..`, no characters Windows refuses, no trailing dot or space, no
 * reserved device name, at most 255 characters.
 */
export function isPlainFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    name !== '.' &&
    name !== '..' &&
    !/[<>:"/\\|?*\u0000-\u001f]/.test(name) &&
    !/[. ]$/.test(name) &&
    !WINDOWS_RESERVED.test(name)
  );
}

/** A suggested name made plain: forbidden characters become `_`; an unusable name becomes `fallback`. */
export function toPlainFileName(name: string, fallback = 'untitled'): string {
  const cleaned = name
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/, '')
    .slice(0, 255);
  return isPlainFileName(cleaned) ? cleaned : fallback;
}
