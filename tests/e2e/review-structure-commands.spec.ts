/**
 * Structural changes made while Suggesting, where a user meets them: a pasted agency article
 * becomes suggested turns listed in the Changes panel (and is refused, with the reason, where its
 * intro would land in a speaker's turn); removing a participant suggests what becomes of their
 * turns and keeps them listed meanwhile; a comment stays on its words when Ctrl+Enter splits the
 * turn before them, through acceptance and a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { fixtureInterviewText } from '../helpers/material';
import { firstStart, selectText } from './page-actions';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeAll(async ({ browser }) => {
  host = await startWebHost(newDataDir());
  // The library's first start asks who works here: the editor Minh, for every test.
  const page = await browser.newPage();
  await firstStart(page, host.url, 'Minh', 'Editor');
  await page.close();
});
test.afterAll(async () => host.stop());

const body = (page: Page) => page.getByRole('textbox', { name: 'Interview body' });
const changes = (page: Page) => page.getByRole('complementary', { name: 'Review' });

/** An interview stored through the API with this body; returns its id. */
async function createInterview(page: Page, language: 'en' | 'vi', blocks: unknown[]): Promise<string> {
  return page.evaluate(
    async ([lang, content]) => {
      const post = async (channel: string, payload: unknown) =>
        (await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) })).json();
      const created = await post('document.create', { language: lang });
      const doc = created.value.doc;
      doc.meta.headline = 'Structure';
      doc.body = content;
      const saved = await post('document.save', { id: doc.id, baseRevision: created.value.revision, doc });
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
      return doc.id as string;
    },
    [language, blocks] as const,
  );
}

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ text }] });
const turn = (speakerId: string, ...texts: string[]) => ({ type: 'turn', speakerId, children: texts.map(paragraph) });

/** Open the interview as the editor Minh (an editor's documents open in Suggesting). */
async function openAsEditor(page: Page, blocks: unknown[], language: 'en' | 'vi' = 'en') {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'New interview' })).toBeVisible();
  const id = await createInterview(page, language, blocks);
  await page.goto(`${host.url}#/doc/${id}`);
  await expect(page.getByRole('radio', { name: 'Suggesting' })).toBeChecked();
}

/** Put the caret at the end of `text` in the story, and let Slate take it (its selection is throttled). */
async function caretAtEndOf(page: Page, text: string) {
  await body(page).getByText(text).click();
  await page.keyboard.press('End');
  await page.waitForTimeout(300);
}

