import type { ApiError, ErrorCode } from '../../shared/api/result';

/** An expected failure with a code the renderer understands; anything else is reported as `internal`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<ApiError, 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

/** Opening a library or file that cannot be used (newer app version, not ours, corrupt). */
export class LibraryOpenError extends Error {
  constructor(
    readonly reason: 'newer_version' | 'not_a_library' | 'corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'LibraryOpenError';
  }
}
