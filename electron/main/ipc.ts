import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/api/channels';
import type { Result } from '../../shared/api/result';
import { isTrustedSender } from './policy';

/**
 * True when an IPC message comes from the app's own page in a window's top frame. Every ipcMain
 * handler asks this first. The sender frame is null once it navigated or was destroyed.
 */
export function isFromAppPage(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return isTrustedSender(frame && { url: frame.url, isTopFrame: frame.parent === null });
}

/**
 * Register every API channel on ipcMain. `call` hands the request to the backend process
 * (backend-process.ts), whose `dispatch` is the one the web host uses, with the same validation.
 */
export function registerIpc(call: (channel: string, input: unknown) => Promise<Result<unknown>>): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isFromAppPage(event)) {
        return { ok: false, error: { code: 'internal', message: 'Request refused: it did not come from the app window.' } };
      }
      return call(channel, input);
    });
  }
}
