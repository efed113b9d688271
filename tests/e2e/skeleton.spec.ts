import { showStoryDetails } from './page-actions';
import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

/** Collects CSP violations and page errors from the moment the page starts. */
async function watchPage(page: Page): Promise<() => Promise<string[]>> {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  return async () => [...errors, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

async function writeInterview(page: Page) {
  await page.getByRole('button', { name: 'New interview' }).click();
  await showStoryDetails(page);
  await page.getByRole('textbox', { name: 'Section' }).fill('Xây dựng Đảng');
  await page.getByRole('textbox', { name: /^Headline/ }).fill('Long An: Kết nạp đảng viên vượt chỉ tiêu');
  await page.getByRole('textbox', { name: 'Location' }).fill('Long An');
  await page.getByRole('textbox', { name: 'Sapo' }).fill('Các cấp ủy tỉnh Long An đã chủ động.');
  await page.getByRole('textbox', { name: 'Byline' }).fill('Thanh Bình');
  const body = page.getByRole('textbox', { name: 'Interview body' });
  await body.click();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('How has the province done this, sir?');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Đảng bộ tỉnh Long An có 19 đảng bộ trực thuộc.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second paragraph of the answer.');
  await expect(page.getByRole('status')).toHaveText('Saved');
}

async function expectInterview(page: Page) {
  await expect(page.getByRole('textbox', { name: /^Headline/ })).toHaveValue('Long An: Kết nạp đảng viên vượt chỉ tiêu');
  await showStoryDetails(page);
  await expect(page.getByRole('textbox', { name: 'Section' })).toHaveValue('Xây dựng Đảng');
  await expect(page.getByRole('textbox', { name: 'Byline' })).toHaveValue('Thanh Bình');
  const question = page.getByRole('group', { name: 'Reporter' });
  const answer = page.getByRole('group', { name: 'Guest' });
  await expect(question).toHaveCount(1);
  await expect(answer).toHaveCount(1);
  await expect(question).toContainText('How has the province done this, sir?');
  await expect(answer.locator('p')).toHaveText(['Đảng bộ tỉnh Long An có 19 đảng bộ trực thuộc.', 'Second paragraph of the answer.']);
  await expect(page.getByRole('status')).toHaveText('Saved');
}

test.describe('walking skeleton', () => {
  let dataDir: string;
  let host: RunningHost;
  test.beforeEach(async () => {
    dataDir = newDataDir();
    host = await startWebHost(dataDir);
  });
  test.afterEach(async () => host.stop());

  test('an interview survives a reload and a restart of the web host', async ({ page }) => {
    const problems = await watchPage(page);
    await page.goto(host.url);
    await writeInterview(page);
    const docUrl = page.url();
    expect(docUrl).toMatch(/#\/doc\/[\w-]+$/);

    await page.reload();
    await expectInterview(page);

    // The spelling worker fetches its dictionaries once the text shows: let it finish before the
    // host goes away, or the page reports the refused request (not what this test is about).
    await page.waitForLoadState('networkidle');
    await host.stop();
    host = await startWebHost(dataDir);
    await page.goto(host.url + new URL(docUrl).hash);
    await expectInterview(page);

    await page.getByRole('button', { name: 'Library' }).click();
    await expect(page.getByRole('link', { name: /Long An: Kết nạp đảng viên vượt chỉ tiêu/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /Reporter · Guest/ })).toBeVisible();
    expect(await problems()).toEqual([]);
  });

  test('a wrong payload gets a typed error and changes nothing', async ({ page }) => {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'New interview' }).click();
    await page.getByRole('textbox', { name: /^Headline/ }).fill('Kept headline');
    await expect(page.getByRole('status')).toHaveText('Saved');
    const id = new URL(page.url()).hash.split('/').pop()!;

    const answers = await page.evaluate(async (docId) => {
      const post = async (channel: string, body: unknown) =>
        (await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json();
      return [
        await post('document.save', { id: docId, baseRevision: 'two', doc: null }),
        await post('document.save', { id: docId, baseRevision: 99, doc: {} }),
        await post('document.load', { id: docId, extra: true }),
        await post('library.list', []),
      ];
    }, id);
    expect(answers.map((a: { error: { code: string } }) => a.error.code)).toEqual(['invalid_input', 'invalid_document', 'invalid_input', 'invalid_input']);

    await page.reload();
    await expect(page.getByRole('textbox', { name: /^Headline/ })).toHaveValue('Kept headline');
  });
});
