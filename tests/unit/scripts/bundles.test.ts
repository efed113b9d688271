/**
 * The desktop shell's bundles: a sandboxed preload can require only 'electron', so it must be one
 * self-contained CommonJS file; the main bundle keeps the native better-sqlite3 external.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/api/channels';

const requires = (file: string) => [...new Set([...readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))].sort();

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-shell.mjs'], { stdio: 'pipe' });
}, 60_000);

describe('shell bundles', () => {
  it('the preload is one CommonJS file that requires only electron and exposes every channel', () => {
    expect(requires('dist/preload/index.cjs')).toEqual(['electron']);
    const text = readFileSync('dist/preload/index.cjs', 'utf8');
    expect(text).toContain('exposeInMainWorld');
    for (const channel of CHANNELS) expect(text).toContain(`"${channel}"`);
  });

  it('the main bundle loads electron and better-sqlite3 at run time and inlines the rest', () => {
    const external = requires('dist/main/index.cjs').filter((m) => !m!.startsWith('node:') && !builtinModules.includes(m!));
    expect(external).toEqual(['better-sqlite3', 'electron']);
  });
});
