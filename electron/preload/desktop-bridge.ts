/**
 * `window.desktop`, built over a small transport so it is unit-tested without Electron: the
 * preload passes ipcRenderer (index.ts), the tests pass a fake.
 *
 * What it guarantees the page: only commands of the closed set arrive (anything else from the
 * channel is dropped); listeners get the command alone, never the IPC event; commands that
 * arrive before anyone listens are kept for the first listener; a flush request is answered
 * once every registered handler has settled.
 */
import { DESKTOP_CHANNELS, isUiLanguage, type DesktopBridge, type DesktopReply, type FlushDone } from '../../shared/desktop-bridge';
import { DESKTOP_COMMAND_TYPES, isDesktopCommand, isReviewViewState, type DesktopCommand, type DesktopCommandType } from '../../shared/desktop-commands';
import type { OpenedFile, OpenFileRequest, SaveFileRequest, SaveOutcome } from '../../shared/file-dialogs';

export interface PreloadTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  send(channel: string, payload: unknown): void;
  /** Listen on a main → renderer channel; the listener gets the payload only. */
  on(channel: string, listener: (payload: unknown) => void): void;
}

/** Commands kept while nobody listens (the page is still starting); more are dropped. */
const MAX_WAITING_COMMANDS = 32;

export function createDesktopBridge(transport: PreloadTransport): DesktopBridge {
  const listeners = new Set<(command: DesktopCommand) => void>();
  const waiting: DesktopCommand[] = [];
  const flushHandlers = new Set<() => Promise<void>>();

  transport.on(DESKTOP_CHANNELS.command, (payload) => {
    if (!isDesktopCommand(payload)) return;
    if (listeners.size === 0) {
      if (waiting.length < MAX_WAITING_COMMANDS) waiting.push(payload);
      return;
    }
    for (const listener of [...listeners]) callSafely(listener, payload);
  });

  transport.on(DESKTOP_CHANNELS.flushRequest, (payload) => {
    if (typeof payload !== 'number' || !Number.isSafeInteger(payload)) return;
    void flushAll().then((outcome) => {
      const reply: FlushDone = { requestId: payload, ...outcome };
      transport.send(DESKTOP_CHANNELS.flushDone, reply);
    });
  });

  async function flushAll(): Promise<{ ok: boolean; message?: string }> {
    // A handler that throws synchronously counts as failed, like one that rejects.
    const results = await Promise.allSettled([...flushHandlers].map((handler) => Promise.resolve().then(handler)));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    return failure ? { ok: false, message: messageOf(failure.reason) } : { ok: true };
  }

  async function call<T>(channel: string, payload: unknown): Promise<T> {
    const reply = (await transport.invoke(channel, payload)) as DesktopReply<T>;
    if (!reply.ok) throw new Error(reply.message);
    return reply.value;
  }

  return {
    fileDialogs: {
      saveFile: (request: SaveFileRequest) => call<SaveOutcome>(DESKTOP_CHANNELS.saveFile, request),
      openFile: (request: OpenFileRequest) => call<OpenedFile | null>(DESKTOP_CHANNELS.openFile, request),
    },
    onCommand(listener) {
      listeners.add(listener);
      for (const command of waiting.splice(0)) callSafely(listener, command);
      return () => void listeners.delete(listener);
    },
    onFlushRequest(handler) {
      flushHandlers.add(handler);
      return () => void flushHandlers.delete(handler);
    },
    readOpenedFile: (fileId: string) => call<OpenedFile | null>(DESKTOP_CHANNELS.readOpenedFile, fileId),
    reportReviewState(state) {
      // Only a well-formed state crosses; the main process checks it again.
      if (isReviewViewState(state)) transport.send(DESKTOP_CHANNELS.reviewState, { mode: state.mode, markup: state.markup });
    },
    reportHandledCommands(types) {
      // A fresh array of known names only; the main process checks it again.
      const known = Array.isArray(types) ? types.filter((t): t is DesktopCommandType => (DESKTOP_COMMAND_TYPES as readonly unknown[]).includes(t)) : [];
      transport.send(DESKTOP_CHANNELS.handledCommands, [...new Set(known)]);
    },
    reportUiLanguage(language) {
      // Only 'vi' or 'en' crosses; the main process checks it again.
      if (isUiLanguage(language)) transport.send(DESKTOP_CHANNELS.uiLanguage, language);
    },
  };
}

/** One listener's error must not keep the command from the others. */
function callSafely(listener: (command: DesktopCommand) => void, command: DesktopCommand): void {
  try {
    listener(command);
  } catch (err) {
    console.error('A desktop command listener failed:', err);
  }
}

function messageOf(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