/** A plain-text paste, as a `paste` event whose clipboard holds only text/plain. */
async function pastePlainText(page: Page, text: string) {
  await body(page).evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('an agency article pasted while Suggesting is suggested turns and photos, listed in the Changes panel', async ({ page }) => {
  await openAsEditor(page, [paragraph('TTXVN - Phần mở đầu có sẵn.'), turn('p1', 'Câu hỏi có sẵn?')], 'vi');

  // At the end of the last turn there is no paragraph outside the turns for the article's intro to
  // go beside: nothing is pasted, and the alert says why.
  await caretAtEndOf(page, 'Câu hỏi có sẵn?');
  await pastePlainText(page, fixtureInterviewText());
  await expect(page.getByRole('alert')).toContainText('Nothing was pasted: while Suggesting');
  await expect(body(page).locator('.turn')).toHaveCount(1);

  // At the end of the intro: every turn is a suggestion, each given to its own speaker.
  await caretAtEndOf(page, 'TTXVN - Phần mở đầu có sẵn.');
  await pastePlainText(page, fixtureInterviewText());
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(body(page).locator('.turn.block-ins')).toHaveCount(9);
  await expect(page.getByRole('group', { name: 'Ông Phạm Văn Thành', exact: true })).toHaveCount(4);
  // Three photos: one between blocks, a suggestion of its own; two inside answers, part of their new turns.
  await expect(body(page).locator('figure.photo')).toHaveCount(3);
  await expect(body(page).locator('figure.photo.block-ins')).toHaveCount(1);
  // The old question is still the reporter's, unmarked.
  await expect(body(page).locator('.turn').last()).toHaveText(/Câu hỏi có sẵn\?/);
  await expect(body(page).locator('.turn').last()).not.toHaveClass(/block-ins/);

  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  const newTurns = changes(page).getByRole('listitem', { name: 'New turn' });
  await expect(newTurns).toHaveCount(9);
  await expect(newTurns.first()).toContainText('Minh');
  await expect(changes(page).getByRole('listitem', { name: 'New photo' })).toHaveCount(1);

  // Accepted, it is the article as Editing mode would have pasted it, kept across a reload.
  await changes(page).getByRole('button', { name: 'Accept all' }).click();
  await expect(body(page).locator('.block-ins, ins, del')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Ông Phạm Văn Thành', exact: true })).toHaveCount(4);
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByRole('group', { name: 'Phóng viên', exact: true })).toHaveCount(6);
  await expect(body(page).locator('figure')).toHaveCount(3);
});

test('removing a participant while Suggesting suggests what becomes of their turns; they stay listed until it is decided', async ({ page }) => {
  await openAsEditor(page, [turn('p1', 'What changed?'), turn('p2', 'Everything.'), turn('p1', 'Thank you.')]);
  await page.getByRole('button', { name: 'Participants' }).click();
  const participants = page.getByRole('region', { name: 'Participants' });

  // Deleting the guest's turns: the turn is struck, not gone.
  await participants.getByRole('listitem', { name: 'Guest' }).getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Guest?' });
  await dialog.getByRole('radio', { name: 'Delete the turn' }).check();
  await dialog.getByRole('button', { name: 'Remove participant' }).click();
  await expect(page.getByRole('group', { name: 'Guest', exact: true })).toHaveClass(/block-del/);
  await expect(page.getByRole('group', { name: 'Guest', exact: true })).toContainText('Everything.');
  await expect(participants.getByRole('listitem')).toHaveCount(2);
  await expect(participants).toContainText('The changes to the turns of Guest are suggested. Guest stays in the list until they are decided.');

  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  const removal = changes(page).getByRole('listitem', { name: 'Turn removed' });
  await expect(removal).toContainText('Minh');
  // Rejected, the answer is the guest's again, as it was.
  await removal.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Guest', exact: true })).not.toHaveClass(/block-del/);

  // Giving the turns to the reporter: a speaker change, with the old speaker shown struck.
  await page.getByRole('button', { name: 'Participants' }).click();
  await participants.getByRole('listitem', { name: 'Guest' }).getByRole('button', { name: 'Remove' }).click();
  await dialog.getByRole('combobox', { name: 'New speaker' }).selectOption({ label: 'Reporter' });
  await dialog.getByRole('button', { name: 'Remove participant' }).click();
  const turns = body(page).locator('.turn');
  await expect(turns.nth(1)).toHaveAttribute('aria-label', 'Reporter');
  await expect(turns.nth(1).locator('.speaker-was')).toHaveText('Guest');
  await expect(participants.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  await expect(changes(page).getByRole('listitem', { name: 'Speaker changed' })).toContainText('Speaker:Guest → Reporter');

  // Kept across a reload, still pending, with the guest still a participant.
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await expect(body(page).locator('.turn').nth(1).locator('.speaker-was')).toHaveText('Guest');
});

test('a comment stays on its words when Ctrl+Enter splits the turn before them, accepted and reloaded', async ({ page }) => {
  await openAsEditor(page, [turn('p1', 'What did you do?'), turn('p2', 'We planned ahead. We hired more people.'), turn('p1', 'Thank you.')]);
  const answer = page.getByRole('group', { name: 'Guest', exact: true }).locator('p').first();

  await selectText(answer, 'hired more');
  await page.keyboard.press('Control+Alt+KeyM');
  const comments = page.getByRole('complementary', { name: 'Review' });
  await comments.getByRole('textbox', { name: 'New comment' }).fill('How many?');
  await comments.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(answer.locator('.comment-anchor')).toHaveText('hired more');

  // The caret after "We planned ahead. " (the selection collapsed to its end), then Ctrl+Enter: the
  // rest becomes the next speaker's turn.
  await selectText(answer, 'We planned ahead. ');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+Enter');
  const moved = body(page).locator('.turn.block-ins');
  await expect(moved).toHaveCount(1);
  await expect(moved).toHaveAttribute('aria-label', 'Reporter');
  await expect(moved.locator('.comment-anchor')).toHaveText('hired more');

  // Accepted: the words live only in the new turn, and the thread is on them, not orphaned.
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  await changes(page).getByRole('button', { name: 'Accept all' }).click();
  await expect(body(page).locator('.block-ins, .block-del, ins, del')).toHaveCount(0);
  const turns = body(page).locator('.turn');
  await expect(turns).toHaveCount(4);
  await expect(turns.nth(1)).toContainText('We planned ahead.');
  await expect(turns.nth(1)).not.toContainText('hired');
  await expect(turns.nth(2).locator('.comment-anchor')).toHaveText('hired more');
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.reload();
  await expect(body(page).locator('.turn').nth(2).locator('.comment-anchor')).toHaveText('hired more');
  await page.getByRole('button', { name: 'Comments (1)' }).click();
  await expect(comments).toContainText('How many?');
  await expect(comments).not.toContainText('The commented text was deleted.');
});
