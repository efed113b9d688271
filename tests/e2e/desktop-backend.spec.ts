/**
 * The library runs in its own process (electron/backend-process/, started by the main process as
 * a utilityProcess; in the harness a real Node child process running the real entry): main holds
 * no database, stays responsive while the library works on a large import or export, survives the
 * library process crashing without losing an edit, and closes the library before the app quits.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../shared/api/result';
import { importAgencyText } from '../../shared/import/agency-text';
import type { Interview } from '../../shared/model/schema';
import { LOCK_FILE } from '../../electron/backend/data-dir-lock';
import { dispatch } from '../../electron/backend/dispatch';
import { waitFor } from '../desktop-harness/desktop-app';
import { desktopSpec, skipProfile } from '../desktop-harness/desktop-spec';
import { FRAME_MS, mainLoopDelayDuring, type LoopDelay } from '../desktop-harness/main-loop-delay';
import { tempLibrary } from '../helpers/temp-library';

const { newRoot, launch } = desktopSpec('desk-backend-');

/** The agency interview fixture, its turns repeated until the document is over 1 MB as JSON. */
function largeInterview(): Interview {
  const base = importAgencyText(readFileSync(join(import.meta.dirname, '../fixtures/agency-interview.txt'), 'utf8')).doc;
  const turns = base.body.filter((b) => b.type === 'turn');
  const body = [...base.body];
  // Copies, not the same objects again: a structured clone would send a shared object once.
  while (JSON.stringify(body).length < 1_050_000) body.push(...structuredClone(turns));
  return { ...base, body };
}

/** The process that holds the library now, as the lock file names it. */
const lockOwner = (dataDir: string) => (JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as { pid: number }).pid;

test('the library is held by the backend process, not by main; quitting closes it before the app goes', async ({ browser }) => {
  const root = newRoot();
  const dataDir = join(root, 'lib');
  const run = await launch(browser, dataDir, root);
  await skipProfile(run.page);
  const [backend] = run.electron.utilityProcesses;
  expect(backend?.pid).toBeDefined();
  expect(lockOwner(dataDir)).toBe(backend!.pid);
  expect(lockOwner(dataDir)).not.toBe(process.pid);

  run.clickMenu({ role: 'quit' });
  await waitFor(() => run.electron.app.quitted, 'the app to quit');
  // The library was closed (the folder's lock released) by the backend process itself.
  expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  await waitFor(() => backend!.exited, 'the backend process to end');
});

test('a 1 MB import and its export run without holding main up by more than a frame (in-process, they would)', async ({ browser }) => {
  test.slow();
  const root = newRoot();
  const run = await launch(browser, join(root, 'lib'), root);
  await skipProfile(run.page);
  const doc = largeInterview();
  const contents = run.window.webContents;
  const invoke = (channel: string, input: unknown) => run.electron.ipcMain.invokeFrom(contents, channel, [input]) as Promise<Result<{ doc: Interview }>>;

  // Three times, keeping each measure's best run: one run can meet a garbage collection or a busy
  // machine that has nothing to do with where the handlers run.
  const through = { import: [] as LoopDelay[], export: [] as LoopDelay[] };
  let headline = '';
  for (let i = 0; i < 3; i++) {
    const imported = await mainLoopDelayDuring(() => invoke('document.createFrom', { doc }));
    if (!imported.result.ok) throw new Error(imported.result.error.message);
    headline = imported.result.value.doc.meta.headline;
    through.import.push(imported.delay);
    const exported = await mainLoopDelayDuring(() => invoke('document.export', { id: imported.result.ok ? imported.result.value.doc.id : '', format: 'nitf', acceptWarnings: [] }));
    expect(exported.result.ok).toBe(true);
    through.export.push(exported.delay);
  }
  // The same import with the handlers in this process: the probe sees it hold the loop.
  const library = await tempLibrary();
  const inMain: LoopDelay[] = [];
  try {
    for (let i = 0; i < 2; i++) {
      const inProcess = await mainLoopDelayDuring(() => dispatch('document.createFrom', { doc }, library.ctx));
      expect(inProcess.result.ok).toBe(true);
      inMain.push(inProcess.delay);
    }
  } finally {
    library.close();
  }
  const best = (delays: LoopDelay[]) => Math.min(...delays.map((d) => d.maxTaskCpuMs));
  console.log(`main-loop delay through the backend process: import ${JSON.stringify(through.import)}, export ${JSON.stringify(through.export)}; in main: import ${JSON.stringify(inMain)}`);
  expect(best(inMain), 'in main, the import holds the loop for longer than a frame').toBeGreaterThan(FRAME_MS);
  // Held to the CPU time of main's longest task (wall-clock lateness on a shared machine also counts
  // the time other programs had the CPU), and relative to the same work in main: what is left in
  // main is copying the message, a fraction of the work. The one-frame target itself is measured by
  // `npm run bench -- --only desktop`, not asserted here, where a loaded test machine would decide it.
  expect(best(through.import), 'import through the backend process').toBeLessThan(best(inMain) / 4);
  expect(best(through.export), 'export through the backend process').toBeLessThan(best(inMain) / 4);

  // And what the user sees: the imported interview is in the library.
  await run.page.reload();
  await expect(run.page.getByRole('link', { name: headline }).first()).toBeVisible();
});

test('the backend process crashing: the window says so, a new one opens the library, and no edit is lost', async ({ browser }) => {
  const root = newRoot();
  const dataDir = join(root, 'lib');
  const run = await launch(browser, dataDir, root);
  await skipProfile(run.page);
  await run.settle();
  run.clickMenu('file.new');
  const headline = run.page.getByRole('textbox', { name: 'Headline' });
  await headline.fill('Before the crash');
  await expect(run.page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved');

  const first = run.electron.utilityProcesses[0]!;
  first.crash();
  // Typed while the library is down: this save waits for the new process, or fails "unavailable"
  // and is sent again with the next edit under the same save id.
  await headline.fill('Typed while the library restarted');
  await waitFor(() => run.electron.dialog.shown.some((d) => d.kind === 'message'), 'the window to say the library stopped');
  const shown = run.electron.dialog.shown.find((d) => d.kind === 'message')!.options as { type: string; message: string; detail: string };
  expect(shown).toMatchObject({ type: 'error', message: 'The library stopped unexpectedly.', detail: expect.stringContaining('has reopened it') });
  await waitFor(() => run.electron.utilityProcesses.length === 2, 'a new backend process');
  const second = run.electron.utilityProcesses[1]!;
  await waitFor(() => existsSync(join(dataDir, LOCK_FILE)) && lockOwner(dataDir) === second.pid, 'the new process to hold the library');

  await headline.pressSequentially(', and after');
  await expect(run.page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved');
  run.clickMenu({ role: 'quit' });
  await waitFor(() => run.electron.app.quitted, 'the app to quit');

  const again = await launch(browser, dataDir, root);
  await expect(again.page.getByText('Typed while the library restarted, and after')).toBeVisible();
});
