/**
 * `window.desktop`: what the desktop build's preload offers the renderer besides `window.api`.
 * Absent in browser mode. Every member is a named function; no Electron object (event, sender,
 * ipcRenderer) ever reaches the page.
 */
import type { DesktopCommand, DesktopCommandType, ReviewViewState } from './desktop-commands';
import type { FileDialogs, OpenedFile } from './file-dialogs';
import type { Language } from './model/schema';

export interface DesktopBridge {
  /** Native open/save dialogs; the file is read or written by the main process. */
  fileDialogs: FileDialogs;
  /** Commands from the application menu and the OS. Returns the unsubscribe function. */
  onCommand(listener: (command: DesktopCommand) => void): () => void;
  /**
   * Called before the window closes or the app quits: store pending edits, then resolve. The
   * main process waits for every registered handler (with a time limit). Returns the unsubscribe.
   */
  onFlushRequest(handler: () => Promise<void>): () => void;
  /** The file of an `open-file` command, read once; null when the id is unknown or already used. */
  readOpenedFile(fileId: string): Promise<OpenedFile | null>;
  /** Tell the menu which editing mode and markup view the open document shows. */
  reportReviewState(state: ReviewViewState): void;
  /**
   * Tell the menu which commands the current screen handles: it enables exactly their items
   * (the others are greyed out rather than doing nothing).
   */
  reportHandledCommands(types: readonly DesktopCommandType[]): void;
  /**
   * Tell the main process which language the app's own words are in (the UI language setting):
   * its menus and dialogs speak it too.
   */
  reportUiLanguage(language: Language): void;
}

/** IPC channel names between the preload and the main process (not the API channels). */
export const DESKTOP_CHANNELS = {
  /** main → renderer: a DesktopCommand. */
  command: 'desktop:command',
  /** main → renderer: flush pending edits; carries a request id. */
  flushRequest: 'desktop:flush-request',
  /** renderer → main: the flush for that request id is done (or failed, with a message). */
  flushDone: 'desktop:flush-done',
  /** renderer → main (invoke): a SaveFileRequest. */
  saveFile: 'desktop:save-file',
  /** renderer → main (invoke): an OpenFileRequest. */
  openFile: 'desktop:open-file',
  /** renderer → main (invoke): the file id of an `open-file` command. */
  readOpenedFile: 'desktop:read-opened-file',
  /** renderer → main: a ReviewViewState, for the menu's radio items. */
  reviewState: 'desktop:review-state',
  /** renderer → main: the DesktopCommandTypes the page handles now, for the menu's enabled items. */
  handledCommands: 'desktop:handled-commands',
  /** renderer → main: the UI's language ('vi' | 'en'), for the menus and the shell's dialogs. */
  uiLanguage: 'desktop:ui-language',
} as const;

/** The one check of a reported UI language, on both sides of the channel: exactly 'vi' or 'en'. */
export function isUiLanguage(value: unknown): value is Language {
  return value === 'vi' || value === 'en';
}

/** What the main process answers on the invoke channels: failures carry a message, never a stack. */
export type DesktopReply<T> = { ok: true; value: T } | { ok: false; message: string };

/** The renderer's answer to a flush request. */
export interface FlushDone {
  requestId: number;
  ok: boolean;
  /** Why the flush failed, for the dialog that asks whether to quit anyway. */
  message?: string;
}
