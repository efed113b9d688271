/**
 * Build the named-function API object from one transport function. The preload passes
 * `ipcRenderer.invoke`; browser mode passes an HTTP POST. Both therefore expose exactly the
 * channels in CHANNELS and nothing else.
 */
import { CHANNELS, type Channel } from './channels';
import type { Api } from './contract';
import type { Result } from './result';

export type Invoke = (channel: Channel, input: unknown) => Promise<Result<unknown>>;

export function createApi(invoke: Invoke): Api {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNELS) {
    const [group, method] = channel.split('.') as [string, string];
    (api[group] ??= {})[method] = (input: unknown) => invoke(channel, input);
  }
  return api as unknown as Api;
}
