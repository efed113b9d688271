/**
 * Find and replace cover the whole story: the headline, subheadline and sapo, the photos'
 * captions, and (when asked) the speakers' names, as well as the body. Replace all says where it
 * replaced and is one undo step; in Suggesting mode it becomes suggestions that can be rejected;
 * in Viewing mode it finds but replaces nothing. A match found far up a long interview is scrolled
 * clear of the measured sticky bars on a laptop screen.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { api, firstStart, setProfile, showStoryDetails, stickyBarBoxes } from './page-actions';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

const HEADLINE = 'Ông Nguyễn Văn Hải: đảng viên trẻ là hạt nhân';
const SUBHEADLINE = 'Trò chuyện với Nguyễn Văn Hải';
const SAPO = 'Bí thư Nguyễn Văn Hải nói về công tác phát triển đảng viên ở Long An.';
const INTRO = 'TTXVN - Phóng viên trò chuyện với ông Nguyễn Văn Hải.';
const QUESTION = 'Thưa ông, tỉnh làm gì?';
const ANSWER = 'Chúng tôi chú trọng thanh niên.';
const CAPTION = 'Ông Nguyễn Văn Hải tại lễ kết nạp (bìa trái)';

/** A Vietnamese interview with the name in the headline, subheadline, sapo, intro and a caption. */
async function openStory(page: Page, headlineLabel = 'Headline'): Promise<void> {
  const created = await api<{ doc: Record<string, unknown> & { id: string; meta: Record<string, unknown>; participants: { id: string; label: string }[] }; revision: number }>(page, 'document.create', { language: 'vi' });
  const doc = created.doc;
  doc.meta = { ...doc.meta, headline: HEADLINE, subheadline: SUBHEADLINE, sapo: SAPO };
  const [reporter, guest] = doc.participants;
  doc.participants = [reporter!, { ...guest!, label: 'Ông Nguyễn Văn Hải' }];
  doc.body = [
    { type: 'paragraph', children: [{ text: INTRO }] },
    { type: 'turn', speakerId: reporter!.id, children: [{ type: 'paragraph', children: [{ text: QUESTION }] }] },
    {
      type: 'turn',
      speakerId: guest!.id,
      children: [
        { type: 'paragraph', children: [{ text: ANSWER }] },
        { type: 'photo', assetId: null, caption: CAPTION, credit: 'TTXVN', alt: '', children: [{ text: '' }] },
        { type: 'paragraph', children: [{ text: 'Xin cảm ơn ông.' }] },
      ],
    },
  ];
  await api(page, 'document.save', { id: doc.id, baseRevision: created.revision, doc });
  await page.goto(`${host.url}#/doc/${doc.id}`);
  await expect(page.getByRole('textbox', { name: headlineLabel })).toHaveValue(HEADLINE);
}

const selectionIn = (field: Locator) => field.evaluate((el: HTMLInputElement | HTMLTextAreaElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0));

