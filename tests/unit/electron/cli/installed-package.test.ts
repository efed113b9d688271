/**
 * The built CLI as an installed package has it: bin/interview-desk.js, package.json and dist/cli/
 * (built here by scripts/build-cli.mjs into a temporary folder), with a node_modules holding only
 * the production dependencies (package.json's `dependencies` and theirs, as `npm install
 * --omit=dev` gives). No TypeScript loader, no dictionaries package, no zod: if the bundle reached
 * for a development dependency, or bin for the sources, these commands would fail.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURE_INTERVIEW, REPO_ROOT } from '../../../helpers/material';
import { tempDir } from '../../../helpers/temp-library';

// Builds the bundle and copies better-sqlite3 once, then runs child processes: slow on a loaded machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

interface PackageJson {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Where Node would find `name` from a package in `from`: its own node_modules, then each one above, up to the root's. */
function resolvePackage(name: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (relative(REPO_ROOT, dir) === '' || dir === dirname(dir)) throw new Error(`${name} is not installed (needed from ${from})`);
  }
}

/** The production dependencies, transitively: folders relative to the repository root. */
function productionPackages(): string[] {
  const found = new Set<string>();
  const visit = (packageDir: string) => {
    const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as PackageJson;
    const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})];
    for (const name of names) {
      let dir: string;
      try {
        dir = resolvePackage(name, packageDir);
      } catch (err) {
        if (pkg.optionalDependencies?.[name] !== undefined) continue;
        throw err;
      }
      const rel = relative(REPO_ROOT, dir);
      if (found.has(rel)) continue;
      found.add(rel);
      visit(dir);
    }
  };
  visit(REPO_ROOT);
  return [...found];
}

let pkg: { dir: string; cleanup: () => void };
const cleanups: Array<() => void> = [];

function cli(args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(pkg.dir, 'bin/interview-desk.js'), ...args], { cwd: pkg.dir, input, encoding: 'utf8', env: { ...process.env, INTERVIEW_DESK_CLI: '' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  pkg = tempDir('interview-desk-installed-');
  const built = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/build-cli.mjs')], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, CLI_OUT_DIR: join(pkg.dir, 'dist/cli') } });
  expect(built.status, built.stderr).toBe(0);
  mkdirSync(join(pkg.dir, 'bin'));
  cpSync(join(REPO_ROOT, 'bin/interview-desk.js'), join(pkg.dir, 'bin/interview-desk.js'));
  cpSync(join(REPO_ROOT, 'package.json'), join(pkg.dir, 'package.json'));
  const packages = productionPackages();
  // What the listing must hold for the library commands; the development tools must not be there.
  expect(packages).toContain('node_modules/better-sqlite3');
  expect(packages).not.toContain('node_modules/tsx');
  for (const rel of packages) {
    // better-sqlite3's C sources are not needed to run it (its built .node is).
    cpSync(join(REPO_ROOT, rel), join(pkg.dir, rel), { recursive: true, dereference: true, filter: (src) => !/better-sqlite3[\\/](deps|src)([\\/]|$)/.test(src) });
  }
});
afterAll(() => {
  cleanups.splice(0).forEach((f) => f());
  pkg?.cleanup();
});

