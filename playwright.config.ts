import { chromium, defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The browser the end-to-end tests drive: `CHROMIUM_PATH` if set, else a Chromium on the PATH
 * (Debian's `chromium`, as CI installs it), else the browser Playwright downloads for itself.
 * Without any of them the run stops at once with one line naming both ways to get one.
 */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      // not on the PATH: try the next name
    }
  }
  if (existsSync(chromium.executablePath())) return undefined; // Playwright's own browser
  console.error('No Chromium for the browser tests: install one on the PATH (apt-get install chromium) or Playwright\'s own (npx playwright install chromium), or set CHROMIUM_PATH.');
  process.exit(1);
}

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    locale: 'en-US',
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      executablePath: chromiumPath(),
      // A closed network: keep Chromium from trying to reach Google's services.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
