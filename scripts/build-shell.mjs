// Bundle the Electron shell: main process and the sandboxed preload, each to one CommonJS file.
// 'electron' is provided by the runtime; better-sqlite3 stays a real dependency (native module).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: false, logLevel: 'warning' };

await build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/main/index.cjs', external: ['electron', 'better-sqlite3'] });
// A sandboxed preload may require only 'electron' (and a few builtins): everything else is inlined.
await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/preload/index.cjs', external: ['electron'] });
console.log('built dist/main/index.cjs and dist/preload/index.cjs');
