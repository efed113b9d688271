/**
 * The caret is never under a sticky bar, on a 1366×768 laptop, keyboard only: a reporter typing
 * new turns at the end of a long interview must see the line being typed, not the word-count
 * footer over it. Each step that moves the caret (typing, Enter, Ctrl+Enter, find next, undo, a
 * decision at the caret) is followed by a check of the caret's box against every sticky bar's.
 * Ctrl+End goes to the very end of the text, so Ctrl+Enter after it adds a turn after the last one.
 */
import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { api, expectCaretClear, firstStart } from './page-actions';

test.use({ viewport: { width: 1366, height: 768 } });

// A library each: every test starts as a first start, with its own profile.
let host: RunningHost;
test.beforeEach(async () => {
  host = await startWebHost(newDataDir());
});
test.afterEach(async () => host.stop());

const body = (page: Page) => page.getByRole('textbox', { name: 'Interview body' });
const turns = (page: Page) => body(page).locator('.turn');

const QUESTION = 'What did the province do to bring in new members over the year, and how did it choose them?';
const ANSWER =
  'We went to every commune and every factory, and we asked the people who already work with us to name the ones they trust. ' +
  'Then we met each of them twice before the branch voted, so that nobody joined on a name alone.';

/** A long interview (40 turns, two paragraphs in each answer) ending in the guest's answer "… the last word." */
async function longInterview(page: Page): Promise<string> {
  const created = await api<{ doc: { id: string; meta: Record<string, unknown>; body: unknown[] }; revision: number }>(page, 'document.create', { language: 'en' });
  const doc = created.doc;
  doc.meta.headline = 'A year of new members';
  const turn = (speakerId: string, ...texts: string[]) => ({ type: 'turn', speakerId, children: texts.map((text) => ({ type: 'paragraph', children: [{ text }] })) });
  doc.body = [];
  for (let i = 1; i <= 20; i++) {
    doc.body.push(turn('p1', `${i}. ${QUESTION}`));
    doc.body.push(i === 20 ? turn('p2', ANSWER, 'This is the needle and the last word.') : turn('p2', ANSWER, ANSWER));
  }
  await api(page, 'document.save', { id: doc.id, baseRevision: created.revision, doc });
  return doc.id;
}

/** Open the interview and put the caret at the very end of the text, by keyboard. */
async function openAtEnd(page: Page, id: string): Promise<void> {
  await page.goto(`${host.url}#/doc/${id}`);
  await expect(turns(page)).toHaveCount(40);
  await body(page).focus();
  await page.keyboard.press('Control+End');
  await expectCaretClear(page, 'Ctrl+End');
}

test('typing, Enter, Ctrl+Enter and undo at the end of a long interview keep the caret clear of the bars', async ({ page }) => {
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  const id = await longInterview(page);
  await openAtEnd(page, id);

  // Ctrl+End is the very end: Ctrl+Enter adds the interviewer's turn after the last answer, which stays whole.
  await page.keyboard.press('Control+Enter');
  await expect(turns(page)).toHaveCount(41);
  await expect(turns(page).nth(39).locator('p')).toHaveText([ANSWER, 'This is the needle and the last word.']);
  await expect(turns(page).last()).toHaveAttribute('aria-label', 'Reporter');
  await expectCaretClear(page, 'Ctrl+Enter');

  // Typing a question long enough to wrap, line after line.
  for (const word of 'And what will the branch do next year, when the factories take on more workers from the other provinces?'.split(' ')) {
    await page.keyboard.type(`${word} `);
  }
  await expectCaretClear(page, 'typing');
  await page.keyboard.press('Enter');
  await expectCaretClear(page, 'Enter');
  await page.keyboard.type('A second paragraph of the question.');
  await expectCaretClear(page, 'typing a second paragraph');
  await page.keyboard.press('Control+Enter');
  await expect(turns(page)).toHaveCount(42);
  await expectCaretClear(page, 'Ctrl+Enter after typing');
  await page.keyboard.type('We will go on as before.');
  await expectCaretClear(page, 'typing the answer');

  // To the top and back by undo: the caret follows the undone words back to the end, in sight.
  await page.keyboard.press('Control+Home');
  await expectCaretClear(page, 'Ctrl+Home');
  await page.keyboard.press('Control+Z');
  await expect(turns(page).last()).not.toContainText('We will go on as before.');
  await expectCaretClear(page, 'undo');
});

