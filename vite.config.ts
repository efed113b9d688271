import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The renderer build. Relative base: the same files are served from app://bundle/ (desktop)
// and from http://127.0.0.1:<port>/ (browser mode).
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // The polyfill would be an inline script, which the CSP forbids.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
