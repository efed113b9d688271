// Offline packaging smoke test (part of `npm test`, after `npm run build`): package the app with
// `electron-builder --linux dir` from electron-builder.offline.yml (a placeholder Electron, no
// native rebuild, no fuses) and check what the app.asar holds:
// - the built code (dist/main, dist/preload, dist/backend-process, dist/renderer) and package.json
//   pointing at it; the backend process's bundle where the main bundle looks for it;
// - no sources (.ts, the source folders), no source maps, no tests;
// - better-sqlite3's native .node file unpacked next to the archive (native code cannot be
//   loaded from inside an asar), and no native file left inside it;
// - what the foreign-file worker thread requires by path (better-sqlite3's JavaScript, `bindings`);
// - after packaging: the backend process, run from the unpacked-as-installed files under Node with
//   Electron's `process.parentPort` made from Node's IPC, opens a library through better-sqlite3's
//   unpacked native module and answers a call (the offline package holds the Node build of it).
// Real installers need a connected machine (README, "Packaging"); this catches broken `files`
// globs, a wrong `main`, leaked sources and a packed native module before anyone gets there.
//
//   node scripts/package-smoke.mjs                     package, then check
//   node scripts/package-smoke.mjs --check <app.asar>  only check an existing archive (tests use this)
import { statFile, listPackage, extractFile, extractAll } from '@electron/asar';
import { fork, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, posix } from 'node:path';
import { parseArgs } from 'node:util';

const CONFIG = 'electron-builder.offline.yml';
const PLACEHOLDER_ELECTRON = '.cache/placeholder-electron';
const NATIVE_MODULE = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';

const BACKEND_PROCESS = 'dist/backend-process/index.cjs';
const REQUIRED = ['package.json', 'dist/main/index.cjs', 'dist/preload/index.cjs', BACKEND_PROCESS, 'dist/renderer/index.html', 'node_modules/better-sqlite3/lib/index.js', NATIVE_MODULE];

// Where the main bundle starts the backend process: electron/main/backend-fork.ts,
// `backendEntryFrom(__dirname)`, bundled as join(<main's folder>, "..", "backend-process", "index.cjs").
const BACKEND_LOOKUP = /\(\s*\w+\s*,\s*"\.\."\s*,\s*"backend-process"\s*,\s*"index\.cjs"\s*\)/;

// The foreign-file worker (electron/backend/foreign-db/) `require`s better-sqlite3 by its path in
// the archive, from a worker thread, not through the main bundle: what that require pulls in must
// ship too. better-sqlite3 finds its .node through `bindings`, which needs `file-uri-to-path`;
// the .node itself is the unpacked NATIVE_MODULE above.
const WORKER_REQUIRES = ['node_modules/better-sqlite3/lib/database.js', 'node_modules/bindings/bindings.js', 'node_modules/file-uri-to-path/index.js'];

