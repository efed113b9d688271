/**
 * Keyboard only (no mouse: only key presses and typing), on a 1366×768 laptop: the keyboard is
 * always where the user's intent is. At first start the name field has it; every dialog and side
 * panel opens on its first field and gives the focus back where it came from on closing; Escape
 * closes the topmost one; "Add participant" shows the new card with its label field ready; Tab
 * goes through the top bar in the order it reads; Ctrl+Alt+P adds a photo and the shortcuts
 * panel says so.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { FIXTURE_INTERVIEW } from '../helpers/material';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

test.use({ viewport: { width: 1366, height: 768 } });

let host: RunningHost;
test.beforeEach(async () => {
  host = await startWebHost(newDataDir());
});
test.afterEach(async () => host.stop());

/** Press Tab until `target` has the focus (as a user tabs to a button they see), at most `max` times. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** First start, answered by keyboard: the name is typed at once, Enter saves. */
async function answerFirstStart(page: Page, name: string): Promise<void> {
  await page.goto(host.url);
  const card = page.getByRole('dialog', { name: 'Your profile' });
  await expect(card.getByRole('textbox', { name: 'Display name' })).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(card).toHaveCount(0);
}

/** A new interview, by keyboard, with the caret in its body. */
async function newInterview(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: 'New interview' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Interview body' })).toBeVisible();
}

test('first start: the name field has the focus, typing answers it, Escape is Later', async ({ page }) => {
  await page.goto(host.url);
  const card = page.getByRole('dialog', { name: 'Your profile' });
  const name = card.getByRole('textbox', { name: 'Display name' });
  await expect(name).toBeFocused();
  await page.keyboard.type('Nguyễn Thu Hà');
  await expect(name).toHaveValue('Nguyễn Thu Hà');
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
});

test('the profile dialog opens on its name field, Escape closes it and the focus goes back to its button', async ({ page }) => {
  await answerFirstStart(page, 'Hà');
  await newInterview(page);
  const profileButton = page.getByRole('button', { name: /^Profile:/ });
  await tabTo(page, profileButton);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Your profile' });
  await expect(dialog.getByRole('textbox', { name: 'Display name' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(profileButton).toBeFocused();
});

test('Settings opens on its first field and gives the focus back on Escape', async ({ page }) => {
  await answerFirstStart(page, 'Hà');
  const settings = page.getByRole('button', { name: 'Settings' });
  await tabTo(page, settings);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  const focused = dialog.locator(':focus');
  await expect(focused).toHaveCount(1);
  await expect(focused).not.toHaveAttribute('aria-label', 'Close');
  await expect(focused).toHaveJSProperty('tagName', await dialog.locator('input, select, textarea').first().evaluate((el) => el.tagName));
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(settings).toBeFocused();
});

test('participants: the panel opens on its first field, Add participant shows the new card ready to type, Escape closes and the focus goes back', async ({ page }) => {
  await answerFirstStart(page, 'Hà');
  await newInterview(page);
  const open = page.getByRole('button', { name: 'Participants', exact: true });
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Participants' });
  await expect(panel.getByRole('listitem').first().getByRole('textbox', { name: 'Label' })).toBeFocused();

  const add = panel.getByRole('button', { name: 'Add participant' });
  for (let n = 3; n <= 5; n++) {
    await tabTo(page, add);
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('listitem')).toHaveCount(n);
    const label = panel.getByRole('listitem').last().getByRole('textbox', { name: 'Label' });
    await expect(label).toBeFocused();
    await expect(label).toBeInViewport({ ratio: 1 });
  }
  // The label is typed straight away, and shows in the card's name.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Bà Lan');
  await expect(panel.getByRole('listitem').last()).toHaveAttribute('aria-label', 'Bà Lan');

  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(open).toBeFocused();
});

test('Escape closes the review margin, opened from Changes or from Comments, from the margin and from the text', async ({ page }) => {
  await answerFirstStart(page, 'Hà');
  await newInterview(page);
  const body = page.getByRole('textbox', { name: 'Interview body' });
  const panel = page.getByRole('complementary', { name: 'Review' });
  for (const [button, filter] of [
    ['Changes', 'Suggestions'],
    ['Comments', 'Comments'],
  ] as const) {
    const open = page.getByRole('button', { name: button, exact: true });
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('radio', { name: filter })).toBeChecked();
    await expect(panel.locator(':focus')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(open).toBeFocused();
  }
  // From the text: the panel closes, the caret stays where it is.
  await tabTo(page, page.getByRole('button', { name: 'Changes', exact: true }));
  await page.keyboard.press('Enter');
  await tabTo(page, body, 80);
  await page.keyboard.type('Tiếp tục gõ');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(body).toBeFocused();
  await page.keyboard.type(' thêm.');
  await expect(body).toContainText('Tiếp tục gõ thêm.');
});

test('Tab goes through the top bar in the order it reads: left to right, row by row', async ({ page }) => {
  await answerFirstStart(page, 'Hà');
  await newInterview(page);
  await tabTo(page, page.getByRole('button', { name: '← Library' }));
  const seen: { x: number; y: number; name: string }[] = [];
  for (;;) {
    const here = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      if (!el.closest('header.topbar')) return null;
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top, name: el.textContent ?? '' };
    });
    if (!here) break;
    seen.push(here);
    await page.keyboard.press('Tab');
  }
  expect(seen.length).toBeGreaterThan(6);
  for (let i = 1; i < seen.length; i++) {
    const [a, b] = [seen[i - 1]!, seen[i]!];
    const sameRow = Math.abs(a.y - b.y) < 12;
    expect(sameRow ? b.x > a.x : b.y > a.y, `${a.name} → ${b.name}`).toBe(true);
  }
});

