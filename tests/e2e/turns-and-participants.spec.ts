import { showStoryDetails } from './page-actions';
import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

async function newInterview(page: Page) {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New interview' }).click();
  await page.getByRole('textbox', { name: 'Interview body' }).click();
}

const turnTexts = (page: Page) =>
  page.locator('.interview-body [role=group]').evaluateAll((els) => els.map((el) => `${el.getAttribute('aria-label')}: ${[...el.querySelectorAll('p')].map((p) => p.textContent).join(' | ')}`));

test('turns alternate with Ctrl+Enter, Alt+digit picks the speaker, Backspace at a turn start joins turns', async ({ page }) => {
  await newInterview(page);
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('First question?');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('First answer.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Still answering.');
  await page.getByRole('button', { name: 'New turn' }).click();
  await page.keyboard.type('Second question?');
  expect(await turnTexts(page)).toEqual(['Reporter: First question?', 'Guest: First answer. | Still answering.', 'Reporter: Second question?']);

  // Alt+2 gives the current turn to participant 2: two Guest turns in a row get a warning.
  await page.keyboard.press('Alt+Digit2');
  expect(await turnTexts(page)).toEqual(['Reporter: First question?', 'Guest: First answer. | Still answering.', 'Guest: Second question?']);
  await expect(page.getByText('Same speaker as the turn before')).toBeVisible();

  // Backspace at the start of that turn joins it to the previous one.
  await page.keyboard.press('Home');
  await page.keyboard.press('Backspace');
  expect(await turnTexts(page)).toEqual(['Reporter: First question?', 'Guest: First answer. | Still answering. | Second question?']);
  await expect(page.getByText('Same speaker as the turn before')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Saved');
});

test('renaming a participant relabels every turn at once and is one undo step', async ({ page }) => {
  await newInterview(page);
  for (const text of ['Q1?', 'A1.', 'Q2?', 'A2.']) {
    await page.keyboard.press('Control+Enter');
    await page.keyboard.type(text);
  }
  await page.getByRole('button', { name: 'Participants' }).click();
  const panel = page.getByRole('region', { name: 'Participants' });
  const guest = panel.getByRole('listitem').nth(1); // its name follows the label being edited
  const label = guest.getByRole('textbox', { name: 'Printed label' });
  await label.fill('Ông Nguyễn Thanh Hải');
  await guest.getByRole('textbox', { name: 'Full name' }).click(); // leaving the label field commits the rename
  await expect(page.getByRole('group', { name: 'Ông Nguyễn Thanh Hải' })).toHaveCount(2);
  await expect(page.getByRole('group', { name: 'Guest' })).toHaveCount(0);

  // One Ctrl+Z, from the editor, brings the old label back on every turn; Ctrl+Y redoes it.
  await page.getByRole('textbox', { name: 'Interview body' }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('group', { name: 'Guest' })).toHaveCount(2);
  await expect(page.getByRole('group', { name: 'Ông Nguyễn Thanh Hải' })).toHaveCount(0);
  expect(await turnTexts(page)).toEqual(['Reporter: Q1?', 'Guest: A1.', 'Reporter: Q2?', 'Guest: A2.']);
  await page.keyboard.press('Control+y');
  await expect(page.getByRole('group', { name: 'Ông Nguyễn Thanh Hải' })).toHaveCount(2);
  await expect(page.getByRole('status')).toHaveText('Saved');

  await page.reload();
  await expect(page.getByRole('group', { name: 'Ông Nguyễn Thanh Hải' })).toHaveCount(2);
});

test('removing a participant who has turns asks what to do with them', async ({ page }) => {
  await newInterview(page);
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Question?');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Answer by the guest.');
  await page.getByRole('button', { name: 'Participants' }).click();
  const panel = page.getByRole('region', { name: 'Participants' });
  await panel.getByRole('button', { name: 'Add participant' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(3);
  const third = panel.getByRole('listitem').nth(2);
  await expect(third).toHaveAccessibleName('Speaker 3');
  await third.getByRole('textbox', { name: 'Printed label' }).fill('Bà Trần Thị Mai');
  await third.getByRole('combobox', { name: 'Role' }).focus();

  await panel.getByRole('listitem', { name: 'Guest' }).getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Guest?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'New speaker' }).selectOption({ label: 'Bà Trần Thị Mai' });
  await dialog.getByRole('button', { name: 'Remove participant' }).click();
  expect(await turnTexts(page)).toEqual(['Reporter: Question?', 'Bà Trần Thị Mai: Answer by the guest.']);
  await expect(panel.getByRole('listitem')).toHaveCount(2);

  // Undo restores the participant and their turn together.
  await page.getByRole('textbox', { name: 'Interview body' }).click();
  await page.keyboard.press('Control+z');
  expect(await turnTexts(page)).toEqual(['Reporter: Question?', 'Guest: Answer by the guest.']);
  await expect(panel.getByRole('listitem')).toHaveCount(3);
});

test('metadata fields are kept, with length hints and validation', async ({ page }) => {
  await newInterview(page);
  await showStoryDetails(page);
  await page.getByRole('textbox', { name: /^Headline/ }).fill('A'.repeat(130));
  await expect(page.getByText('130 / 120 characters')).toBeVisible();
  await page.getByRole('textbox', { name: 'Subheadline' }).fill('Phỏng vấn Phó Bí thư Thường trực');
  await page.getByRole('textbox', { name: 'Source' }).fill('TTXVN');
  await page.getByRole('textbox', { name: 'Slug' }).fill('Long An đảng viên');
  await expect(page.getByRole('alert')).toContainText('lowercase letters');
  await page.getByRole('textbox', { name: 'Slug' }).fill('long-an-dang-vien');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Urgency' }).selectOption('3');
  await page.getByLabel('Embargo').fill('2026-12-01T08:30');
  await page.getByRole('textbox', { name: 'Keywords' }).fill('Long An, đảng viên, xây dựng Đảng');
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'In review' });
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await showStoryDetails(page);
  await expect(page.getByRole('textbox', { name: 'Source' })).toHaveValue('TTXVN');
  await expect(page.getByRole('textbox', { name: 'Slug' })).toHaveValue('long-an-dang-vien');
  await expect(page.getByRole('combobox', { name: 'Urgency' })).toHaveValue('3');
  await expect(page.getByLabel('Embargo')).toHaveValue('2026-12-01T08:30');
  await expect(page.getByRole('textbox', { name: 'Keywords' })).toHaveValue('Long An, đảng viên, xây dựng Đảng');
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('in_review');

  // Keywords typed with a trailing comma keep it while typing; undo outside the box shows the old list.
  const keywords = page.getByRole('textbox', { name: 'Keywords' });
  await keywords.click();
  await keywords.press('End');
  await page.keyboard.type(', Nam Bộ,');
  await expect(keywords).toHaveValue('Long An, đảng viên, xây dựng Đảng, Nam Bộ,');
  await page.getByRole('textbox', { name: 'Interview body' }).click();
  await page.keyboard.press('Control+z');
  await expect(keywords).toHaveValue('Long An, đảng viên, xây dựng Đảng');
});
