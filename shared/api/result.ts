/**
 * What crosses the API boundary: a value, or a typed error. Handlers never let a raw exception
 * (with its stack and internals) reach the renderer.
 */
import type { ValidationProblem } from '../model/validate';

export const ERROR_CODES = [
  'invalid_input', // the payload does not match the channel's schema
  'invalid_document', // the document fails the document schema (on save, or found corrupt on load)
  'not_found',
  'conflict', // the save was based on an older revision than the stored one
  'unknown_channel',
  'unavailable', // the backend could not be reached (browser mode: the web host stopped)
  'invalid_file', // a file to open is not usable: not ours, damaged, or from a newer version
  'unsafe_file', // a file to open is SQLite but not exactly as Interview Desk writes it (views, triggers, other tables, oversized values, too slow to examine): not read
  'write_failed', // a file could not be written (disk full, no permission); nothing was changed
  'disk_full', // the disk holding the library is full: the last stored state is intact, nothing newer is
  'read_only', // the library is on a disk or in a folder that cannot be written
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  problems?: ValidationProblem[];
  /** For `conflict`: the revision now stored. */
  currentRevision?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
