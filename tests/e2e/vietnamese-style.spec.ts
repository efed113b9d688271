/**
 * Tone marks and spelling in the editor: misplaced marks and the other house style are
 * underlined (blue), misspellings too (red), checked in a worker; the menu on an underlined word
 * (right-click, or Shift+F10 at the caret) fixes one, all like it, or every tone mark; names of
 * participants are never flagged; nothing is underlined while an input method is composing.
 *
 * The UI is English; the document is switched to Vietnamese, whose default house style is the
 * agency's traditional one (`hòa`, `thủy`).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

const body = (page: Page) => page.getByRole('textbox', { name: 'Interview body' });
const toneMarks = (page: Page) => body(page).locator('.tone-error');
const misspellings = (page: Page) => body(page).locator('.spelling-error');
// A document switched to Vietnamese before anyone spoke has the Vietnamese default speakers.
const answer = (page: Page, speaker = 'Khách mời') => page.getByRole('group', { name: speaker }).locator('p').first();

async function newInterview(page: Page, language: 'vi' | 'en') {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New interview' }).click();
  if (language === 'vi') {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('vi');
  }
  await body(page).click();
}

/** A question by the reporter, then the answer typed in. */
async function typeAnswer(page: Page, text: string) {
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Thưa ông?');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(text);
}

async function openMenuOn(word: Locator) {
  await word.click({ button: 'right' });
  return word.page().getByRole('menu');
}

test('a misplaced tone mark is underlined; its menu offers the fix first and makes it', async ({ page }) => {
  // The worker and its dictionaries load under the app's CSP without a complaint.
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await newInterview(page, 'vi');
  await typeAnswer(page, 'Ban Thường vụ đã tập trung lãnh đaọ, thực hiện công tác.');
  await expect(toneMarks(page)).toHaveText(['đaọ']);
  await expect(misspellings(page)).toHaveCount(0);

  const menu = await openMenuOn(toneMarks(page).first());
  await expect(menu).toHaveAccessibleName('Tone mark on the wrong vowel: “đaọ”');
  await expect(menu.getByRole('menuitem').first()).toHaveText('đạo');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/tone-mark-menu.png' });
  await menu.getByRole('menuitem', { name: 'đạo' }).click();

  await expect(menu).toHaveCount(0);
  await expect(answer(page)).toHaveText('Ban Thường vụ đã tập trung lãnh đạo, thực hiện công tác.');
  await expect(toneMarks(page)).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Saved');

  // From the keyboard: the caret in the word, Shift+F10, Enter on the first suggestion.
  await page.keyboard.press('End');
  await page.keyboard.type(' Nâng cao nứơc');
  await expect(toneMarks(page)).toHaveText(['nứơc']);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+F10');
  const keyboardMenu = page.getByRole('menu');
  await expect(keyboardMenu.getByRole('menuitem').first()).toBeFocused();
  await expect(keyboardMenu.getByRole('menuitem').first()).toHaveText('nước');
  await page.keyboard.press('Enter');
  await expect(answer(page)).toHaveText('Ban Thường vụ đã tập trung lãnh đạo, thực hiện công tác. Nâng cao nước');
  await expect(body(page)).toBeFocused();
  await expect(page.getByRole('status')).toHaveText('Saved');

  await page.reload();
  await expect(answer(page)).toHaveText('Ban Thường vụ đã tập trung lãnh đạo, thực hiện công tác. Nâng cao nước');
  expect(problems).toEqual([]);
});

test('the other house style: fix all like this, then every tone mark of the interview', async ({ page }) => {
  await newInterview(page, 'vi');
  await typeAnswer(page, 'Hoà bình và hoà giải; thuỷ sản, khoẻ mạnh.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Lại hoà hợp.');
  await expect(toneMarks(page)).toHaveText(['Hoà', 'hoà', 'thuỷ', 'khoẻ', 'hoà']);

  // "Like this" is the same word as written: the capitalised Hoà is left for the next step.
  const menu = await openMenuOn(toneMarks(page).nth(1));
  await expect(menu).toHaveAccessibleName('Not in the house style: “hoà”');
  await expect(menu.getByRole('menuitem').first()).toHaveText('hòa');
  await menu.getByRole('menuitem', { name: 'Fix all like this' }).click();
  await expect(page.getByRole('group', { name: 'Khách mời' })).toContainText('và hòa giải');
  await expect(page.getByRole('group', { name: 'Khách mời' })).toContainText('Lại hòa hợp.');
  await expect(toneMarks(page)).toHaveText(['Hoà', 'thuỷ', 'khoẻ']);

  const second = await openMenuOn(toneMarks(page).nth(1));
  await second.getByRole('menuitem', { name: 'Fix all in the house style' }).click();
  await expect(toneMarks(page)).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Khách mời' }).locator('p')).toHaveText(['Hòa bình và hòa giải; thủy sản, khỏe mạnh.', 'Lại hòa hợp.']);
  await expect(page.getByRole('status')).toHaveText('Saved');

  // One undo step takes the house-style fix back.
  await page.keyboard.press('Control+z');
  await expect(toneMarks(page)).toHaveText(['Hoà', 'thuỷ', 'khoẻ']);
});

