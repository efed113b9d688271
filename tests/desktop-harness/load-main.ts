/**
 * Loading the real electron/main/ code on the `electron` stand-in, under plain Node: bundled by
 * esbuild as scripts/build-shell.mjs bundles it, with 'electron' aliased to electron-module.ts
 * (and the real backend process entry beside it, which the stand-in's utilityProcess runs),
 * and required afresh for each run, so every run has its own app, windows, menu and IPC handlers.
 * No browser here: desktop-app.ts adds the page (Playwright); unit tests may give a fake PageLink.
 */
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronModule, StandInUtilityProcess, type StandInElectron } from './electron-stand-in';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const require = createRequire(import.meta.url);

export interface ShellBundles {
  /** electron/main/index.ts bundled for Node, with 'electron' aliased to the stand-in. */
  mainFile: string;
  /** electron/preload/index.ts bundled for the page, with 'electron' aliased to page-electron.ts. */
  preloadScript: string;
  folder: string;
}
let built: Promise<ShellBundles> | null = null;

/** Bundle main and preload once per test worker (into dist/desktop-harness-*, removed by `disposeShellBundles`). */
export function buildShellBundles(): Promise<ShellBundles> {
  built ??= (async () => {
    mkdirSync(join(repo, 'dist'), { recursive: true });
    // Inside the repository, so the bundle finds node_modules (better-sqlite3) as dist/main does.
    const folder = mkdtempSync(join(repo, 'dist', 'desktop-harness-'));
    // main/index.cjs serves `<folder>/renderer` (index.ts: join(__dirname, '..', 'renderer')).
    symlinkSync(resolve(repo, process.env.RENDERER_OUT_DIR ?? 'dist/renderer'), join(folder, 'renderer'), 'dir');
    const mainFile = join(folder, 'main', 'index.cjs');
    await build({
      entryPoints: [join(repo, 'electron/main/index.ts')],
      outfile: mainFile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
      external: ['better-sqlite3'],
      alias: { electron: join(here, 'electron-module.ts') },
      // As scripts/build-shell.mjs: CommonJS has no import.meta.url.
      banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
      define: { 'import.meta.url': '__bundleUrl' },
    });
    // The backend process as scripts/build-shell.mjs bundles it, where main looks for it
    // (electron/main/backend-fork.ts: <main>/../backend-process/index.cjs); it never imports 'electron'.
    await build({
      entryPoints: [join(repo, 'electron/backend-process/entry.ts')],
      outfile: join(folder, 'backend-process', 'index.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
      external: ['better-sqlite3'],
      banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
      define: { 'import.meta.url': '__bundleUrl' },
    });
    await build({ entryPoints: [join(here, 'parent-port.ts')], outfile: join(folder, 'parent-port.cjs'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
    const preload = await build({
      entryPoints: [join(repo, 'electron/preload/index.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'iife',
      target: 'chrome120',
      logLevel: 'warning',
      alias: { electron: join(here, 'page-electron.ts') },
    });
    return { mainFile, preloadScript: preload.outputFiles[0]!.text, folder };
  })();
  return built;
}

export async function disposeShellBundles(): Promise<void> {
  if (!built) return;
  const { folder } = await built;
  built = null;
  await StandInUtilityProcess.endAll(); // a backend process starting now would look for its files
  rmSync(folder, { recursive: true, force: true });
}

/**
 * Run electron/main/index.ts on `electron`, as a process started with `args` after the
 * executable (a packaged app: the files to open). The app is not ready yet: call
 * `electron.app.becomeReady()` (unless it quit at once: another instance held the lock).
 */
export function startMain(electron: StandInElectron, mainFile: string, args: readonly string[]): void {
  electron.parentPortShim = join(dirname(mainFile), '..', 'parent-port.cjs');
  (globalThis as { __desktopHarnessElectron?: unknown }).__desktopHarnessElectron = electronModule(electron);
  const argv = process.argv;
  process.argv = [process.execPath, ...args];
  try {
    delete require.cache[mainFile];
    require(mainFile);
  } finally {
    process.argv = argv;
  }
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
