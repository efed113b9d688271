/**
 * The one entry point from outside: check the channel and the payload, run the handler, and turn
 * every outcome into a `Result`. Unexpected exceptions are logged here and reported as `internal`
 * with a plain message; their stack never crosses the boundary.
 */
import { isChannel } from '../../shared/api/channels';
import { contract } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { describeIssues } from '../../shared/model/validate';
import type { HandlerContext } from './context';
import { AppError } from './errors';
import { handlers as defaultHandlers, type Handlers } from './handlers';

export interface DispatchOptions {
  handlers?: Handlers;
  log?: (message: string, err: unknown) => void;
}

export async function dispatch(channel: unknown, rawInput: unknown, ctx: HandlerContext, options: DispatchOptions = {}): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'unknown_channel', message: `Unknown API channel ${JSON.stringify(String(channel)).slice(0, 80)}.` } };
  }
  const parsed = contract[channel].input.safeParse(rawInput);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: `Invalid request for ${channel}.`, problems: describeIssues(parsed.error.issues) } };
  }
  const handler = (options.handlers ?? defaultHandlers)[channel] as (input: unknown, ctx: HandlerContext) => unknown;
  try {
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toApiError() };
    (options.log ?? defaultLog)(`handler ${channel} failed`, err);
    return { ok: false, error: { code: 'internal', message: `The operation ${channel} failed unexpectedly; nothing was changed.` } };
  }
}

function defaultLog(message: string, err: unknown): void {
  console.error(`[interview-desk] ${message}:`, err);
}
