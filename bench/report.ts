/**
 * bench/results.json and the printed table: the flat keys the performance targets are stated in
 * (plus a few more that explain them), the targets with met/missed, and the detail each number came from.
 */
import type { AutosaveAtSize, AutosaveCost, ImportCost, LibraryGrowth } from './backend-costs';
import type { DesktopCosts, LoopDelaySummary } from './desktop-costs';
import type { EditorRun } from './editor-run';
import type { ImportLayout, LayoutCost } from './import-layouts';
import { TYPING_MODES, type TypingMode } from './editor-targets';
import type { MachineInfo } from './machine';
import type { SearchCost } from './search-costs';
import type { CliStartup } from './cli-startup';
import { median, round } from './stats';
import { meets, TARGETS } from './targets';
import { worstPosition } from './typing-latency';

export interface Measurements {
  editors: EditorRun[];
  /** Modes that were planned but could not run, with why. */
  skippedModes: { mode: TypingMode; paragraphs: number; note: string }[];
  autosave: AutosaveCost | null;
  /** One-character autosaves at each editor size (changes as the app sends them). */
  autosaveBySize: AutosaveAtSize[] | null;
  /** Library file growth over a session of autosaves, and opening kept revisions afterwards. */
  libraryGrowth: LibraryGrowth[] | null;
  loadBackendMs: number | null;
  exports: Record<string, number> | null;
  importCost: ImportCost | null;
  /** The importer on ~1 MB in each layout (parse only). */
  importLayouts: Record<ImportLayout, LayoutCost> | null;
  search: SearchCost | null;
  libraryBuildMs: number | null;
  /** Main's event loop during a 1 MB import and an export: backend process vs in-process. */
  desktop: DesktopCosts | null;
  /** `interview-desk --help`: the built CLI vs the sources through tsx. */
  cli: CliStartup | null;
}

export interface RunInfo {
  startedAt: string;
  durationS: number;
  commit: string;
  uncommittedChanges: boolean | null;
  machine: MachineInfo & { loadAverageAtEnd: number[] };
  versions: Record<string, string>;
  plan: unknown;
  /** The command-line options; a run limited by --only or --sizes does not measure every key. */
  options: { only: string[]; sizes: number[]; rendererDir: string | null; partial: boolean };
}

type Flat = Record<string, number | null>;

const ratio = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? null : a / b);

function editorKeys(editors: readonly EditorRun[], referenceSize: number, largeSize: number): Flat {
  const find = (kind: EditorRun['kind'], paragraphs: number, mode: TypingMode = 'editing') => editors.find((e) => e.kind === kind && e.paragraphs === paragraphs && (kind === 'contenteditable' || e.mode === mode));
  const p95 = (run: EditorRun | undefined) => (run ? worstPosition(run.typing).keyToFrameP95 : null);
  // How far the app's p95 is above the plain page's at the same caret position, at the worst
  // position: the floor target compares like with like, since the end of a long page costs the
  // plain page more than its start.
  const excess = (run: EditorRun | undefined, base: EditorRun | undefined) => {
    if (!run || !base) return null;
    const diffs = run.typing.flatMap((t) => base.typing.filter((b) => b.position === t.position).map((b) => t.keyToFrameP95 - b.keyToFrameP95));
    return diffs.length ? Math.max(...diffs) : null;
  };
  const app = find('app', referenceSize);
  const plain = find('contenteditable', referenceSize);
  const appLarge = find('app', largeSize);
  const plainLarge = find('contenteditable', largeSize);
  const suggesting = find('app', referenceSize, 'suggesting');
  const playing = find('app', referenceSize, 'playing');
  const out: Flat = {
    typing_p95_ms_editing: p95(app),
    typing_p95_ms_suggesting: p95(suggesting),
    typing_p95_ms_playing: p95(playing),
    typing_ratio_vs_contenteditable: ratio(p95(app), p95(plain)),
    typing_excess_ms_vs_contenteditable: excess(app, plain),
    typing_excess_ms_suggesting_vs_contenteditable: excess(suggesting, plain),
    typing_p95_ms_20k: p95(appLarge),
    open_ms: app?.openMs ?? null,
    open_ratio_vs_contenteditable: ratio(app?.openMs, plain?.openMs),
    heap_mb: app?.heapMb ?? null,
    // The baselines and the other sizes, for the ratios and the trend.
    typing_p95_ms_contenteditable: p95(plain),
    typing_p95_ms_contenteditable_20k: p95(plainLarge),
    typing_ratio_vs_contenteditable_20k: ratio(p95(appLarge), p95(plainLarge)),
    typing_ratio_suggesting_vs_contenteditable: ratio(p95(suggesting), p95(plain)),
    open_ms_contenteditable: plain?.openMs ?? null,
    open_ms_20k: appLarge?.openMs ?? null,
    open_ratio_vs_contenteditable_20k: ratio(appLarge?.openMs, plainLarge?.openMs),
    heap_mb_contenteditable: plain?.heapMb ?? null,
    heap_mb_20k: appLarge?.heapMb ?? null,
    autosave_main_thread_ms: app?.autosave ? app.autosave.serializeMs + app.autosave.handoffMs : null,
    autosave_roundtrip_ms: app?.autosave?.roundTripMs ?? null,
  };
  for (const run of editors) {
    if (run.paragraphs === referenceSize || run.paragraphs === largeSize || run.kind !== 'app' || run.mode !== 'editing') continue;
    out[`typing_p95_ms_${run.paragraphs}`] = p95(run);
    out[`open_ms_${run.paragraphs}`] = run.openMs;
  }
  return out;
}