test('Ctrl+Alt+P in the text picks photos; the shortcuts panel (F1) lists it', async ({ page }) => {
  await answerFirstStart(page, 'Hà');
  await newInterview(page);
  const body = page.getByRole('textbox', { name: 'Interview body' });
  await tabTo(page, body, 80);
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+Alt+KeyP');
  expect((await chooser).isMultiple()).toBe(true);

  await page.keyboard.press('F1');
  const panel = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const row = panel.getByRole('row').filter({ hasText: 'Add photos after the current paragraph' });
  await expect(row).toHaveCount(1);
  await expect(row.locator('kbd')).toHaveText(['Ctrl', 'Alt', 'P']);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(body).toBeFocused();
});

test('at first start the import preview stands above the profile card, opens on its first field and gives the focus back', async ({ page }) => {
  await page.goto(host.url);
  const card = page.getByRole('dialog', { name: 'Your profile' });
  await expect(card.getByRole('textbox', { name: 'Display name' })).toBeFocused();
  const importButton = page.getByRole('button', { name: 'Import', exact: true });
  await tabTo(page, importButton);
  // Once on a loaded CI machine, Chromium opened no file chooser for the first Enter on a focused
  // Import (the page still showed Import focused, nothing else open). The chooser is the browser's,
  // not what this test is about, so a second Enter is allowed, and said so in the output.
  const chooserAfterEnter = async () => {
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
    await page.keyboard.press('Enter');
    return chooser.catch(() => null);
  };
  let chooser = await chooserAfterEnter();
  if (!chooser) {
    console.warn('keyboard-focus: no file chooser after the first Enter on Import; pressing Enter again');
    await expect(importButton).toBeFocused();
    chooser = await chooserAfterEnter();
  }
  expect(chooser, 'a file chooser for Import').not.toBeNull();
  await chooser!.setFiles(FIXTURE_INTERVIEW);
  const preview = page.getByRole('dialog', { name: 'Import preview' });
  await expect(preview).toBeVisible();
  // The keyboard is in the preview, not on its × button, and the card is under it, out of reach.
  await expect(preview.locator(':focus')).toHaveCount(1);
  await expect(preview.getByRole('button', { name: 'Close' })).not.toBeFocused();
  const cardBox = (await card.boundingBox())!;
  const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('.first-start-profile') !== null, [cardBox.x + cardBox.width / 2, cardBox.y + cardBox.height / 2]);
  expect(onTop).toBe(false);
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);
  await expect(importButton).toBeFocused();
});
