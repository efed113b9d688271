/**
 * The house style and the personal dictionary belong to the library, not to the machine: chosen in the
 * Settings dialog of the library screen, or added from an underlined word's menu, and still there
 * after the web host is restarted on the same data folder. Screenshots of the dialog in English,
 * in Vietnamese and in a narrow window go to test-results/screenshots/.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

const body = (page: Page) => page.getByRole('textbox', { name: 'Interview body' });
const toneMarks = (page: Page) => body(page).locator('.tone-error');
const misspellings = (page: Page) => body(page).locator('.spelling-error');
const settingsDialog = (page: Page) => page.getByRole('dialog', { name: 'Settings' });
const houseStyle = (page: Page) => settingsDialog(page).getByRole('radiogroup', { name: 'House style' });
const TRADITIONAL = 'Traditional (hòa, khỏe, thủy)';
const MODERN = 'Modern (hoà, khoẻ, thuỷ)';

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(settingsDialog(page)).toBeVisible();
  return settingsDialog(page);
}

const dictionaryWords = (page: Page) => settingsDialog(page).getByRole('list', { name: /Personal dictionary/ }).getByRole('listitem');

test('the house style and the personal dictionary are kept in the library across a restart', async ({ page }) => {
  const dataDir = newDataDir();
  let host: RunningHost = await startWebHost(dataDir);
  try {
    await page.goto(host.url);

    // A new library writes in the agency's traditional style; choose the modern one.
    await openSettings(page);
    await expect(houseStyle(page).getByRole('radio', { name: TRADITIONAL })).toBeChecked();
    await expect(settingsDialog(page).getByText('No words yet.', { exact: false })).toBeVisible();
    await houseStyle(page).getByRole('radio', { name: MODERN }).check();
    await expect(houseStyle(page).getByRole('radio', { name: MODERN })).toBeChecked();
    await settingsDialog(page).getByRole('button', { name: 'Close' }).click();
    await expect(settingsDialog(page)).toHaveCount(0);

    // In the modern style `hòa` is the other style's spelling; `hoà` is right.
    await page.getByRole('button', { name: 'New interview' }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('vi');
    await body(page).click();
    await page.keyboard.press('Control+Enter');
    await page.keyboard.type('Thưa bà?');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.type('Cần hòa giải và hoà hợp trong nghành chế biến.');
    await expect(toneMarks(page)).toHaveText(['hòa']);
    await expect(misspellings(page)).toHaveText(['nghành']);
    const menu = await (async () => {
      await misspellings(page).first().click({ button: 'right' });
      return page.getByRole('menu');
    })();
    await expect(menu).toHaveAccessibleName('Not in the dictionary: “nghành”');
    await menu.getByRole('menuitem', { name: 'Add to dictionary' }).click();
    await expect(misspellings(page)).toHaveCount(0);
    await expect(page.getByRole('status')).toHaveText('Saved');

    // The word is in the dictionary the Settings dialog shows.
    await page.getByRole('button', { name: 'Library' }).click();
    await openSettings(page);
    await expect(dictionaryWords(page)).toHaveCount(1);
    await expect(dictionaryWords(page).first()).toContainText('nghành');

    // Add and remove from the dialog; removing moves focus to what is left, not to the page.
    const addWord = settingsDialog(page).getByRole('textbox', { name: 'Add word' });
    await addWord.fill('TTXVN');
    await settingsDialog(page).getByRole('button', { name: 'Add', exact: true }).click();
    await expect(dictionaryWords(page)).toHaveCount(2);
    await addWord.fill('nghành');
    await addWord.press('Enter');
    await expect(settingsDialog(page).getByText('“nghành” is already in the dictionary.')).toBeVisible();
    await expect(dictionaryWords(page)).toHaveCount(2);
    await addWord.fill('Zalo');
    await addWord.press('Enter');
    await expect(dictionaryWords(page)).toHaveCount(3);
    // Wait for the library to store the last change before the host is stopped.
    const stored = page.waitForResponse((r) => r.url().endsWith('/api/spelling.save') && r.ok());
    await settingsDialog(page).getByRole('button', { name: 'Remove Zalo' }).click();
    await stored;
    await expect(dictionaryWords(page)).toHaveCount(2);
    await expect(settingsDialog(page).getByRole('button', { name: /^Remove / }).last()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(settingsDialog(page)).toHaveCount(0);

    // Restart the web host on the same data folder: both settings are read back from the library.
    await host.stop();
    host = await startWebHost(dataDir);
    await page.goto(host.url);
    await openSettings(page);
    await expect(houseStyle(page).getByRole('radio', { name: MODERN })).toBeChecked();
    await expect(dictionaryWords(page)).toHaveCount(2);
    await expect(settingsDialog(page).getByRole('button', { name: 'Remove nghành' })).toBeVisible();
    await expect(settingsDialog(page).getByRole('button', { name: 'Remove TTXVN' })).toBeVisible();
    await settingsDialog(page).getByRole('button', { name: 'Close' }).click();

    // …and the interview is checked with them.
    await page.locator('.doc-link').first().click();
    await expect(toneMarks(page)).toHaveText(['hòa']);
    await expect(misspellings(page)).toHaveCount(0);

    // Back to the traditional style: now `hoà` is the one underlined.
    await page.getByRole('button', { name: 'Library' }).click();
    await openSettings(page);
    await houseStyle(page).getByRole('radio', { name: TRADITIONAL }).check();
    await page.keyboard.press('Escape');
    await page.locator('.doc-link').first().click();
    await expect(toneMarks(page)).toHaveText(['hoà']);
  } finally {
    await host.stop();
  }
});

test('a change that cannot be stored is undone, and the app says so', async ({ page }) => {
  const host = await startWebHost(newDataDir());
  try {
    await page.route('**/api/spelling.save', (route) => route.fulfill({ status: 503, body: 'busy' }));
    await page.goto(host.url);
    await openSettings(page);
    // click, not check: the refused save may put the radio back before check() could look at it.
    await houseStyle(page).getByRole('radio', { name: MODERN }).click();
    const alert = settingsDialog(page).getByRole('alert');
    await expect(alert).toContainText('The spelling settings could not be saved');
    await expect(alert).toContainText('The last change was undone.');
    await expect(houseStyle(page).getByRole('radio', { name: TRADITIONAL })).toBeChecked();
    await page.screenshot({ path: 'test-results/screenshots/settings-save-failed.png' });
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(settingsDialog(page).getByRole('alert')).toHaveCount(0);

    // Once the library can be written again, the same change is kept.
    await page.unroute('**/api/spelling.save');
    const stored = page.waitForResponse((r) => r.url().endsWith('/api/spelling.save') && r.ok());
    await houseStyle(page).getByRole('radio', { name: MODERN }).check();
    await stored;
    await page.reload();
    await openSettings(page);
    await expect(houseStyle(page).getByRole('radio', { name: MODERN })).toBeChecked();
  } finally {
    await host.stop();
  }
});

