/** Preflight findings in one line, for a refusal message. */
import type { PreflightFindings } from '../../shared/api/contract';

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

export function preflightCounts(p: PreflightFindings): string {
  return `${count(p.errors.length, 'error')} and ${count(p.warnings.length, 'warning')}`;
}

/** `preflight found 3 errors and 0 warnings: Photo 1 has no image attached. (+2 more)` */
export function preflightSummary(p: PreflightFindings): string {
  const all = [...p.errors, ...p.warnings];
  const more = all.length > 1 ? ` (+${all.length - 1} more)` : '';
  return `preflight found ${preflightCounts(p)}: ${all[0]?.message ?? ''}${more}`;
}
