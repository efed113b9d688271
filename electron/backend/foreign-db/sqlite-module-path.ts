/**
 * Where better-sqlite3 lives, for the examining worker (worker-source.ts) to `require` it by path:
 * an inline worker resolves bare names from the working directory, which may be anywhere.
 *
 * `import.meta.url` is this module's URL under vitest and tsx; in the desktop shell's CommonJS
 * bundle, scripts/build-shell.mjs defines it as the bundle's own URL, from which the same
 * `node_modules` is found.
 */
import { createRequire } from 'node:module';

let cached: string | null = null;

export function sqliteModulePath(): string {
  cached ??= createRequire(import.meta.url).resolve('better-sqlite3');
  return cached;
}
