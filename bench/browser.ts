/**
 * Chromium as the end-to-end tests run it: Debian's chromium, headless, with the launch flags and
 * viewport of playwright.config.ts (one source for both).
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import config from '../playwright.config';

export const VIEWPORT = config.use?.viewport ?? { width: 1280, height: 860 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ ...config.use?.launchOptions, headless: true });
}

export interface FreshPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

/**
 * tsx compiles the bench with esbuild's keepNames, which wraps named inner functions in a
 * `__name(fn, "name")` helper. Functions sent into the page (page-probes.ts) carry those calls
 * with them, so every page gets a do-nothing `__name` first.
 */
const KEEP_NAMES_SHIM = 'globalThis.__name = (fn) => fn;';

/** A page in a new browser context, so no cache or storage is shared between loads. */
export async function freshPage(browser: Browser): Promise<FreshPage> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
  await context.addInitScript({ content: KEEP_NAMES_SHIM });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, close: () => context.close() };
}

/** JS heap in use after a forced garbage collection, in MiB, and the page's DOM node count. */
export async function heapAfterGc(cdp: CDPSession): Promise<{ heapMb: number; domNodes: number }> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const domNodes = metrics.find((m) => m.name === 'Nodes')?.value ?? Number.NaN;
  return { heapMb: usedSize / 1048576, domNodes };
}
