// Bundle the command-line tool (electron/cli/run.ts) into plain JavaScript in dist/cli/, which
// bin/interview-desk.js runs with Node alone: no TypeScript loader at run time, so
// `interview-desk --help` starts at once. Everything but better-sqlite3 (a native module, the one
// production dependency) is inlined, and the dictionaries `check` reads are copied beside it
// (dist/cli/dictionaries/), so an installed package needs no development dependency.
// ES modules with code splitting, not one CommonJS file as the shell: run.ts imports each command's
// module when that command runs, and split, those modules are separate files that `--help` never
// reads (one 1.3 MB file cost ~150 ms more to start, all of it parsing). Entry: dist/cli/index.mjs;
// the rest are chunks beside it, so `import.meta.url` is dist/cli/ in every one of them (backend code
// resolves better-sqlite3 from it; electron/cli/dictionary-files.ts finds dictionaries/ by it).
// dist/cli/inputs.json lists the files the bundle was built from: in a checkout, bin compares
// their times with the build's start and runs the sources instead when any was changed since.
// CLI_OUT_DIR builds somewhere other than dist/cli (a test builds into a temporary folder).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, process.env.CLI_OUT_DIR ?? 'dist/cli');

// Sources are compared with the time the build started, not with when its files were written: a
// source saved while esbuild ran may not be in the bundle, and must make it stale.
const startedAt = Date.now();
rmSync(out, { recursive: true, force: true });
const result = await build({
  entryPoints: { index: join(root, 'electron/cli/run.ts') },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  metafile: true,
  external: ['better-sqlite3'],
  // Bundled CommonJS dependencies (nspell) call require(); an ES module has none of its own.
  banner: { js: 'import { createRequire as __cliCreateRequire } from "node:module"; const require = __cliCreateRequire(import.meta.url);' },
});

// The names match BUNDLED_NAMES in electron/cli/dictionary-files.ts; the licences travel with them.
const require = createRequire(import.meta.url);
const vietnamese = dirname(require.resolve('@cspell/dict-vi-vn/cspell-ext.json'));
const english = dirname(require.resolve('dictionary-en'));
const dictionaries = join(out, 'dictionaries');
mkdirSync(dictionaries, { recursive: true });
for (const [from, to] of [
  [join(vietnamese, 'vi.trie.gz'), 'vi.trie.gz'],
  [join(vietnamese, 'LICENSE'), 'vi.LICENSE'],
  [join(english, 'index.aff'), 'en.aff'],
  [join(english, 'index.dic'), 'en.dic'],
  [join(english, 'license'), 'en.LICENSE'],
]) {
  copyFileSync(from, join(dictionaries, to));
}

// The repository's own files, relative to its root (dependencies are read through node_modules,
// which may be a link elsewhere: the lock file stands for them).
const files = [
  ...Object.keys(result.metafile.inputs)
    .map((p) => relative(root, resolve(root, p)).split('\\').join('/'))
    .filter((p) => !p.startsWith('../') && !p.startsWith('node_modules/')),
  'package-lock.json',
];
writeFileSync(join(out, 'inputs.json'), `${JSON.stringify({ startedAt, files })}\n`);
console.log(`built ${relative(root, out)}/index.mjs (${files.length} source files) and its dictionaries`);
