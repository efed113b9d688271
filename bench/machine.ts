/** What the numbers were measured on: machine, versions, and the commit of the code measured. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { basename, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SEED_TEXT } from './vocabulary';

const ROOT = resolve(import.meta.dirname, '..');

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(resolve(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Read-only git queries: the commit, and whether the working tree differs from it. */
function commit(): { commit: string; uncommittedChanges: boolean | null } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const head = git('rev-parse', 'HEAD');
    let dirty: boolean | null = null;
    try {
      dirty = git('diff', '--name-only', 'HEAD') !== '';
    } catch {
      dirty = null;
    }
    return { commit: head, uncommittedChanges: dirty };
  } catch {
    return { commit: 'unknown', uncommittedChanges: null };
  }
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  loadAverageAtStart: number[];
}

export function machineInfo(): MachineInfo {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function versions(browserVersion: string): Record<string, string> {
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  return {
    node: process.version,
    chromium: browserVersion,
    playwright: packageVersion('playwright-core'),
    react: packageVersion('react'),
    slate: packageVersion('slate'),
    'slate-react': packageVersion('slate-react'),
    'slate-history': packageVersion('slate-history'),
    'better-sqlite3': packageVersion('better-sqlite3'),
    sqlite,
    vite: packageVersion('vite'),
    typescript: packageVersion('typescript'),
    // The generated inputs' words: results are comparable only between runs on the same article.
    vocabulary: basename(SEED_TEXT),
  };
}

export const codeVersion = commit;
