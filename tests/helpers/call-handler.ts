/**
 * A backend handler called as the app calls it (through `dispatch`), for tests where a refusal is
 * not what is being tested: it fails the test with the channel and the refusal's code and message.
 */
import type { HandlerContext } from '../../electron/backend/context';
import { dispatch } from '../../electron/backend/dispatch';

export async function callOk<T = Record<string, unknown>>(ctx: HandlerContext, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input, ctx);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
