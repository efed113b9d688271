/**
 * What the desktop's main process feels while the library works (`--only desktop`): main's event
 * loop, probed every millisecond (tests/desktop-harness/main-loop-delay.ts), during a 1 MB import
 * (document.createFrom of what the importer made of ~1 MB of agency text, as the app sends it)
 * and an export of that interview (NITF), each twice over:
 * - through the backend process, as the app runs: the real electron/main code on the desktop
 *   harness's Electron stand-in, the real backend process entry in a Node child process (the
 *   harness's stand-in for a utilityProcess), the request made as the window's IPC makes it;
 * - with the handlers in main's own process, as before the backend process existed: `dispatch` on
 *   a library opened here.
 * The probe's lateness (p99, max) is what a menu click or a window event would wait; the longest
 * task's CPU time is main's own part of it, whatever else the machine runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../shared/api/result';
import type { Interview } from '../shared/model/schema';
import { dispatch } from '../electron/backend/dispatch';
import { StandInElectron } from '../tests/desktop-harness/electron-stand-in';
import { buildShellBundles, disposeShellBundles, startMain, waitFor } from '../tests/desktop-harness/load-main';
import { mainLoopDelayDuring, type LoopDelay } from '../tests/desktop-harness/main-loop-delay';
import { openBenchLibrary } from './library';
import { median } from './stats';

export interface LoopDelaySummary {
  /** Medians over the runs, except `maxTaskCpuMs` and `worstMaxMs`: the worst run's. */
  p99Ms: number;
  maxMs: number;
  worstMaxMs: number;
  maxTaskCpuMs: number;
  workMs: number;
}

export interface DesktopCosts {
  /** The imported interview as JSON, bytes. */
  docBytes: number;
  runs: number;
  backendProcess: { import: LoopDelaySummary; export: LoopDelaySummary };
  inProcess: { import: LoopDelaySummary; export: LoopDelaySummary };
}

function summary(delays: LoopDelay[]): LoopDelaySummary {
  return {
    p99Ms: median(delays.map((d) => d.p99Ms)),
    maxMs: median(delays.map((d) => d.maxMs)),
    worstMaxMs: Math.max(...delays.map((d) => d.maxMs)),
    maxTaskCpuMs: Math.max(...delays.map((d) => d.maxTaskCpuMs)),
    workMs: median(delays.map((d) => d.workMs)),
  };
}

const expectOk = <T>(result: Result<T>, what: string): T => {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.message}`);
  return result.value;
};

/** `doc` imported then exported `runs` times, through the backend process and in-process. */
export async function measureDesktop(doc: Interview, runs = 3): Promise<DesktopCosts> {
  const through = { import: [] as LoopDelay[], export: [] as LoopDelay[] };
  const inside = { import: [] as LoopDelay[], export: [] as LoopDelay[] };

  // The app: main on the stand-in, no page (the requests are made as the page's IPC makes them).
  const root = mkdtempSync(join(tmpdir(), 'bench-desktop-'));
  const { mainFile } = await buildShellBundles();
  const electron = new StandInElectron(() => ({ load: async () => undefined, send: () => undefined }));
  try {
    electron.app.setPath('userData', join(root, 'library'));
    electron.app.setPath('documents', root);
    startMain(electron, mainFile, []);
    electron.app.becomeReady();
    await waitFor(() => electron.windows[0]?.visible === true, 'the main window');
    const contents = electron.windows[0]!.webContents;
    const invoke = (channel: string, input: unknown) => electron.ipcMain.invokeFrom(contents, channel, [input]) as Promise<Result<unknown>>;
    expectOk(await invoke('library.list', {}), 'opening the library'); // waits for the backend process
    for (let i = 0; i < runs; i++) {
      const imported = await mainLoopDelayDuring(() => invoke('document.createFrom', { doc }));
      const { doc: stored } = expectOk(imported.result, 'import') as { doc: Interview };
      through.import.push(imported.delay);
      const exported = await mainLoopDelayDuring(() => invoke('document.export', { id: stored.id, format: 'nitf', acceptWarnings: [] }));
      expectOk(exported.result, 'export');
      through.export.push(exported.delay);
    }
    // No page to flush: the window goes at once, and the app quits as after its last window.
    electron.windows[0]!.destroy();
    await waitFor(() => electron.app.quitted, 'the app to quit (closing the library)');
  } finally {
    if (!electron.app.quitted) electron.app.exit(0);
    await disposeShellBundles();
    rmSync(root, { recursive: true, force: true });
  }

  const library = await openBenchLibrary('desktop', 'bench');
  try {
    for (let i = 0; i < runs; i++) {
      const imported = await mainLoopDelayDuring(() => dispatch('document.createFrom', { doc }, library.ctx));
      const { doc: stored } = expectOk(imported.result, 'import') as { doc: Interview };
      inside.import.push(imported.delay);
      const exported = await mainLoopDelayDuring(() => dispatch('document.export', { id: stored.id, format: 'nitf', acceptWarnings: [] }, library.ctx));
      expectOk(exported.result, 'export');
      inside.export.push(exported.delay);
    }
  } finally {
    library.remove();
  }
  return {
    docBytes: Buffer.byteLength(JSON.stringify(doc)),
    runs,
    backendProcess: { import: summary(through.import), export: summary(through.export) },
    inProcess: { import: summary(inside.import), export: summary(inside.export) },
  };
}