export function flatKeys(m: Measurements, referenceSize: number, largeSize: number): Flat {
  const exportMax = m.exports ? Math.max(...Object.values(m.exports)) : null;
  return {
    ...editorKeys(m.editors, referenceSize, largeSize),
    autosave_ms: m.autosave?.ms ?? null,
    autosave_whole_document_ms: m.autosave?.wholeMs ?? null,
    autosave_p95_ms: m.autosave?.p95 ?? null,
    ...Object.fromEntries((m.autosaveBySize ?? []).flatMap((a) => [[`autosave_ms_${a.paragraphs}`, a.ms], [`autosave_p95_ms_${a.paragraphs}`, a.p95]])),
    library_growth_mb_1000_autosaves: m.libraryGrowth?.find((g) => g.everyMs === 2_000)?.grownMb ?? null,
    library_growth_mb_1000_revisions: m.libraryGrowth?.find((g) => g.everyMs !== 2_000)?.grownMb ?? null,
    revision_open_oldest_ms: m.libraryGrowth ? Math.max(...m.libraryGrowth.map((g) => g.openOldestMs)) : null,
    revision_open_middle_ms: m.libraryGrowth ? Math.max(...m.libraryGrowth.map((g) => g.openMiddleMs)) : null,
    export_ms_max: exportMax,
    import_ms_1mb: m.importCost?.totalMs ?? null,
    import_parse_ms_1mb: m.importCost?.parseMs ?? null,
    import_parse_ms_worst_layout: m.importLayouts ? Math.max(...Object.values(m.importLayouts).map((l) => l.parseMs)) : null,
    search_p95_ms: m.search?.searchP95 ?? null,
    search_ratio_vs_scan: ratio(m.search?.scanP95, m.search?.searchP95),
    search_scan_p95_ms: m.search?.scanP95 ?? null,
    load_backend_ms: m.loadBackendMs,
    main_loop_delay_p99_ms_import: m.desktop?.backendProcess.import.p99Ms ?? null,
    main_loop_delay_max_ms_import: m.desktop?.backendProcess.import.maxMs ?? null,
    main_loop_task_cpu_max_ms_import: m.desktop?.backendProcess.import.maxTaskCpuMs ?? null,
    main_loop_task_cpu_max_ms_export: m.desktop?.backendProcess.export.maxTaskCpuMs ?? null,
    main_loop_delay_max_ms_import_in_process: m.desktop?.inProcess.import.maxMs ?? null,
    cli_help_ms: m.cli?.builtWarmMs ?? null,
    cli_help_ms_cold: m.cli?.builtColdMs ?? null,
    cli_help_ms_tsx: m.cli?.tsxWarmMs ?? null,
    cli_help_ms_tsx_cold: m.cli?.tsxColdMs ?? null,
    cli_node_start_ms: m.cli?.nodeEmptyMs ?? null,
    // What the CLI adds to an empty Node's start: on a loaded machine less noisy than either alone.
    cli_help_ms_over_node_start: m.cli ? m.cli.builtWarmMs - m.cli.nodeEmptyMs : null,
  };
}

