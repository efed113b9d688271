/**
 * Crash safety: a process autosaving in a loop is killed with SIGKILL at random moments, again
 * and again. After every kill the library must pass `PRAGMA integrity_check` and hold at least
 * the last save the writer acknowledged (WAL + synchronous=FULL + one transaction per save).
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/temp-library';
import { readDocumentText } from '../../../../electron/backend/document-store';

const KILLS = Number(process.env.CRASH_KILLS ?? 50);
let work: ReturnType<typeof tempDir>;
let childScript: string;

beforeAll(async () => {
  work = tempDir('interview-desk-crash-');
  // Bundled once so each of the many child processes starts in milliseconds; written under
  // node_modules so that it finds the native better-sqlite3 module.
  childScript = join(process.cwd(), 'node_modules', '.cache', 'interview-desk-tests', `autosave-child-${process.pid}.mjs`);
  await build({ entryPoints: ['tests/helpers/autosave-child.ts'], bundle: true, platform: 'node', format: 'esm', outfile: childScript, external: ['better-sqlite3'], logLevel: 'silent',
    // CommonJS dependencies bundled into ESM need a require for Node's built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" } });
}, 60_000);
afterAll(() => {
  work.cleanup();
  rmSync(childScript, { force: true });
});

/** Run the writer until `killAfterAcks` saves were acknowledged plus `extraMs`, then SIGKILL it. */
function runAndKill(dataDir: string, killAfterAcks: number, extraMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastAck = -1;
    let acks = 0;
    let buffered = '';
    let stderr = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const m = /^ack (\d+)$/.exec(line);
        if (m) {
          lastAck = Number(m[1]);
          acks++;
        }
      }
      if (!armed && acks >= killAfterAcks) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(lastAck);
      else reject(new Error(`writer exited on its own (code ${code}): ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs during autosave with the last acknowledged save intact`, async () => {
    const dataDir = join(work.dir, 'library');
    const rng = fc.sample(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 40 })), { numRuns: KILLS, seed: 20261127 });
    let highest = 0;
    for (const [acks, extraMs] of rng) {
      const lastAck = await runAndKill(dataDir, acks, extraMs);
      const db = new Database(join(dataDir, 'library.sqlite'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const id = db.prepare('SELECT id FROM document').pluck().get() as string;
        const first = (JSON.parse(readDocumentText(db, id)!) as { body: { children: { text: string }[] }[] }).body[0]!;
        const stored = Number(first.children[0]!.text.replace(/\D/g, ''));
        expect(stored).toBeGreaterThanOrEqual(lastAck);
        expect(stored).toBeGreaterThanOrEqual(highest);
        highest = stored;
      } finally {
        db.close();
      }
    }
    expect(highest).toBeGreaterThan(KILLS); // the writer made progress across restarts
  }, 300_000);
});
