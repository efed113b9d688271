// `npm start`: build, then open the desktop app where Electron can run; otherwise start browser
// mode on the same backend and print its URL. `npm start -- --web` forces browser mode.
import { execSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);
const forceWeb = args.includes('--web');
const passThrough = args.filter((a) => a !== '--web');

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

/** Path of a runnable Electron binary, downloading it once if this machine can; null otherwise. */
function electronBinary() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') return null;
  // require('electron') returns the binary's path, downloading it on first use.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', timeout: 300_000 });
  const path = probe.status === 0 ? probe.stdout.trim() : '';
  return path && existsSync(path) ? path : null;
}

const electron = forceWeb ? null : electronBinary();
if (electron) {
  run('npm run build');
  // The desktop app needs better-sqlite3 built for Electron's ABI (`npm test` rebuilds it for Node).
  run('npx electron-builder install-app-deps');
  const child = spawn(electron, ['.', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!forceWeb) console.log('Electron cannot run on this machine (its binary is not available); starting browser mode instead.');
  run('node scripts/ensure-native.mjs');
  run('npx vite build --logLevel warn');
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/webhost/cli.ts', ...passThrough], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
