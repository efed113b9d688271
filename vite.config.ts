import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The renderer build. Relative base: the same files are served from app://bundle/ (desktop)
// and from http://127.0.0.1:<port>/ (browser mode).
// RENDERER_OUT_DIR lets several checkouts' builds and e2e runs share a machine without clashing.
const outDir = resolve(import.meta.dirname, process.env.RENDERER_OUT_DIR ?? 'dist/renderer');

export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // The polyfill would be an inline script, which the CSP forbids.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
