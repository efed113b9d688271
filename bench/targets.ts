/**
 * The performance targets the app is held to, one per reported key (the Targets section of
 * BENCHMARKS.md explains them). Absolute figures are for the project's
 * 2-core build machines; ratios hold on any machine.
 */
export interface Target {
  key: string;
  what: string;
  unit: 'ms' | 'MB' | '×';
  /** `max`: the value must be at most `limit`; `min`: at least. */
  kind: 'max' | 'min';
  limit: number;
}

export const TARGETS: readonly Target[] = [
  // Typing at the browser's floor: at 2,000 paragraphs no worse than a plain contenteditable at the
  // same caret position + 1 ms, in Editing and Suggesting; at 20,000, a quarter of the plain page
  // and within 25 ms at every position (no full garbage collection landing on a key).
  { key: 'typing_excess_ms_vs_contenteditable', what: 'typing p95 − plain contenteditable p95 at the same position, 2,000 paragraphs, Editing (worst)', unit: 'ms', kind: 'max', limit: 1 },
  { key: 'typing_excess_ms_suggesting_vs_contenteditable', what: 'the same in Suggesting', unit: 'ms', kind: 'max', limit: 1 },
  { key: 'typing_p95_ms_editing', what: 'typing p95, 2,000 paragraphs, Editing (worst caret position)', unit: 'ms', kind: 'max', limit: 0.8 * 37 },
  { key: 'typing_p95_ms_suggesting', what: 'typing p95, 2,000 paragraphs, Suggesting', unit: 'ms', kind: 'max', limit: 0.8 * 37 },
  { key: 'typing_p95_ms_playing', what: 'typing p95, 2,000 paragraphs, Editing with the recording playing', unit: 'ms', kind: 'max', limit: 0.8 * 37 },
  { key: 'typing_p95_ms_20k', what: 'typing p95, 20,000 paragraphs (worst caret position)', unit: 'ms', kind: 'max', limit: 25 },
  { key: 'typing_ratio_vs_contenteditable_20k', what: 'typing p95 ÷ plain contenteditable, 20,000 paragraphs', unit: '×', kind: 'max', limit: 0.25 },
  { key: 'heap_mb', what: 'renderer JS heap, 2,000 paragraphs', unit: 'MB', kind: 'max', limit: 25 },
  { key: 'heap_mb_20k', what: 'renderer JS heap, 20,000 paragraphs', unit: 'MB', kind: 'max', limit: 60 },
  { key: 'open_ms', what: 'open a 2,000-paragraph interview (load to interactive)', unit: 'ms', kind: 'max', limit: Number.POSITIVE_INFINITY },
  { key: 'open_ratio_vs_contenteditable', what: 'open ÷ plain contenteditable, 2,000 paragraphs', unit: '×', kind: 'max', limit: 1.5 },
  { key: 'open_ratio_vs_contenteditable_20k', what: 'open ÷ plain contenteditable, 20,000 paragraphs', unit: '×', kind: 'max', limit: 1 },
  // Saves that do not grow with the document.
  { key: 'autosave_ms_200', what: 'autosave of a one-character change, backend, 200 paragraphs (median)', unit: 'ms', kind: 'max', limit: 2 },
  { key: 'autosave_ms_2000', what: 'the same, 2,000 paragraphs', unit: 'ms', kind: 'max', limit: 2 },
  { key: 'autosave_ms_20000', what: 'the same, 20,000 paragraphs', unit: 'ms', kind: 'max', limit: 2 },
  { key: 'autosave_p95_ms_200', what: 'autosave p95, 200 paragraphs', unit: 'ms', kind: 'max', limit: 5 },
  { key: 'autosave_p95_ms_2000', what: 'autosave p95, 2,000 paragraphs', unit: 'ms', kind: 'max', limit: 5 },
  { key: 'autosave_p95_ms_20000', what: 'autosave p95, 20,000 paragraphs', unit: 'ms', kind: 'max', limit: 5 },
  { key: 'autosave_ms', what: 'autosave of a one-character change, backend, 2,000 paragraphs (the long-standing key)', unit: 'ms', kind: 'max', limit: 2 },
  { key: 'library_growth_mb_1000_autosaves', what: 'library file growth after 1,000 autosaves of a 2,000-paragraph interview', unit: 'MB', kind: 'max', limit: 2 },
  { key: 'revision_open_oldest_ms', what: 'open the oldest kept revision', unit: 'ms', kind: 'max', limit: 50 },
  { key: 'revision_open_middle_ms', what: 'open a middle kept revision', unit: 'ms', kind: 'max', limit: 50 },
  { key: 'export_ms_max', what: 'slowest export format, 2,000 paragraphs', unit: 'ms', kind: 'max', limit: 100 },
  { key: 'import_ms_1mb', what: 'import ~1 MB of agency text (parse + store)', unit: 'ms', kind: 'max', limit: 200 },
  { key: 'import_parse_ms_worst_layout', what: 'parse ~1 MB in the slowest layout (flattened, hard-wrapped, dash-only, lost labels)', unit: 'ms', kind: 'max', limit: 200 },
  { key: 'search_p95_ms', what: 'library search p95, 10,000 interviews', unit: 'ms', kind: 'max', limit: 20 },
  { key: 'search_ratio_vs_scan', what: 'scan p95 ÷ search p95 (how many times faster)', unit: '×', kind: 'min', limit: 20 },
  { key: 'cli_help_ms', what: '`interview-desk --help` from the built CLI, a new process (median)', unit: 'ms', kind: 'max', limit: 150 },
];

/** Whether `value` meets the target; null when there is no value (not measured) or no limit. */
export function meets(target: Target, value: number | null): boolean | null {
  if (value === null || !Number.isFinite(value) || !Number.isFinite(target.limit)) return null;
  return target.kind === 'max' ? value <= target.limit : value >= target.limit;
}
