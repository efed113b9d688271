// Bundle the Electron shell: main process and the sandboxed preload, each to one CommonJS file.
// 'electron' is provided by the runtime; better-sqlite3 stays a real dependency (native module).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: false, logLevel: 'warning' };

// The backend resolves better-sqlite3 for its worker from `import.meta.url`
// (electron/backend/foreign-db/sqlite-module-path.ts); CommonJS has no import.meta, so the main
// bundle gets its own file's URL in its place.
const importMetaUrl = {
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__bundleUrl' },
};

await build({ ...common, ...importMetaUrl, entryPoints: ['electron/main/index.ts'], outfile: 'dist/main/index.cjs', external: ['electron', 'better-sqlite3'] });
// A sandboxed preload may require only 'electron' (and a few builtins): everything else is inlined.
await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/preload/index.cjs', external: ['electron'] });
console.log('built dist/main/index.cjs and dist/preload/index.cjs');
