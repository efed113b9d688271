/**
 * A newsroom laptop (1366×768) shows the interview, not its chrome: at least 15 lines of the body
 * above the fold for a new interview (once it has a headline) and for an opened long one; the top
 * bar stays one row in both languages at 1366 and 1024 wide, what does not fit is in its "More"
 * menu; the mode switch, New turn and Add photo stay at hand at the end of a long interview; the
 * story details fold to one line that unfolds by click and by key, their values kept. On a wide
 * screen the lines stay at a readable measure and the side panel takes the width.
 */
import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { api, firstStart } from './page-actions';

test.use({ viewport: { width: 1366, height: 768 } });

let host: RunningHost;
test.beforeEach(async () => {
  host = await startWebHost(newDataDir());
});
test.afterEach(async () => host.stop());

// By class: the body's accessible name is in the UI's language.
const body = (page: Page) => page.locator('.interview-body');

const QUESTION = 'What did the province do to bring in new members over the year, and how did it choose them?';
const ANSWER =
  'We went to every commune and every factory, and we asked the people who already work with us to name the ones they trust. ' +
  'Then we met each of them twice before the branch voted, so that nobody joined on a name alone.';

/** A long interview, 30 turns, stored through the API; returns its id. */
async function longInterview(page: Page, language: 'en' | 'vi' = 'en'): Promise<string> {
  const created = await api<{ doc: { id: string; meta: Record<string, unknown>; body: unknown[] }; revision: number }>(page, 'document.create', { language });
  const doc = created.doc;
  Object.assign(doc.meta, { headline: 'A year of new members in Long An', section: 'Politics', location: 'Long An', sapo: 'How one province brought in new members.', byline: 'Thanh Bình' });
  const turn = (speakerId: string, ...texts: string[]) => ({ type: 'turn', speakerId, children: texts.map((text) => ({ type: 'paragraph', children: [{ text }] })) });
  doc.body = [];
  for (let i = 1; i <= 15; i++) doc.body.push(turn('p1', `${i}. ${QUESTION}`), turn('p2', ANSWER, i === 15 ? 'This is the last word.' : ANSWER));
  await api(page, 'document.save', { id: doc.id, baseRevision: created.revision, doc });
  return doc.id;
}

/**
 * The body's text lines wholly in the window and under no bar: the sticky bars over it (the top
 * bar, the review bar, the editing tools) and the dock under it. `capacity` is how many lines of
 * the body's line height fit between the first line of text and the dock (an empty body has one
 * line of text but room for more).
 */
async function visibleLines(page: Page): Promise<{ lines: number; capacity: number }> {
  return page.evaluate(() => {
    const bottomOf = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().bottom ?? 0;
    const top = Math.max(bottomOf('header.topbar'), bottomOf('.review-bar'), bottomOf('.editor-toolbar'));
    const bottom = Math.min(innerHeight, document.querySelector('.editor-dock')?.getBoundingClientRect().top ?? innerHeight);
    const lineTops = new Set<number>();
    let first = Infinity;
    for (const p of document.querySelectorAll('.interview-body p')) {
      const range = document.createRange();
      range.selectNodeContents(p);
      for (const rect of range.getClientRects()) {
        if (rect.height === 0 || rect.width === 0) continue;
        if (rect.top >= top - 1 && rect.bottom <= bottom + 1) {
          lineTops.add(Math.round(rect.top));
          first = Math.min(first, rect.top);
        }
      }
    }
    const firstParagraph = document.querySelector('.interview-body p');
    if (firstParagraph) first = Math.min(first, firstParagraph.getBoundingClientRect().top);
    const lineHeight = parseFloat(getComputedStyle(document.querySelector('.interview-body')!).lineHeight);
    // Room for text: down to where the dock stays once the text fills the window.
    const dock = document.querySelector('.editor-dock')?.getBoundingClientRect().height ?? 0;
    return { lines: lineTops.size, capacity: Math.floor((innerHeight - dock - Math.max(top, first)) / lineHeight) };
  });
}

