/**
 * Photos in an interview: inserted by the file picker, by drop and by paste; caption, credit and
 * alt text typed in place (including through a Vietnamese input method); shown through the app's
 * asset URL after a reload; moved and removed; and bad files refused with a clear message while
 * the document stays saved and valid.
 */
import { expect, test, type FileChooser, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Block, Interview } from '../../shared/model/schema';
import { solidPng } from '../helpers/images';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

const UI = {
  en: { newInterview: 'New interview', body: 'Interview body', add: 'Add photo', figure: 'Photo', caption: 'Caption', credit: 'Credit', alt: 'Alt text', saved: 'Saved', guest: 'Guest', prefix: 'Photo:' },
  vi: { newInterview: 'Bài phỏng vấn mới', body: 'Nội dung phỏng vấn', add: 'Thêm ảnh', figure: 'Ảnh', caption: 'Chú thích', credit: 'Nguồn ảnh', alt: 'Văn bản thay thế', saved: 'Đã lưu', guest: 'Khách mời', prefix: 'Ảnh:' },
};
type Ui = (typeof UI)['en'];

/** CSP violations, page errors and console errors from the moment the page starts. */
async function watchPage(page: Page): Promise<() => Promise<string[]>> {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...errors, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

/** A new interview with an intro, a question, and an answer of two paragraphs. */
async function startInterview(page: Page, ui: Ui) {
  await page.goto(host.url);
  await page.getByRole('button', { name: ui.newInterview }).click();
  await page.getByRole('textbox', { name: ui.body }).click();
  await page.keyboard.type('TTXVN - Thời gian qua, Tỉnh ủy Long An luôn quan tâm.');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Thưa ông, tỉnh làm thế nào?');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Đoạn một của câu trả lời.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Đoạn hai của câu trả lời.');
  await expect(page.getByRole('status')).toHaveText(ui.saved);
}

/** Put the caret in the first paragraph of the answer. */
async function caretInAnswer(page: Page, ui: Ui) {
  await page.getByRole('group', { name: ui.guest }).getByText('Đoạn một của câu trả lời.').click();
}

async function pickFiles(page: Page, ui: Ui, files: Parameters<FileChooser['setFiles']>[0]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: ui.add }).click();
  await (await chooser).setFiles(files);
}

const png = (name: string, width = 64, height = 48) => ({ name, mimeType: 'image/png', buffer: solidPng(width, height) });

/** The stored document, read back through the API (so it has passed the backend's schema check). */
async function storedDoc(page: Page): Promise<Interview> {
  const id = new URL(page.url()).hash.split('/').pop()!;
  const result = await page.evaluate(async (docId) => {
    const res = await fetch('/api/document.load', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: docId }) });
    return res.json();
  }, id);
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  return result.value.doc;
}

const blockText = (b: Block): string => (b.type === 'photo' ? `[${b.caption || 'photo'}]` : b.type === 'paragraph' ? b.children.map((t) => t.text).join('') : '');
/** Each top-level block in one line: `turn: a | [photo] | b`. */
const outline = (doc: Interview) => doc.body.map((b) => (b.type === 'turn' ? `turn: ${b.children.map(blockText).join(' | ')}` : blockText(b)));

async function expectImageShown(figure: Locator) {
  const img = figure.getByRole('img');
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  expect(await img.getAttribute('src')).toMatch(/^asset\/[0-9a-f]{64}$/);
}

