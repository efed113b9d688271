import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { firstStart, selectText, setProfile, expectExportOnlyReviewCopy } from './page-actions';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

const body = (page: Page) => page.getByRole('textbox', { name: 'Interview body' });
const answer = (page: Page) => page.getByRole('group', { name: 'Guest' }).locator('p').first();

test('an editor suggests, the reporter accepts and rejects, export waits for it, and it all survives a reload', async ({ page }) => {
  // First start: the app asks who is working here.
  await firstStart(page, host.url, 'Lan', 'Reporter');

  // The reporter writes a question and an answer, in Editing mode.
  await page.getByRole('button', { name: 'New interview' }).click();
  await expect(page.getByRole('radio', { name: 'Editing' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Planning ahead');
  await body(page).click();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('What did you do?');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('We plan ahead. We hired staff.');
  await expect(page.getByRole('status')).toHaveText('Saved');
  await expect(body(page).locator('ins, del')).toHaveCount(0);

  // The profile switches to an editor, who suggests: a word replaced, a sentence deleted.
  await setProfile(page, 'Minh', 'Editor');
  await page.keyboard.press('Control+Alt+KeyS');
  await expect(page.getByRole('radio', { name: 'Suggesting' })).toBeChecked();
  await answer(page).click();
  await selectText(answer(page), 'plan');
  await page.keyboard.type('prepare');
  await selectText(answer(page), ' We hired staff.');
  await page.keyboard.press('Backspace');
  await expect(answer(page)).toHaveText('We planprepare ahead. We hired staff.');
  await expect(answer(page).locator('del')).toHaveText(['plan', ' We hired staff.']);
  await expect(answer(page).locator('ins')).toHaveText(['prepare']);

  // The Changes panel lists both, in document order, with the author.
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Review' });
  await expect(panel.getByRole('heading', { name: '2 pending changes' })).toBeVisible();
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await expect(panel.getByRole('listitem', { name: 'Replacement' })).toContainText('Minh');
  await expect(panel.getByRole('listitem', { name: 'Replacement' })).toContainText('plan prepare');
  await expect(panel.getByRole('listitem', { name: 'Deletion' })).toContainText('We hired staff.');

  // Final and Original are read-only previews of the two outcomes.
  await page.getByRole('radio', { name: 'Final' }).check();
  await expect(page.getByRole('document', { name: 'Final' })).toContainText('Guest: We prepare ahead.');
  await expect(page.getByRole('document', { name: 'Final' })).not.toContainText('hired');
  await page.getByRole('radio', { name: 'Original' }).check();
  await expect(page.getByRole('document', { name: 'Original' })).toContainText('Guest: We plan ahead. We hired staff.');
  await page.getByRole('radio', { name: 'Markup' }).check();

  // Suggestions are in the saved document: they survive a reload, authors and all.
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await expect(answer(page).locator('del')).toHaveText(['plan', ' We hired staff.']);
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  await expect(panel.getByRole('listitem', { name: 'Deletion' })).toContainText('Minh');

  // Send waits while suggestions are pending: disabled, the reason beside it, which opens the
  // Changes panel. Export offers only the Word review copy, which carries them.
  await expect(page.getByRole('button', { name: 'Send to newsroom' })).toBeDisabled();
  await expectExportOnlyReviewCopy(page);
  await page.getByRole('button', { name: '2 suggestions are still pending: decide them first' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await expect(panel).toBeVisible();

  // The reporter takes over: accepts the replacement, rejects the deletion.
  await setProfile(page, 'Lan', 'Reporter');
  await page.getByRole('radio', { name: 'Editing' }).check();
  await panel.getByRole('listitem', { name: 'Replacement' }).getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await expect(answer(page)).toHaveText('We prepare ahead. We hired staff.');
  // A resolution is one undo step.
  await page.keyboard.press('Control+z');
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await page.keyboard.press('Control+Shift+z');
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await panel.getByRole('listitem', { name: 'Deletion' }).getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(panel.getByText('No pending changes.')).toBeVisible();
  await expect(answer(page)).toHaveText('We prepare ahead. We hired staff.');
  await expect(body(page).locator('ins, del')).toHaveCount(0);

  // Now it exports, from the accepted text.
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(exportDialog.getByRole('button', { name: 'Save file' })).toBeEnabled();
  await expect(exportDialog.getByLabel('Export preview')).toContainText('We prepare ahead. We hired staff.');
  await page.keyboard.press('Escape');
  await expect(exportDialog).toHaveCount(0);

  // And after a reload the resolved text is what is stored.
  await page.reload();
  await expect(answer(page)).toHaveText('We prepare ahead. We hired staff.');
  await expect(body(page).locator('ins, del')).toHaveCount(0);
});
