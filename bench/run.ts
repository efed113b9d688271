/**
 * `npm run bench`: builds the renderer into dist-bench/renderer, generates the inputs,
 * measures the app in Chromium against the web host and the backend in-process, each next to its
 * baseline, then writes bench/results.json and prints a table. See BENCHMARKS.md.
 *
 *   npm run bench                       everything (≈5–8 minutes on a 2-core machine)
 *   npm run bench -- --only browser     only the editor measurements (also: backend, import, search)
 *   npm run bench -- --only import      only the importer (1 MB in each layout); needs no browser
 *   npm run bench -- --only desktop     main's event loop during a 1 MB import and an export, through the
 *                                       backend process and in-process (desktop harness); needs no browser
 *   npm run bench -- --only cli         `interview-desk --help`: the built CLI vs the sources through tsx, cold
 *                                       and warm; needs no browser
 *   npm run bench -- --skip-build       reuse dist-bench/renderer as it is
 *   npm run bench -- --renderer-dir D   measure the renderer built in D instead (e.g. to compare a change)
 *   npm run bench -- --sizes 2000       only these interview sizes in the browser
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startWebHost } from '../tests/e2e/web-host';
import { measureAutosave, measureExports, measureImport, measureLibraryGrowth, measureLoad, timeAutosaves } from './backend-costs';
import { measureDesktop } from './desktop-costs';
import { importAgencyText } from '../shared/import/agency-text';
import { startBaselineServer } from './baseline-page';
import { launchBrowser } from './browser';
import { runEditor, type EditorRun } from './editor-run';
import { appTarget, baselineTarget, TYPING_MODES } from './editor-targets';
import { agencyTextOfSize, generateInterview, libraryInterviews, paragraphTexts, searchQueries } from './generate';
import { LIBRARY_FILE } from '../electron/backend/library-session';
import { openBenchLibrary, storeInterviews, storePhotoImages } from './library';
import { median, percentile } from './stats';
import { codeVersion, machineInfo, versions } from './machine';
import { PLAN, type EditorSize } from './plan';
import { resultsJson, table, type Measurements } from './report';
import { measureImportLayouts } from './import-layouts';
import { measureSearch } from './search-costs';
import { measureCliStartup } from './cli-startup';
import { loadVocabulary, type Vocabulary } from './vocabulary';

const ROOT = resolve(import.meta.dirname, '..');
const DEFAULT_RENDERER_DIR = 'dist-bench/renderer';
const RESULTS = resolve(ROOT, 'bench/results.json');
const SECTIONS = ['browser', 'backend', 'import', 'search', 'desktop', 'cli'] as const;

const started = Date.now();
const log = (message: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

/** The renderer as `npm run web` serves it, built into the bench's own folder (never one a test run is rebuilding). */
function buildRenderer(dir: string): void {
  log(`building the renderer into ${dir}`);
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, RENDERER_OUT_DIR: dir },
  });
}

async function measureEditors(vocabulary: Vocabulary, m: Measurements, rendererDir: string, sizes: readonly EditorSize[]): Promise<void> {
  // The interviews the browser opens, stored through the backend in a temporary library.
  const library = await openBenchLibrary('app', 'bench');
  const assetIds = storePhotoImages(library.ctx, PLAN.photoImages);
  const docs = new Map(sizes.map((s) => [s.paragraphs, generateInterview(vocabulary, { paragraphs: s.paragraphs, photos: PLAN.photosPerInterview, assetIds, seed: PLAN.seed + s.paragraphs })]));
  // One stored copy per mode that can run, so each mode types into an untouched interview.
  const ids = new Map<string, string>();
  for (const size of sizes) {
    for (const mode of size.modes) if (TYPING_MODES[mode].available) ids.set(`${size.paragraphs}:${mode}`, storeInterviews(library.ctx, [docs.get(size.paragraphs)!])[0]!);
  }
  library.close();

  process.env.RENDERER_OUT_DIR = rendererDir; // read by the e2e web-host helper
  let host: Awaited<ReturnType<typeof startWebHost>> | undefined;
  let baseline: Awaited<ReturnType<typeof startBaselineServer>> | undefined;
  try {
    host = await startWebHost(library.dataDir);
    baseline = await startBaselineServer(new Map([...docs].map(([n, doc]) => [String(n), paragraphTexts(doc)])));
    for (const size of sizes) {
      const plan = { loads: size.loads, typing: { positions: PLAN.positions, keys: size.keys, warmup: size.warmup }, openTimeoutMs: size.openTimeoutMs };
      log(`plain contenteditable, ${size.paragraphs} paragraphs`);
      m.editors.push(await runEditor(baselineTarget(baseline.urlFor(String(size.paragraphs)), size.paragraphs), { ...plan, mode: 'editing' }));
      for (const mode of size.modes) {
        if (!TYPING_MODES[mode].available) {
          m.skippedModes.push({ mode, paragraphs: size.paragraphs, note: TYPING_MODES[mode].note });
          log(`app, ${size.paragraphs} paragraphs, ${mode}: skipped (${TYPING_MODES[mode].note})`);
          continue;
        }
        log(`app, ${size.paragraphs} paragraphs, ${mode}`);
        const id = ids.get(`${size.paragraphs}:${mode}`)!;
        m.editors.push(await runEditor(appTarget(host.url, id, size.paragraphs), { ...plan, mode, documentId: id }));
      }
    }
  } finally {
    await host?.stop();
    await baseline?.close();
    rmSync(library.dataDir, { recursive: true, force: true });
  }
}