test('insert by file picker, caption and credit typed in place, kept over a reload (English)', async ({ page }) => {
  const problems = await watchPage(page);
  await startInterview(page, UI.en);
  await caretInAnswer(page, UI.en);
  await pickFiles(page, UI.en, png('portrait.png'));

  const figure = page.getByRole('figure', { name: 'Photo' });
  await expect(figure).toHaveCount(1);
  await expectImageShown(figure);
  // The caption is where the writer goes next.
  const caption = figure.getByRole('textbox', { name: 'Caption' });
  await expect(caption).toBeFocused();
  await page.keyboard.type('Party member Nguyễn Ngọc Hải (left) at work.');
  // Enter and Backspace belong to the field; they do not split or join the story's paragraphs.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('.');
  await figure.getByRole('textbox', { name: 'Credit' }).click();
  await page.keyboard.type('Reuters');
  await figure.getByRole('textbox', { name: 'Alt text' }).fill('A man in a white shirt at a desk');
  await expect(figure.getByText('Photo:', { exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Saved');

  const doc = await storedDoc(page);
  expect(outline(doc)).toEqual([
    'TTXVN - Thời gian qua, Tỉnh ủy Long An luôn quan tâm.',
    'turn: Thưa ông, tỉnh làm thế nào?',
    'turn: Đoạn một của câu trả lời. | [Party member Nguyễn Ngọc Hải (left) at work.] | Đoạn hai của câu trả lời.',
  ]);
  const photo = doc.body[2]!.type === 'turn' ? doc.body[2]!.children[1] : null;
  expect(photo).toMatchObject({ type: 'photo', assetId: expect.stringMatching(/^[0-9a-f]{64}$/), credit: 'Reuters', alt: 'A man in a white shirt at a desk' });

  await page.reload();
  const reloaded = page.getByRole('figure', { name: 'Photo' });
  await expectImageShown(reloaded);
  await expect(reloaded.getByRole('img')).toHaveAttribute('alt', 'A man in a white shirt at a desk');
  await expect(reloaded.getByRole('textbox', { name: 'Caption' })).toHaveValue('Party member Nguyễn Ngọc Hải (left) at work.');
  await expect(reloaded.getByRole('textbox', { name: 'Credit' })).toHaveValue('Reuters');
  await expect(reloaded.getByText('Photo:', { exact: true })).toBeVisible();
  // The photo stands inside the answer, between its paragraphs.
  await expect(page.getByRole('group', { name: 'Guest' }).getByRole('figure')).toHaveCount(1);
  expect(await problems()).toEqual([]);
});

test('Vietnamese: caption through an input method, credit shown with “Ảnh:” and stored without it', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  const problems = await watchPage(page);
  await startInterview(page, UI.vi);
  await caretInAnswer(page, UI.vi);
  await pickFiles(page, UI.vi, png('dang-vien.png', 80, 60));

  const figure = page.getByRole('figure', { name: 'Ảnh' });
  const caption = figure.getByRole('textbox', { name: 'Chú thích' });
  await expect(caption).toBeFocused();
  const cdp = await context.newCDPSession(page);
  // An IME composing "Đảng" (Telex d-d-a-n-g-r), then plain typing, then a UniKey-style fix-up:
  // Backspaces delete the letters typed so far and the word comes back with its tone.
  for (const step of ['d', 'đ', 'đa', 'đan', 'đang', 'đảng']) await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
  await cdp.send('Input.insertText', { text: 'Đảng' });
  await page.keyboard.type(' viên Nguyễn Ngọc Hai');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await cdp.send('Input.insertText', { text: 'Hải' });
  await page.keyboard.type('…');
  await expect(caption).toHaveValue('Đảng viên Nguyễn Ngọc Hải…');

  // A credit pasted with its prefix from the agency's text: shown and stored once.
  const credit = figure.getByRole('textbox', { name: 'Nguồn ảnh' });
  await credit.click();
  await page.keyboard.type('Ảnh: TTXVN phát');
  await page.keyboard.press('Tab');
  await expect(credit).toHaveValue('TTXVN phát');
  await expect(figure.getByText('Ảnh:', { exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Đã lưu');

  const doc = await storedDoc(page);
  const answer = doc.body[2]!;
  expect(answer.type === 'turn' && answer.children.map((c) => c.type)).toEqual(['paragraph', 'photo', 'paragraph']);
  expect(answer.type === 'turn' && answer.children[1]).toMatchObject({ caption: 'Đảng viên Nguyễn Ngọc Hải…', credit: 'TTXVN phát' });
  // The answer's text is untouched by the Backspaces typed in the caption.
  expect(outline(doc)[2]).toBe('turn: Đoạn một của câu trả lời. | [Đảng viên Nguyễn Ngọc Hải…] | Đoạn hai của câu trả lời.');

  await page.reload();
  const reloaded = page.getByRole('figure', { name: 'Ảnh' });
  await expectImageShown(reloaded);
  await expect(reloaded.getByRole('textbox', { name: 'Chú thích' })).toHaveValue('Đảng viên Nguyễn Ngọc Hải…');
  await expect(reloaded.getByRole('textbox', { name: 'Nguồn ảnh' })).toHaveValue('TTXVN phát');
  await expect(reloaded.getByText('Ảnh:', { exact: true })).toBeVisible();
  await expect(reloaded.getByRole('textbox', { name: 'Văn bản thay thế' })).toBeVisible();
  await reloaded.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/photo-vi.png' });
  expect(await problems()).toEqual([]);
  await context.close();
});

test('a photo moves up and down through the story, in and out of turns, and is removed in one undoable step', async ({ page }) => {
  const problems = await watchPage(page);
  await startInterview(page, UI.en);
  await caretInAnswer(page, UI.en);
  await pickFiles(page, UI.en, png('move.png'));
  await page.getByRole('textbox', { name: 'Caption' }).fill('P');
  await expect(page.getByRole('status')).toHaveText('Saved');

  const up = page.getByRole('button', { name: 'Move photo up' });
  const down = page.getByRole('button', { name: 'Move photo down' });
  const stored = async () => {
    await expect(page.getByRole('status')).toHaveText('Saved');
    return outline(await storedDoc(page));
  };
  const [intro, question, a1, a2] = ['TTXVN - Thời gian qua, Tỉnh ủy Long An luôn quan tâm.', 'Thưa ông, tỉnh làm thế nào?', 'Đoạn một của câu trả lời.', 'Đoạn hai của câu trả lời.'];

  await up.click();
  expect(await stored()).toEqual([intro, `turn: ${question}`, `turn: [P] | ${a1} | ${a2}`]);
  // From the keyboard: the focus stays on the button, so pressing again moves further.
  await expect(up).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await stored()).toEqual([intro, `turn: ${question}`, '[P]', `turn: ${a1} | ${a2}`]);
  await page.keyboard.press('Enter');
  expect(await stored()).toEqual([intro, `turn: ${question} | [P]`, `turn: ${a1} | ${a2}`]);
  await down.click();
  expect(await stored()).toEqual([intro, `turn: ${question}`, '[P]', `turn: ${a1} | ${a2}`]);
  await down.click();
  await down.click();
  expect(await stored()).toEqual([intro, `turn: ${question}`, `turn: ${a1} | [P] | ${a2}`]);

  await page.getByRole('button', { name: 'Remove photo' }).click();
  await expect(page.getByRole('figure')).toHaveCount(0);
  expect(await stored()).toEqual([intro, `turn: ${question}`, `turn: ${a1} | ${a2}`]);
  // The caret is back in the story, and one undo brings the photo back where it was.
  await expect(page.getByRole('textbox', { name: 'Interview body' })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('figure')).toHaveCount(1);
  expect(await stored()).toEqual([intro, `turn: ${question}`, `turn: ${a1} | [P] | ${a2}`]);
  expect(await problems()).toEqual([]);
});

test('a 60 MB file, a text file named .jpg and an SVG are refused with clear messages; the document stays saved and valid', async ({ page }) => {
  const problems = await watchPage(page);
  await startInterview(page, UI.en);
  const before = outline(await storedDoc(page));
  await caretInAnswer(page, UI.en);

  // Written to disk: Playwright does not carry buffers this large to the browser.
  const dir = mkdtempSync(join(tmpdir(), 'interview-desk-photos-'));
  const huge = join(dir, 'camera-raw.jpg');
  writeFileSync(huge, solidPng(8, 8));
  truncateSync(huge, 60 * 1024 * 1024);
  await pickFiles(page, UI.en, huge);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('“camera-raw.jpg” was not added: it is 60 MB, and a photo can be at most 30 MB.');
  rmSync(dir, { recursive: true, force: true });

  await pickFiles(page, UI.en, { name: 'anh-chan-dung.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Đây không phải là ảnh.\n') });
  await expect(alert).toHaveText(/“anh-chan-dung\.jpg” was not added: it is not a JPEG, PNG, WebP or GIF image\./);

  await pickFiles(page, UI.en, { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
  await expect(alert).toContainText('“logo.svg” was not added: SVG drawings are not accepted as photos');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);

  // Several files at once: the good one goes in, the bad one is reported.
  await pickFiles(page, UI.en, [png('good.png'), { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('notes') }]);
  await expect(page.getByRole('figure')).toHaveCount(1);
  await expect(alert).toContainText('“notes.jpg” was not added');
  await page.getByRole('button', { name: 'Remove photo' }).click();

  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(outline(await storedDoc(page))).toEqual(before);
  await page.reload();
  await expect(page.getByRole('group', { name: 'Guest' })).toContainText('Đoạn hai của câu trả lời.');
  await expect(page.getByRole('figure')).toHaveCount(0);
  expect(await problems()).toEqual([]);
});

test('dropping and pasting image files insert photos after the block at that place', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  const problems = await watchPage(page);
  await startInterview(page, UI.en);
  const base64 = solidPng(20, 10).toString('base64');

  // Drop on the question: a real DragEvent at the paragraph's position, as the OS would deliver it.
  const question = page.getByRole('group', { name: 'Reporter' }).locator('p');
  const box = (await question.boundingBox())!;
  await page.evaluate(
    ({ data, x, y }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'dropped.png', { type: 'image/png' }));
      const target = document.elementFromPoint(x, y)!;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt, clientX: x, clientY: y }));
    },
    { data: base64, x: box.x + 10, y: box.y + box.height / 2 },
  );
  await expect(page.getByRole('figure')).toHaveCount(1);
  await page.getByRole('textbox', { name: 'Caption' }).fill('Dropped');

  // Paste from the clipboard into the second paragraph of the answer.
  await page.evaluate(async (data) => {
    const blob = new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: 'image/png' });
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
  }, base64);
  await page.getByRole('group', { name: 'Guest' }).getByText('Đoạn hai của câu trả lời.').click();
  await page.keyboard.press('Control+v');
  await expect(page.getByRole('figure')).toHaveCount(2);
  await expect(page.getByRole('textbox', { name: 'Caption' }).nth(1)).toBeFocused();
  await page.keyboard.type('Pasted');
  await expect(page.getByRole('status')).toHaveText('Saved');

  expect(outline(await storedDoc(page))).toEqual([
    'TTXVN - Thời gian qua, Tỉnh ủy Long An luôn quan tâm.',
    'turn: Thưa ông, tỉnh làm thế nào? | [Dropped]',
    'turn: Đoạn một của câu trả lời. | Đoạn hai của câu trả lời. | [Pasted]',
  ]);
  // Pasting text still pastes text.
  await page.evaluate(() => navigator.clipboard.writeText(' Thêm chữ.'));
  await page.getByRole('group', { name: 'Guest' }).getByText('Đoạn một của câu trả lời.').click();
  await page.keyboard.press('Control+v');
  await expect(page.getByRole('group', { name: 'Guest' }).locator('p').first()).toContainText('Thêm chữ.');
  await expect(page.getByRole('figure')).toHaveCount(2);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await problems()).toEqual([]);
  await context.close();
});

