// Bundle the Electron shell, each part to one CommonJS file: the main process, the sandboxed
// preload, and the backend process (the library, run by main as an Electron utilityProcess).
// 'electron' is provided by the runtime; better-sqlite3 stays a real dependency (native module).
// SHELL_OUT_DIR puts the three folders somewhere other than dist/ (to build beside a running test).
import { build } from 'esbuild';
import { join } from 'node:path';

const out = process.env.SHELL_OUT_DIR ?? 'dist';
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: false, logLevel: 'warning' };

// The backend resolves better-sqlite3 for its worker from `import.meta.url`
// (electron/backend/foreign-db/sqlite-module-path.ts); CommonJS has no import.meta, so each bundle
// that holds backend code gets its own file's URL in its place.
const importMetaUrl = {
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__bundleUrl' },
};

await build({ ...common, ...importMetaUrl, entryPoints: ['electron/main/index.ts'], outfile: join(out, 'main/index.cjs'), external: ['electron', 'better-sqlite3'] });
// A sandboxed preload may require only 'electron' (and a few builtins): everything else is inlined.
await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: join(out, 'preload/index.cjs'), external: ['electron'] });
// Where main looks for it: electron/main/backend-fork.ts (backendEntryFrom). It never imports 'electron'.
await build({ ...common, ...importMetaUrl, entryPoints: ['electron/backend-process/entry.ts'], outfile: join(out, 'backend-process/index.cjs'), external: ['better-sqlite3'] });
console.log(`built ${out}/main/index.cjs, ${out}/preload/index.cjs and ${out}/backend-process/index.cjs`);
