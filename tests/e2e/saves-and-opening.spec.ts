/**
 * No crash, conflict or stored limit loses, bricks or locks away an interview:
 * - the host dies after storing a save and before answering it; after a restart the save is sent
 *   again, recognised, and everything typed before, during and after is stored (no "changed elsewhere");
 * - two windows type in one interview: both versions are kept, and the page says where;
 * - a stored paragraph over the limit opens split, with a notice and the stored version in History;
 * - an interview whose stored text cannot be read offers its last good version.
 */
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { readDocumentText, storeDocumentText, storeRevisionText } from '../../electron/backend/document-store';
import { api, firstStart } from './page-actions';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

const dataDir = newDataDir();
let host: RunningHost;
test.beforeAll(async ({ browser }) => {
  host = await startWebHost(dataDir);
  const page = await browser.newPage();
  await firstStart(page, host.url, 'Lan', 'Reporter');
  await page.close();
});
test.afterAll(async () => host.stop());

const body = (page: Page) => page.getByRole('textbox', { name: 'Interview body' });
const saveStatus = (page: Page) => page.locator('.save-status [role="status"]');
const documentId = (page: Page) => decodeURIComponent(new URL(page.url()).hash.replace('#/doc/', ''));

async function newInterview(page: Page, headline: string): Promise<string> {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New interview' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill(headline);
  await body(page).click();
  await expect(saveStatus(page)).toHaveText('Saved');
  return documentId(page);
}

/** Stop the host, change its library file directly (as an older version or a damaged disk left it), start it again on the same address. */
async function withLibrary(change: (db: Database.Database) => void): Promise<void> {
  await host.stop();
  const db = new Database(join(dataDir, 'library.sqlite'));
  try {
    change(db);
  } finally {
    db.close();
  }
  host = await startWebHost(dataDir, { port: host.port });
}

test('the host crashes after storing a save and before answering: after a restart nothing typed is lost and nothing conflicts', async ({ page }) => {
  const id = await newInterview(page, 'Crash between store and answer');
  await page.keyboard.type('Năm nay');
  await expect(saveStatus(page)).toHaveText('Saved');

  // The next save reaches the library and is stored; then the host dies before it answers.
  let stored = false;
  await page.route(
    /\/api\/document\.save(Changes)?$/,
    async (route) => {
      await route.fetch(); // the host stores the save…
      stored = true;
      await host.crash(); // …and is killed before its answer leaves
      await route.abort('connectionreset');
    },
    { times: 1 },
  );
  await page.keyboard.type(' tỉnh Long An');
  await expect.poll(() => stored).toBe(true);
  await expect(saveStatus(page)).toHaveText(/^Not saved/);

  // Typing goes on while the host is down.
  await page.keyboard.type(' kết nạp');
  await page.waitForTimeout(1500); // an autosave or two fail meanwhile
  await expect(saveStatus(page)).toHaveText(/^Not saved/);

  // The host is started again on the same address, its library as the crash left it.
  host = await startWebHost(dataDir, { port: host.port });
  await page.keyboard.type(' nhiều đảng viên.');
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(page.getByTestId('conflict-kept')).toHaveCount(0);

  await page.reload();
  await expect(body(page)).toContainText('Năm nay tỉnh Long An kết nạp nhiều đảng viên.');
  const history = await api<{ versions: { kind: string }[] }>(page, 'history.list', { id });
  expect(history.versions.map((v) => v.kind)).not.toContain('conflict');
});