test('participants’ names are not flagged; a misspelling is, until added to the dictionary', async ({ page }) => {
  await newInterview(page, 'vi');
  await page.getByRole('button', { name: 'Participants' }).click();
  const guest = page.getByRole('region', { name: 'Participants' }).getByRole('listitem').nth(1);
  await guest.getByRole('textbox', { name: 'Printed label' }).fill('Bà Lê Thuỷ');
  await guest.getByRole('textbox', { name: 'Full name' }).click();
  await page.getByRole('button', { name: 'Close participants' }).click();
  await body(page).click();
  await typeAnswer(page, 'Bà Thuỷ nói về thuỷ sản và nghành chế biến.');
  const turn = page.getByRole('group', { name: 'Bà Lê Thuỷ' });
  await expect(turn.locator('.tone-error')).toHaveText(['thuỷ']); // the common word, not the name
  await expect(turn.locator('.spelling-error')).toHaveText(['nghành']);

  const menu = await openMenuOn(turn.locator('.spelling-error'));
  await expect(menu).toHaveAccessibleName('Not in the dictionary: “nghành”');
  await expect(menu.getByRole('menuitem').first()).toHaveText('ngành');
  await menu.getByRole('menuitem', { name: 'Add to dictionary' }).click();
  await expect(turn.locator('.spelling-error')).toHaveCount(0);
  await expect(turn.locator('p')).toHaveText('Bà Thuỷ nói về thuỷ sản và nghành chế biến.');
});

test('nothing is underlined while an input method composes; the word is checked once committed', async ({ page }) => {
  await newInterview(page, 'vi');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Hỏi?');
  await page.keyboard.press('Control+Enter');
  const cdp = await page.context().newCDPSession(page);
  // Typed, then straight into a composition: the check of "lãnh đaọ" answers mid-composition.
  await page.keyboard.type('Tập trung lãnh đaọ ');
  for (const text of ['n', 'ng', 'nga', 'ngày']) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await page.waitForTimeout(1_200);
  await expect(toneMarks(page)).toHaveCount(0);
  await expect(answer(page)).toHaveText('Tập trung lãnh đaọ ngày');
  await cdp.send('Input.insertText', { text: 'ngày' });
  await expect(toneMarks(page)).toHaveText(['đaọ']);
  await expect(answer(page)).toHaveText('Tập trung lãnh đaọ ngày');

  // A composition of the misplaced word itself is not underlined until it is committed.
  await page.keyboard.type(' và ');
  for (const text of ['đ', 'đa', 'đaọ']) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await page.waitForTimeout(600);
  await expect(toneMarks(page)).toHaveCount(1);
  await cdp.send('Input.insertText', { text: 'đaọ' });
  await expect(toneMarks(page)).toHaveText(['đaọ', 'đaọ']);
  await expect(answer(page)).toHaveText('Tập trung lãnh đaọ ngày và đaọ');
  await expect(page.getByRole('status')).toHaveText('Saved');
});

test('English documents are spell-checked in English, with suggestions in the menu', async ({ page }) => {
  await newInterview(page, 'en');
  await typeAnswer(page, 'We did not recieve the report from Nguyễn Thanh Hải.');
  await expect(misspellings(page)).toHaveText(['recieve']);
  const menu = await openMenuOn(misspellings(page).first());
  await expect(menu.getByRole('menuitem').first()).toHaveText('receive');
  await menu.getByRole('menuitem', { name: 'receive' }).click();
  await expect(answer(page, 'Guest')).toHaveText('We did not receive the report from Nguyễn Thanh Hải.');
  await expect(misspellings(page)).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Saved');
});