test('Ctrl+Home goes to the very start of the text, Shift+Ctrl+End selects to the end', async ({ page }) => {
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  const id = await longInterview(page);
  await openAtEnd(page, id);
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Opening. ');
  await expect(turns(page).first().locator('p').first()).toHaveText(`Opening. 1. ${QUESTION}`);
  await expectCaretClear(page, 'typing at the start');
  await page.keyboard.press('Control+Shift+End');
  await expect.poll(() => page.evaluate(() => getSelection()?.toString().endsWith('the needle and the last word.'))).toBe(true);
  await expectCaretClear(page, 'Shift+Ctrl+End');
});

test('when the footer grows, the caret moves out from under it; scroll padding is the bars\' measured heights', async ({ page }) => {
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  const id = await longInterview(page);
  await openAtEnd(page, id);
  const padding = () =>
    page.evaluate(() => {
      const html = getComputedStyle(document.documentElement);
      // Over the text: the top bar, and the review bar and the editing tools stacked under it.
      const tops = ['header.topbar', '.review-bar', '.editor-toolbar'].map((s) => document.querySelector<HTMLElement>(s)!.offsetHeight);
      const dock = document.querySelector<HTMLElement>('.editor-dock')!;
      return { top: html.scrollPaddingTop, bottom: html.scrollPaddingBottom, topbar: `${tops.reduce((a, b) => a + b, 0)}px`, dock: `${dock.offsetHeight}px` };
    });
  let now = await padding();
  expect([now.top, now.bottom]).toEqual([now.topbar, now.dock]);
  // The footer takes two more lines (a longer count, a notice): 60 px more.
  await page.locator('.editor-dock').evaluate((el) => (el.style.paddingBottom = '60px'));
  await expectCaretClear(page, 'footer grown');
  now = await padding();
  expect([now.top, now.bottom]).toEqual([now.topbar, now.dock]);
  await page.keyboard.type(' More words.');
  await expectCaretClear(page, 'typing over a grown footer');
});

test('find next to a match near the bottom shows it clear of the find bar and the footer', async ({ page }) => {
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  const id = await longInterview(page);
  await page.goto(`${host.url}#/doc/${id}`);
  await body(page).focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  await page.keyboard.type('needle');
  await page.keyboard.press('Enter');
  const current = page.locator('.interview-body .find-current');
  await expect(current).toHaveText('needle');
  // Until the find bar is closed the caret is the current match: its box must be clear of the bars.
  await expect
    .poll(async () => {
      const match = (await current.boundingBox())!;
      const dock = (await page.locator('.editor-dock').boundingBox())!;
      const topbar = (await page.locator('header.topbar').boundingBox())!;
      return match.y >= topbar.y + topbar.height && match.y + match.height <= dock.y;
    })
    .toBe(true);
  // Escape gives the keyboard back to the text, on the match.
  await page.keyboard.press('Escape');
  await expect(body(page)).toBeFocused();
  await expectCaretClear(page, 'find, then Escape');
});

test('accepting and rejecting at the caret near the bottom keep the caret clear', async ({ page }) => {
  await firstStart(page, host.url, 'Minh', 'Editor');
  const id = await longInterview(page);
  await openAtEnd(page, id);
  await expect(page.getByRole('radio', { name: 'Suggesting' })).toBeChecked();
  const last = turns(page).last();

  // Suggested words after a new paragraph at the end of the last answer; accepted at the caret.
  await page.keyboard.press('Enter');
  await page.keyboard.type('Suggested one.');
  await expect(last.locator('ins')).toHaveText(['Suggested one.']);
  await expectCaretClear(page, 'suggesting after Enter');
  await page.keyboard.press('Control+Alt+Shift+KeyA');
  await expect(last.locator('ins')).toHaveCount(0);
  await expect(last.locator('p').last()).toHaveText('Suggested one.');
  await expectCaretClear(page, 'accept at the caret');

  // More suggested words right there, rejected at the caret.
  await page.keyboard.type(' Suggested two.');
  await expect(last.locator('ins')).toHaveText([' Suggested two.']);
  await page.keyboard.press('Control+Alt+Shift+KeyR');
  await expect(last.locator('ins')).toHaveCount(0);
  await expect(last.locator('p').last()).toHaveText('Suggested one.');
  await expectCaretClear(page, 'reject at the caret');
});
