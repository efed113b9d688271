/**
 * Starts the real browser-mode command (`tsx electron/webhost/cli.ts`) on a data folder and reads
 * the URL it prints, exactly as a user would run `npm run web -- --port 0 --data-dir <dir>`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningHost {
  url: string;
  /** The port it listens on (start another host on it to bring the same address back). */
  port: number;
  stop(): Promise<void>;
  /** Kill it outright (SIGKILL), as a crash or a power cut would: no clean close, the lock left behind. */
  crash(): Promise<void>;
}

export const newDataDir = (): string => mkdtempSync(join(tmpdir(), 'interview-desk-e2e-'));

export function startWebHost(dataDir: string, options: { port?: number } = {}): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/webhost/cli.ts', '--port', String(options.port ?? 0), '--data-dir', dataDir, '--renderer-dir', process.env.RENDERER_OUT_DIR ?? 'dist/renderer'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Interview Desk is running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (m) {
        clearTimeout(timer);
        const end = (signal: NodeJS.Signals) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          });
        resolve({ url: m[1]!, port: Number(new URL(m[1]!).port), stop: () => end('SIGTERM'), crash: () => end('SIGKILL') });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
}
