/**
 * Vietnamese input methods, driven through the DevTools protocol as the OS would drive Chromium:
 * - IME composition (macOS Telex/VNI, Windows IME): Input.imeSetComposition then Input.insertText;
 * - Telex tools without composition (UniKey, EVKey): they send Backspace key events to delete the
 *   letters typed so far, then insert the word with its tone (`tao` + `j` → ⌫⌫ `ạo`).
 * No letter may be lost or doubled, including right after a turn label; text is stored NFC.
 */
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { firstStart } from './page-actions';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

async function setup(page: Page): Promise<CDPSession> {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New interview' }).click();
  await page.getByRole('textbox', { name: 'Interview body' }).click();
  return page.context().newCDPSession(page);
}

/** An input method composing a word step by step, then committing it. */
async function compose(cdp: CDPSession, steps: string[], commit: string) {
  for (const text of steps) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send('Input.insertText', { text: commit });
}

/** What UniKey does: Backspace × n as real key events, then the replacement text. */
async function telexReplace(page: Page, cdp: CDPSession, backspaces: number, text: string) {
  for (let i = 0; i < backspaces; i++) await page.keyboard.press('Backspace');
  await cdp.send('Input.insertText', { text });
}

const turns = (page: Page) =>
  page.locator('.interview-body [role=group]').evaluateAll((els) => els.map((el) => [...el.querySelectorAll('p')].map((p) => p.textContent ?? '').join(' | ')));

async function expectStored(page: Page, expected: string[]) {
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await expect(page.locator('.interview-body [role=group]')).toHaveCount(expected.length);
  const stored = await turns(page);
  expect(stored).toEqual(expected);
  for (const text of stored) expect(text).toBe(text.normalize('NFC'));
}

test('IME composition of whole words, right after a turn label', async ({ page }) => {
  const cdp = await setup(page);
  await page.keyboard.press('Control+Enter');
  await compose(cdp, ['d', 'đ', 'đa', 'đan', 'đang', 'đảng'], 'đảng');
  await page.keyboard.type(' ');
  await compose(cdp, ['v', 'vi', 'vie', 'viê', 'viên'], 'viên');
  await page.keyboard.press('Control+Enter');
  await compose(cdp, ['T', 'Tr', 'Tra', 'Trâ', 'Trân'], 'Trân');
  await page.keyboard.type(' ');
  await compose(cdp, ['t', 'tr', 'tro', 'tron', 'trong', 'trọng'], 'trọng');
  expect(await turns(page)).toEqual(['đảng viên', 'Trân trọng']);
  await expectStored(page, ['đảng viên', 'Trân trọng']);
});

test('Telex tools that send Backspace then the toned word (UniKey style)', async ({ page }) => {
  const cdp = await setup(page);
  await page.keyboard.press('Control+Enter');
  // First word of the turn: "a" then "s" → ⌫ "á" — the Backspace must not touch the turn boundary.
  await page.keyboard.type('a');
  await telexReplace(page, cdp, 1, 'á');
  await page.keyboard.type(' tao');
  await telexReplace(page, cdp, 2, 'ạo'); // "tao" + "j"
  await page.keyboard.type(' nguoi');
  await telexReplace(page, cdp, 3, 'ười'); // "nguoi" + "w" → "ngươi", + "f" → "người"
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Vang');
  await telexReplace(page, cdp, 3, 'âng'); // "Vang" + "a" → "Vâng": the tool rewrites "ang"
  expect(await turns(page)).toEqual(['á tạo người', 'Vâng']);
  await expectStored(page, ['á tạo người', 'Vâng']);
});

test('decomposed (NFD) input is stored composed', async ({ page }) => {
  const cdp = await setup(page);
  await page.keyboard.press('Control+Enter');
  await cdp.send('Input.insertText', { text: 'Nguyễn Thanh Hải'.normalize('NFD') });
  await expectStored(page, ['Nguyễn Thanh Hải']);
});

test('a composition interrupted by a click keeps its letters once', async ({ page }) => {
  const cdp = await setup(page);
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Câu hỏi');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Trả lời ');
  await compose(cdp, ['t', 'th', 'thư'], 'thư');
  await page.keyboard.type(' ');
  await cdp.send('Input.imeSetComposition', { text: 'ông', selectionStart: 3, selectionEnd: 3 });
  // A click into another turn while composing; the input method then commits the word it holds
  // (the OS does this on click; the DevTools protocol needs the commit sent explicitly).
  await page.locator('.interview-body [role=group]').first().locator('p').click();
  await cdp.send('Input.insertText', { text: 'ông' });
  await expect.poll(() => turns(page)).toEqual(['Câu hỏi', 'Trả lời thư ông']);
  await expectStored(page, ['Câu hỏi', 'Trả lời thư ông']);
});

test('in Suggesting mode, IME composition and UniKey-style Backspaces lose and double no letter', async ({ page }) => {
  // Suggestions carry their author's name: the reviewer has a profile before switching.
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  const cdp = await setup(page);
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Năm nay tỉnh kết nap');
  await expect(page.getByRole('status')).toHaveText('Saved');
  // The same person reviews their own draft in Suggesting: everything typed now is tracked.
  await page.keyboard.press('Control+Alt+KeyS');
  await expect(page.getByRole('radio', { name: 'Suggesting' })).toBeChecked();
  // "nap" + "j": the tool sends ⌫⌫ then "ạp"; the Backspaces strike the reporter's "ap".
  await telexReplace(page, cdp, 2, 'ạp');
  await page.keyboard.type(' ');
  await compose(cdp, ['d', 'đ', 'đa', 'đan', 'đang', 'đảng'], 'đảng');
  await page.keyboard.type(' tao');
  await telexReplace(page, cdp, 2, 'ạo'); // own new text: really deleted and retyped
  const body = page.getByRole('textbox', { name: 'Interview body' });
  await expect(body.locator('del')).toHaveText(['ap']);
  await expect(body.locator('ins')).toHaveText(['ạp đảng tạo']);

  await page.getByRole('radio', { name: 'Final' }).check();
  await expect(page.getByRole('document', { name: 'Final' })).toContainText('Năm nay tỉnh kết nạp đảng tạo');
  await page.getByRole('radio', { name: 'Original' }).check();
  await expect(page.getByRole('document', { name: 'Original' })).toContainText('Năm nay tỉnh kết nap');
  await expect(page.getByRole('document', { name: 'Original' })).not.toContainText('đảng');
});
