import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { firstStart } from './page-actions';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

const body = (page: Page) => page.getByRole('textbox', { name: 'Interview body' });

/** A reporter's interview, stored through the API: question, answer, a photo, a last question. */
async function createInterview(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const post = async (channel: string, payload: unknown) =>
      (await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) })).json();
    const created = await post('document.create', { language: 'en' });
    const doc = created.value.doc;
    doc.meta.headline = 'Planning ahead';
    const turn = (speakerId: string, text: string) => ({ type: 'turn', speakerId, children: [{ type: 'paragraph', children: [{ text }] }] });
    doc.body = [
      turn('p1', 'What did you do?'),
      turn('p2', 'We plan ahead.'),
      { type: 'photo', assetId: null, caption: 'The port', credit: 'TTXVN', alt: '', children: [{ text: '' }] },
      turn('p1', 'Thank you.'),
    ];
    const saved = await post('document.save', { id: doc.id, baseRevision: created.value.revision, doc });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    return doc.id as string;
  });
}

test('an editor suggests a speaker, a photo move, a headline and a new turn; each is listed, decided and kept', async ({ page }) => {
  await firstStart(page, host.url, 'Minh', 'Editor');
  const id = await createInterview(page);
  await page.goto(`${host.url}#/doc/${id}`);
  // An editor opens documents straight into Suggesting.
  await expect(page.getByRole('radio', { name: 'Suggesting' })).toBeChecked();
  const turns = body(page).locator('.turn');
  await expect(turns).toHaveCount(3);

  // Alt+2: the question goes to the guest, as a suggestion (the old speaker shown struck).
  await body(page).getByText('What did you do?').click();
  await page.keyboard.press('Alt+Digit2');
  await expect(turns.first()).toHaveAttribute('aria-label', 'Guest');
  await expect(turns.first().locator('.speaker-was')).toHaveText('Reporter');

  // The photo moves down into the last turn: its old place stays, struck, until decided.
  await page.getByRole('button', { name: 'Move photo down' }).first().click();
  await expect(page.locator('figure.photo.block-del')).toHaveCount(1);
  await expect(page.locator('figure.photo.block-ins')).toHaveCount(1);

  // The headline is edited: the field shows the new text, with who suggested it and the old one.
  const headline = page.getByRole('textbox', { name: 'Headline' });
  await headline.fill('Planning ahead, together');
  const pendingHeadline = page.getByRole('group', { name: 'Suggested change by Minh' });
  await expect(pendingHeadline).toContainText('was Planning ahead');

  // Ctrl+Enter at the end of the last turn: a new turn of the next speaker, suggested.
  await body(page).getByText('Thank you.').click();
  await page.keyboard.press('End');
  // Slate takes the caret from the DOM on `selectionchange`, throttled: let it arrive.
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Goodbye.');
  await expect(turns).toHaveCount(4);
  await expect(turns.last()).toHaveClass(/block-ins/);
  await expect(turns.last()).toHaveText(/Goodbye\./);

  // The Changes panel lists every kind, with the author and a readable excerpt.
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Review' });
  await expect(panel.getByRole('heading', { name: '4 pending changes' })).toBeVisible();
  const speaker = panel.getByRole('listitem', { name: 'Speaker changed' });
  await expect(speaker).toContainText('Minh');
  await expect(speaker).toContainText('Speaker:Reporter → Guest');
  await expect(panel.getByRole('listitem', { name: 'Photo moved' })).toContainText('Minh');
  await expect(panel.getByRole('listitem', { name: 'Photo moved' })).toContainText('Photo:The port');
  await expect(panel.getByRole('listitem', { name: 'Story detail changed' })).toContainText('Headline:Planning ahead → Planning ahead, together');
  // Clicking it in the panel goes to the field.
  await panel.getByRole('listitem', { name: 'Story detail changed' }).locator('.change-jump').click();
  await expect(headline).toBeFocused();
  await expect(panel.getByRole('listitem', { name: 'New turn' })).toContainText('Minh');
  await expect(panel.getByRole('listitem', { name: 'New turn' })).toContainText('Goodbye.');

  // Accept-here in a metadata field does not reach into the story.
  await headline.focus();
  await page.keyboard.press('Control+Alt+Shift+KeyA');
  await expect(panel.getByRole('heading', { name: '4 pending changes' })).toBeVisible();

  // Pending suggestions are saved with the document: a reload keeps them.
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  await expect(panel.getByRole('heading', { name: '4 pending changes' })).toBeVisible();
  await expect(panel.getByRole('listitem', { name: 'Speaker changed' })).toContainText('Minh');
  await expect(page.getByRole('group', { name: 'Suggested change by Minh' })).toContainText('was Planning ahead');

  // Rejecting the speaker change gives the question back to the reporter.
  await panel.getByRole('listitem', { name: 'Speaker changed' }).getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(turns.first()).toHaveAttribute('aria-label', 'Reporter');
  await expect(turns.first().locator('.speaker-was')).toHaveCount(0);

  // Accepting the headline at its field keeps the new one and settles it.
  await page.getByRole('group', { name: 'Suggested change by Minh' }).getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(headline).toHaveValue('Planning ahead, together');
  await expect(page.getByRole('group', { name: 'Suggested change by Minh' })).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: '2 pending changes' })).toBeVisible();

  // Those decisions and the two still pending survive a reload.
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  await expect(panel.getByRole('heading', { name: '2 pending changes' })).toBeVisible();
  await expect(panel.getByRole('listitem', { name: 'Photo moved' })).toHaveCount(1);
  await expect(panel.getByRole('listitem', { name: 'New turn' })).toHaveCount(1);
  await expect(headline).toHaveValue('Planning ahead, together');
  await expect(turns.first()).toHaveAttribute('aria-label', 'Reporter');

  // A caption typed letter by letter at the photo's new place is one suggestion, and the field
  // keeps the focus while the document takes each letter.
  await page.getByRole('radio', { name: 'Suggesting' }).check();
  const caption = page.locator('figure.photo.block-ins').getByRole('textbox', { name: 'Caption' });
  await caption.click();
  await caption.press('End');
  await page.keyboard.type(' at dawn');
  await expect(caption).toBeFocused();
  await expect(caption).toHaveValue('The port at dawn');
  await expect(panel.getByRole('listitem', { name: 'Photo text changed' })).toContainText('Caption:The port → The port at dawn');
  await expect(panel.getByRole('heading', { name: '3 pending changes' })).toBeVisible();
});