/** The top bar is one row: every item shown in it sits beside the Back button, none under it. */
async function topBarRows(page: Page): Promise<{ rows: number; height: number; rowHeight: number; overflow: number; title: number }> {
  return page.evaluate(() => {
    const bar = document.querySelector('header.topbar')!;
    const back = bar.querySelector('button')!.getBoundingClientRect();
    const tops = new Set<number>();
    for (const el of bar.children) {
      const r = el.getBoundingClientRect();
      if (r.height === 0) continue;
      // A new row starts below the Back button's bottom.
      tops.add(r.top >= back.bottom ? Math.round(r.top) : -1);
    }
    const style = getComputedStyle(bar);
    const rowHeight = back.height + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth) + 2;
    // Nothing runs off the right edge either, and the headline keeps some room.
    const right = Math.max(...[...bar.children].map((el) => el.getBoundingClientRect().right));
    const title = bar.querySelector('.topbar-title')!.getBoundingClientRect().width;
    return { rows: tops.size, height: bar.getBoundingClientRect().height, rowHeight, overflow: right - bar.getBoundingClientRect().right, title };
  });
}

/** The app's language, read as the page loads (the document opened after it is a new page load). */
async function useUiLanguage(page: Page, language: 'en' | 'vi'): Promise<void> {
  await api(page, 'ui.save', { settings: { language } });
  await page.reload();
}

test('a new interview shows 15 lines of body under the headline; the details unfold by click and by key and keep their values', async ({ page }) => {
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  await page.getByRole('button', { name: 'New interview' }).click();
  // No headline yet: the headline is ready to type, on one line.
  const headline = page.getByRole('textbox', { name: /^Headline/ });
  await expect(headline).toBeVisible();
  await headline.fill('Nông dân Quảng Ngãi giữ đất');
  await body(page).click();
  expect((await visibleLines(page)).capacity).toBeGreaterThanOrEqual(15);

  // The details: folded, then unfolded by a click on the summary's button.
  const toggle = page.getByRole('button', { name: 'Story details' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('textbox', { name: 'Sapo' })).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('textbox', { name: 'Section' }).fill('Nông nghiệp');
  await page.getByRole('textbox', { name: 'Location' }).fill('Quảng Ngãi');
  await page.getByRole('textbox', { name: 'Sapo' }).fill('Một mùa vụ khó khăn.');
  await expect(page.getByRole('textbox', { name: /^Headline/ })).toHaveValue('Nông dân Quảng Ngãi giữ đất');
  // Folded again: the summary reads the section and the location; the fields kept their values.
  await toggle.click();
  await expect(page.getByRole('textbox', { name: 'Sapo' })).toBeHidden();
  await expect(page.locator('.meta-summary')).toContainText('Nông nghiệp · Quảng Ngãi');
  await expect(page.getByRole('textbox', { name: /^Headline/ })).toHaveValue('Nông dân Quảng Ngãi giữ đất');

  // The key, from the text: unfolds, and again folds.
  await body(page).click();
  await page.keyboard.press('Control+Alt+I');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('textbox', { name: 'Sapo' })).toHaveValue('Một mùa vụ khó khăn.');
  await expect(page.getByRole('textbox', { name: 'Section' })).toHaveValue('Nông nghiệp');
  await page.keyboard.press('Control+Alt+I');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('textbox', { name: 'Sapo' })).toBeHidden();

  // The key is in the shortcuts list (F1).
  await body(page).click();
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Show or hide the story’s details');

  // Stored: opened again, the values are there and the summary is folded.
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.getByRole('textbox', { name: /^Headline/ })).toHaveValue('Nông dân Quảng Ngãi giữ đất');
  await expect(page.locator('.meta-summary')).toContainText('Nông nghiệp · Quảng Ngãi');
});

test('the story’s language stays beside the headline in the folded summary', async ({ page }) => {
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  await page.getByRole('button', { name: 'New interview' }).click();
  const language = page.getByRole('combobox', { name: 'Language of the story' });
  await expect(language).toBeVisible();
  await language.selectOption('vi');
  await expect(body(page)).toHaveAttribute('lang', 'vi');
  const [headlineBox, languageBox] = [await page.getByRole('textbox', { name: /^Headline/ }).boundingBox(), await language.boundingBox()];
  // On the headline's line.
  expect(Math.abs(headlineBox!.y + headlineBox!.height / 2 - (languageBox!.y + languageBox!.height / 2))).toBeLessThan(12);
});

