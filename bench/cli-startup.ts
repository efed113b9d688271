/**
 * How long `interview-desk --help` takes, as a user starts it: a new Node process running
 * bin/interview-desk.js, through the built bundle and through the sources with tsx, beside an
 * empty Node process (what any command pays before its first line of code, and what shows how
 * loaded the machine is).
 *
 * The bundle is built into a temporary package that looks like a checkout: bin, package.json and a
 * fresh dist/cli/ (scripts/build-cli.mjs), with the repository's sources and node_modules linked in,
 * so bin makes the same freshness check (a stat of every source) it makes in a checkout.
 *
 * Cold: every run with an empty temporary folder, where tsx keeps its compiled files (so the tsx
 * path compiles every source again, as after a change or on a fresh machine); warm: the temporary
 * folder of the previous runs. The built path keeps no cache, so its two figures differ by noise.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, round } from './stats';

const ROOT = resolve(import.meta.dirname, '..');

export interface CliStartup {
  runs: number;
  /** Medians (ms): an empty `node -e ''`, and `--help` through the bundle and through tsx, cold and warm. */
  nodeEmptyMs: number;
  builtColdMs: number;
  builtWarmMs: number;
  tsxColdMs: number;
  tsxWarmMs: number;
  /** The 1-minute load average before and after the runs. */
  loadAverage: [number, number];
}

function wallMs(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${run.stderr}`);
  return ms;
}

/** A checkout-like package with the bundle just built; removed by the returned function. */
function builtCheckout(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(ROOT, 'bin/interview-desk.js'), join(dir, 'bin/interview-desk.js'));
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  for (const linked of ['electron', 'shared', 'node_modules', 'package-lock.json']) symlinkSync(join(ROOT, linked), join(dir, linked));
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, env: { ...process.env, CLI_OUT_DIR: join(dir, 'dist/cli') }, stdio: 'ignore' });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function measureCliStartup(runs: number): CliStartup {
  const loadBefore = loadavg()[0]!;
  const checkout = builtCheckout();
  const bin = join(checkout.dir, 'bin/interview-desk.js');
  const warmTmp = mkdtempSync(join(tmpdir(), 'bench-cli-warm-'));
  const base = { ...process.env, INTERVIEW_DESK_CLI: '' };
  const warmEnv = { ...base, TMPDIR: warmTmp };
  const sourcesEnv = { INTERVIEW_DESK_CLI: 'sources' };
  const samples = { nodeEmpty: [] as number[], builtCold: [] as number[], builtWarm: [] as number[], tsxCold: [] as number[], tsxWarm: [] as number[] };
  try {
    // One of each first, so the warm runs find what they keep (and the files are in the page cache).
    wallMs([bin, '--help'], warmEnv);
    wallMs([bin, '--help'], { ...warmEnv, ...sourcesEnv });
    // Interleaved, so a change in the machine's load falls on every kind alike.
    for (let i = 0; i < runs; i++) {
      const coldTmp = mkdtempSync(join(tmpdir(), 'bench-cli-cold-'));
      try {
        samples.nodeEmpty.push(wallMs(['-e', ''], warmEnv));
        samples.builtCold.push(wallMs([bin, '--help'], { ...base, TMPDIR: coldTmp }));
        samples.builtWarm.push(wallMs([bin, '--help'], warmEnv));
        samples.tsxCold.push(wallMs([bin, '--help'], { ...base, ...sourcesEnv, TMPDIR: coldTmp }));
        samples.tsxWarm.push(wallMs([bin, '--help'], { ...warmEnv, ...sourcesEnv }));
      } finally {
        rmSync(coldTmp, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(warmTmp, { recursive: true, force: true });
    checkout.remove();
  }
  return {
    runs,
    nodeEmptyMs: median(samples.nodeEmpty),
    builtColdMs: median(samples.builtCold),
    builtWarmMs: median(samples.builtWarm),
    tsxColdMs: median(samples.tsxCold),
    tsxWarmMs: median(samples.tsxWarm),
    loadAverage: [round(loadBefore), round(loadavg()[0]!)],
  };
}