test('two windows typing in one interview: both versions are kept, and the page says which is where', async ({ page, context }) => {
  const id = await newInterview(page, 'Two windows');
  await page.keyboard.type('Bản đầu.');
  await expect(saveStatus(page)).toHaveText('Saved');

  const other = await context.newPage();
  await other.goto(`${host.url}#/doc/${encodeURIComponent(id)}`);
  await body(other).click();
  await other.keyboard.press('End');
  await other.keyboard.type(' Cửa sổ kia viết thêm.');
  await expect(saveStatus(other)).toHaveText('Saved');

  // The first window, on the older revision, types on: kept beside the other's version.
  await page.keyboard.type(' Cửa sổ này viết thêm.');
  await expect(page.getByTestId('conflict-kept')).toContainText('Both versions are kept');
  await expect(saveStatus(page)).toHaveText('Saved');
  const history = await api<{ versions: { revision: number; kind: string; note: string }[] }>(page, 'history.list', { id });
  const kept = history.versions.find((v) => v.kind === 'conflict')!;
  expect(kept).toBeDefined();
  const theirs = await api<{ doc: { body: { children: { text: string }[] }[] } }>(page, 'history.get', { id, revision: Number(kept.note) });
  expect(JSON.stringify(theirs.doc.body)).toContain('Cửa sổ kia viết thêm.');
  const mine = await api<{ doc: { body: unknown[] } }>(page, 'document.load', { id });
  expect(JSON.stringify(mine.doc.body)).toContain('Cửa sổ này viết thêm.');
  await page.getByTestId('conflict-kept').getByRole('button', { name: 'History…' }).click();
  await expect(page.getByText('Kept beside another version')).toBeVisible();
  await other.close();
});

test('a paragraph stored over the limit opens split, says so, and keeps the stored version in History', async ({ page }) => {
  const id = await newInterview(page, 'Stored before the limit');
  await page.keyboard.type('Mở đầu.');
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.goto(host.url);
  const long = 'Năm nay tỉnh Long An kết nạp nhiều đảng viên. '.repeat(2500); // 115,000 characters
  await withLibrary((db) => {
    const row = db.prepare('SELECT revision, updated_at FROM document WHERE id = ?').get(id) as { revision: number; updated_at: string };
    const doc = JSON.parse(readDocumentText(db, id)!) as { body: unknown[] };
    doc.body.push({ type: 'paragraph', children: [{ text: long }] });
    storeDocumentText(db, id, JSON.stringify(doc));
    storeRevisionText(db, id, row.revision, row.updated_at, JSON.stringify(doc));
  });

  await page.goto(`${host.url}#/doc/${encodeURIComponent(id)}`);
  const notice = page.getByTestId('repair-notice');
  await expect(notice).toContainText('Opened with a few adjustments.');
  await expect(notice).toContainText(/A paragraph of 115,000 characters .* was split into 2 paragraphs\./);
  await expect(notice).toContainText(/kept in History as version \d+/);
  await notice.getByRole('button', { name: 'History…' }).click();
  await expect(page.getByText('Adjusted on opening')).toBeVisible();
});

test('an interview whose stored text cannot be read offers its last good version, and opens once it is restored', async ({ page }) => {
  const id = await newInterview(page, 'Damaged on disk');
  await page.keyboard.type('Câu trả lời còn nguyên.');
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.goto(host.url);
  await withLibrary((db) => {
    const { revision } = db.prepare('SELECT revision FROM document WHERE id = ?').get(id) as { revision: number };
    db.prepare('UPDATE document SET revision = ? WHERE id = ?').run(revision + 1, id);
    storeDocumentText(db, id, '{"format":"interview-desk/1","id":');
    storeRevisionText(db, id, revision + 1, '2026-11-27T12:00:00.000Z', '{"format":"interview-desk/1","id":');
  });

  await page.goto(`${host.url}#/doc/${encodeURIComponent(id)}`);
  await expect(page.getByRole('heading', { name: 'This interview could not be opened' })).toBeVisible();
  await expect(page.getByText(/is the last one that can be read/)).toBeVisible();
  await page.getByRole('button', { name: /^Restore version \d+$/ }).click();
  await expect(body(page)).toContainText('Câu trả lời còn nguyên.');
  await expect(saveStatus(page)).toHaveText('Saved');
});