async function measureBackend(vocabulary: Vocabulary, m: Measurements): Promise<void> {
  const library = await openBenchLibrary('backend', 'bench');
  try {
    const assetIds = storePhotoImages(library.ctx, PLAN.photoImages);
    const doc = generateInterview(vocabulary, { paragraphs: PLAN.referenceSize, photos: PLAN.photosPerInterview, assetIds, seed: PLAN.seed + PLAN.referenceSize });
    const [id] = storeInterviews(library.ctx, [doc]);
    log('backend: load, autosave, exports');
    m.loadBackendMs = measureLoad(library.ctx, id!);
    m.autosave = await measureAutosave(library.ctx, id!, PLAN.autosaves);
    m.exports = measureExports(library.ctx, id!);
  } finally {
    library.remove();
  }
  await measureSaveStorage(vocabulary, m);
}

/**
 * Autosave at each editor size (the cost must not grow with the document), and what a long
 * session of autosaves adds to the library file and costs to open from the history.
 */
async function measureSaveStorage(vocabulary: Vocabulary, m: Measurements): Promise<void> {
  m.autosaveBySize = [];
  for (const { paragraphs } of PLAN.editorSizes) {
    const library = await openBenchLibrary(`autosave-${paragraphs}`, 'bench');
    try {
      log(`backend: autosave at ${paragraphs} paragraphs`);
      const [id] = storeInterviews(library.ctx, [generateInterview(vocabulary, { paragraphs, photos: PLAN.photosPerInterview, assetIds: storePhotoImages(library.ctx, PLAN.photoImages), seed: PLAN.seed + paragraphs })]);
      const { times } = await timeAutosaves(library.ctx, id!, PLAN.autosavesPerSize, 5, false);
      m.autosaveBySize.push({ paragraphs, ms: median(times), p95: percentile(times, 95) });
    } finally {
      library.remove();
    }
  }
  m.libraryGrowth = [];
  for (const everyMs of PLAN.growth.everyMs) {
    const library = await openBenchLibrary('growth', 'bench');
    try {
      log(`backend: ${PLAN.growth.autosaves} autosaves ${everyMs / 1000} s apart at ${PLAN.referenceSize} paragraphs, library growth`);
      const [id] = storeInterviews(library.ctx, [generateInterview(vocabulary, { paragraphs: PLAN.referenceSize, photos: PLAN.photosPerInterview, assetIds: storePhotoImages(library.ctx, PLAN.photoImages), seed: PLAN.seed + PLAN.referenceSize })]);
      let t = library.ctx.now().getTime();
      const ctx = { ...library.ctx, now: () => new Date(t) };
      m.libraryGrowth.push(await measureLibraryGrowth(ctx, join(library.dataDir, LIBRARY_FILE), id!, PLAN.growth.autosaves, everyMs, (ms) => (t += ms)));
    } finally {
      library.remove();
    }
  }
}

