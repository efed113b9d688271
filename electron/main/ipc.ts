import { ipcMain } from 'electron';
import { CHANNELS } from '../../shared/api/channels';
import type { HandlerContext } from '../backend/context';
import { dispatch } from '../backend/dispatch';
import { isTrustedSender } from './policy';

/** Register every API channel on ipcMain, through the same dispatch the web host uses. */
export function registerIpc(ctx: HandlerContext): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame && { url: frame.url, isTopFrame: frame.parent === null })) {
        return { ok: false, error: { code: 'internal', message: 'Request refused: it did not come from the app window.' } };
      }
      return dispatch(channel, input, ctx);
    });
  }
}