test('an opened long interview shows 15 lines above the fold; at its end the mode switch, New turn and Add photo are at hand', async ({ page }) => {
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  const id = await longInterview(page);
  await page.goto(`${host.url}#/doc/${id}`);
  await expect(body(page).locator('.turn')).toHaveCount(30);
  expect((await visibleLines(page)).lines).toBeGreaterThanOrEqual(15);

  await body(page).focus();
  await page.keyboard.press('Control+End');
  await expect(body(page).locator('.turn').last()).toBeInViewport();
  // Still at hand: clicked, each does its work.
  await page.getByRole('radio', { name: 'Suggesting' }).click();
  await expect(page.getByTestId('current-mode')).toContainText('Suggesting');
  await page.getByRole('radio', { name: 'Editing' }).click();
  await expect(page.getByTestId('current-mode')).toContainText('Editing');
  await body(page).focus();
  await page.keyboard.press('Control+End');
  const newTurn = page.getByRole('button', { name: 'New turn' });
  await expect(newTurn).toBeInViewport();
  await newTurn.click();
  await expect(body(page).locator('.turn')).toHaveCount(31);
  await expect(page.getByRole('button', { name: 'Add photo' })).toBeInViewport();
  await expect(page.getByRole('radio', { name: 'Final' })).toBeInViewport();
  // Nothing else is over them: the point at their centre is theirs.
  for (const name of ['New turn', 'Add photo']) {
    const hit = await page.getByRole('button', { name }).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    });
    expect(hit, name).toBe(true);
  }
});

for (const width of [1366, 1024]) {
  for (const language of ['en', 'vi'] as const) {
    test(`the top bar is one row at ${width} wide in ${language === 'en' ? 'English' : 'Vietnamese'}; what does not fit is in More`, async ({ page }) => {
      await page.setViewportSize({ width, height: 768 });
      await firstStart(page, host.url, 'Nguyễn Thị Hoa', 'Reporter');
      const id = await longInterview(page, language);
      await useUiLanguage(page, language);
      await page.goto(`${host.url}#/doc/${id}`);
      await expect(body(page).locator('.turn')).toHaveCount(30);
      const rows = await topBarRows(page);
      expect(rows.rows, JSON.stringify(rows)).toBe(1);
      expect(rows.height).toBeLessThanOrEqual(rows.rowHeight);
      expect(rows.overflow).toBeLessThanOrEqual(0);
      if (width === 1366) expect((await visibleLines(page)).lines).toBeGreaterThanOrEqual(15);
      if (width === 1024) {
        // Something had to go: it is in the More menu, by keyboard.
        const more = page.getByRole('button', { name: language === 'en' ? 'More actions' : 'Các thao tác khác' });
        await more.focus();
        await page.keyboard.press('ArrowDown');
        const menu = page.getByRole('menu');
        await expect(menu).toBeVisible();
        const items = menu.getByRole('menuitem').or(menu.getByRole('menuitemcheckbox'));
        expect(await items.count()).toBeGreaterThan(0);
        await expect(items.first()).toBeFocused();
        await page.keyboard.press('Escape');
        await expect(menu).toHaveCount(0);
        await expect(more).toBeFocused();
      }
    });
  }
}

test('a button in More does its work: History opens from the menu at 1024 wide', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await firstStart(page, host.url, 'Nguyễn Thị Hoa', 'Reporter');
  const id = await longInterview(page, 'vi');
  await useUiLanguage(page, 'vi');
  await page.goto(`${host.url}#/doc/${id}`);
  await page.getByRole('button', { name: 'Các thao tác khác' }).click();
  const items = page.getByRole('menu').getByRole('menuitem');
  const names = await items.allTextContents();
  expect(names.length).toBeGreaterThan(0);
  await items.first().click();
  await expect(page.getByRole('menu')).toHaveCount(0);
  // The item clicked the hidden button: a dialog, or the panel it opens, is there.
  await expect(page.getByRole('dialog').or(page.locator('.side-panel'))).toBeVisible();
});

test('on a wide screen the lines stay readable and the side panel sits beside the text', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  const id = await longInterview(page);
  await page.goto(`${host.url}#/doc/${id}`);
  await expect(body(page).locator('.turn')).toHaveCount(30);
  // Characters per line of an answer: a readable measure, not the window's width.
  const perLine = await body(page).locator('.turn-interviewee p').first().evaluate((p) => {
    const range = document.createRange();
    range.selectNodeContents(p);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return (p.textContent ?? '').length / tops.size;
  });
  expect(perLine).toBeGreaterThan(60);
  expect(perLine).toBeLessThan(90);
  await page.getByRole('button', { name: 'Participants' }).click();
  const panel = page.locator('.side-panel');
  await expect(panel).toBeVisible();
  const [text, side] = [await body(page).boundingBox(), await panel.boundingBox()];
  expect(side!.x).toBeGreaterThanOrEqual(text!.x + text!.width);
  expect(side!.width).toBeGreaterThanOrEqual(380);
});
