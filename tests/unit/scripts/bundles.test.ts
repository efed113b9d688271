/**
 * The desktop shell's bundles: a sandboxed preload can require only 'electron', so it must be one
 * self-contained CommonJS file; the main bundle loads no database code at all (the library runs
 * in the backend process); the backend process's bundle keeps the native better-sqlite3 external
 * and never loads 'electron'. Built into a folder of their own (SHELL_OUT_DIR), not over dist/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/api/channels';

const requires = (file: string) => [...new Set([...readFileSync(join(out, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))].sort();
const external = (file: string) => requires(file).filter((m) => !m!.startsWith('node:') && !builtinModules.includes(m!));

const out = mkdtempSync(join(tmpdir(), 'shell-bundles-'));
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-shell.mjs'], { stdio: 'pipe', env: { ...process.env, SHELL_OUT_DIR: out } });
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('shell bundles', () => {
  it('the preload is one CommonJS file that requires only electron and exposes every channel', () => {
    expect(requires('preload/index.cjs')).toEqual(['electron']);
    const text = readFileSync(join(out, 'preload/index.cjs'), 'utf8');
    expect(text).toContain('exposeInMainWorld');
    for (const channel of CHANNELS) expect(text).toContain(`"${channel}"`);
  });

  it('the main bundle loads only electron at run time: no database in the main process', () => {
    expect(external('main/index.cjs')).toEqual(['electron']);
  });

  it('the backend process bundle loads only better-sqlite3 at run time, never electron', () => {
    expect(external('backend-process/index.cjs')).toEqual(['better-sqlite3']);
  });
});