test('the Settings dialog in Vietnamese, in English and in a narrow window', async ({ browser }) => {
  // Four libraries, one per language and width, each with its own web host: four times a usual test's work.
  test.slow();
  const shoot = async (b: Browser, locale: string, width: number, name: string, labels: { button: string; addWord: string; add: string }) => {
    const host = await startWebHost(newDataDir());
    const context = await b.newContext({ locale, viewport: { width, height: 760 } });
    try {
      const page = await context.newPage();
      await page.goto(host.url);
      // The top bar keeps every button on screen (it wraps to a second row when narrow).
      const button = page.getByRole('button', { name: labels.button });
      const bar = (await button.boundingBox())!;
      expect(bar.x + bar.width).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `test-results/screenshots/settings-${name}-library.png` });
      await button.click();
      const dialog = page.getByRole('dialog', { name: labels.button });
      for (const word of ['TTXVN', 'nghành', 'Zalo', 'Thuỷ']) {
        await dialog.getByRole('textbox', { name: labels.addWord }).fill(word);
        await dialog.getByRole('button', { name: labels.add, exact: true }).click();
      }
      await expect(dialog.getByRole('listitem')).toHaveCount(4);
      // The dialog fits the window: nothing runs off its right edge.
      const box = (await dialog.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(await dialog.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await page.screenshot({ path: `test-results/screenshots/settings-${name}.png` });
    } finally {
      await context.close();
      await host.stop();
    }
  };
  const vi = { button: 'Cài đặt', addWord: 'Thêm từ', add: 'Thêm' };
  const en = { button: 'Settings', addWord: 'Add word', add: 'Add' };
  await shoot(browser, 'vi-VN', 1100, 'vi', vi);
  await shoot(browser, 'en-GB', 1100, 'en', en);
  await shoot(browser, 'vi-VN', 600, 'vi-narrow', vi);
  await shoot(browser, 'en-GB', 600, 'en-narrow', en);
});
