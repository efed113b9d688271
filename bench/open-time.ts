/**
 * Opening an interview: load-to-interactive and the JS heap afterwards, per fresh page load
 * (the method is described in BENCHMARKS.md, "What it does").
 */
import type { Browser } from '@playwright/test';
import { freshPage, heapAfterGc, type FreshPage } from './browser';
import type { EditorTarget } from './editor-targets';
import { installReadyProbe } from './page-probes';

export interface OpenSample {
  /** ms from navigation start until the frame showing every paragraph was done. */
  loadMs: number;
  heapMb: number;
  domNodes: number;
  /** Where the time went (ms since navigation start): the entry script received, the document's text requested and received. */
  scriptsReceivedMs: number | null;
  textRequestedMs: number | null;
  textReceivedMs: number | null;
}

/** From resource timing: the page's first script received, and the request that brought the text (`document.load` or the baseline's JSON). */
function loadBreakdown(): { scriptsReceivedMs: number | null; textRequestedMs: number | null; textReceivedMs: number | null } {
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  // The entry script; later ones (workers, lazy chunks) may arrive after the editor is ready.
  const script = resources.filter((r) => r.name.endsWith('.js')).sort((a, b) => a.startTime - b.startTime)[0];
  const text = resources.find((r) => r.name.includes('/api/document.load') || r.name.includes('/text.json'));
  return { scriptsReceivedMs: script?.responseEnd ?? null, textRequestedMs: text?.startTime ?? null, textReceivedMs: text?.responseEnd ?? null };
}

/** Time to wait after load before measuring the heap, so late work (timers, the first checks) settles. */
const SETTLE_MS = 500;

/** Load `target` in a fresh context; the page stays open for further measurements. */
export async function openEditor(browser: Browser, target: EditorTarget, timeoutMs: number): Promise<{ session: FreshPage; sample: OpenSample }> {
  const session = await freshPage(browser);
  const { page, cdp } = session;
  try {
    await page.addInitScript(installReadyProbe, { selector: target.paragraphs, count: target.paragraphCount });
    await page.goto(target.url);
    // Polled by interval, not per frame, so the wait adds no work to the frames being measured.
    await page.waitForFunction(() => window.__benchReady !== undefined, undefined, { polling: 200, timeout: timeoutMs });
    const loadMs = await page.evaluate(() => window.__benchReady!);
    const shown = await page.locator(target.paragraphs).count();
    if (shown !== target.paragraphCount) throw new Error(`${target.kind} shows ${shown} paragraphs, expected ${target.paragraphCount}`);
    await page.waitForTimeout(SETTLE_MS);
    const { heapMb, domNodes } = await heapAfterGc(cdp);
    return { session, sample: { loadMs, heapMb, domNodes, ...(await page.evaluate(loadBreakdown)) } };
  } catch (err) {
    await session.close();
    throw err;
  }
}