/** Importing ~1 MB of agency text as `interview-desk import` does (parse + store), then parsing it in the other layouts. */
async function measureImporter(vocabulary: Vocabulary, m: Measurements): Promise<void> {
  const library = await openBenchLibrary('import', 'bench');
  try {
    const text = agencyTextOfSize(vocabulary, PLAN.importBytes, PLAN.seed);
    log('import: agency text, parse and store');
    m.importCost = measureImport(library.ctx, text);
    log('import: the other layouts, parse only');
    m.importLayouts = measureImportLayouts(text);
  } finally {
    library.remove();
  }
}

/** Main's event loop while the library imports ~1 MB and exports it: backend process vs in-process. */
async function measureDesktopMainLoop(vocabulary: Vocabulary, m: Measurements): Promise<void> {
  const doc = importAgencyText(agencyTextOfSize(vocabulary, PLAN.importBytes, PLAN.seed)).doc;
  log('desktop: main-loop delay during a 1 MB import and an export, through the backend process and in-process');
  m.desktop = await measureDesktop(doc);
}

async function measureLibrarySearch(vocabulary: Vocabulary, m: Measurements): Promise<void> {
  const library = await openBenchLibrary('search', 'lib');
  try {
    log(`search: storing ${PLAN.library.interviews} interviews`);
    const assetIds = storePhotoImages(library.ctx, PLAN.photoImages);
    const start = performance.now();
    storeInterviews(library.ctx, libraryInterviews(vocabulary, PLAN.library.interviews, assetIds, PLAN.seed + 1));
    m.libraryBuildMs = performance.now() - start;
    log(`search: ${PLAN.library.queries} queries`);
    m.search = measureSearch(library.ctx, searchQueries(vocabulary, PLAN.library.queries, PLAN.seed + 2));
  } finally {
    library.remove();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      'skip-build': { type: 'boolean', default: false },
      'renderer-dir': { type: 'string' },
      sizes: { type: 'string' },
    },
    strict: true,
  });
  const only = values.only ?? [...SECTIONS];
  for (const s of only) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`--only takes ${SECTIONS.join(', ')}, not ${s}`);
  const sizeFilter = values.sizes?.split(',').map(Number);
  const sizes = PLAN.editorSizes.filter((s) => !sizeFilter || sizeFilter.includes(s.paragraphs));
  process.chdir(ROOT);

  const startedAt = new Date(started).toISOString();
  const machine = machineInfo();
  // The browser is started only when the browser section runs (its version goes into the results).
  let browserVersion = 'not started (no browser section)';
  if (only.includes('browser')) {
    const browser = await launchBrowser();
    browserVersion = browser.version();
    await browser.close();
  }
  const vocabulary = loadVocabulary();
  const m: Measurements = { editors: [] as EditorRun[], skippedModes: [], autosave: null, autosaveBySize: null, libraryGrowth: null, loadBackendMs: null, exports: null, importCost: null, importLayouts: null, search: null, libraryBuildMs: null, desktop: null, cli: null };

  if (only.includes('browser')) {
    const rendererDir = values['renderer-dir'] ?? DEFAULT_RENDERER_DIR;
    if (!values['skip-build'] && !values['renderer-dir']) buildRenderer(rendererDir);
    await measureEditors(vocabulary, m, rendererDir, sizes);
  }
  if (only.includes('backend')) await measureBackend(vocabulary, m);
  if (only.includes('import')) await measureImporter(vocabulary, m);
  if (only.includes('search')) await measureLibrarySearch(vocabulary, m);
  if (only.includes('desktop')) await measureDesktopMainLoop(vocabulary, m);
  if (only.includes('cli')) {
    log(`cli: --help, ${PLAN.cliRuns} runs of each (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
    m.cli = measureCliStartup(PLAN.cliRuns);
  }

  const results = resultsJson(
    {
      startedAt,
      durationS: Math.round((Date.now() - started) / 1000),
      ...codeVersion(),
      machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100) },
      versions: versions(browserVersion),
      plan: PLAN,
      options: { only, sizes: sizes.map((s) => s.paragraphs), rendererDir: values['renderer-dir'] ?? null, partial: only.length < SECTIONS.length || sizes.length < PLAN.editorSizes.length },
    },
    m,
    PLAN.referenceSize,
    PLAN.largeSize,
  );
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(table(results, m));
  console.log(`\n${RESULTS} written; ${results.durationS as number} s; commit ${String(results.commit).slice(0, 12)}${results.uncommittedChanges ? ' + uncommitted changes' : ''}; load average ${machine.loadAverageAtStart.join(' ')} at start.`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
