/**
 * The packaging smoke test's archive check (scripts/package-smoke.mjs --check), on archives built
 * here with @electron/asar: a good layout passes; sources, maps, tests, a packed native module or
 * a wrong `main` fail, each named. (npm test also runs the full offline electron-builder package.)
 */
import { createPackageWithOptions } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const NATIVE = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';

const GOOD: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'interview-desk', main: 'dist/main/index.cjs' }),
  // As the bundle of electron/main/backend-fork.ts reads.
  'dist/main/index.cjs': 'require("electron"); var backendEntryFrom = (mainDir) => (0, import_node_path.join)(mainDir, "..", "backend-process", "index.cjs");',
  'dist/preload/index.cjs': 'require("electron")',
  'dist/backend-process/index.cjs': 'require("better-sqlite3")',
  'dist/renderer/index.html': '<!doctype html>',
  'dist/renderer/assets/index-abc.js': 'export {}',
  'node_modules/better-sqlite3/package.json': '{}',
  'node_modules/better-sqlite3/lib/index.js': 'module.exports = {}',
  'node_modules/better-sqlite3/lib/database.js': 'require("bindings")',
  'node_modules/bindings/bindings.js': 'require("file-uri-to-path")',
  'node_modules/file-uri-to-path/index.js': 'module.exports = {}',
  [NATIVE]: '\x7fELF',
};

/** Pack `files` into an app.asar the way electron-builder does (`unpack` globs left outside). */
async function archive(files: Record<string, string>, unpack?: string): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'asar-check-'));
  const src = join(root, 'app');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), text);
  }
  const dest = join(root, 'resources', 'app.asar');
  mkdirSync(dirname(dest), { recursive: true });
  await createPackageWithOptions(src, dest, unpack ? { unpack } : {});
  if (unpack) cpSync(join(src, NATIVE), join(`${dest}.unpacked`, NATIVE)); // as electron-builder lays it out
  return dest;
}

const check = (asar: string) => {
  const run = spawnSync(process.execPath, ['scripts/package-smoke.mjs', '--check', asar], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
};

describe('package smoke check', () => {
  it('passes the built code with the native module unpacked', async () => {
    const { status, output } = check(await archive(GOOD, '*.node'));
    expect(output).toContain('built code present');
    expect(status).toBe(0);
  });

  it('names sources, maps and tests that leaked into the archive', async () => {
    const leaked = { ...GOOD, 'electron/main/index.ts': '', 'dist/main/index.cjs.map': '{}', 'tests/unit/a.test.ts': '', 'node_modules/x/test.js': '', 'dist/renderer/assets/chunk.spec.js': '' };
    const { status, output } = check(await archive(leaked, '*.node'));
    expect(status).toBe(1);
    for (const path of ['electron/main/index.ts', 'dist/main/index.cjs.map', 'tests/unit/a.test.ts', 'node_modules/x/test.js', 'dist/renderer/assets/chunk.spec.js']) expect(output).toContain(path);
  });

  it('fails when the native module is packed inside the asar', async () => {
    const { status, output } = check(await archive(GOOD));
    expect(status).toBe(1);
    expect(output).toContain(`native file packed inside the asar (must be unpacked): ${NATIVE}`);
  });

  it('fails when built code is missing or package.json points elsewhere', async () => {
    const broken: Record<string, string> = { ...GOOD, 'package.json': JSON.stringify({ main: 'out/main.js' }) };
    delete broken['dist/preload/index.cjs'];
    const { status, output } = check(await archive(broken, '*.node'));
    expect(status).toBe(1);
    expect(output).toContain('missing: dist/preload/index.cjs');
    expect(output).toContain('package.json "main" (out/main.js) is not in the archive');
  });

  it('fails when the backend process is not where the main bundle starts it', async () => {
    const missing: Record<string, string> = { ...GOOD };
    delete missing['dist/backend-process/index.cjs'];
    const gone = check(await archive(missing, '*.node'));
    expect(gone.status).toBe(1);
    expect(gone.output).toContain('missing: dist/backend-process/index.cjs');

    const elsewhere = { ...GOOD, 'dist/main/index.cjs': 'require("electron"); var entry = (d) => (0, import_node_path.join)(d, "backend", "index.cjs");' };
    const moved = check(await archive(elsewhere, '*.node'));
    expect(moved.status).toBe(1);
    expect(moved.output).toContain('dist/main/index.cjs does not look for the backend process at <its folder>/../backend-process/index.cjs');
  });

  it('fails when what the foreign-file worker requires through better-sqlite3 is left out', async () => {
    const broken: Record<string, string> = { ...GOOD };
    delete broken['node_modules/bindings/bindings.js'];
    const { status, output } = check(await archive(broken, '*.node'));
    expect(status).toBe(1);
    expect(output).toContain('missing: node_modules/bindings/bindings.js (the foreign-file worker loads better-sqlite3 through it)');
  });
});
