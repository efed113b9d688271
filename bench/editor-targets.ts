/**
 * What the browser measurements run against: the app (through the web host, on a stored
 * interview) or the plain contenteditable baseline, and how to find each one's editor.
 */
import type { Page } from '@playwright/test';
import { wavFileInPage } from '../tests/helpers/wav';
import { BASELINE_EDITOR, BASELINE_PARAGRAPHS } from './baseline-page';

export interface EditorTarget {
  kind: 'app' | 'contenteditable';
  url: string;
  /** The editable root. */
  editor: string;
  /** The paragraphs, in document order. */
  paragraphs: string;
  paragraphCount: number;
}

export const appTarget = (hostUrl: string, documentId: string, paragraphCount: number): EditorTarget => ({
  kind: 'app',
  url: `${hostUrl}#/doc/${documentId}`,
  editor: '[data-slate-editor]',
  paragraphs: '[data-slate-editor] p[data-slate-node="element"]',
  paragraphCount,
});

export const baselineTarget = (url: string, paragraphCount: number): EditorTarget => ({
  kind: 'contenteditable',
  url,
  editor: BASELINE_EDITOR,
  paragraphs: BASELINE_PARAGRAPHS,
  paragraphCount,
});

/**
 * The editing modes typing is measured in. Suggesting (tracked changes; docs/ARCHITECTURE.md, "Review") is entered
 * through the real control, the "Suggesting" radio of the review bar; the bench reports
 * `typing_p95_ms_suggesting` as it does Editing, on its own copy of the 2,000-paragraph interview
 * (the typed keys become one pending insertion, checked in the stored document afterwards).
 */
export const TYPING_MODES = {
  editing: { available: true, note: '', enter: async (_page: Page): Promise<void> => undefined },
  suggesting: {
    available: true,
    note: '',
    enter: async (page: Page): Promise<void> => {
      // Suggesting records its author: without a profile (the bench's library has none) the app asks
      // for a name first (renderer/src/profile/ask-name.ts), answered here as a user would.
      const radio = page.getByRole('radio', { name: 'Suggesting' });
      await radio.click();
      const ask = page.getByRole('dialog', { name: 'Your name' });
      await Promise.race([ask.waitFor({ state: 'visible', timeout: 30_000 }), page.waitForFunction(() => (document.querySelector('input[type=radio][value=suggesting]') as HTMLInputElement | null)?.checked === true, undefined, { timeout: 30_000 })]).catch(() => undefined);
      if (await ask.isVisible()) {
        await ask.getByRole('textbox', { name: 'Display name' }).fill('Bench');
        await ask.getByRole('button', { name: 'Continue' }).click();
        await ask.waitFor({ state: 'detached', timeout: 30_000 });
      }
      await radio.waitFor({ state: 'visible' });
      if (!(await radio.isChecked())) throw new Error('bench: Suggesting mode was not entered');
    },
  },
  // Typing while the recording plays (media/Player.tsx): a 10-minute WAV made in the page is
  // dropped on the interview (attached as a user's drop would), then F8 plays it for the whole run.
  playing: {
    available: true,
    note: '',
    enter: async (page: Page): Promise<void> => {
      const file = await page.evaluateHandle(wavFileInPage, { seconds: 600, name: 'bench.wav', tone: 'swell' as const });
      await page.evaluate((file) => {
        const dt = new DataTransfer();
        dt.items.add(file);
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, file);
      const play = page.getByRole('region', { name: 'Recording' }).getByRole('button', { name: 'Play' });
      await play.waitFor({ state: 'visible', timeout: 60_000 });
      await page.waitForFunction(() => !(document.querySelector('.player-play') as HTMLButtonElement | null)?.disabled, undefined, { timeout: 60_000 });
      await page.keyboard.press('F8');
      await page.waitForFunction(() => {
        const audio = document.querySelector<HTMLAudioElement>('.player audio');
        return !!audio && !audio.paused && audio.currentTime > 0.5;
      }, undefined, { timeout: 30_000 });
    },
  },
} as const satisfies Record<string, { available: boolean; note: string; enter: (page: Page) => Promise<void> }>;

export type TypingMode = keyof typeof TYPING_MODES;