test('a photo that came without its image (imported text) shows a placeholder, and the image can be attached', async ({ page }) => {
  const problems = await watchPage(page);
  await page.goto(host.url);
  // A document as an import of agency text leaves it: caption and credit, no image yet.
  const id = await page.evaluate(async () => {
    const post = async (channel: string, body: unknown) =>
      (await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json();
    const created = await post('document.create', { language: 'vi' });
    const doc = created.value.doc;
    doc.body = [
      { type: 'photo', assetId: null, caption: 'Đảng viên Nguyễn Ngọc Hải (bìa trái)', credit: 'Thanh Hải/TTXVN', alt: '', children: [{ text: '' }] },
      { type: 'paragraph', children: [{ text: 'TTXVN - Thời gian qua…' }] },
    ];
    const saved = await post('document.save', { id: doc.id, baseRevision: created.value.revision, doc });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    return doc.id as string;
  });
  await page.goto(`${host.url}#/doc/${id}`);

  const figure = page.getByRole('figure', { name: 'Photo' });
  await expect(figure).toContainText('No image attached yet.');
  await expect(figure.getByRole('img')).toHaveCount(0);
  // The prefix follows the document's language (Vietnamese), not the UI's (English).
  await expect(figure.getByText('Ảnh:', { exact: true })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await figure.getByRole('button', { name: 'Attach image' }).click();
  await (await chooser).setFiles(png('lead.png', 30, 20));
  await expectImageShown(figure);
  await expect(figure.getByRole('img')).toHaveAttribute('alt', 'Đảng viên Nguyễn Ngọc Hải (bìa trái)');
  await expect(page.getByRole('status')).toHaveText('Saved');
  const doc = await storedDoc(page);
  expect(doc.body[0]).toMatchObject({ type: 'photo', assetId: expect.stringMatching(/^[0-9a-f]{64}$/), caption: 'Đảng viên Nguyễn Ngọc Hải (bìa trái)', credit: 'Thanh Hải/TTXVN' });
  expect(await problems()).toEqual([]);
});