/** What must never ship, with the reason printed when it does. */
const FORBIDDEN = [
  [/\.(ts|tsx|mts|cts)$/, 'TypeScript source'],
  [/\.map$/, 'source map'],
  [/^(electron|renderer|shared|scripts|tests|security|build)\//, 'a source or tooling folder of the repository'],
  [/(^|\/)(tests?|__tests__)\//, 'a test folder'],
  [/(^|\/)(test(-[^/]*)?\.[cm]?js|[^/]+\.(test|spec)\.[^/]+)$/, 'a test file'],
  [/^node_modules\/better-sqlite3\/(src|deps|benchmark|docs)\//, 'better-sqlite3 sources'],
];

/** Problems with the archive, one line each; empty when it is as it should be. */
function checkArchive(archive) {
  const entries = listPackage(archive, { isPack: false }).map((p) => p.replace(/\\/g, '/').replace(/^\//, ''));
  const files = entries.filter((p) => !('files' in statFile(archive, p, false)));
  const problems = [];
  for (const path of REQUIRED) if (!files.includes(path)) problems.push(`missing: ${path}`);
  for (const path of WORKER_REQUIRES) if (!files.includes(path)) problems.push(`missing: ${path} (the foreign-file worker loads better-sqlite3 through it)`);
  if (!files.some((p) => /^dist\/renderer\/assets\/[^/]+\.js$/.test(p))) problems.push('missing: the renderer’s script bundle in dist/renderer/assets/');
  for (const path of files) {
    const forbidden = FORBIDDEN.find(([pattern]) => pattern.test(path));
    if (forbidden) problems.push(`must not ship (${forbidden[1]}): ${path}`);
    if (/\.(node|so|dylib|dll)$/.test(path) && !statFile(archive, path, false).unpacked) problems.push(`native file packed inside the asar (must be unpacked): ${path}`);
  }
  if (files.includes(NATIVE_MODULE) && statFile(archive, NATIVE_MODULE, false).unpacked) {
    const onDisk = join(`${archive}.unpacked`, NATIVE_MODULE);
    if (!existsSync(onDisk)) problems.push(`the unpacked native module is missing on disk: ${onDisk}`);
  }
  if (files.includes('package.json')) {
    const { main } = JSON.parse(extractFile(archive, 'package.json').toString('utf8'));
    if (!files.includes(main)) problems.push(`package.json "main" (${main}) is not in the archive`);
    else {
      // The running code finds the backend process beside its own folder, inside the archive.
      const lookedFor = posix.join(posix.dirname(main), '..', 'backend-process', 'index.cjs');
      if (!BACKEND_LOOKUP.test(extractFile(archive, main).toString('utf8'))) problems.push(`${main} does not look for the backend process at <its folder>/../backend-process/index.cjs`);
      else if (!files.includes(lookedFor)) problems.push(`missing: ${lookedFor} (where ${main} starts the backend process)`);
    }
  }
  return { files, problems };
}

/** An executable stand-in for the Electron binary: electron-builder only copies and renames it. */
function makePlaceholderElectron() {
  mkdirSync(join(PLACEHOLDER_ELECTRON, 'resources'), { recursive: true });
  const binary = join(PLACEHOLDER_ELECTRON, 'electron');
  writeFileSync(binary, '#!/bin/sh\necho "placeholder Electron for the offline packaging smoke test: it does not run the app" >&2\nexit 1\n');
  chmodSync(binary, 0o755);
}

function packageApp(outDir) {
  for (const built of ['dist/main/index.cjs', 'dist/preload/index.cjs', BACKEND_PROCESS, 'dist/renderer/index.html']) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first.`);
  }
  makePlaceholderElectron();
  const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
  const run = spawnSync(process.execPath, [cli, '--linux', 'dir', '--config', CONFIG, `-c.directories.output=${outDir}`], {
    encoding: 'utf8',
    // Nothing here may need the network; the Electron npm package must not try to fetch its binary.
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  const log = `${run.stdout}${run.stderr}`;
  // electron-builder fetches missing tools and Electron zips by itself; offline that is a failure
  // waiting to happen, so any attempt is one.
  if (/\bdownloading\b/i.test(log)) throw new Error(`electron-builder tried to download something; the offline recipe no longer holds:\n${log}`);
  if (run.status !== 0) throw new Error(`electron-builder failed (exit ${run.status}):\n${log}`);
  const archive = join(outDir, 'linux-unpacked', 'resources', 'app.asar');
  if (!existsSync(archive)) throw new Error(`electron-builder finished but wrote no ${archive}:\n${log}`);
  return archive;
}

/**
 * Run the packaged backend process as the app would, from the archive's files (extracted, with
 * the unpacked native module where electron-builder put it): open a library, answer a call, close.
 */
async function checkBackendRuns(archive) {
  const root = mkdtempSync(join(tmpdir(), 'interview-desk-backend-'));
  try {
    const app = join(root, 'app');
    extractAll(archive, app); // takes unpacked files from app.asar.unpacked, as Electron reads them
    // What Electron gives a utilityProcess, made from Node's IPC (as the desktop harness does).
    const shim = join(root, 'parent-port.cjs');
    writeFileSync(shim, `const { EventEmitter } = require('node:events');
const port = new EventEmitter();
port.postMessage = (m) => process.send(m);
process.on('message', (data) => port.emit('message', { data }));
process.on('disconnect', () => process.exit(0));
process.parentPort = port;
`);
    const child = fork(join(app, BACKEND_PROCESS), [], { execArgv: ['--require', shim], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], cwd: root });
    const replies = [];
    child.on('message', (m) => replies.push(m));
    const waitFor = async (what, test) => {
      for (let i = 0; i < 300; i++) {
        const found = replies.find(test);
        if (found) return found;
        if (child.exitCode !== null) throw new Error(`the backend process ended (exit ${child.exitCode}) before ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`the backend process did not answer: ${what}`);
    };
    try {
      child.send({ kind: 'open', dataDir: join(root, 'library') });
      const opened = await waitFor('opening a library', (m) => m.kind === 'ready' || m.kind === 'failed');
      if (opened.kind === 'failed') throw new Error(`the backend process could not open a library: ${opened.message}`);
      child.send({ kind: 'call', id: 1, channel: 'library.list', input: {} });
      const listed = await waitFor('library.list', (m) => m.kind === 'reply' && m.id === 1);
      if (!listed.value?.ok) throw new Error(`library.list failed in the backend process: ${JSON.stringify(listed.value)}`);
      child.send({ kind: 'close', id: 2 });
      await waitFor('closing the library', (m) => m.kind === 'reply' && m.id === 2);
    } finally {
      child.kill();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const { values } = parseArgs({ options: { check: { type: 'string' } } });
const outDir = values.check ? null : mkdtempSync(join(tmpdir(), 'interview-desk-package-'));
try {
  const archive = values.check ?? packageApp(outDir);
  const { files, problems } = checkArchive(archive);
  if (problems.length > 0) {
    console.error(`package smoke test: ${archive} is not as it should be:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    if (!values.check) await checkBackendRuns(archive);
    console.log(`package smoke test: ${files.length} files in ${basename(archive)}: built code present; no sources, maps or tests; ${NATIVE_MODULE} unpacked beside it${values.check ? '' : '; the backend process opens a library from it'}`);
  }
} catch (err) {
  console.error(`package smoke test: ${err.message}`);
  process.exitCode = 1;
} finally {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}
