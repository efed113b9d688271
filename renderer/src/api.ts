/**
 * The renderer's only door to the backend. In the desktop app the preload provides `window.api`
 * over IPC; in browser mode it is absent and the same API is built over HTTP to the web host.
 */
import type { Channel } from '../../shared/api/channels';
import { createApi } from '../../shared/api/client';
import type { Api } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';

declare global {
  interface Window {
    api?: Api;
  }
}

async function httpInvoke(channel: Channel, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'The Interview Desk backend is not reachable. Is the app still running?' } };
  }
  if (!response.ok) return { ok: false, error: { code: 'unavailable', message: `The backend answered ${response.status} ${response.statusText}.` } };
  return (await response.json()) as Result<unknown>;
}

export const api: Api = window.api ?? createApi(httpInvoke);
