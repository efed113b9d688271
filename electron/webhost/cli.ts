/**
 * `npm run web -- --port <port> --data-dir <dir>`: browser mode on 127.0.0.1. `--port 0` picks
 * a free port. The URL is printed on its own line as `Interview Desk is running at <url>`.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../backend/paths';
import { openRecoverableSession } from '../backend/library-recovery';
import { startWebHost } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4517' },
    'data-dir': { type: 'string' },
    'renderer-dir': { type: 'string', default: 'dist/renderer' },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not ${values.port}`);
  process.exit(2);
}

const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
try {
  // A damaged library still starts the host: the page then offers to restore a backup.
  const session = await openRecoverableSession(dataDir);
  const host = await startWebHost({ ctx: session.ctx, rendererDir: resolve(values['renderer-dir']), port });
  if (session.ctx.library?.damage) console.error(`The library is damaged; the page offers to restore a backup. ${session.ctx.library.damage}`);
  // Handlers first, then the URL: whoever reads the URL may stop us at once, and a stop must
  // always close the library cleanly (checkpointed, lock released).
  const stop = () => {
    void host.close().then(() => {
      session.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`Interview Desk is running at ${host.url}`);
  console.log(`Library: ${dataDir}   (Ctrl+C to stop)`);
} catch (err) {
  console.error(`Interview Desk could not start: ${(err as Error).message}`);
  process.exit(1);
}
