/**
 * What a user does in the app, written once for the end-to-end specs: selecting words as a mouse
 * drag would, setting the profile, saving and opening review files, and calling the page's own
 * backend the way the app does.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * Select the first occurrence of `text` in an element's text, as a user's drag would.
 *
 * A drag ends with the selection held still; a script sets it in one instant. Slate reads DOM
 * selection changes throttled (100 ms), and a render inside that window puts back Slate's older
 * selection. So the selection is set, left alone past the throttle, and set again if a render
 * took it away — until it is both in the DOM and still there after Slate has read it.
 */
export async function selectText(within: Locator, text: string): Promise<void> {
  await expect(async () => {
    await within.evaluate((el, wanted) => {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const whole = nodes.map((n) => n.data).join('');
      const start = whole.indexOf(wanted);
      if (start < 0) throw new Error(`no "${wanted}" in "${whole}"`);
      const place = (offset: number, atEnd: boolean) => {
        let seen = 0;
        for (const n of nodes) {
          if (offset < seen + n.data.length || (atEnd && offset === seen + n.data.length)) return [n, offset - seen] as const;
          seen += n.data.length;
        }
        throw new Error('offset out of range');
      };
      const range = document.createRange();
      range.setStart(...place(start, false));
      range.setEnd(...place(start + wanted.length, true));
      const sel = getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    }, text);
    await within.page().waitForTimeout(250);
    expect(await within.evaluate(() => getSelection()?.toString())).toBe(text);
  }).toPass({ timeout: 10_000 });
}

export type Role = 'Reporter' | 'Editor';

/** The profile form's words in each UI language. */
const PROFILE_UI = {
  en: { dialog: 'Your profile', name: 'Display name', roles: { Reporter: 'Reporter', Editor: 'Editor' }, save: 'Save profile', button: /^Profile:|^Your profile$/ },
  vi: { dialog: 'Hồ sơ của bạn', name: 'Tên hiển thị', roles: { Reporter: 'Phóng viên', Editor: 'Biên tập viên' }, save: 'Lưu hồ sơ', button: /^Hồ sơ:|^Hồ sơ của bạn$/ },
} as const;

/** Fill in the "Your profile" form and save it. */
async function saveProfileForm(page: Page, name: string, role: Role, language: 'en' | 'vi' = 'en'): Promise<void> {
  const ui = PROFILE_UI[language];
  const dialog = page.getByRole('dialog', { name: ui.dialog });
  await dialog.getByRole('textbox', { name: ui.name }).fill(name);
  await dialog.getByRole('radio', { name: ui.roles[role] }).check();
  await dialog.getByRole('button', { name: ui.save }).click();
  await expect(dialog).toHaveCount(0);
}

/** The first start of a library asks who works here. */
export async function firstStart(page: Page, url: string, name: string, role: Role): Promise<void> {
  await page.goto(url);
  await saveProfileForm(page, name, role);
}

/**
 * Change the profile from an open interview (the top bar's "Profile: …" button, which reads "Your
 * profile" while nobody is named yet), in the UI's language.
 */
export async function setProfile(page: Page, name: string, role: Role, language: 'en' | 'vi' = 'en'): Promise<void> {
  await page.getByRole('button', { name: PROFILE_UI[language].button }).click();
  await saveProfileForm(page, name, role, language);
}

/** "Save for review" in the open interview: the browser downloads the file; returns its path. */
export async function saveForReview(page: Page, dir: string, name: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save for review' }).click();
  const file = join(dir, name);
  await (await download).saveAs(file);
  return file;
}

/** "Open" in the library, with a file (browser mode uploads it). */
export async function openFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await (await chooser).setFiles(file);
}