/** Why a key is null, when it is. */
function notes(m: Measurements): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of m.skippedModes) if (s.mode === 'suggesting') out.typing_p95_ms_suggesting = s.note;
  if (!('typing_p95_ms_suggesting' in out) && !TYPING_MODES.suggesting.available) out.typing_p95_ms_suggesting = TYPING_MODES.suggesting.note;
  return out;
}

const roundAll = (flat: Flat): Flat => Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, v === null ? null : round(v)]));

/** Samples are kept per key (page clock), so a later look can find what slowed a key down. */
export function resultsJson(info: RunInfo, m: Measurements, referenceSize: number, largeSize: number): Record<string, unknown> {
  const flat = roundAll(flatKeys(m, referenceSize, largeSize));
  return {
    ...flat,
    notes: notes(m),
    targets: Object.fromEntries(TARGETS.map((t) => [t.key, { limit: Number.isFinite(t.limit) ? round(t.limit) : null, kind: t.kind, unit: t.unit, met: meets(t, flat[t.key] ?? null) }])),
    ...info,
    detail: m,
  };
}

function pad(cells: string[][]): string {
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map((row) => row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/** Medians over the loads of when the entry script and the document's text arrived (ms since navigation). */
function openBreakdown(e: EditorRun): string {
  const m = (pick: (l: EditorRun['loads'][number]) => number | null) => {
    const values = e.loads.map(pick).filter((v): v is number => v !== null);
    return values.length > 0 ? String(round(median(values))) : '—';
  };
  return `${m((l) => l.scriptsReceivedMs)} · ${m((l) => l.textRequestedMs)}→${m((l) => l.textReceivedMs)}`;
}

const show = (v: number | null | undefined, unit = '') => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${round(v)}${unit}`);

export function table(results: Record<string, unknown>, m: Measurements): string {
  const flat = results as Flat;
  const notesByKey = results.notes as Record<string, string>;
  const targetRows = TARGETS.map((t) => {
    const value = flat[t.key] ?? null;
    const met = meets(t, value);
    const limit = Number.isFinite(t.limit) ? `${t.kind === 'max' ? '≤' : '≥'} ${round(t.limit)} ${t.unit}` : '(ratio below)';
    return [t.key, show(value, ` ${t.unit}`), limit, met === null ? (notesByKey[t.key] ?? '') : met ? 'met' : 'MISSED', t.what];
  });
  const editorRows = m.editors.map((e) => {
    const worst = worstPosition(e.typing);
    return [
      e.kind === 'app' ? `app (${e.mode})` : 'contenteditable',
      String(e.paragraphs),
      e.typing.map((p) => `${p.position} ${round(p.keyToFrameP50)}/${round(p.keyToFrameP95)}`).join('  '),
      `${round(worst.keyToFrameP95)} (${worst.position})`,
      show(e.openMs),
      openBreakdown(e),
      show(e.heapMb),
      e.autosave ? `${e.autosave.saves} saves, ${e.autosave.keysHitBySave} keys hit` : '',
    ];
  });
  const sections = [
    'Performance targets',
    pad([['key', 'value', 'target', 'status', 'what'], ...targetRows]),
    '',
    'Editors: key→frame p50/p95 per caret position (ms), worst p95, open (ms since navigation, with when the entry script and the text arrived), heap (MB)',
    pad([['editor', 'paragraphs', 'typing p50/p95 by position', 'worst p95', 'open', 'script · text requested→received', 'heap', 'autosave during typing'], ...editorRows]),
  ];
  if (m.exports) sections.push('', `Exports, 2,000 paragraphs (ms, median): ${Object.entries(m.exports).map(([f, ms]) => `${f} ${round(ms)}`).join(', ')}`);
  if (m.autosaveBySize) {
    sections.push('', `Autosave by size, backend (ms): ${m.autosaveBySize.map((a) => `${a.paragraphs} paragraphs median ${round(a.ms)}, p95 ${round(a.p95)}`).join('; ')}`);
  }
  if (m.libraryGrowth) {
    for (const g of m.libraryGrowth) {
      sections.push(
        '',
        `Library growth: ${g.autosaves} autosaves ${g.everyMs / 1000} s apart grew the file by ${round(g.grownMb)} MB (${g.revisionsKept} revisions kept, ${g.snapshots} snapshots); ` +
          `opening the oldest kept revision ${round(g.openOldestMs)} ms, a middle one ${round(g.openMiddleMs)} ms`,
      );
    }
  }
  if (m.autosave) {
    const parts = Object.entries(m.autosave.parts).map(([k, v]) => `${k} ${round(v)}`).join(', ');
    sections.push(
      `Autosave, backend (ms): changes (as the app sends them) median ${round(m.autosave.ms)}, p95 ${round(m.autosave.p95)}, request ${Math.round(m.autosave.requestBytes / 1024)} KiB; ` +
        `whole document median ${round(m.autosave.wholeMs)}, request ${Math.round(m.autosave.wholeRequestBytes / 1024)} KiB; parts of a whole-document save: ${parts}`,
    );
  }
  if (m.importCost) sections.push(`Import ${Math.round(m.importCost.bytes / 1024)} KiB of agency text (ms): parse ${round(m.importCost.parseMs)}, store ${round(m.importCost.storeMs)}, total ${round(m.importCost.totalMs)}`);
  if (m.importLayouts) {
    const layouts = Object.entries(m.importLayouts).map(([layout, c]) => `${layout} ${round(c.parseMs)} (${c.turns} turns)`);
    sections.push(`Import parse of ~1 MB by layout (ms, median): ${layouts.join(', ')}`);
  }
  if (m.desktop) {
    const d = m.desktop;
    const row = (how: string, work: string, c: LoopDelaySummary) => [how, work, String(round(c.p99Ms)), `${round(c.maxMs)} (worst ${round(c.worstMaxMs)})`, String(round(c.maxTaskCpuMs)), String(round(c.workMs))];
    sections.push(
      '',
      `Desktop main process during a ${Math.round(d.docBytes / 1024)} KiB import and its NITF export (ms; ${d.runs} runs: medians, worst max; longest task = main's CPU between two probe turns)`,
      pad([
        ['handlers', 'work', 'loop delay p99', 'loop delay max', 'longest task (CPU)', 'work took'],
        row('backend process', 'import', d.backendProcess.import),
        row('backend process', 'export', d.backendProcess.export),
        row('in main', 'import', d.inProcess.import),
        row('in main', 'export', d.inProcess.export),
      ]),
    );
  }
  if (m.search) {
    const s = m.search;
    sections.push(
      `Search, ${s.queries} queries over the library (ms): search p50/p95 ${round(s.searchP50)}/${round(s.searchP95)}, scan p50/p95 ${round(s.scanP50)}/${round(s.scanP95)}; ` +
        `frequent words p95 ${round(s.byKind.frequent.searchP95)} (median ${s.byKind.frequent.medianMatches} matches), rarer words p95 ${round(s.byKind.uniform.searchP95)} (median ${s.byKind.uniform.medianMatches} matches)`,
    );
  }
  if (m.cli) {
    const c = m.cli;
    sections.push(
      `CLI, \`interview-desk --help\` (ms, median of ${c.runs} new processes; load average ${c.loadAverage.join(' → ')}): ` +
        `built ${round(c.builtWarmMs)} warm / ${round(c.builtColdMs)} cold, sources through tsx ${round(c.tsxWarmMs)} warm / ${round(c.tsxColdMs)} cold, an empty node ${round(c.nodeEmptyMs)}`,
    );
  }
  return sections.join('\n');
}
