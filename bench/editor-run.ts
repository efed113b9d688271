/**
 * One editor measured at one document size: a few fresh page loads (open time, heap), then typing
 * on the last one. For the app, typing runs in the requested mode with autosave on, and what was
 * typed is checked in the stored document afterwards.
 */
import { autosaveEffect, saveSerializationMs, storedParagraphs, waitUntilSaved, type AutosaveInBrowser } from './app-autosave';
import { launchBrowser } from './browser';
import { TYPING_MODES, type EditorTarget, type TypingMode } from './editor-targets';
import { openEditor, type OpenSample } from './open-time';
import { installSaveRecorder } from './page-probes';
import { median } from './stats';
import { measureTyping, type PositionLatency, type TypingPlan } from './typing-latency';

export interface EditorRunPlan {
  loads: number;
  typing: TypingPlan;
  mode: TypingMode;
  /** The stored interview's id (app only), to check that what was typed was saved. */
  documentId?: string;
  openTimeoutMs: number;
}

export interface EditorRun {
  kind: EditorTarget['kind'];
  paragraphs: number;
  mode: TypingMode;
  loads: OpenSample[];
  openMs: number;
  heapMb: number;
  domNodes: number;
  typing: PositionLatency[];
  autosave: AutosaveInBrowser | null;
}

export async function runEditor(target: EditorTarget, plan: EditorRunPlan): Promise<EditorRun> {
  const browser = await launchBrowser();
  try {
    const loads: OpenSample[] = [];
    for (let i = 0; i < plan.loads; i++) {
      const { session, sample } = await openEditor(browser, target, plan.openTimeoutMs);
      loads.push(sample);
      if (i < plan.loads - 1) {
        await session.close();
        continue;
      }
      const { page } = session;
      let autosave: AutosaveInBrowser | null = null;
      if (target.kind === 'app') {
        await TYPING_MODES[plan.mode].enter(page);
        await page.evaluate(installSaveRecorder);
      }
      const typing = await measureTyping(page, target, plan.typing);
      if (target.kind === 'app' && plan.documentId) {
        await waitUntilSaved(page);
        const stored = await storedParagraphs(page, plan.documentId);
        for (const r of typing) {
          const shown = await page.locator(target.paragraphs).nth(r.paragraph).textContent();
          if (stored[r.paragraph] !== shown) throw new Error(`app: paragraph ${r.paragraph} was not stored as typed`);
        }
        const saves = await page.evaluate(() => window.__benchSaves ?? []);
        autosave = autosaveEffect(
          saves,
          typing.flatMap((r) => r.samples),
          await saveSerializationMs(page, plan.documentId),
        );
      }
      await session.close();
      return {
        kind: target.kind,
        paragraphs: target.paragraphCount,
        mode: plan.mode,
        loads,
        openMs: median(loads.map((l) => l.loadMs)),
        heapMb: median(loads.map((l) => l.heapMb)),
        domNodes: median(loads.map((l) => l.domNodes)),
        typing,
        autosave,
      };
    }
    throw new Error('plan.loads must be at least 1');
  } finally {
    await browser.close();
  }
}