/** A channel of the open page's own backend, as the app calls it; fails the test on an error. */
export async function api<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([c, i]) => (await fetch(`/api/${c}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(i) })).json(),
    [channel, input] as const,
  );
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  return result.value as T;
}

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Where the caret is on screen: the focus end of the page's selection, collapsed. A collapsed
 * range on an empty line can measure as nothing (0×0 at 0,0); then a zero-width space is put at
 * the caret for the measurement and taken out at once, the selection put back as it was.
 */
export async function caretBox(page: Page): Promise<Box> {
  return page.evaluate(() => {
    const selection = getSelection();
    if (!selection || selection.rangeCount === 0 || !selection.focusNode) throw new Error('no selection');
    const range = document.createRange();
    range.setStart(selection.focusNode, selection.focusOffset);
    let rect = range.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0 && rect.top === 0 && rect.left === 0) {
      const saved = selection.getRangeAt(0).cloneRange();
      const probe = document.createTextNode('\u200b');
      range.insertNode(probe);
      const measure = document.createRange();
      measure.selectNodeContents(probe);
      rect = measure.getBoundingClientRect();
      probe.remove();
      selection.removeAllRanges();
      selection.addRange(saved);
    }
    return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
  });
}

/**
 * The boxes of the bars that stay on screen over the story: the document's top bar, the review
 * bar and the editing tools under it, a restore notice, the editor's dock (find bar and counts). Only the part inside the window counts.
 */
export async function stickyBarBoxes(page: Page): Promise<{ name: string; box: Box }[]> {
  return page.evaluate(() => {
    const bars: [string, string][] = [
      ['top bar', 'header.topbar'],
      ['review bar', '.review-bar'],
      ['editing tools', '.editor-toolbar'],
      ['restore notice', '.restore-notice'],
      ['dock', '.editor-dock'],
    ];
    const out: { name: string; box: Box }[] = [];
    for (const [name, selector] of bars) {
      for (const el of document.querySelectorAll(selector)) {
        const r = el.getBoundingClientRect();
        if (r.height === 0 || r.bottom <= 0 || r.top >= innerHeight) continue;
        out.push({ name, box: { top: Math.max(0, r.top), bottom: Math.min(innerHeight, r.bottom), left: r.left, right: r.right } });
      }
    }
    return out;
  });
}

/** The caret is in the window and no sticky bar covers any of it. */
export async function expectCaretClear(page: Page, what: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const caret = await caretBox(page);
        const viewport = page.viewportSize()!;
        if (caret.top < 0 || caret.bottom > viewport.height) return `${what}: caret ${JSON.stringify(caret)} is outside the window`;
        for (const { name, box } of await stickyBarBoxes(page)) {
          const overlaps = caret.bottom > box.top && caret.top < box.bottom && caret.right >= box.left && caret.left <= box.right;
          if (overlaps) return `${what}: caret ${JSON.stringify(caret)} under the ${name} ${JSON.stringify(box)}`;
        }
        return 'clear';
      },
      { timeout: 3_000 },
    )
    .toBe('clear');
}

/** Unfold the story details (folded to one line over the text by default), if folded. */
export async function showStoryDetails(page: Page): Promise<void> {
  const toggle = page.locator('.meta-toggle');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

/**
 * Click a top-bar action as a user would at any width: the button when it is in the bar, else the
 * same action in the bar's More menu (a narrow window moves what does not fit there).
 */
export async function clickTopbarAction(page: Page, name: string): Promise<void> {
  const bar = page.locator('header.topbar');
  const button = bar.getByRole('button', { name, exact: true });
  if (await button.isVisible()) return button.click();
  await bar.locator('.topbar-more > button').click();
  const menu = page.getByRole('menu');
  await menu.getByRole('menuitem', { name, exact: true }).or(menu.getByRole('menuitemcheckbox', { name, exact: true })).click();
}

/**
 * While suggestions are pending, Export offers only the Word review copy (it carries them as
 * tracked changes); every accepted-text format is greyed out. Opens the dialog, checks, closes it.
 */
export async function expectExportOnlyReviewCopy(page: Page): Promise<void> {
  await clickTopbarAction(page, 'Export');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const format = dialog.getByRole('combobox', { name: 'Format' });
  await expect(format).toHaveValue('docx');
  for (const accepted of ['nitf', 'newsml-g2', 'agency-text', 'docx-clean']) await expect(format.locator(`option[value="${accepted}"]`)).toBeDisabled();
  await expect(format.locator('option[value="docx"]')).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}