test('a word only in a caption is found; Next walks headline → subheadline → sapo → text → caption; Replace all everywhere, one undo', async ({ page }) => {
  await firstStart(page, host.url, 'Lan', 'Reporter');
  await openStory(page);
  const body = page.getByRole('textbox', { name: 'Interview body' });
  const headline = page.getByRole('textbox', { name: /^Headline/ });
  const sapo = page.getByRole('textbox', { name: 'Sapo' });
  const subheadline = page.getByRole('textbox', { name: 'Subheadline' });
  const caption = page.getByRole('figure', { name: 'Photo' }).getByRole('textbox', { name: 'Caption' });
  await body.getByText(QUESTION).click();

  // A word that is only in a caption.
  await page.keyboard.press('Control+F');
  const bar = page.getByRole('search', { name: 'Find' });
  const find = bar.getByRole('textbox', { name: 'Find' });
  const counter = bar.locator('.find-counter');
  await find.fill('bia trai');
  await expect(counter).toHaveText('1 of 1');
  await find.press('Enter');
  await expect(caption).toBeFocused();
  expect(await selectionIn(caption)).toBe('bìa trái');

  // The name, found ignoring diacritics in the header, the text and the caption (the guest's
  // printed name only when asked for).
  await find.fill('nguyen van hai');
  await expect(counter).toHaveText(/of 5$/);
  const speakers = bar.getByRole('checkbox', { name: 'Include speaker names' });
  await expect(speakers).not.toBeChecked();
  await speakers.check();
  await expect(counter).toHaveText(/of 6$/);
  await speakers.uncheck();
  await expect(counter).toHaveText(/of 5$/);

  // The search went on from the caption, where the user was, and wrapped to the headline: it is
  // marked there while the find box keeps the keyboard (the query is still being typed).
  await expect(counter).toHaveText('1 of 5');
  await expect(headline).toHaveClass(/find-field-current/);
  await expect(headline).not.toBeFocused();
  // Enter: the next match, in reading order. The subheadline is under the closed "Details": they open.
  await find.press('Enter');
  await expect(counter).toHaveText('2 of 5');
  await expect(subheadline).toBeVisible();
  await expect(subheadline).toBeFocused();
  expect(await selectionIn(subheadline)).toBe('Nguyễn Văn Hải');
  // Enter and Shift+Enter in a field find selected go on and back, as in the find box.
  await page.keyboard.press('Shift+Enter');
  await expect(counter).toHaveText('1 of 5');
  await expect(headline).toBeFocused();
  expect(await selectionIn(headline)).toBe('Nguyễn Văn Hải');
  await page.keyboard.press('Enter');
  await expect(counter).toHaveText('2 of 5');
  await page.keyboard.press('Enter');
  await expect(counter).toHaveText('3 of 5');
  await expect(sapo).toBeFocused();
  expect(await selectionIn(sapo)).toBe('Nguyễn Văn Hải');
  await expect(subheadline).toHaveValue(SUBHEADLINE);
  await expect(headline).toHaveValue(HEADLINE);
  await page.keyboard.press('Enter');
  await expect(counter).toHaveText('4 of 5');
  await expect(body.locator('.find-current')).toHaveText('Nguyễn Văn Hải');
  await bar.getByRole('button', { name: 'Next' }).click();
  await expect(counter).toHaveText('5 of 5');
  await expect(caption).toBeFocused();
  expect(await selectionIn(caption)).toBe('Nguyễn Văn Hải');
  await expect(sapo).toHaveValue(SAPO);

  // Replace all: everywhere, and it says where.
  await bar.getByRole('textbox', { name: 'Replace with' }).fill('Nguyễn Văn Hà');
  await bar.getByRole('button', { name: 'Replace all', exact: true }).click();
  await expect(counter).toHaveText('5 replaced');
  await expect(bar.locator('.find-report')).toHaveText('5 replaced: 1 in the text, 1 in the headline, 1 in the subheadline, 1 in the sapo, 1 in a caption');
  const replaced = (s: string) => s.replace('Nguyễn Văn Hải', 'Nguyễn Văn Hà');
  await expect(headline).toHaveValue(replaced(HEADLINE));
  await expect(page.locator('.topbar-title')).toHaveText(replaced(HEADLINE));
  await expect(subheadline).toHaveValue(replaced(SUBHEADLINE));
  await expect(sapo).toHaveValue(replaced(SAPO));
  await expect(caption).toHaveValue(replaced(CAPTION));
  await expect(body.locator('p').first()).toHaveText(replaced(INTRO));
  // Speaker names were not asked for.
  await expect(page.getByRole('group', { name: 'Ông Nguyễn Văn Hải' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Saved');

  // One Ctrl+Z in the text takes all of it back.
  await find.press('Escape');
  await expect(body).toBeFocused();
  await page.keyboard.press('Control+Z');
  await expect(headline).toHaveValue(HEADLINE);
  await expect(page.locator('.topbar-title')).toHaveText(HEADLINE);
  await expect(subheadline).toHaveValue(SUBHEADLINE);
  await expect(sapo).toHaveValue(SAPO);
  await expect(caption).toHaveValue(CAPTION);
  await expect(body.locator('p').first()).toHaveText(INTRO);
  await expect(page.getByRole('status')).toHaveText('Saved');

  // Speaker names when asked: the guest's printed name is found in the participants panel, and
  // Replace there renames the speaker of every turn.
  await page.keyboard.press('Control+H');
  await speakers.check();
  await expect(counter).toHaveText(/of 6$/);
  for (let i = 0; i < 6 && (await counter.textContent()) !== '4 of 6'; i++) await bar.getByRole('button', { name: 'Next' }).click();
  await expect(counter).toHaveText('4 of 6');
  const label = page.getByRole('region', { name: 'Participants' }).getByRole('listitem', { name: 'Ông Nguyễn Văn Hải' }).getByRole('textbox', { name: 'Printed label' });
  await expect(label).toBeFocused();
  expect(await selectionIn(label)).toBe('Nguyễn Văn Hải');
  await bar.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Ông Nguyễn Văn Hà' })).toBeVisible();
  await expect(headline).toHaveValue(HEADLINE);
  await expect(page.getByRole('status')).toHaveText('Saved');

  // As stored.
  await page.reload();
  await expect(headline).toHaveValue(HEADLINE);
  await expect(caption).toHaveValue(CAPTION);
  await expect(body.locator('p').first()).toHaveText(INTRO);
});

test('Vietnamese: the report of Replace all in Vietnamese', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(host.url);
  await openStory(page, 'Tiêu đề');
  await page.getByRole('textbox', { name: 'Nội dung phỏng vấn' }).getByText(QUESTION).click();
  await page.keyboard.press('Control+H');
  const bar = page.getByRole('search', { name: 'Tìm' });
  await bar.getByRole('textbox', { name: 'Tìm' }).fill('Nguyễn Văn Hải');
  await expect(bar.getByRole('checkbox', { name: 'Tìm cả tên người nói' })).not.toBeChecked();
  await bar.getByRole('textbox', { name: 'Thay bằng' }).fill('Nguyễn Văn Hà');
  await bar.getByRole('button', { name: 'Thay tất cả' }).click();
  await expect(bar.locator('.find-report')).toHaveText('Đã thay 5 chỗ: 1 chỗ trong bài, 1 chỗ ở tiêu đề, 1 chỗ ở tiêu đề phụ, 1 chỗ ở sapo, 1 chỗ ở chú thích ảnh');
  await context.close();
});

test('in Suggesting mode Replace all becomes suggestions in the text, the caption and the header, and rejecting them restores the text', async ({ page }) => {
  await page.goto(host.url);
  await openStory(page);
  // An editor at the machine.
  await setProfile(page, 'Minh', 'Editor');
  const body = page.getByRole('textbox', { name: 'Interview body' });
  await body.getByText(QUESTION).click();
  await page.keyboard.press('Control+Alt+KeyS');
  await expect(page.getByRole('radio', { name: 'Suggesting' })).toBeChecked();

  await page.keyboard.press('Control+H');
  const bar = page.getByRole('search', { name: 'Find' });
  await bar.getByRole('textbox', { name: 'Find' }).fill('Nguyễn Văn Hải');
  await bar.getByRole('textbox', { name: 'Replace with' }).fill('Nguyễn Văn Hà');
  await bar.getByRole('button', { name: 'Replace all', exact: true }).click();
  await expect(bar.locator('.find-report')).toHaveText('5 replaced: 1 in the text, 1 in the headline, 1 in the subheadline, 1 in the sapo, 1 in a caption');

  // Struck and inserted in the text; the fields hold the suggested values, with who suggested them.
  const intro = body.locator('p').first();
  await expect(intro.locator('del')).toHaveText(['Nguyễn Văn Hải']);
  await expect(intro.locator('ins')).toHaveText(['Nguyễn Văn Hà']);
  const headline = page.getByRole('textbox', { name: /^Headline/ });
  await expect(headline).toHaveValue(HEADLINE.replace('Hải', 'Hà'));
  // Headline, subheadline (under Details) and sapo.
  await expect(page.locator('.meta-pending')).toHaveText([/Minh/, /Minh/, /Minh/]);
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Review' });
  await expect(panel.getByRole('heading', { name: '5 pending changes' })).toBeVisible();

  // Rejecting them all gives the story back.
  await panel.getByRole('button', { name: 'Reject all', exact: true }).click();
  await expect(panel.getByText('No pending changes.')).toBeVisible();
  await expect(headline).toHaveValue(HEADLINE);
  await showStoryDetails(page);
  await expect(page.getByRole('textbox', { name: 'Sapo' })).toHaveValue(SAPO);
  await expect(page.getByRole('figure', { name: 'Photo' }).getByRole('textbox', { name: 'Caption' })).toHaveValue(CAPTION);
  await expect(intro).toHaveText(INTRO);
  await expect(body.locator('ins, del')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Saved');
});

test('in Viewing mode Find still finds, but Replace and Replace all are disabled with the reason and change nothing', async ({ page }) => {
  await page.goto(host.url);
  await openStory(page);
  const body = page.getByRole('textbox', { name: 'Interview body' });
  await body.getByText(QUESTION).click();
  await page.keyboard.press('Control+Alt+KeyV');
  await expect(page.getByRole('radio', { name: 'Viewing' })).toBeChecked();

  // Ctrl+H asks for Replace: the bar opens, and the Find box takes the keys.
  await page.keyboard.press('Control+H');
  const bar = page.getByRole('search', { name: 'Find' });
  const find = bar.getByRole('textbox', { name: 'Find' });
  await expect(find).toBeFocused();
  await find.fill('nguyen van hai');
  const counter = bar.locator('.find-counter');
  await expect(counter).toHaveText(/of 5$/);
  const before = await counter.textContent();
  await find.press('Enter');
  await expect(counter).not.toHaveText(before!);
  await expect(counter).toHaveText(/of 5$/);

  const reason = 'Switch to Editing or Suggesting to replace.';
  const replaceWith = bar.getByRole('textbox', { name: 'Replace with' });
  await expect(replaceWith).toBeDisabled();
  await expect(replaceWith).toHaveAccessibleDescription(reason);
  for (const name of ['Replace', 'Replace all']) {
    const button = bar.getByRole('button', { name, exact: true });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('title', reason);
  }
  await expect(bar.getByText(reason)).toBeVisible();
  // Nothing changed: the text, the header, the counter's five matches.
  await expect(page.getByRole('textbox', { name: /^Headline/ })).toHaveValue(HEADLINE);
  // Read-only, the body is no text box any more: it is read by its class.
  await expect(page.locator('.interview-body p').first()).toHaveText(INTRO);
  await expect(bar.locator('.find-report')).toHaveCount(0);

  // In Editing mode the same bar replaces again.
  await page.keyboard.press('Control+Alt+KeyE');
  await expect(page.getByRole('radio', { name: 'Editing' })).toBeChecked();
  await expect(replaceWith).toBeEnabled();
  await expect(bar.getByText(reason)).toHaveCount(0);
  await replaceWith.fill('Nguyễn Văn Hà');
  await bar.getByRole('button', { name: 'Replace all', exact: true }).click();
  await expect(bar.locator('.find-report')).toHaveText('5 replaced: 1 in the text, 1 in the headline, 1 in the subheadline, 1 in the sapo, 1 in a caption');
});

test('on a 1366×768 laptop, a match near the top found from the bottom of a long interview is shown below every top bar', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(host.url);
  const created = await api<{ doc: { id: string; meta: Record<string, unknown>; body: unknown[]; participants: { id: string }[] }; revision: number }>(page, 'document.create', { language: 'en' });
  const doc = created.doc;
  doc.meta.headline = 'A year of new members';
  const [reporter, guest] = doc.participants;
  const answer = 'We went to every commune and every factory, and we asked the people who already work with us to name the ones they trust.';
  const turn = (speakerId: string, text: string) => ({ type: 'turn', speakerId, children: [{ type: 'paragraph', children: [{ text }] }] });
  doc.body = [];
  for (let i = 1; i <= 40; i++) {
    doc.body.push(turn(reporter!.id, i === 2 ? `${i}. Where did you find the needle?` : `${i}. What did the province do?`));
    doc.body.push(turn(guest!.id, answer));
  }
  await api(page, 'document.save', { id: doc.id, baseRevision: created.revision, doc });
  await page.goto(`${host.url}#/doc/${doc.id}`);
  const body = page.getByRole('textbox', { name: 'Interview body' });
  await expect(body.locator('.turn')).toHaveCount(80);
  await body.focus();
  await page.keyboard.press('Control+End');
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(2000);

  await page.keyboard.press('Control+F');
  const find = page.getByRole('search', { name: 'Find' }).getByRole('textbox', { name: 'Find' });
  await find.fill('needle');
  await find.press('Enter');
  const current = page.locator('.interview-body .find-current');
  await expect(current).toHaveText('needle');
  await expectMatchClear();

  // The match just under the top bar, where a fixed 80 px guess took it for visible: the bars on a
  // laptop screen (top bar, review bar, editing tools) reach further down. The caret goes to the
  // end first, off screen, so nothing but Find brings the match's line back into view.
  await find.press('Escape');
  await page.keyboard.press('Control+End');
  await page.evaluate(() => {
    const line = [...document.querySelectorAll('.interview-body p')].find((p) => p.textContent?.includes('needle'))!;
    window.scrollBy({ top: line.getBoundingClientRect().top - 90, behavior: 'instant' });
  });
  await page.keyboard.press('Control+F');
  await find.fill('needle');
  await find.press('Enter');
  await expect(current).toHaveText('needle');
  await expectMatchClear();
  await context.close();

  async function expectMatchClear() {
    await expect
      .poll(async () => {
        const match = (await current.boundingBox())!;
        const bars = await stickyBarBoxes(page);
        if (!bars.some((b) => b.name === 'top bar')) return 'no top bar measured';
        for (const { name, box } of bars) {
          const overlaps = match.y < box.bottom && match.y + match.height > box.top;
          if (overlaps) return `the match ${JSON.stringify(match)} is under the ${name} ${JSON.stringify(box)}`;
        }
        return match.y >= 0 && match.y + match.height <= 768 ? 'clear' : `the match ${JSON.stringify(match)} is outside the window`;
      })
      .toBe('clear');
  }
});
