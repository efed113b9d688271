/**
 * Run one examination (worker-source.ts) in a worker thread, under a time limit.
 *
 * Why a worker: the backend answers every request on one thread, and a hostile file could make
 * SQLite or the JSON that follows work for a long time; in a worker, saves and every other request
 * are answered meanwhile. When the time is up the answer is given at once (`too_slow`) and the
 * worker is terminated. Termination stops JavaScript at once, but not a call that is inside
 * SQLite: that one ends when SQLite returns. The examination is ordered so that SQLite never runs
 * anything the file defines and only ever does work bounded by the file's size (worker-source.ts),
 * and the worker is unref'd, so a late one never keeps a process (the CLI) alive.
 */
import { Worker } from 'node:worker_threads';
import type { FormatKind, FoundHeader, RefusalReason, SqlValue, WorkerJob, WorkerMessage } from './types';
import { WORKER_SOURCE } from './worker-source';

export type WorkerOutcome =
  | { ok: true; found: FoundHeader }
  | { ok: false; reason: RefusalReason; findings: string[]; found: FoundHeader | null; code?: string | null };

export interface WorkerRun {
  job: WorkerJob;
  /** better-sqlite3's entry file (sqlite-module-path.ts). */
  sqlite: string;
  timeLimitMs: number;
  /** Each chunk of rows, in the order of the job's reads, with the kind of file they come from. */
  onRows: (table: string, rows: SqlValue[][], kind: FormatKind) => void;
  /** The worker's V8 heap, in MB: what it may hold while reading. */
  heapMb: number;
}

export function examineInWorker(run: WorkerRun): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { sqlite: run.sqlite, job: run.job },
      execArgv: [], // not the parent's loaders or flags: the source is plain CommonJS
      resourceLimits: { maxOldGenerationSizeMb: run.heapMb },
      stdout: true, // the worker prints nothing of its own; what a module might print is dropped
      stderr: true,
    });
    const finish = (outcome: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.unref();
      void worker.terminate().catch(() => undefined);
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'too_slow', findings: [], found: null }), run.timeLimitMs);
    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      if (message.type === 'rows') {
        try {
          run.onRows(message.table, message.rows, message.kind);
        } catch (err) {
          finish({ ok: false, reason: 'crashed', findings: [(err as Error).message], found: null });
        }
      } else if (message.type === 'done') finish({ ok: true, found: message.found });
      else if (message.type === 'refused') finish({ ok: false, reason: message.reason, findings: message.findings, found: message.found });
      else finish({ ok: false, reason: message.code?.startsWith('SQLITE_') ? 'unreadable' : 'crashed', findings: [message.message], found: message.found, code: message.code });
    });
    worker.on('error', (err) => finish({ ok: false, reason: 'crashed', findings: [err.message], found: null }));
    worker.on('exit', (code) => finish({ ok: false, reason: 'crashed', findings: [`the examining worker stopped (exit code ${code})`], found: null }));
  });
}
