/**
 * Desktop smoke test: launches the real Electron app. Electron's binary is downloaded lazily and
 * cannot be fetched on offline build machines, so this test is skipped there, with the reason.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

function electronBinary(): string | null {
  try {
    const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(pkg, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test('desktop app opens its window on the app:// origin', async () => {
  const reason = 'Electron binary not installed (offline machine): desktop smoke test skipped; browser-mode e2e covers the renderer.';
  if (binary === null) console.log(`SKIPPED: ${reason}`);
  test.skip(binary === null, reason);
  const app = await electron.launch({ executablePath: binary!, args: ['.'] });
  const win = await app.firstWindow();
  expect(win.url()).toMatch(/^app:\/\/bundle\//);
  await expect(win.getByRole('button', { name: 'New interview' })).toBeVisible();
  await app.close();
});
