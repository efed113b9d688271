/**
 * Damaged review state in the browser: an interview stored with a corrupt suggestion record (its
 * date is not a date: a hand-edited file, a faulty version) still opens; the Changes panel shows
 * what is wrong and offers to discard it; discarding is one undo step; and the export that the
 * damaged suggestion blocked goes out once it is settled. It must never stay blocked forever.
 */
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Interview } from '../../shared/model/schema';
import { readDocumentText, storeDocumentText } from '../../electron/backend/document-store';
import { newDataDir, startWebHost } from './web-host';
import { api, expectExportOnlyReviewCopy } from './page-actions';

const AT = '2026-11-27T10:00:00.000Z';
const answer = (page: Page) => page.getByRole('group', { name: 'Guest' }).locator('p').first();

test('a corrupt suggestion record: the interview opens, the problem is shown and discarded, and export goes out', async ({ page }) => {
  const data = newDataDir();
  let host = await startWebHost(data);
  const id = await (async () => {
    // An editor's two suggestions in an answer, stored as the app stores them.
    await page.goto(host.url);
    await api(page, 'profile.save', { profile: { id: 'lan', name: 'Lan', role: 'reporter' } });
    const { doc } = await api<{ doc: Interview }>(page, 'document.create', { language: 'en' });
    const guest = doc.participants.find((p) => p.role === 'interviewee')!.id;
    const next: Interview = {
      ...doc,
      meta: { ...doc.meta, headline: 'Planning ahead' },
      body: [{ type: 'turn', speakerId: guest, children: [{ type: 'paragraph', children: [{ text: 'We plan' }, { text: ' carefully', ins: 'bad' }, { text: ' ahead.' }, { text: ' We hired staff.', del: 'ok' }] }] }],
      review: {
        suggestions: [
          { id: 'bad', kind: 'insertText', authorId: 'minh', authorName: 'Minh', createdAt: AT },
          { id: 'ok', kind: 'deleteText', authorId: 'minh', authorName: 'Minh', createdAt: AT },
          // A record left behind: nothing in the text uses it.
          { id: 'stray', kind: 'insertTurn', authorId: 'ha', authorName: 'Hà', createdAt: AT },
        ],
        metaChanges: [],
      },
    };
    await api(page, 'document.save', { id: doc.id, baseRevision: 1, doc: next });
    return doc.id;
  })().finally(() => host.stop());

  // The record of the insertion is damaged on disk.
  const db = new Database(join(data, 'library.sqlite'));
  const stored = JSON.parse(readDocumentText(db, id)!) as Interview;
  stored.review!.suggestions[0]!.createdAt = 'hôm qua';
  storeDocumentText(db, id, JSON.stringify(stored));
  db.close();

  host = await startWebHost(data);
  try {
    await page.goto(`${host.url}#/doc/${id}`);
    // It opens, and the Changes panel says at once what is wrong.
    await expect(answer(page)).toHaveText('We plan carefully ahead. We hired staff.');
    const panel = page.getByRole('complementary', { name: 'Review' });
    const problems = panel.getByRole('region', { name: 'Damaged review data' });
    await expect(problems).toContainText('left out when the interview was opened');
    const items = problems.getByRole('list', { name: 'Damaged suggestions' }).getByRole('listitem');
    await expect(items).toHaveCount(2);
    const item = items.filter({ hasText: 'record (who made it, and when) is missing' });
    await expect(item).toContainText('carefully');
    const stray = items.filter({ hasText: 'that nothing in the text uses' });
    await expect(stray).toContainText('New turn, by Hà');
    await expect(problems.getByRole('button', { name: 'Discard all' })).toBeVisible();
    // The healthy suggestion is listed as usual, with its author.
    await expect(panel.getByRole('listitem', { name: 'Deletion' })).toContainText('Minh');

    // Send waits while suggestions are pending: disabled, the reason beside it, which opens the
    // Changes panel. Export offers only the Word review copy, which carries them.
    await expect(page.getByRole('button', { name: 'Send to newsroom' })).toBeDisabled();
    await expectExportOnlyReviewCopy(page);
    await page.getByRole('button', { name: '2 suggestions are still pending: decide them first' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    await expect(problems).toBeVisible();

    // The stray record goes without touching the text.
    await stray.getByRole('button', { name: 'Discard', exact: true }).click();
    await expect(items).toHaveCount(1);
    await expect(answer(page)).toHaveText('We plan carefully ahead. We hired staff.');

    // Discard: the damaged insertion is taken back; one undo step brings it back, redo takes it again.
    await item.getByRole('button', { name: 'Discard', exact: true }).click();
    await expect(answer(page)).toHaveText('We plan ahead. We hired staff.');
    await expect(items).toHaveCount(0);
    await expect(panel.getByRole('heading', { name: '1 pending change' })).toBeVisible();
    await page.keyboard.press('Control+z');
    await expect(answer(page)).toHaveText('We plan carefully ahead. We hired staff.');
    await expect(item).toHaveCount(1);
    await page.keyboard.press('Control+Shift+z');
    await expect(answer(page)).toHaveText('We plan ahead. We hired staff.');
    await expect(item).toHaveCount(0);
    await expect(problems.getByRole('list', { name: 'Damaged suggestions' })).toHaveCount(0);

    // The healthy suggestion is decided as usual; then the story goes out.
    await panel.getByRole('listitem', { name: 'Deletion' }).getByRole('button', { name: 'Accept', exact: true }).click();
    await expect(panel.getByText('No pending changes.')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toHaveText('Saved');
    await page.getByRole('button', { name: 'Export' }).click();
    await expect(exportDialog.getByRole('button', { name: 'Save file' })).toBeEnabled();
    await expect(exportDialog.getByLabel('Export preview')).toContainText('We plan ahead.');
    await expect(exportDialog.getByLabel('Export preview')).not.toContainText('carefully');

    // Stored clean: reopening shows no problem any more.
    await page.keyboard.press('Escape');
    await page.reload();
    await expect(answer(page)).toHaveText('We plan ahead.');
    await expect(page.getByRole('complementary', { name: 'Review' })).toHaveCount(0);
  } finally {
    await host.stop();
  }
});