describe('the CLI installed without development dependencies', () => {
  it('holds no development dependency and no source to fall back on', () => {
    for (const name of ['tsx', 'zod', 'nspell', 'dictionary-en', '@cspell/dict-vi-vn', 'esbuild']) expect(existsSync(join(pkg.dir, 'node_modules', name)), name).toBe(false);
    expect(existsSync(join(pkg.dir, 'electron'))).toBe(false);
  });

  it('prints its usage', () => {
    const run = cli(['--help']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Usage: interview-desk <command> \[options\]\n/);
    expect(run.stdout).toMatch(/\n {2}check <input\.txt\|-> /);
    expect(run.stderr).toBe('');
  });

  it('answers --help without reading any command’s code', () => {
    // The files the entry imports statically, transitively; every other file is some command's.
    const cli = join(pkg.dir, 'dist/cli');
    const loaded = new Set<string>();
    const follow = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const m of readFileSync(join(cli, file), 'utf8').matchAll(/^import\s[^;]*?from\s*"\.\/([^"]+)"/gms)) follow(m[1]!);
    };
    follow('index.mjs');
    const others = readdirSync(cli).filter((f) => f.endsWith('.mjs') && !loaded.has(f));
    // The five command modules at least, and the code they share, are not read for --help.
    expect(others.filter((f) => /^(convert|export-command|library|library-tools|recordings)-/.test(f))).toHaveLength(5);
    const aside = join(pkg.dir, 'aside');
    mkdirSync(aside);
    for (const f of others) renameSync(join(cli, f), join(aside, f));
    try {
      const run = spawnSync(process.execPath, [join(pkg.dir, 'bin/interview-desk.js'), '--help'], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Usage: interview-desk/);
    } finally {
      for (const f of others) renameSync(join(aside, f), join(cli, f));
      rmSync(aside, { recursive: true });
    }
  });

  it('converts agency text to another format', () => {
    const run = cli(['convert', FIXTURE_INTERVIEW, '--to', 'text']);
    expect(run.status, run.stderr).toBe(0);
    // The article back as agency text, byte for byte up to its byline (the web chrome after it is dropped).
    const article = readFileSync(FIXTURE_INTERVIEW, 'utf8');
    const byline = '\nMinh Trang\n';
    expect(run.stdout).toBe(article.slice(0, article.indexOf(byline) + byline.length));
  });

  it('checks a text with both dictionaries, read from the bundle’s own copies', () => {
    const run = cli(['check', FIXTURE_INTERVIEW]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`interview-desk: ${FIXTURE_INTERVIEW}: 3 errors and 0 warnings\n`);
    // The Vietnamese syllable list at work: the article's one misplaced tone mark, at its line:column.
    expect(run.stdout).toContain('note\ttext.misplaced-tone\t27:110 khaỏ → khảo\n');
    // The English speller at work: a misspelt English word in an English text, with a suggestion.
    const english = cli(['check', '-'], 'Reporter: How is the weather?\nMr Hai: It is beautifull today.\n');
    expect(english.stdout).toMatch(/\ttext\.[a-z-]+\t2:\d+ beautifull → beautiful/);
  });

  it('imports into a library and lists it', () => {
    const data = tempDir('interview-desk-installed-data-');
    cleanups.push(data.cleanup);
    const imported = cli(['import', FIXTURE_INTERVIEW, '--data-dir', data.dir]);
    expect(imported.status, imported.stderr).toBe(0);
    const id = imported.stdout.trim();
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    const listed = cli(['list', '--data-dir', data.dir]);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${id}\\tdraft\\t[0-9T:.Z-]+\\tQuảng Ngãi: Đưa nước sạch về các xã vùng cao, vượt mục tiêu Nghị quyết Đại hội Đảng bộ tỉnh đề ra\\n$`));
  });
});

describe('a checkout with the bundle built', () => {
  it('runs the bundle while no source changed since the build started, and the sources once one did', () => {
    // A checkout: a source the bundle was built from, beside it. There is no tsx in this
    // node_modules, so running the sources fails, and says so: that is how the test sees which ran.
    const source = join(pkg.dir, 'electron/cli/run.ts');
    mkdirSync(dirname(source), { recursive: true });
    writeFileSync(source, '// stands for the source\n');
    const inputs = join(pkg.dir, 'dist/cli/inputs.json');
    const startedAt = Date.parse('2026-01-02T00:00:00Z');
    writeFileSync(inputs, `${JSON.stringify({ startedAt, files: ['electron/cli/run.ts'] })}\n`);
    try {
      utimesSync(source, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
      expect(cli(['--help']).status).toBe(0);
      utimesSync(source, new Date('2026-01-03T00:00:00Z'), new Date('2026-01-03T00:00:00Z'));
      const stale = cli(['--help']);
      expect(stale.status).not.toBe(0);
      expect(stale.stderr).toMatch(/Cannot find package 'tsx'/);
      // A source the bundle was built from that is gone: the bundle is no longer what the sources say.
      writeFileSync(inputs, `${JSON.stringify({ startedAt, files: ['electron/cli/run.ts', 'electron/cli/gone.ts'] })}\n`);
      utimesSync(source, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
      expect(cli(['--help']).stderr).toMatch(/Cannot find package 'tsx'/);
    } finally {
      rmSync(join(pkg.dir, 'electron'), { recursive: true, force: true });
    }
  });
});
