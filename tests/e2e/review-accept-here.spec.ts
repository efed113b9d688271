/**
 * Accept at the caret takes exactly what the caret is in (issue 14). The reported case: an editor, in
 * Suggesting, strikes a sentence in the last answer and gives that turn to another speaker (Alt+2);
 * the reporter puts the caret in the struck sentence and presses Ctrl+Alt+Shift+A. Only the deletion
 * may be accepted: the speaker change stays pending, and the status says what was taken. One undo
 * brings the deletion back.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { api, firstStart, selectText, setProfile } from './page-actions';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

const body = (page: Page) => page.getByRole('textbox', { name: 'Interview body' });
const turns = (page: Page) => body(page).locator('.turn');
const lastAnswer = (page: Page) => turns(page).last().locator('p').first();
/** The status after a decision: a polite live region (renderer/src/review/DecisionStatus.tsx). */
const decisionStatus = (page: Page) => page.locator('.review-status[aria-live="polite"]');

/** An interview with a second guest, Ms Lan, who gives the last answer. */
async function createInterview(page: Page): Promise<string> {
  const created = await api<{ doc: { id: string; meta: Record<string, unknown>; participants: unknown[]; body: unknown[] }; revision: number }>(page, 'document.create', { language: 'en' });
  const doc = created.doc;
  doc.meta.headline = 'Planning ahead';
  doc.participants.push({ id: 'p3', label: 'Ms Lan', fullName: 'Lan', title: 'Director', role: 'interviewee' });
  const turn = (speakerId: string, text: string) => ({ type: 'turn', speakerId, children: [{ type: 'paragraph', children: [{ text }] }] });
  doc.body = [turn('p1', 'What did you do?'), turn('p3', 'We planned.'), turn('p1', 'And then?'), turn('p3', 'We plan ahead. We hired staff. We train them.')];
  await api(page, 'document.save', { id: doc.id, baseRevision: created.revision, doc });
  return doc.id;
}

/** Select from the start of `from` in one element to the end of `to` in another, as a drag would. */
async function selectAcross(start: Locator, from: string, end: Locator, to: string): Promise<void> {
  const startHandle = await start.elementHandle();
  await end.evaluate(
    (endEl, [startEl, a, b]) => {
      const place = (el: Element, text: string, atEnd: boolean) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          const i = n.data.indexOf(text);
          if (i >= 0) return [n, atEnd ? i + text.length : i] as const;
        }
        throw new Error(`no "${text}"`);
      };
      const range = document.createRange();
      range.setStart(...place(startEl as Element, a, false));
      range.setEnd(...place(endEl, b, true));
      const sel = getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    },
    [startHandle, from, to] as const,
  );
}

test('accept at the caret in a struck sentence takes the deletion only, says so, and is undone in one step', async ({ page }) => {
  await firstStart(page, host.url, 'Minh', 'Editor');
  const id = await createInterview(page);
  await page.goto(`${host.url}#/doc/${id}`);
  await expect(page.getByRole('radio', { name: 'Suggesting' })).toBeChecked();
  await expect(turns(page)).toHaveCount(4);

  // The editor strikes a sentence in the last answer, then gives the turn to the Guest (Alt+2).
  await selectText(lastAnswer(page), ' We hired staff.');
  await page.keyboard.press('Backspace');
  await expect(lastAnswer(page).locator('del')).toHaveText([' We hired staff.']);
  await page.keyboard.press('Alt+Digit2');
  await expect(turns(page).last()).toHaveAttribute('aria-label', 'Guest');
  await expect(turns(page).last().locator('.speaker-was')).toHaveText('Ms Lan');

  // The reporter reviews.
  await setProfile(page, 'Lan', 'Reporter');
  await page.getByRole('radio', { name: 'Editing' }).check();
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Review' });
  await expect(panel.getByRole('heading', { name: '2 pending changes' })).toBeVisible();

  // The panel says beforehand what its "here" buttons would decide: a selection running from the
  // question across the label into the answer covers the speaker change, not the struck sentence.
  const question = turns(page).nth(2).locator('p').first();
  await selectAcross(question, 'then?', lastAnswer(page), 'We plan');
  const inSelection = panel.getByRole('group', { name: 'In the selection' });
  await expect(inSelection.getByRole('button')).toHaveText(['Accept 1 speaker change', 'Reject 1 speaker change']);
  await selectAcross(question, 'then?', lastAnswer(page), 'hired');
  await expect(inSelection.getByRole('button')).toHaveText(['Accept 2 changes: 1 deletion, 1 speaker change', 'Reject 2 changes: 1 deletion, 1 speaker change']);

  // A caret in plain text of the answer: nothing there, and nothing else is taken instead.
  await lastAnswer(page).getByText('train').click();
  const atCaret = panel.getByRole('group', { name: 'At the caret' });
  await expect(atCaret.getByRole('button', { name: 'Accept at the caret' })).toBeDisabled();
  await page.keyboard.press('Control+Alt+Shift+KeyA');
  await expect(decisionStatus(page)).toHaveText('Nothing to accept at the caret');
  await expect(panel.getByRole('heading', { name: '2 pending changes' })).toBeVisible();

  // The caret inside the struck sentence: the panel says what it would take, and the shortcut takes it.
  await lastAnswer(page).locator('del').click();
  await expect(atCaret.getByRole('button')).toHaveText(['Accept 1 deletion', 'Reject 1 deletion']);
  await page.keyboard.press('Control+Alt+Shift+KeyA');
  await expect(decisionStatus(page)).toHaveText('Accepted 1 deletion');
  await expect(lastAnswer(page)).toHaveText('We plan ahead. We train them.');
  await expect(lastAnswer(page).locator('del')).toHaveCount(0);

  // The speaker change is still pending: its card is there, and the turn is still Ms Lan's until
  // someone decides (the Original view reads every pending change rejected).
  await expect(panel.getByRole('heading', { name: '1 pending change' })).toBeVisible();
  await expect(panel.getByRole('listitem', { name: 'Speaker changed' })).toContainText('Speaker:Ms Lan → Guest');
  await expect(turns(page).last().locator('.speaker-was')).toHaveText('Ms Lan');
  await page.getByRole('radio', { name: 'Original' }).check();
  await expect(page.getByRole('document', { name: 'Original' })).toContainText('Ms Lan: We plan ahead. We train them.');
  await page.getByRole('radio', { name: 'Markup' }).check();

  // One undo brings the deletion back, pending.
  await lastAnswer(page).getByText('train').click();
  await page.keyboard.press('Control+z');
  await expect(lastAnswer(page).locator('del')).toHaveText([' We hired staff.']);
  await expect(panel.getByRole('heading', { name: '2 pending changes' })).toBeVisible();
  await expect(panel.getByRole('listitem', { name: 'Deletion' })).toContainText('We hired staff.');
  await expect(panel.getByRole('listitem', { name: 'Speaker changed' })).toHaveCount(1);

  // A decision from a card says what it took too.
  await panel.getByRole('listitem', { name: 'Speaker changed' }).getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(decisionStatus(page)).toHaveText('Rejected 1 speaker change');
  await expect(turns(page).last()).toHaveAttribute('aria-label', 'Ms Lan');
});
