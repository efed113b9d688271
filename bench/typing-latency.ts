/**
 * Typing latency, as the bench defines it: from the keydown event to the end of the next frame
 * (MutationObserver + requestAnimationFrame + a task posted from that frame), per caret position.
 * Keys are sent one at a time; the next one goes as soon as the previous one's frame is done.
 */
import type { Page } from '@playwright/test';
import type { EditorTarget } from './editor-targets';
import { installTypingProbe, paragraphText, placeCaret, type CaretPosition, type KeySample } from './page-probes';
import { median, percentile } from './stats';

export interface TypingPlan {
  positions: readonly CaretPosition[];
  /** Measured keys per position. */
  keys: number;
  /** Keys typed first at each position and not counted (the first key after placing the caret also syncs Slate's selection). */
  warmup: number;
}

export interface PositionLatency {
  position: CaretPosition;
  paragraph: number;
  keys: number;
  keyToRafP50: number;
  keyToRafP95: number;
  keyToFrameP50: number;
  keyToFrameP95: number;
  keyToFrameMax: number;
  keyToMutationP50: number;
  /** How long keys waited behind other work before the keydown listener ran (event.timeStamp → listener), p95. */
  queueP95: number;
  /** The measured keys, for correlating with autosaves (page clock, ms). */
  samples: KeySample[];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Slate reads the DOM selection on `selectionchange`, throttled; give it time to settle. */
const CARET_SETTLE_MS = 300;
const KEY_TIMEOUT_MS = 60_000;

const paragraphIndex = (position: CaretPosition, count: number) => (position === 'start' ? 0 : position === 'end' ? count - 1 : Math.floor(count / 2));

export async function measureTyping(page: Page, target: EditorTarget, plan: TypingPlan): Promise<PositionLatency[]> {
  await page.evaluate(installTypingProbe);
  const results: PositionLatency[] = [];
  for (const position of plan.positions) {
    const index = paragraphIndex(position, target.paragraphCount);
    const caret = await page.evaluate(placeCaret, { editor: target.editor, paragraphs: target.paragraphs, index, position });
    await page.waitForTimeout(CARET_SETTLE_MS);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.evaluate(() => window.__benchTyping!.take());

    let typed = '';
    const total = plan.warmup + plan.keys;
    for (let i = 0; i < total; i++) {
      const key = LETTERS[i % LETTERS.length]!;
      await page.keyboard.type(key);
      typed += key;
      await page.evaluate(([n, timeout]) => window.__benchTyping!.whenCount(n, timeout), [i + 1, KEY_TIMEOUT_MS] as const);
    }
    const samples = (await page.evaluate(() => window.__benchTyping!.take())).slice(plan.warmup);

    // The keys must have landed where the caret was put, in order.
    const text = await page.evaluate(paragraphText, { paragraphs: target.paragraphs, index });
    if (text !== caret.before + typed + caret.after) {
      throw new Error(`${target.kind}: typing at the ${position} did not give the expected text in paragraph ${index}:\n${text.slice(0, 200)}`);
    }
    const ms = (pick: (s: KeySample) => number) => samples.map(pick);
    const toFrame = ms((s) => s.frame - s.keydown);
    const toRaf = ms((s) => s.raf - s.keydown);
    results.push({
      position,
      paragraph: index,
      keys: samples.length,
      keyToRafP50: median(toRaf),
      keyToRafP95: percentile(toRaf, 95),
      keyToFrameP50: median(toFrame),
      keyToFrameP95: percentile(toFrame, 95),
      keyToFrameMax: Math.max(...toFrame),
      keyToMutationP50: median(ms((s) => s.mutation - s.keydown)),
      queueP95: percentile(ms((s) => s.keydown - s.eventTime), 95),
      samples,
    });
  }
  return results;
}

/** The worst caret position: the one with the highest key→frame p95 (the reported value). */
export function worstPosition(results: readonly PositionLatency[]): PositionLatency {
  return results.reduce((worst, r) => (r.keyToFrameP95 > worst.keyToFrameP95 ? r : worst));
}
