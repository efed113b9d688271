/**
 * Autosave as the open app does it, seen from the renderer: when each save went out and came
 * back (page-probes installSaveRecorder), what serialising the document costs on the main thread,
 * which measured keys a save landed on, and a check that what was typed was stored.
 */
import type { Page } from '@playwright/test';
import type { KeySample, SaveCall } from './page-probes';
import { median, percentile } from './stats';

const SAVED_TIMEOUT_MS = 120_000;

/** Wait until the save status reads "Saved" (everything typed is stored). */
export async function waitUntilSaved(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: SAVED_TIMEOUT_MS });
}

/** The stored document's paragraph texts, read back through the API as the app would load it. */
export async function storedParagraphs(page: Page, id: string): Promise<string[]> {
  return page.evaluate(async (docId) => {
    const response = await fetch('/api/document.load', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: docId }) });
    const result = (await response.json()) as { ok: boolean; value: { doc: { body: { type: string; children: { type: string; children?: { text: string }[] }[] }[] } } };
    if (!result.ok) throw new Error('document.load failed');
    const out: string[] = [];
    for (const block of result.value.doc.body) for (const child of block.children) if (child.type === 'paragraph') out.push(child.children!.map((l) => l.text).join(''));
    return out;
  }, id);
}

/**
 * Main-thread cost of one autosave in the renderer: finding what changed and serialising the
 * request (renderer/src/document/autosaver.ts with shared/api/document-changes.ts; over IPC,
 * structured cloning costs the same order). For a one-paragraph edit that is a walk over the body
 * looking blocks up by identity, the small fields compared by value, and `document.saveChanges`
 * with one block. Median of 7.
 */
export async function saveSerializationMs(page: Page, id: string): Promise<number> {
  const times = await page.evaluate(async (docId) => {
    const response = await fetch('/api/document.load', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: docId }) });
    type Doc = { body: unknown[]; meta: unknown; participants: unknown; review?: unknown; comments?: unknown };
    const loaded = (await response.json()) as { value: { doc: Doc; revision: number } };
    const base = loaded.value.doc;
    const out: number[] = [];
    for (let i = 0; i < 7; i++) {
      const at = Math.floor(base.body.length / 2) + i;
      const next = { ...base, body: base.body.map((b, k) => (k === at ? { ...(b as object) } : b)) };
      const start = performance.now();
      // As shared/api/document-changes.ts changesBetween does it.
      const index = new Map<unknown, number>();
      base.body.forEach((b, k) => index.set(b, k));
      const splices: { start: number; deleteCount: number; blocks: unknown[] }[] = [];
      let kept = 0;
      let added: unknown[] = [];
      for (const block of next.body) {
        const k = index.get(block);
        if (k === undefined || k < kept) {
          added.push(block);
          continue;
        }
        if (k > kept || added.length > 0) splices.push({ start: kept, deleteCount: k - kept, blocks: added });
        added = [];
        kept = k + 1;
      }
      if (kept < base.body.length || added.length > 0) splices.push({ start: kept, deleteCount: base.body.length - kept, blocks: added });
      const fields: Record<string, unknown> = {};
      for (const key of ['meta', 'participants', 'review', 'comments'] as const) if (JSON.stringify(base[key]) !== JSON.stringify(next[key])) fields[key] = next[key];
      JSON.stringify({ id: docId, baseRevision: loaded.value.revision, baseLength: base.body.length, splices, fields });
      out.push(performance.now() - start);
    }
    return out;
  }, id);
  return median(times);
}

export interface AutosaveInBrowser {
  saves: number;
  /** Request sent → answer received, median (ms). */
  roundTripMs: number;
  /** Serialising the request on the renderer's main thread (ms). */
  serializeMs: number;
  /** Handing the request body to fetch, median (ms): also on the main thread. */
  handoffMs: number;
  /** Measured keys during whose keydown→frame a save was sent, and their key→frame (from the key's arrival). */
  keysHitBySave: number;
  /** Each save's channel and request size (characters). */
  requests: { channel: string; bodyChars: number }[];
  hitKeyToFrameMax: number;
  otherKeysToFrameP95: number;
}

export function autosaveEffect(saves: readonly SaveCall[], keys: readonly KeySample[], serializeMs: number): AutosaveInBrowser {
  // The request is serialised in the same task that sends it, just before `start`.
  const hit = (k: KeySample) => saves.some((s) => s.start + s.handoff >= k.eventTime && s.start - serializeMs <= k.frame);
  const hitKeys = keys.filter(hit);
  const others = keys.filter((k) => !hit(k));
  const sinceArrival = (k: KeySample) => k.frame - k.eventTime;
  const done = saves.filter((s) => Number.isFinite(s.end));
  return {
    saves: saves.length,
    roundTripMs: median(done.map((s) => s.end - s.start)),
    serializeMs,
    handoffMs: median(saves.map((s) => s.handoff)),
    keysHitBySave: hitKeys.length,
    requests: saves.map((s) => ({ channel: s.channel, bodyChars: s.bodyChars })),
    hitKeyToFrameMax: hitKeys.length > 0 ? Math.max(...hitKeys.map(sinceArrival)) : Number.NaN,
    otherKeysToFrameP95: percentile(others.map(sinceArrival), 95),
  };
}
