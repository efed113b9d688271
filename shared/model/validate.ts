import type { z } from 'zod';
import { interviewSchema, type Interview } from './schema';

export interface ValidationProblem {
  path: string;
  message: string;
}

/** Turn zod issues into short `path: message` lines a person can read in an error dialog. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], limit = 5): ValidationProblem[] {
  return issues.slice(0, limit).map((issue) => ({
    path: issue.path.map(String).join('.') || '(document)',
    message: issue.message,
  }));
}

export type ValidateResult = { ok: true; doc: Interview } | { ok: false; problems: ValidationProblem[] };

export function validateInterview(value: unknown): ValidateResult {
  const parsed = interviewSchema.safeParse(value);
  return parsed.success ? { ok: true, doc: parsed.data } : { ok: false, problems: describeIssues(parsed.error.issues) };
}
