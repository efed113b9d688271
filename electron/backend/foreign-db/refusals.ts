/**
 * A refused foreign file as an error the user can read. Damage and files that are not ours are
 * `invalid_file`, as they always were; a file that is SQLite of our kind but not laid out exactly
 * as we write it, or larger or slower than ours ever are, is `unsafe_file`: it was made or changed
 * by something else, and reading it could run what it defines, so it was not read.
 */
import type { ErrorCode } from '../../../shared/api/result';
import { AppError } from '../errors';
import type { FormatKind, FoundHeader, RefusalReason } from './types';

/** How messages name a file of each kind, and what to do about a damaged one. */
export interface FileWords {
  /** 'review file', 'library', 'backup' */
  noun: string;
  /** Said after "damaged": 'Ask for the file again', 'Choose another backup'. */
  advice: string;
}

export const KIND_NOUNS: Record<FormatKind, string> = { library: 'Interview Desk library', exchange: 'Interview Desk review file' };

export class ForeignFileError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly reason: RefusalReason,
    /** Each thing found wrong, one line each (`verify` prints them). */
    readonly findings: string[],
    /** What the file said it was, when it was read that far. */
    readonly found: FoundHeader | null,
  ) {
    super(code, message);
    this.name = 'ForeignFileError';
  }
}

const UNSAFE: readonly RefusalReason[] = ['schema', 'too_large', 'wrong_type', 'too_slow', 'crashed'];

export interface RefusalFacts {
  reason: RefusalReason;
  findings: string[];
  found: FoundHeader | null;
  /** The file's name, as the user knows it. */
  name: string;
  words: FileWords;
  /** application_id → what kind of our files that is (for "a library, not a review file"). */
  kindOf: (applicationId: number) => FormatKind | null;
  /** The newest version of the kind found, for "written by a newer version". */
  newest: number | null;
  timeLimitMs: number;
}

function seconds(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return `${s} second${s === 1 ? '' : 's'}`;
}

function summary(findings: string[]): string {
  const [first, ...rest] = findings;
  if (first === undefined) return '';
  return rest.length === 0 ? first : `${first}, and ${rest.length} more difference${rest.length === 1 ? '' : 's'}`;
}

export function refusalError(f: RefusalFacts): ForeignFileError {
  const q = `“${f.name}”`;
  const damaged = (detail: string) => `${q} is damaged or incomplete (${detail}). ${f.words.advice}; nothing was changed.`;
  const message = (() => {
    switch (f.reason) {
      case 'empty':
        return `${q} is empty. Nothing was changed.`;
      case 'not_sqlite':
        return `${q} is not an Interview Desk ${f.words.noun}: it is not a database at all (a different kind of file, renamed). Nothing was changed.`;
      case 'truncated':
        return damaged('it is shorter than one database page');
      case 'unreadable':
        return damaged(f.findings[0] ?? 'it cannot be read');
      case 'integrity':
        return damaged('the database does not pass its integrity check');
      case 'unversioned':
        return damaged('it has no format version');
      case 'foreign': {
        const other = f.found ? f.kindOf(f.found.applicationId) : null;
        if (other) return `${q} is an ${KIND_NOUNS[other]}, not ${/^[aeiou]/i.test(f.words.noun) ? 'an' : 'a'} ${f.words.noun}. Nothing was changed.`;
        return `${q} is an SQLite database of another application (application id ${f.found?.applicationId ?? 'unknown'}), not an Interview Desk ${f.words.noun}. Nothing was changed.`;
      }
      case 'newer':
        return `${q} was written by a newer version of Interview Desk (${f.words.noun} format ${f.found?.version}; this version reads up to ${f.newest}). Update Interview Desk to open it; nothing was changed.`;
      case 'schema':
        return `${q} was not opened: it is not laid out as Interview Desk writes a ${f.words.noun} (${summary(f.findings)}). It was made or changed by another program, and is read only when it is exactly as Interview Desk writes it; nothing was changed.`;
      case 'too_large':
      case 'wrong_type':
        return `${q} was not opened: ${summary(f.findings)}, which no ${f.words.noun} Interview Desk writes has. Nothing was changed.`;
      case 'too_slow':
        return `${q} was not opened: examining it took longer than ${seconds(f.timeLimitMs)}, far longer than a genuine ${f.words.noun} needs. Nothing was changed.`;
      case 'crashed':
        return `${q} was not opened: examining it failed (${summary(f.findings) || 'no reason given'}). Nothing was changed.`;
    }
  })();
  return new ForeignFileError(UNSAFE.includes(f.reason) ? 'unsafe_file' : 'invalid_file', message, f.reason, f.findings, f.found);
}
