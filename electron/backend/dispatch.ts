/**
 * The one entry point from outside: check the channel and the payload, run the handler, and turn
 * every outcome into a `Result`. Unexpected exceptions are logged here and reported as `internal`
 * with a plain message; their stack never crosses the boundary.
 */
import { isChannel } from '../../shared/api/channels';
import { contract } from '../../shared/api/contract';
import type { ApiError, Result } from '../../shared/api/result';
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
    const storage = storageProblem(err);
    if (storage) {
      // Expected on a full or read-only disk: one line in the log, the user told what to do.
      (options.log ?? defaultLog)(`handler ${channel}: ${storage.code}`, (err as Error).message);
      return { ok: false, error: storage };
    }
    (options.log ?? defaultLog)(`handler ${channel} failed`, err);
    return { ok: false, error: { code: 'internal', message: `The operation ${channel} failed unexpectedly; nothing was changed.` } };
  }
}

/**
 * A full or read-only disk, as SQLite (SQLITE_FULL, SQLITE_READONLY_*) or Node (ENOSPC, EROFS)
 * reports it. SQLite rolls the failed transaction back, so the last stored state is intact.
 */
export function storageProblem(err: unknown): ApiError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return { code: 'disk_full', message: 'Not saved: the disk holding the library is full. Everything saved before is intact; free some space and your next change is saved.' };
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return { code: 'read_only', message: 'Not saved: the library is on a disk or in a folder that cannot be written. Everything saved before is intact; move the library to a writable folder.' };
  }
  return null;
}

function defaultLog(message: string, err: unknown): void {
  console.error(`[interview-desk] ${message}:`, err);
}
